/** What the history, rewards and donations sections share: a paged list with "show more", cards, pictures. */
import { css, html, nothing, type TemplateResult } from 'lit';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { PagedList } from '../../core/paged-list.js';
import { imageSource } from '../../core/urls.js';
import type { WalletContext } from './sections.js';

export function renderList<T>(ctx: WalletContext, list: PagedList<T>, empty: string, item: (x: T) => TemplateResult): TemplateResult {
  adoptStyles(ctx.host.renderRoot, listStyles);
  if (list.status === 'idle' || list.status === 'loading') {
    // The same skeleton the wallet shows while a section's code loads: nothing moves when it arrives.
    return html`<div aria-busy="true"><span class="visually-hidden">${ctx.coreText.t('loading')}</span>
      <div class="skeleton block"></div><div class="skeleton block"></div></div>`;
  }
  if (list.status === 'error') return ctx.renderError(list.error, () => void ctx.load(list as PagedList<unknown>));
  return html`${list.items.length ? html`<ul class="items">${list.items.map(item)}</ul>` : html`<p class="muted" part="status empty">${empty}</p>`}
    ${list.error ? ctx.renderError(list.error) : nothing}
    ${list.next
      ? html`<button class="button" part="more" type="button" aria-disabled=${list.status === 'more' ? 'true' : 'false'} @click=${() => void more(ctx, list)}>
          ${list.status === 'more' ? ctx.coreText.t('loading') : ctx.text.t('more')}
        </button>`
      : nothing}`;
}

/** Loads the next page and puts focus on its first item, where reading continues. */
async function more<T>(ctx: WalletContext, list: PagedList<T>): Promise<void> {
  const shown = list.items.length;
  await ctx.load(list as PagedList<unknown>, true);
  await ctx.host.updateComplete;
  ctx.host.renderRoot.querySelectorAll<HTMLElement>('.items > li')[shown]?.focus();
}

/**
 * A reward's or a fund's picture. Decorative: the card's title and description say everything
 * needed to choose, redeem or donate, so the visually-impaired mode hides it (`.decorative`).
 */
export function image(ctx: WalletContext, picture: { url: string; alt: string } | undefined): TemplateResult | typeof nothing {
  const url = picture && imageSource(picture.url, ctx.api());
  return url ? html`<img class="decorative" src=${url} alt=${picture!.alt} loading="lazy" />` : nothing;
}

export const listStyles = css`
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .items,
  form,
  .card {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  select,
  input {
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding: 0.25em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  label {
    font-weight: 600;
  }
  .card {
    gap: 0.5em;
    justify-items: start;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card img {
    inline-size: 100%;
    max-inline-size: 20em;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
`;
