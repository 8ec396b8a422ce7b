/** The history section: earned, spent and donated points with what each was for, filtered by kind. */
import { css, html, type TemplateResult } from 'lit';
import { formatDate } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { LedgerKind } from './api.js';
import { LEDGER_KINDS } from './section-api.js';
import { renderList } from './list.js';
import type { WalletContext } from './sections.js';

export { walletSectionMessages as sectionMessages } from './section-messages.js';

const KIND_TEXT = { earned: 'kindEarned', spent: 'kindSpent', donated: 'kindDonated' } as const;
const ENTRY_TEXT = { earned: 'entryEarned', spent: 'entrySpent', donated: 'entryDonated' } as const;

export function renderHistory(ctx: WalletContext): TemplateResult {
  adoptStyles(ctx.host.renderRoot, historyStyles);
  const { text, points } = ctx;
  const kind = ctx.kind();
  return html`<div class="toolbar">
      <label for="kind">${text.t('filter')}</label>
      <select id="kind" @change=${(e: Event) => ctx.filterHistory((e.target as HTMLSelectElement).value as LedgerKind | '')}>
        <option value="" ?selected=${!kind}>${text.t('all')}</option>
        ${LEDGER_KINDS.map((k) => html`<option value=${k} ?selected=${kind === k}>${text.t(KIND_TEXT[k])}</option>`)}
      </select>
    </div>
    ${renderList(ctx, ctx.history, text.t(kind ? 'filterEmpty' : 'historyEmpty'), (e) => {
      const sign = e.amount > 0 ? '+' : '−';
      return html`<li class="entry ${e.kind}" part="entry" tabindex="-1">
        <span class="what">${e.description}</span>
        <span class="amount">${sign}${points(Math.abs(e.amount))}</span>
        <span class="muted">
          ${text.t(ENTRY_TEXT[e.kind])} · <time datetime=${e.createdAt}>${formatDate(text.locale, e.createdAt)}</time> ·
          ${text.t('afterEntry', { points: points(e.balanceAfter) })}
        </span>
      </li>`;
    })}`;
}

const historyStyles = css`
  .entry {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 1em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  .entry .muted {
    grid-column: 1 / -1;
    font-size: 0.875em;
  }
  .amount {
    font-weight: 700;
    white-space: nowrap;
  }
  .earned .amount {
    color: var(--_success);
  }
`;
