import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatNumber, formatPercent } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { VecheElement } from '../../core/veche-element.js';
import {
  COMMENT_LIMIT,
  fetchAgency,
  fetchEligibility,
  fetchRanking,
  fetchRatings,
  ratingsPath,
  type Agency,
  type AgencySummary,
  type Rating,
  type RankingSort,
  type RatingCreate,
  type RatingEligibility,
  type RatingResult,
} from './api.js';
import type {} from './events.js';
import { agencyRatingMessages } from './messages.js';
import { agencyRatingStyles } from './styles.js';
import { baseStyles } from '../../core/styles.js';
import { safeUrl } from '../../core/urls.js';
import { signedInOnly } from '../../core/session.js';

/** What survives a reload while a citizen rates: the choice, the comment and the attempt's key. */
interface RatingDraft {
  stars?: number;
  comment: string;
  complaintId?: string;
  key?: string;
}

/** Why the form is not offered (or the server refused it). */
type Refusal = 'signed-out' | 'no-closed-complaint' | 'all-rated' | 'already-rated' | 'not-eligible';

const STARS = [1, 2, 3, 4, 5];
const SORTS: RankingSort[] = ['rating', 'onTime', 'volume'];
const STATES = ['loading', 'not-found', 'error', 'record', 'ranking', 'eligible', 'not-eligible', 'signed-out', 'queued', 'sent', 'refused'] as const;
const volume = (a: AgencySummary) => a.openComplaints + a.resolvedComplaints;

/**
 * People's Control for one agency or all of them. With `agency`: the agency's public record
 * (average rating, distribution, on-time share, median days to resolve, open complaints,
 * residents' reviews) and the rating form, offered only to a citizen with a closed complaint
 * this agency handled and has not rated yet — and explaining why otherwise. Without `agency`:
 * the ranking of agencies as a sortable table that reflows into cards on narrow screens.
 * A rating goes through the outbox: kept across reloads and network cuts, sent exactly once.
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

  /** The agency's id, e.g. `roads`. Without it the widget shows the ranking of agencies. */
  @property() agency?: string;
  /** A closed complaint of the citizen to rate the agency for (preselected in the form). */
  @property() complaint?: string;
  /** Only the rating form, without the record (as `<veche-complaint-status>` embeds it). */
  @property({ type: Boolean, reflect: true }) compact = false;

  @state() private sort: RankingSort = 'rating';
  @state() private moreAgencies: AgencySummary[] = [];
  @state() private agenciesCursor?: string | null;
  @state() private moreRatings: Rating[] = [];
  @state() private ratingsCursor?: string | null;
  @state() private stars?: number;
  @state() private comment = '';
  @state() private complaintId?: string;
  @state() private errors: { stars?: string; comment?: string } = {};
  @state() private signIn = false;
  @state() private sent?: RatingResult;
  @state() private refused?: Refusal;
  @state() private sendError?: unknown;
  @state() private loadingMore = false;
  private key?: string;
  private restoredFor?: string;

  private readonly text = new LocalizeController(this, agencyRatingMessages, () => this.config.value.locale);
  private readonly draft = new DraftController<RatingDraft>(this, {
    key: () => (this.agency && this.config.value.api ? `draft:rating:${this.config.value.api}#${this.agency}` : undefined),
  });
  private readonly outbox = new OutboxController<RatingCreate, RatingResult>(this, {
    storageKey: () => (this.agency && this.config.value.api ? `outbox:rating:${this.config.value.api}#${this.agency}` : undefined),
    client: () => this.client,
    onSent: (result) => this.rated(result),
    onRejected: (error) => this.rejected(error),
    onAuthRequired: () => {
      this.signIn = this.requireSignIn('rate');
    },
  });

  private readonly record = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      return this.reporting(fetchAgency(client, id, signal));
    },
    args: () => [this.client, this.agency] as const,
  });

  private readonly ratings = new Task(this, {
    task: async ([client, id, compact], { signal }) => {
      if (!client || !id || compact) return initialState;
      const page = await fetchRatings(client, id, undefined, signal);
      this.moreRatings = [];
      this.ratingsCursor = page.nextCursor;
      return page.items;
    },
    args: () => [this.client, this.agency, this.compact] as const,
  });

  /** `'signed-out'` when the backend does not know the citizen (401): no event, they did not act yet. */
  private readonly eligibility = new Task(this, {
    task: async ([client, id], { signal }): Promise<RatingEligibility | 'signed-out'> => {
      if (!client || !id) return initialState as never;
      try {
        const result = await signedInOnly(client, () => fetchEligibility(client, id, signal));
        this.restore(id, result);
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') return 'signed-out';
        throw error;
      }
    },
    args: () => [this.client, this.agency] as const,
  });

  private readonly ranking = new Task(this, {
    task: async ([client, id, sort], { signal }) => {
      if (!client || id) return initialState;
      const page = await this.reporting(fetchRanking(client, sort, undefined, signal));
      this.moreAgencies = [];
      this.agenciesCursor = page.nextCursor;
      return page.items;
    },
    args: () => [this.client, this.agency, this.sort] as const,
  });

  private async reporting<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (!(error instanceof ApiError && (error.kind === 'aborted' || error.kind === 'not-found'))) this.reportError(error);
      throw error;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('agency') && changed.get('agency') !== undefined) this.resetForm();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase.includes(name));
  }

  private get phase(): string[] {
    if (this.misconfigured) return [];
    const main = this.agency ? this.record : this.ranking;
    if (main.status === TaskStatus.ERROR) return [(main.error as ApiError).kind === 'not-found' ? 'not-found' : 'error'];
    if (!main.value) return ['loading'];
    if (!this.agency) return ['ranking'];
    const form = this.sent ? 'sent' : this.refused ? 'refused' : this.outbox.status === 'waiting' && !this.signIn ? 'queued' : this.formState;
    return ['record', form];
  }

  private get formState(): string {
    const e = this.eligibility.value;
    if (this.signIn || e === 'signed-out') return 'signed-out';
    if (!e) return '';
    return e.eligible ? 'eligible' : 'not-eligible';
  }

  private resetForm(): void {
    this.stars = this.complaintId = this.sent = this.refused = this.sendError = this.key = this.restoredFor = undefined;
    this.comment = '';
    this.errors = {};
    this.signIn = false;
  }

  /** Brings back what the citizen chose and typed, and picks the complaint to rate. */
  private restore(agency: string, eligibility: RatingEligibility): void {
    const ids = eligibility.complaints.map((c) => c.id);
    if (this.restoredFor !== agency) {
      this.restoredFor = agency;
      const saved = this.draft.load()?.value;
      if (saved) {
        this.stars = saved.stars;
        this.comment = saved.comment ?? '';
        this.complaintId = saved.complaintId;
        this.key = saved.key;
      }
    }
    if (!this.complaintId || !ids.includes(this.complaintId)) {
      this.complaintId = this.complaint && ids.includes(this.complaint) ? this.complaint : ids[0];
    }
  }

  private save(): void {
    this.draft.save({
      comment: this.comment,
      ...(this.stars ? { stars: this.stars } : {}),
      ...(this.complaintId ? { complaintId: this.complaintId } : {}),
      ...(this.key ? { key: this.key } : {}),
    });
  }

  private change(update: () => void): void {
    update();
    // A different rating is a different attempt: the server would refuse the old key with it.
    this.key = undefined;
    if (this.errors.stars && this.stars) this.errors = { ...this.errors, stars: '' };
    if (this.errors.comment && this.comment.length <= COMMENT_LIMIT) this.errors = { ...this.errors, comment: '' };
    this.save();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.agency || this.outbox.status === 'sending' || !this.complaintId) return;
    const errors = {
      stars: this.stars ? '' : this.text.t('starsRequired'),
      comment: this.comment.length > COMMENT_LIMIT ? this.text.t('commentTooLong', { max: COMMENT_LIMIT }) : '',
    };
    this.errors = errors;
    if (errors.stars || errors.comment) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.stars ? 'input[name="stars"]' : 'textarea')?.focus();
      return;
    }
    this.signIn = false;
    this.sendError = undefined;
    this.key ??= newIdempotencyKey();
    this.save();
    this.draft.flush();
    const comment = this.comment.trim();
    const body: RatingCreate = { complaintId: this.complaintId, stars: this.stars!, ...(comment ? { comment } : {}) };
    const sending = this.outbox.send(ratingsPath(this.agency), body, { key: this.key });
    this.requestUpdate();
    await sending;
    if (this.outbox.status === 'waiting' && !this.signIn) this.announcer.announce(this.text.t('queued'));
  }

  private async rated(result: RatingResult): Promise<void> {
    this.draft.clear();
    this.key = undefined;
    this.sent = result;
    emit(this, 'veche-rating', { agency: result.rating.agencyId, complaint: result.rating.complaintId, stars: result.rating.stars });
    const { awarded, spent, balance, reason } = result.points;
    if (awarded - spent) emit(this, 'veche-points-change', { delta: awarded - spent, balance, reason: reason ?? 'rating' });
    const points = awarded ? ` ${this.text.t('pointsEarned', { points: this.coreText.t('points', { count: awarded }) })}` : '';
    this.announcer.announce(this.text.t('thanks') + points);
    this.record.run();
    this.ratings.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  private rejected(error: ApiError): void {
    this.key = undefined;
    const slug = error.slug;
    if (slug === 'already-rated' || slug === 'not-eligible') {
      this.draft.clear();
      this.refused = slug;
      this.announcer.announce(this.text.t(slug === 'already-rated' ? 'alreadyRated' : 'notEligible'), { assertive: true });
      this.eligibility.run();
      return;
    }
    this.save();
    this.sendError = error;
    this.reportError(error);
  }

  private sortBy(sort: RankingSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
    this.announcer.announce(this.text.t('sortedBy', { column: this.columnName(sort) }));
  }

  private columnName(sort: RankingSort): string {
    return this.text.t(sort === 'rating' ? 'colRating' : sort === 'onTime' ? 'colOnTime' : 'colVolume');
  }

  private async showMore(kind: 'agencies' | 'ratings'): Promise<void> {
    const client = this.client;
    if (!client || this.loadingMore) return;
    this.loadingMore = true;
    try {
      if (kind === 'agencies' && this.agenciesCursor) {
        const page = await fetchRanking(client, this.sort, this.agenciesCursor);
        this.moreAgencies = [...this.moreAgencies, ...page.items];
        this.agenciesCursor = page.nextCursor;
      } else if (kind === 'ratings' && this.ratingsCursor && this.agency) {
        const page = await fetchRatings(client, this.agency, this.ratingsCursor);
        this.moreRatings = [...this.moreRatings, ...page.items];
        this.ratingsCursor = page.nextCursor;
      }
    } catch (error) {
      this.reportError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const main = this.agency ? this.record : this.ranking;
    if (main.status === TaskStatus.ERROR) {
      const notFound = { title: this.text.t('notFound'), hint: this.text.t('notFoundHint') };
      return this.renderLoadFailure(main.error, () => void main.run(), notFound);
    }
    if (this.agency && this.record.value) {
      return this.compact ? html`<div class="frame compact" part="base">${this.renderForm()}</div>` : this.renderRecord(this.record.value);
    }
    if (!this.agency && this.ranking.value) return this.renderRanking([...this.ranking.value, ...this.moreAgencies]);
    return html`<div class="frame" part="base status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <span class="skeleton line"></span><span class="skeleton line"></span><span class="skeleton block"></span>
    </div>`;
  }

  /** Stars drawn from text, filled to a share through a custom property; read as one image. */
  private renderStars(average: number | null, label: string): TemplateResult {
    return html`<span class="stars" role="img" aria-label=${label}>
      <span class="stars-fill" ${cssProps({ '--_fill': `${((average ?? 0) / 5) * 100}%` })}></span>
    </span>`;
  }

  private renderRecord(a: Agency): TemplateResult {
    const locale = this.text.locale;
    const avg = a.rating.average;
    const total = a.rating.count;
    const value = avg === null ? '' : formatNumber(locale, avg, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const site = safeUrl(a.website);
    const reviews = [...(this.ratings.value ?? []), ...this.moreRatings].filter((r) => r.comment);
    return html`<article class="frame" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title" part="title">${a.name}</h2>
      <p class="muted">${a.description}${site ? html` <a class="link" href=${site} rel="noopener">${this.text.t('website')}</a>` : nothing}</p>
      <p class="summary" part="summary">
        ${this.renderStars(avg, avg === null ? this.text.t('noRatings') : this.text.t('average', { value }))}
        ${avg === null ? nothing : html`<span class="number" aria-hidden="true">${value}</span>`}
        <span>${total ? this.text.t('ratings', { count: total }) : this.text.t('noRatings')}</span>
        <span class="muted">${this.text.t('rank', { rank: a.rank })}</span>
      </p>
      <dl class="facts" part="facts">
        <div><dt>${this.text.t('onTime')}</dt><dd>${a.onTimeShare === null ? this.text.t('noData') : formatPercent(locale, a.onTimeShare)}</dd></div>
        <div>
          <dt>${this.text.t('medianDays')}</dt>
          <dd>${a.medianDaysToResolve === null ? this.text.t('noData') : this.coreText.t('days', { count: a.medianDaysToResolve })}</dd>
        </div>
        <div><dt>${this.text.t('openNow')}</dt><dd>${formatNumber(locale, a.openComplaints)}</dd></div>
      </dl>
      <section class="distribution" part="distribution" aria-labelledby="dist">
        <h3 id="dist">${this.text.t('distribution')}</h3>
        <ul class="bars">
          ${[...a.distribution].reverse().map(
            ({ stars, count }) => html`<li>
              <span class="row"><span>${this.text.t('starsRow', { stars })}</span><span>${this.text.t('ratings', { count })}</span></span>
              <span class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': total ? count / total : 0 })}></span></span>
            </li>`,
          )}
        </ul>
      </section>
      ${this.renderForm()}
      <section class="reviews" part="reviews" aria-labelledby="reviews">
        <h3 id="reviews">${this.text.t('reviews')}</h3>
        ${this.ratings.value && !reviews.length ? html`<p class="muted">${this.text.t('noReviews')}</p>` : nothing}
        <ul class="review-list">
          ${reviews.map(
            (r) => html`<li class="review">
              <p class="review-head">
                ${this.renderStars(r.stars, this.text.t('starLabel', { value: r.stars }))}
                <span>${r.authorDisplayName}</span>
                <span class="muted">${formatDate(locale, r.createdAt)}</span>
              </p>
              <p>${r.comment}</p>
            </li>`,
          )}
        </ul>
        ${this.ratingsCursor
          ? html`<button class="button" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.showMore('ratings')}>
              ${this.text.t('showMore')}
            </button>`
          : nothing}
      </section>
    </article>`;
  }

  private renderForm(): TemplateResult {
    const panel = (body: unknown, extra = '') =>
      html`<section class="rate ${extra}" part="form" aria-labelledby="rate"><h3 id="rate">${this.text.t('rateTitle')}</h3>${body}</section>`;
    if (this.sent) {
      const awarded = this.sent.points.awarded;
      return panel(html`<div class="done" part="status sent">
        <p id="done" tabindex="-1" class="status-title">${this.text.t('thanks')}</p>
        ${this.renderStars(this.sent.rating.stars, this.text.t('starLabel', { value: this.sent.rating.stars }))}
        ${awarded ? html`<p>${this.text.t('pointsEarned', { points: this.coreText.t('points', { count: awarded }) })}</p>` : nothing}
      </div>`);
    }
    if (this.refused && this.refused !== 'signed-out') {
      const key = this.refused === 'already-rated' ? 'alreadyRated' : this.refused === 'not-eligible' ? 'notEligible' : this.refused === 'all-rated' ? 'allRated' : 'noClosedComplaint';
      return panel(html`<p class="status" part="status refused" role="status">${this.text.t(key)}</p>`);
    }
    const queued = this.outbox.items.length > 0 && this.outbox.status !== 'sending';
    if (queued && !this.signIn) {
      return panel(html`<div class="status" part="status queued">
        <p>${this.text.t('queued')}</p>
        <button class="button" type="button" @click=${() => this.outbox.retryNow()}>${this.text.t('sendNow')}</button>
      </div>`);
    }
    const e = this.eligibility.value;
    if (this.eligibility.status === TaskStatus.ERROR) return panel(this.renderError(this.eligibility.error, () => void this.eligibility.run()));
    if (this.signIn || e === 'signed-out') {
      return panel(html`<p class="muted">${this.text.t('signInToRate')}</p>${this.renderSignIn()}`);
    }
    if (!e) return panel(html`<p class="muted" aria-busy="true">${this.coreText.t('loading')}</p>`);
    if (!e.eligible) {
      return panel(html`<p class="status" part="status not-eligible">
        ${this.text.t(e.reason === 'all-rated' ? 'allRated' : 'noClosedComplaint')}
      </p>`);
    }
    const locale = this.text.locale;
    const sending = this.outbox.status === 'sending';
    const wanted = this.complaint && !e.complaints.some((c) => c.id === this.complaint);
    const left = COMMENT_LIMIT - this.comment.length;
    const chosen = e.complaints.find((c) => c.id === this.complaintId);
    const option = (c: RatingEligibility['complaints'][number]) =>
      this.text.t('complaintOption', { number: c.trackingNumber, service: c.serviceName, date: formatDate(locale, c.closedAt) });
    return panel(html`<p class="muted">${this.text.t('rateHint')}</p>
      ${wanted ? html`<p class="note">${this.text.t('complaintNotEligible', { id: this.complaint! })}</p>` : nothing}
      <form novalidate @submit=${(event: Event) => void this.submit(event)}>
        ${e.complaints.length > 1
          ? html`<label class="field">
              <span class="label">${this.text.t('complaintLabel')}</span>
              <select
                .value=${this.complaintId ?? ''}
                ?disabled=${sending}
                @change=${(event: Event) => this.change(() => (this.complaintId = (event.target as HTMLSelectElement).value))}
              >
                ${e.complaints.map((c) => html`<option value=${c.id} ?selected=${c.id === this.complaintId}>${option(c)}</option>`)}
              </select>
            </label>`
          : html`<p><span class="label">${this.text.t('complaintLabel')}:</span> ${chosen ? option(chosen) : nothing}</p>`}
        <fieldset class="star-input" ?disabled=${sending} aria-describedby=${this.errors.stars ? 'stars-error' : nothing}>
          <legend class="label">${this.text.t('yourStars')}</legend>
          ${this.errors.stars ? html`<p class="field-error" id="stars-error">${this.errors.stars}</p>` : nothing}
          <span class="star-row">
            ${STARS.map(
              (v) => html`<label class="star ${this.stars && v <= this.stars ? 'on' : ''}" part="star">
                <input
                  type="radio"
                  name="stars"
                  .value=${String(v)}
                  .checked=${this.stars === v}
                  @change=${() => this.change(() => (this.stars = v))}
                /><span class="glyph" aria-hidden="true">★</span><span class="visually-hidden">${this.text.t('starLabel', { value: v })}</span>
              </label>`,
            )}
          </span>
        </fieldset>
        <label class="field">
          <span class="label">${this.text.t('comment')} <span class="muted">(${this.text.t('optional')})</span></span>
          <textarea
            rows="4"
            .value=${this.comment}
            ?disabled=${sending}
            aria-invalid=${this.errors.comment ? 'true' : 'false'}
            aria-describedby="comment-count${this.errors.comment ? ' comment-error' : ''}"
            @input=${(event: Event) => this.change(() => (this.comment = (event.target as HTMLTextAreaElement).value))}
          ></textarea>
          <span class="hint ${left < 0 ? 'over' : ''}" id="comment-count">${this.text.t('commentLeft', { count: Math.max(left, 0), max: COMMENT_LIMIT })}</span>
          ${this.errors.comment ? html`<span class="field-error" id="comment-error">${this.errors.comment}</span>` : nothing}
        </label>
        ${this.sendError ? this.renderError(this.sendError) : nothing}
        <div class="actions">
          <button class="button primary" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? this.text.t('sending') : this.text.t('send')}
          </button>
        </div>
      </form>`);
  }

  private renderRanking(rows: AgencySummary[]): TemplateResult {
    const locale = this.text.locale;
    const busy = this.ranking.status === TaskStatus.PENDING;
    const header = (sort: RankingSort) => html`<th
      scope="col"
      role="columnheader"
      aria-sort=${this.sort === sort ? 'descending' : 'none'}
      class="num"
    >
      <button class="sort" part="sort" type="button" @click=${() => this.sortBy(sort)}>
        ${this.columnName(sort)}<span class="arrow" aria-hidden="true">${this.sort === sort ? '▼' : '↕'}</span>
      </button>
    </th>`;
    return html`<section class="frame ranking" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title" part="title">${this.text.t('rankingTitle')}</h2>
      ${rows.length
        ? html`<table part="table" role="table" aria-busy=${busy ? 'true' : 'false'}>
            <caption class="muted">${this.text.t('rankingCaption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader" class="place">${this.text.t('colPlace')}</th>
                <th scope="col" role="columnheader" class="name">${this.text.t('colAgency')}</th>
                ${SORTS.map(header)}
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${rows.map(
                (a, i) => html`<tr role="row">
                  <td role="cell" class="place" data-label=${this.text.t('colPlace')}>${i + 1}</td>
                  <th scope="row" role="rowheader" class="name">${a.name}</th>
                  <td role="cell" class="num" data-label=${this.text.t('colRating')}>
                    ${a.rating.average === null
                      ? this.text.t('noRatings')
                      : html`${this.renderStars(a.rating.average, this.text.t('average', { value: formatNumber(locale, a.rating.average, { maximumFractionDigits: 1 }) }))}
                          <span aria-hidden="true">${formatNumber(locale, a.rating.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
                          <span class="muted">${this.text.t('ratings', { count: a.rating.count })}</span>`}
                  </td>
                  <td role="cell" class="num" data-label=${this.text.t('colOnTime')}>
                    ${a.onTimeShare === null ? this.text.t('noData') : formatPercent(locale, a.onTimeShare)}
                  </td>
                  <td role="cell" class="num" data-label=${this.text.t('colVolume')}>${formatNumber(locale, volume(a))}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="status" part="status">${this.text.t('emptyRanking')}</p>`}
      ${this.agenciesCursor
        ? html`<button class="button" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.showMore('agencies')}>
            ${this.text.t('showMore')}
          </button>`
        : nothing}
    </section>`;
  }
}
