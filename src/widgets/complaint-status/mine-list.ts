/**
 * "My complaints": the signed-in citizen's complaints, newest first, each card with its
 * timeline behind a disclosure, paged with "show more" through core's `PagedList`. Loaded
 * only on pages that list (`mine`); a page following one complaint never pays for it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { PagedList } from '../../core/paged-list.js';
import type { Complaint } from './api.js';
import type { ComplaintView } from './complaint-view.js';
import type { StatusContext } from './parts.js';

export { ComplaintView, ready } from './complaint-view.js';

export class MineList {
  constructor(
    private readonly ctx: StatusContext,
    private readonly view: ComplaintView,
  ) {
    adoptStyles(ctx.host.renderRoot, listStyles);
  }

  render(list: PagedList<Complaint>, shown: Complaint[]): TemplateResult {
    const t = this.view.text;
    const loadingMore = list.status === 'more';
    return html`<section class="frame" part="base" aria-labelledby="mine-title" lang=${t.locale}>
      <h2 id="mine-title" part="title">${t.t('mineTitle')}</h2>
      ${shown.length
        ? html`<ul class="cards">
            ${shown.map((c) => html`<li class="card"><article aria-labelledby="title-${c.id}">${this.view.renderComplaint(c, 3)}</article></li>`)}
          </ul>`
        : html`<p class="status" part="status empty">${t.t('mineEmpty')}</p>`}
      ${list.error ? this.ctx.renderError(list.error) : nothing}
      ${list.next
        ? html`<button class="button" part="more" type="button" aria-disabled=${loadingMore ? 'true' : 'false'} @click=${() => void this.more(list)}>
            ${loadingMore ? this.ctx.coreText.t('loading') : t.t('showMore')}
          </button>`
        : nothing}
    </section>`;
  }

  /** Loads the next page and puts focus on its first complaint, where reading continues. */
  private async more(list: PagedList<Complaint>): Promise<void> {
    const before = list.items.length;
    try {
      await list.more();
    } catch (error) {
      this.ctx.reportError(error);
      return;
    }
    const added = list.items.slice(before);
    if (!added.length) return;
    this.ctx.announce(this.view.text.t('loadedMore', { count: added.length }));
    await this.ctx.host.updateComplete;
    this.ctx.host.renderRoot.querySelector<HTMLElement>(`#title-${added[0]!.id}`)?.focus();
  }
}

const listStyles = css`
  .cards {
    display: grid;
    gap: 0.75em;
    list-style: none;
  }
  .card > article {
    display: grid;
    gap: 0.5em;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
