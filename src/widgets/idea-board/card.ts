/**
 * An idea's support (count, progress to the threshold, the support toggle) and its funding
 * (raised, the city's matchfunding), as a card in the list and the idea's page show them.
 * Loaded with the list or the idea page, whichever comes first; the board's entry does not
 * carry them.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { adoptStyles } from '../../core/adopt-styles.js';
import { cssProps } from '../../core/css-props.js';
import { formatNumber, formatPercent } from '../../core/format.js';
import { meterStyles } from '../../core/meter-styles.js';
import { skeletonLook } from '../../core/styles.js';
import type { Funding, IdeaSummary } from './api.js';
import { OPEN, type BoardContext } from './parts.js';
import { partText } from './part-text.js';
import { supportError, toggleSupport } from './support.js';

/** Whole roubles in the board's language, as the cards, the page and the pledge flow show money. */
export const money = (ctx: BoardContext, amount: number): string =>
  formatNumber(ctx.text.locale, amount, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });

export function renderSupport(ctx: BoardContext, idea: IdeaSummary, page = false): TemplateResult {
  const t = partText(ctx);
  const share = Math.min(1, idea.supporters / idea.threshold);
  const canSupport = OPEN.includes(idea.status);
  const error = supportError(ctx, idea.id);
  return html`<div class="progress" part="progress">
    <p>
      <strong>${t('supporters', { count: idea.supporters })}</strong>
      <span class="muted">
        · ${idea.supporters >= idea.threshold
          ? t('thresholdReached')
          : t('toThreshold', { count: idea.threshold, supporters: idea.supporters })}
        (${formatPercent(ctx.text.locale, share)})</span
      >
    </p>
    <span class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': share })}></span></span>
    ${canSupport
      ? html`<div class="actions">
          ${idea.supportedByMe ? html`<span class="supported">${t('supported')}</span>` : nothing}
          <button
            class=${idea.supportedByMe ? 'button support' : 'button primary support'}
            part="support"
            type="button"
            @click=${() => void toggleSupport(ctx, idea)}
          >
            ${t(idea.supportedByMe ? 'withdraw' : 'support')}<span class="visually-hidden">: ${idea.title}</span>
          </button>
        </div>`
      : page
        ? html`<p class="hint">${t('supportClosed')}</p>`
        : nothing}
    ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
  </div>`;
}

export function renderFunding(ctx: BoardContext, funding: Funding): TemplateResult {
  const t = partText(ctx);
  const raised = Math.min(1, funding.raised / funding.goal);
  const matched = Math.min(1 - raised, funding.matched / funding.goal);
  return html`<div class="funding progress" part="progress">
    <p>
      <strong>${t('raised', { raised: money(ctx, funding.total), goal: money(ctx, funding.goal) })}</strong>
      ${funding.matchFactor > 0 && funding.matchCap > 0
        ? html`<span class="muted"> · ${t('match', { factor: formatNumber(ctx.text.locale, funding.matchFactor), cap: money(ctx, funding.matchCap) })}</span>`
        : nothing}
    </p>
    <span class="bar" aria-hidden="true">
      <span class="fill" ${cssProps({ '--_share': raised })}></span>
      <span class="fill match" ${cssProps({ '--_share': matched })}></span>
    </span>
    <p class="hint">
      ${funding.matched > 0 ? html`${t('matched', { matched: money(ctx, funding.matched), total: money(ctx, funding.total) })} · ` : nothing}${t(
        'pledgers',
        { count: funding.pledgers },
      )}
    </p>
  </div>`;
}

/**
 * What a card and an idea's page show of an idea beyond the board's own styles: its category,
 * status badge, excerpt and meters. Adopted by the list and the idea page when they load, so the
 * board's first styles (parsed before its first request leaves) carry none of it.
 */
export const useCardStyles = (root: Element | ShadowRoot | DocumentFragment) => adoptStyles(root, meterStyles, cardStyles);

const cardStyles = css`
  /* The board's tokens that only cards and an idea's page use (the others: styles.ts). */
  :host {
    --_bar: var(--veche-idea-board-bar-color, var(--_accent));
    --_fund: var(--veche-idea-board-funding-color, var(--_success));
    --_match: var(--veche-idea-board-match-color, var(--veche-color-primary-strong, #143f72));
    --_bar-track: var(--veche-idea-board-bar-track, var(--_surface-alt));
  }
  /* The list's box until its first cards are in (idea-list.ts, takeTurnsInRenderQueue): the
     skeleton's two cards (.card-skeleton, styles.ts), drawn as they are there, where the
     skeleton had them; not scrolling (over the virtualizer's inline overflow), as the skeleton
     did not. */
  .scroller[data-cards-pending] {
    overflow: hidden !important;
  }
  .scroller[data-cards-pending]::before,
  .scroller[data-cards-pending]::after {
    content: '';
    position: absolute;
    inset-inline: 0.5em;
    inset-block-start: 0.5em;
    block-size: 9em;
    background: var(--_card-surface);
    ${skeletonLook}
  }
  .scroller[data-cards-pending]::after {
    inset-block-start: 10em;
  }
  /* A column flexbox rather than a one-column grid: the same stacking and gaps, but a grid sizes
     its auto rows from each child's intrinsic size first, laying the text out twice. A fling
     renders three or four new cards a frame, and this was a quarter of their layout time. */
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    inline-size: calc(100% - 1em);
    margin: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-surface);
    contain: layout paint;
  }
  .funding {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .card:focus-visible {
    outline-offset: -3px;
  }
  .title {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary-strong);
    font: inherit;
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .excerpt {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .category {
    font-weight: 600;
    color: var(--_text-muted);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
  }
  .badge.implemented,
  .badge.accepted {
    color: var(--_success);
  }
  .badge.rejected {
    color: var(--_danger);
  }
  /* A column flexbox, not a grid: see .card above. */
  .progress {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  /* Funding stacks the raised and the matched fill in one bar. */
  .bar {
    display: flex;
  }
  .funding .fill {
    background: var(--_fund);
  }
  .funding .fill.match {
    background: var(--_match);
  }
  .supported {
    font-weight: 700;
    color: var(--_success);
  }
  .supported::before {
    content: '✓ ';
  }
`;
