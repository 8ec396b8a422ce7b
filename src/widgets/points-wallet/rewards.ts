/** The rewards section: the catalogue by category, with cost, stock and partner; redeeming opens the spend flow. */
import { css, html, nothing, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { RewardCategory } from './api.js';
import { REWARD_CATEGORIES } from './section-api.js';
import { image, renderList } from './list.js';
import type { WalletContext } from './sections.js';

export { walletSectionMessages as sectionMessages } from './section-messages.js';

export function renderRewards(ctx: WalletContext): TemplateResult {
  adoptStyles(ctx.host.renderRoot, rewardStyles);
  const { text, points } = ctx;
  const balance = ctx.balance();
  const category = ctx.category();
  return html`<div class="toolbar">
      <label for="category">${text.t('category')}</label>
      <select id="category" @change=${(e: Event) => ctx.filterRewards((e.target as HTMLSelectElement).value as RewardCategory | '')}>
        <option value="" ?selected=${!category}>${text.t('allCategories')}</option>
        ${REWARD_CATEGORIES.map((c) => html`<option value=${c} ?selected=${category === c}>${text.t(c)}</option>`)}
      </select>
    </div>
    ${renderList(ctx, ctx.rewards, text.t('catalogueEmpty'), (r) => {
      // A redemption that waits for the connection is made already: a second would be a second voucher.
      const queued = ctx.spendQueued({ reward: r });
      const missing = r.cost - balance;
      const blocked = queued || missing > 0;
      return html`<li class="card" part="reward">
        ${image(ctx, r.image)}
        <h3>${r.title}</h3>
        <p class="muted">${text.t('partner', { name: r.partner })} · ${text.t(r.category)}</p>
        <p>${r.description}</p>
        <p>
          <strong>${points(r.cost)}</strong>${r.stock ? html` · <span class="stock">${text.t('stock', { count: r.stock })}</span>` : nothing}
        </p>
        ${r.stock === 0
          ? html`<p class="sold-out" part="out-of-stock">${text.t('outOfStock')}</p>`
          : html`<button
              class="button ${blocked ? '' : 'primary'}"
              part=${queued ? 'redeem redeem-queued' : 'redeem'}
              type="button"
              data-reward=${r.id}
              aria-disabled=${blocked ? 'true' : 'false'}
              @click=${(e: Event) => blocked || ctx.confirm({ key: newIdempotencyKey(), reward: r }, e.currentTarget as HTMLElement)}
            >
              ${queued ? text.t('redeemQueued') : missing > 0 ? text.t('missing', { points: points(missing) }) : text.t('redeem')}<span class="visually-hidden">: ${r.title}</span>
            </button>`}
      </li>`;
    })}`;
}

const rewardStyles = css`
  .sold-out {
    font-weight: 700;
    color: var(--_danger);
  }
`;
