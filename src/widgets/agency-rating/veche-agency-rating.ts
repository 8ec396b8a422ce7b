import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController, loadMessages } from '../../core/localize.js';
import { PagedList } from '../../core/paged-list.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { signedInOnly } from '../../core/session.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { fetchAgency, fetchEligibility, fetchRanking, fetchRatings, ratingQueueKey, type AgencySummary, type Rating, type RankingSort, type RatingEligibility } from './api.js';
import type {} from './events.js';
import { agencyRatingMessages } from './messages.js';
import type { RatingContext } from './parts.js';
import { agencyRatingStyles } from './styles.js';

/**
 * What the first render does not need, each loaded when the data says it is needed and started
 * together with the data's fetch: a page shows either one agency's record or the ranking, and
 * the form only to a citizen who can rate.
 */
const parts = {
  record: () => import('./agency-record.js'),
  form: () => import('./rating-form.js'),
  ranking: () => import('./ranking.js'),
};
export type AgencyRatingParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };
type Parts = AgencyRatingParts;

const STATES = ['loading', 'not-found', 'error', 'record', 'ranking', 'eligible', 'not-eligible', 'signed-out', 'queued', 'sent', 'refused'] as const;

/**
 * People's Control for one agency or all of them. With `agency`: the agency's public record
 * (average rating, distribution, on-time share, median days to resolve, open complaints,
 * residents' reviews) and the rating form, offered only to a citizen with a closed complaint
 * this agency handled and has not rated yet — and explaining why otherwise. Without `agency`:
 * the ranking of agencies as a sortable table that reflows into cards on narrow screens.
 * A rating goes through the outbox: kept across reloads and network cuts, sent exactly once.
 * The record, the form and the ranking each load when the data says they are needed.
 *
 * @summary An agency's rating and record, the rating form, or the ranking of agencies.
 * @tag veche-agency-rating
 * @status experimental
 * @since 0.1
 *
 * @fires veche-rating - A rating was counted. `detail: { agency, complaint, stars }`, no personal data.
 * @fires veche-points-change - Points were awarded for rating. `detail: { delta, balance, reason }`.
 * @fires veche-error - Loading or rating failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Sending the rating needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The record's or the ranking's container.
 * @csspart title - The agency's name or the ranking's title.
 * @csspart summary - Average stars, number and count.
 * @csspart distribution - The distribution bars.
 * @csspart facts - On-time share, median days, open complaints.
 * @csspart reviews - Residents' reviews.
 * @csspart form - The rating form.
 * @csspart star - One star of the rating input (its label).
 * @csspart submit - The send button.
 * @csspart status - Notices: loading, not found, not eligible, sign-in, queued, sent, refused.
 * @csspart table - The ranking table.
 * @csspart sort - A sortable column's button.
 *
 * @cssproperty --veche-agency-rating-star - Filled stars (default: `#b35c00`).
 * @cssproperty --veche-agency-rating-star-empty - Empty stars (default: `--veche-color-border`).
 * @cssproperty --veche-agency-rating-bar-color - Distribution bars (default: `--veche-color-primary`).
 * @cssproperty --veche-agency-rating-bar-track - The empty part of a bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-agency-rating-reserve - Height reserved while loading (default: `20em`).
 *
 * @cssstate loading - Loading the record or the ranking.
 * @cssstate not-found - No agency with this id.
 * @cssstate error - Loading failed.
 * @cssstate record - Showing one agency's record.
 * @cssstate ranking - Showing the ranking.
 * @cssstate eligible - The rating form is offered.
 * @cssstate not-eligible - The citizen has no closed, unrated complaint with this agency.
 * @cssstate signed-out - Rating needs sign-in.
 * @cssstate queued - A rating waits in the outbox for the connection.
 * @cssstate sent - The rating was counted.
 * @cssstate refused - The server refused the rating (already rated, not eligible).
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheAgencyRating extends VecheElement {
  static override styles = [...baseStyles, agencyRatingStyles];

  static override properties: PropertyDeclarations = {
    agency: {},
    complaint: {},
    compact: { type: Boolean, reflect: true },
    sort: { state: true },
  };

  /** The agency's id, e.g. `roads`. Without it the widget shows the ranking of agencies. */
  agency?: string;
  /** A closed complaint of the citizen to rate the agency for (preselected in the form). */
  complaint?: string;
  /** Only the rating form, without the record (as `<veche-complaint-status>` embeds it). */
  compact = false;

  private sort: RankingSort = 'rating';

  private readonly text = new LocalizeController(this, agencyRatingMessages, () => this.config.value.locale);
  /** The parts' texts: created with the first part, so they load with it. */
  private partText?: RatingContext['text'];
  private readonly loaded = {} as { [K in keyof Parts]: LazyPart<Parts[K]> };
  private ratingForm?: InstanceType<Parts['form']['RatingForm']>;
  private rankingFor?: string;
  private ratingsFor?: string;

  private readonly record = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      return this.reporting(fetchAgency(client, id, signal));
    },
    args: () => [this.client, this.agency] as const,
  });

  /** `'signed-out'` when the backend does not know the citizen (401): no event, they did not act yet. */
  private readonly eligibility = new Task(this, {
    task: async ([client, id], { signal }): Promise<RatingEligibility | 'signed-out'> => {
      if (!client || !id) return initialState as never;
      // A rating queued on an earlier visit goes out as soon as possible: the form loads now.
      const api = this.config.value.api;
      if (api && hasQueued(ratingQueueKey(api, id))) void this.usePart('form').load();
      try {
        const result = await signedInOnly(client, () => fetchEligibility(client, id, signal));
        if (result.eligible) void this.usePart('form').load();
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') return 'signed-out';
        throw error;
      }
    },
    args: () => [this.client, this.agency] as const,
  });

  private readonly ratings = new PagedList<Rating>(this, (cursor, signal) => {
    const client = this.client;
    return client && this.agency ? this.reporting(fetchRatings(client, this.agency, cursor, signal)) : undefined;
  });

  private readonly ranking = new PagedList<AgencySummary>(this, (cursor, signal) => {
    const client = this.client;
    return client && !this.agency ? this.reporting(fetchRanking(client, this.sort, cursor, signal)) : undefined;
  });

  /** Reports a failed request (the lists and tasks keep the error to show); an aborted one or a 404 is not news. */
  private async reporting<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (!(error instanceof ApiError && (error.kind === 'aborted' || error.kind === 'not-found'))) this.reportError(error);
      throw error;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('agency') && changed.get('agency') !== undefined) this.ratingForm?.reset();
  }

  /** Starts what the configuration asks for: the lists' first pages with the parts that show them. */
  protected override update(changed: PropertyValues<this>): void {
    const client = this.client;
    const at = client && !this.misconfigured ? `${client.baseUrl} ${this.agency ?? ''}` : undefined;
    if (at && !this.agency && this.rankingFor !== `${at} ${this.sort}`) {
      this.rankingFor = `${at} ${this.sort}`;
      void this.usePart('ranking').load();
      // A failure is reported by the fetcher and kept by the list, which shows it.
      this.ranking.load().catch(() => undefined);
    }
    if (at && this.agency && !this.compact && this.ratingsFor !== at) {
      this.ratingsFor = at;
      void this.usePart('record').load();
      this.ratings.load().catch(() => undefined);
    }
    // Compact: the record's part only to explain why there is no form.
    if (this.compact && this.agency && !this.form?.shows && (this.loaded.form?.error || this.eligibility.status === TaskStatus.ERROR || this.formNotOffered)) {
      void this.usePart('record').load();
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase.includes(name));
  }

  private get phase(): string[] {
    if (this.misconfigured) return [];
    if (this.failure) return [this.failure instanceof ApiError && this.failure.kind === 'not-found' ? 'not-found' : 'error'];
    if (!this.agency) {
      // A re-sort keeps the rows shown (the table says it is busy); only the first page is "loading".
      const firstPage = this.ranking.status === 'idle' || (this.ranking.status === 'loading' && !this.ranking.items.length);
      return firstPage || !this.loaded.ranking?.value ? ['loading'] : ['ranking'];
    }
    const form = this.form;
    // The record's part shows the record; in compact mode it only explains a missing form.
    const shown = this.compact ? form?.shows || this.loaded.record?.value : this.loaded.record?.value;
    if (!this.record.value || !shown) return ['loading'];
    if (form?.shows) return ['record', form.phase];
    const e = this.eligibility.value;
    return ['record', e === 'signed-out' ? 'signed-out' : !e ? '' : e.eligible ? 'eligible' : 'not-eligible'];
  }

  private get formNotOffered(): boolean {
    const e = this.eligibility.value;
    return e === 'signed-out' || (!!e && !e.eligible);
  }

  /** What keeps the widget from showing its main view: the data's or a needed part's failure. */
  private get failure(): unknown {
    if (this.agency && this.record.status === TaskStatus.ERROR) return this.record.error;
    if (!this.agency && this.ranking.status === 'error') return this.ranking.error;
    return (this.agency ? this.loaded.record : this.loaded.ranking)?.error;
  }

  private usePart<K extends keyof Parts>(name: K): LazyPart<Parts[K]> {
    const loaded = this.loaded as Record<K, LazyPart<Parts[K]>>;
    return (loaded[name] ??= new LazyPart(
      this,
      async () => {
        const part = await this.importPart(name);
        // The texts come before the part shows, so it never flashes in Russian.
        await loadMessages(part.partMessages, this.config.value.locale);
        this.partText ??= new LocalizeController(this, part.partMessages, () => this.config.value.locale);
        return part;
      },
      (error) => this.reportError(error),
    ));
  }

  /** Imports a part's code. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    return parts[name]() as Promise<Parts[K]>;
  }

  /** The rating form, once its code is here; it owns the outbox, so creating it resends what is queued. */
  private get form() {
    const part = this.loaded.form?.value;
    return part && (this.ratingForm ??= new part.RatingForm(this.context));
  }

  private _context?: RatingContext;
  /** What the parts use of the element. */
  private get context(): RatingContext {
    return (this._context ??= {
      host: this,
      // Parts are handed the context only after their texts were loaded with them.
      text: this.partText!,
      coreText: this.coreText,
      ratings: this.ratings,
      ranking: this.ranking,
      agency: () => this.agency,
      complaint: () => this.complaint,
      client: () => this.client,
      api: () => this.config.value.api,
      eligibility: () => this.eligibility.value,
      eligibilityError: () => (this.eligibility.status === TaskStatus.ERROR ? this.eligibility.error : undefined),
      formFailure: () => this.loaded.form?.error,
      retryForm: () => void this.loaded.form?.retry(),
      checkEligibility: () => void this.eligibility.run(),
      refreshRecord: () => {
        void this.record.run();
        this.ratings.load().catch(() => undefined);
      },
      sort: () => this.sort,
      sortBy: (sort) => (this.sort = sort),
      renderRatingPanel: () => this.renderRatingPanel(),
      requireSignIn: (action) => this.requireSignIn(action),
      renderSignIn: () => this.renderSignIn(),
      announce: (message, options) => this.announcer.announce(message, options),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
    });
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const failure = this.failure;
    if (failure) {
      const notFound = { title: this.text.t('notFound'), hint: this.text.t('notFoundHint') };
      return this.renderLoadFailure(failure, () => void this.retry(), notFound);
    }
    const agency = this.record.value;
    if (this.agency && agency && this.compact) return html`<div class="frame compact" part="base">${this.renderRatingPanel()}</div>`;
    const record = this.loaded.record?.value;
    if (this.agency && agency && record) return record.renderRecord(this.context, agency);
    const ranking = this.loaded.ranking?.value;
    if (!this.agency && ranking && !this.phase.includes('loading')) return ranking.renderRanking(this.context);
    return this.renderLoading();
  }

  /** Reserves the widget's space while data or the code that shows it loads: nothing moves when it arrives. */
  private renderLoading(): TemplateResult {
    return html`<div class="frame" part="base status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <span class="skeleton line"></span><span class="skeleton line"></span><span class="skeleton block"></span>
    </div>`;
  }

  /** Loads again whatever failed: the data, or the part that shows it. */
  private async retry(): Promise<void> {
    const part = this.agency ? this.loaded.record : this.loaded.ranking;
    if (part?.error) await part.retry();
    if (this.agency && this.record.status === TaskStatus.ERROR) void this.record.run();
    if (!this.agency && this.ranking.status === 'error') this.ranking.load().catch(() => undefined);
  }

  /** The form when the citizen can rate (or has rated, or waits to send), else why not. */
  private renderRatingPanel(): TemplateResult {
    const form = this.form;
    if (form?.shows) return form.render();
    const record = this.loaded.record;
    if (record?.error) return this.renderError(record.error, () => void record.retry());
    return record?.value ? record.value.renderRatingNotice(this.context) : this.renderLoading();
  }
}
