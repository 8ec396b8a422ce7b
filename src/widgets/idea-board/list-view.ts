/**
 * What the list part shows around the virtualized list (idea-list.ts): the search and filters,
 * the count of what they found, and the list's empty states. It comes with the list — asked for
 * together with the first page of ideas — so the board's entry carries none of it; until then
 * the board's skeleton (`renderSkeleton` in veche-idea-board.ts) holds the same place with the
 * same fields, disabled, so nothing moves when these arrive.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { SORTS, STATUSES, type Sort } from './api.js';
import { categoriesFor } from './categories.js';
import { partText, type ActionKey } from './part-text.js';
import { STATUS_KEY, type ListContext } from './parts.js';

const SORT_KEY: Record<Sort, ActionKey> = { popular: 'sortPopular', newest: 'sortNewest', trending: 'sortTrending', threshold: 'sortThreshold' };

const chosen = (event: Event) => (event.target as HTMLSelectElement).value || undefined;

/** Above the list: the search, category, status and sort (reflecting the board's attributes), and the count of what they found. */
export function renderListHead(ctx: ListContext): TemplateResult {
  const t = partText(ctx);
  const { q, category, status, sort } = ctx.filters();
  const categories = categoriesFor(ctx);
  return html`<div class="filters" part="filters">
      <div class="field">
        <label for="q">${t('search')}</label>
        <input id="q" type="search" maxlength="200" .value=${q ?? ''} aria-describedby="q-hint" @input=${(e: Event) => ctx.search((e.target as HTMLInputElement).value)} />
        <span class="hint" id="q-hint">${t('searchHint')}</span>
      </div>
      <div class="field">
        <label for="category">${t('category')}</label>
        <select id="category" @change=${(e: Event) => ctx.setFilter('category', chosen(e))}>
          <option value="" ?selected=${!category}>${t('allCategories')}</option>
          ${category && !categories.some((c) => c.id === category) ? html`<option value=${category} selected>${category}</option>` : nothing}
          ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === category}>${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="status">${t('status')}</label>
        <select id="status" @change=${(e: Event) => ctx.setFilter('status', chosen(e))}>
          <option value="" ?selected=${!status}>${t('anyStatus')}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === status}>${t(STATUS_KEY[s])}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="sort">${t('sort')}</label>
        <select id="sort" @change=${(e: Event) => ctx.setFilter('sort', chosen(e))}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${s === sort}>${t(SORT_KEY[s])}</option>`)}
        </select>
      </div>
    </div>
    <p class="visually-hidden" id="list-hint">${t('listHint')}</p>
    ${renderFound(ctx)}`;
}

/**
 * How many ideas the search and filters found. Its line is there while the count is not (the
 * skeleton has it too): the list below does not move when the count arrives.
 */
function renderFound(ctx: ListContext): TemplateResult {
  const total = ctx.total();
  return html`<p class="muted found">${total !== undefined && ctx.items().length ? partText(ctx)('found', { count: total }) : nothing}</p>`;
}

/** Clears the search and the filters (not the sort), and returns to the search box. */
function resetFilters(ctx: ListContext): void {
  const search = ctx.host.renderRoot.querySelector<HTMLInputElement>('#q');
  if (search) search.value = '';
  for (const name of ['q', 'category', 'status'] as const) ctx.setFilter(name, undefined);
  ctx.focusLater('#q');
}

/** A list without ideas: none for the search or filters, none of the citizen's own, or none yet. */
export function renderEmpty(ctx: ListContext): TemplateResult {
  const t = partText(ctx);
  const { q, category, status, mine } = ctx.filters();
  if (q || category || status) {
    return html`<div class="status" part="status empty">
      <p class="status-title">${t('noResults')}</p>
      <p>${t('noResultsHint')}</p>
      <button class="button" type="button" @click=${() => resetFilters(ctx)}>${t('resetFilters')}</button>
    </div>`;
  }
  return html`<div class="status" part="status empty">
    <p class="status-title">${t(mine ? 'mineEmpty' : 'empty')}</p>
    <button class="button primary" type="button" @click=${() => ctx.openForm()}>${t('propose')}</button>
  </div>`;
}
