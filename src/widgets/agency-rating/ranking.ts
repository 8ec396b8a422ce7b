/**
 * People's Control's ranking of agencies (the widget without `agency`): a real table, sortable
 * by rating, on-time share and volume from buttons in the column headers, reflowing into one
 * card per agency on phones. The element asks for the first page while this code loads.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber, formatPercent } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { PagedList } from '../../core/paged-list.js';
import { fetchRanking, type AgencyPage, type AgencySummary, type RankingSort } from './api.js';
import type { RankingContext, RatingHost, RatingView } from './parts.js';
import { reported } from './reported.js';
import { partStyles, renderStars, starStyles } from './stars.js';

export { agencyRatingPartMessages as partMessages } from './part-messages.js';

const SORTS: RankingSort[] = ['rating', 'onTime', 'volume'];

export class AgencyRanking implements RatingView {
  private sort: RankingSort = 'rating';
  private readonly ranking: PagedList<AgencySummary>;
  private readonly context: RankingContext;
  /** The backend the list was loaded for. */
  private loadedFor?: unknown;

  constructor(private readonly host: RatingHost) {
    this.ranking = new PagedList(host.host, (cursor, signal) => {
      const client = host.client();
      if (!client || host.host.agency) return undefined;
      const first = !cursor && this.sort === 'rating' ? host.early<AgencyPage>('ranking') : undefined;
      return reported(host, first ?? fetchRanking(client, this.sort, cursor, signal));
    });
    this.context = {
      ...host,
      ranking: this.ranking,
      sort: () => this.sort,
      sortBy: (sort) => {
        this.sort = sort;
        this.load();
      },
    };
    host.host.addController(this);
  }

  /** The first page for this backend: now, and again when the widget is pointed at another. */
  hostUpdate(): void {
    const client = this.host.client();
    if (client && !this.host.host.agency && (this.loadedFor !== client || !this.ranking.loaded)) {
      this.loadedFor = client;
      this.load();
    }
  }

  /** A failure is reported by the fetcher and kept by the list, which shows it. */
  private load(): void {
    this.ranking.load().catch(() => undefined);
  }

  get phase(): string[] {
    // A re-sort keeps the rows shown (the table says it is busy); only the first page is "loading".
    const { status, items } = this.ranking;
    return status === 'idle' || (status === 'loading' && !items.length) ? ['loading'] : ['ranking'];
  }

  get failure(): unknown {
    return this.ranking.status === 'error' ? this.ranking.error : undefined;
  }

  retry(): void {
    this.load();
  }

  render(): TemplateResult {
    return this.phase.includes('loading') ? this.host.renderLoading() : renderRanking(this.context);
  }
}
const volume = (a: AgencySummary) => a.openComplaints + a.resolvedComplaints;

const columnName = (ctx: RankingContext, sort: RankingSort) => ctx.text.t(sort === 'rating' ? 'colRating' : sort === 'onTime' ? 'colOnTime' : 'colVolume');

function sortBy(ctx: RankingContext, sort: RankingSort): void {
  if (sort === ctx.sort()) return;
  ctx.sortBy(sort);
  ctx.announce(ctx.text.t('sortedBy', { column: columnName(ctx, sort) }));
}

function renderRanking(ctx: RankingContext): TemplateResult {
  adoptStyles(ctx.host.renderRoot, partStyles, starStyles, rankingStyles);
  const { text, ranking } = ctx;
  const locale = text.locale;
  const rows = ranking.items;
  const current = ctx.sort();
  const header = (sort: RankingSort) => html`<th scope="col" role="columnheader" aria-sort=${current === sort ? 'descending' : 'none'} class="num">
    <button class="sort" part="sort" type="button" @click=${() => sortBy(ctx, sort)}>
      ${columnName(ctx, sort)}<span class="arrow" aria-hidden="true">${current === sort ? '▼' : '↕'}</span>
    </button>
  </th>`;
  return html`<section class="frame ranking" part="base" aria-labelledby="title" lang=${locale}>
    <h2 id="title" part="title">${text.t('rankingTitle')}</h2>
    ${rows.length
      ? html`<table part="table" role="table" aria-busy=${ranking.status === 'loading' ? 'true' : 'false'}>
          <caption class="muted">${text.t('rankingCaption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader" class="place">${text.t('colPlace')}</th>
              <th scope="col" role="columnheader" class="name">${text.t('colAgency')}</th>
              ${SORTS.map(header)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.map(
              (a, i) => html`<tr role="row">
                <td role="cell" class="place" data-label=${text.t('colPlace')}>${i + 1}</td>
                <th scope="row" role="rowheader" class="name">${a.name}</th>
                <td role="cell" class="num" data-label=${text.t('colRating')}>
                  ${a.rating.average === null
                    ? text.t('noRatings')
                    : html`${renderStars(a.rating.average, text.t('average', { value: formatNumber(locale, a.rating.average, { maximumFractionDigits: 1 }) }))}
                        <span aria-hidden="true">${formatNumber(locale, a.rating.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
                        <span class="muted">${text.t('ratings', { count: a.rating.count })}</span>`}
                </td>
                <td role="cell" class="num" data-label=${text.t('colOnTime')}>
                  ${a.onTimeShare === null ? text.t('noData') : formatPercent(locale, a.onTimeShare)}
                </td>
                <td role="cell" class="num" data-label=${text.t('colVolume')}>${formatNumber(locale, volume(a))}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p class="status" part="status">${text.t('emptyRanking')}</p>`}
    ${ranking.error ? ctx.renderError(ranking.error) : nothing}
    ${ranking.next
      ? html`<button class="button" part="more" type="button" aria-disabled=${ranking.status === 'more' ? 'true' : 'false'} @click=${() => more(ctx)}>
          ${ranking.status === 'more' ? ctx.coreText.t('loading') : text.t('showMore')}
        </button>`
      : nothing}
  </section>`;
}

/** The next page; a failure is reported by the element and shown next to the button by the list. */
function more(ctx: RankingContext): void {
  ctx.ranking.more().catch(() => undefined);
}

const rankingStyles = css`
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding-block-end: 0.5em;
  }
  th,
  td {
    padding: 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-weight: 600;
    white-space: nowrap;
  }
  .num {
    text-align: end;
  }
  tbody .name {
    font-weight: 600;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: 24px;
    padding: 0.25em;
    border: 0;
    background: none;
    color: var(--_primary-strong);
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  th[aria-sort='descending'] .sort {
    text-decoration: none;
    color: var(--_text);
  }
  td .stars {
    display: block;
  }
  /* Phones: each agency becomes a card; sorting stays as a row of buttons above them. */
  @container veche-rating (max-width: 36em) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
    }
    thead th {
      border: 0;
      padding: 0;
    }
    thead .place,
    thead .name {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .sort {
      min-block-size: var(--_target);
      padding-inline: 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    tbody tr {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5em;
      padding-block: 0.5em;
      border-block-end: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      border: 0;
      padding: 0.125em 0;
      text-align: start;
    }
    tbody .place {
      grid-row: 1;
    }
    tbody .name {
      grid-row: 1;
    }
    tbody .place::after {
      content: '.';
    }
    tbody td.num {
      grid-column: 1 / -1;
    }
    tbody td.num::before {
      content: attr(data-label) ': ';
      color: var(--_text-muted);
    }
    td .stars {
      display: inline-block;
    }
  }
`;
