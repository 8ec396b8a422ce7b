/**
 * The rating form: 1–5 stars as a radio group, an optional comment with its limit, tied to one
 * of the citizen's closed complaints this agency handled. What the citizen chose and typed
 * survives a reload; the rating goes through the outbox, so it is kept across network cuts and
 * counted once. Loaded only for a citizen who can rate (or has a rating waiting to be sent).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { OutboxController } from '../../core/outbox.js';
import type { ApiError } from '../../core/problem.js';
import type { RatingCreate, RatingEligibility, RatingResult } from './api.js';
import { COMMENT_LIMIT, ratingQueueKey, ratingsPath } from './rating-api.js';
import type {} from './events.js';
import type { RatingContext } from './parts.js';
import { partStyles, ratePanel, renderStars, starStyles } from './stars.js';

export { agencyRatingPartMessages as partMessages } from './part-messages.js';

/** What survives a reload while a citizen rates: the choice, the comment and the attempt's key. */
interface RatingDraft {
  stars?: number;
  comment: string;
  complaintId?: string;
  key?: string;
}

const STARS = [1, 2, 3, 4, 5];

export class RatingForm {
  private stars?: number;
  private comment = '';
  private complaintId?: string;
  private errors: { stars?: string; comment?: string } = {};
  private signIn = false;
  private sent?: RatingResult;
  private refused?: 'already-rated' | 'not-eligible';
  private sendError?: unknown;
  private key?: string;
  private restoredFor?: string;
  private readonly draft: DraftController<RatingDraft>;
  private readonly outbox: OutboxController<RatingCreate, RatingResult>;

  constructor(private readonly ctx: RatingContext) {
    adoptStyles(ctx.host.renderRoot, partStyles, starStyles, formStyles);
    const at = () => {
      const api = ctx.api();
      const agency = ctx.agency();
      return api && agency ? `${api}#${agency}` : undefined;
    };
    this.draft = new DraftController<RatingDraft>(ctx.host, { key: () => at() && `draft:rating:${at()}` });
    this.outbox = new OutboxController<RatingCreate, RatingResult>(ctx.host, {
      storageKey: () => {
        const api = ctx.api();
        const agency = ctx.agency();
        return api && agency ? ratingQueueKey(api, agency) : undefined;
      },
      client: () => ctx.client(),
      onSent: (result) => void this.rated(result),
      onRejected: (error) => this.rejected(error),
      onAuthRequired: () => {
        this.signIn = ctx.requireSignIn('rate', true);
        ctx.host.requestUpdate();
      },
    });
    // The form arrives after the element's updates began: catch up with the one that would
    // have picked up a rating queued on an earlier visit, before anything reads the queue.
    this.outbox.hostUpdated();
  }

  /** The form's custom state: `sent`, `refused`, `queued`, `signed-out`, `eligible`, or '' when it has none to add. */
  get phase(): string {
    if (this.sent) return 'sent';
    if (this.refused) return 'refused';
    if (this.outbox.status === 'waiting' && !this.signIn) return 'queued';
    if (this.signIn) return 'signed-out';
    return this.shows ? 'eligible' : '';
  }

  /** True when the form has something to show; otherwise the record explains why there is no form. */
  get shows(): boolean {
    const e = this.ctx.eligibility();
    return !!(this.sent || this.refused || this.signIn || this.queued || (e && e !== 'signed-out' && e.eligible));
  }

  private get queued(): boolean {
    return this.outbox.items.length > 0 && this.outbox.status !== 'sending';
  }

  /** Another agency: nothing of the previous form stays. */
  reset(): void {
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
      const wanted = this.ctx.complaint();
      this.complaintId = wanted && ids.includes(wanted) ? wanted : ids[0];
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
    this.ctx.host.requestUpdate();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const { ctx } = this;
    const agency = ctx.agency();
    if (!agency || this.outbox.status === 'sending' || !this.complaintId) return;
    const errors = {
      stars: this.stars ? '' : ctx.text.t('starsRequired'),
      comment: this.comment.length > COMMENT_LIMIT ? ctx.text.t('commentTooLong', { max: COMMENT_LIMIT }) : '',
    };
    this.errors = errors;
    if (errors.stars || errors.comment) return this.focusError();
    ctx.host.requestUpdate();
    this.signIn = false;
    this.sendError = undefined;
    this.key ??= newIdempotencyKey();
    this.save();
    this.draft.flush();
    const comment = this.comment.trim();
    const body: RatingCreate = { complaintId: this.complaintId, stars: this.stars!, ...(comment ? { comment } : {}) };
    const sending = this.outbox.send(ratingsPath(agency), body, { key: this.key });
    ctx.host.requestUpdate();
    await sending;
    if (this.outbox.status === 'waiting' && !this.signIn) ctx.announce(ctx.text.t('queued'));
  }

  private async rated(result: RatingResult): Promise<void> {
    const { ctx } = this;
    this.draft.clear();
    this.key = undefined;
    this.sent = result;
    emit(ctx.host, 'veche-rating', { agency: result.rating.agencyId, complaint: result.rating.complaintId, stars: result.rating.stars });
    const { awarded, spent, balance, reason } = result.points;
    if (awarded - spent) emit(ctx.host, 'veche-points-change', { delta: awarded - spent, balance, reason: reason ?? 'rating' });
    const points = awarded ? ` ${ctx.text.t('pointsEarned', { points: ctx.coreText.t('points', { count: awarded }) })}` : '';
    ctx.announce(ctx.text.t('thanks') + points);
    ctx.refreshRecord();
    ctx.host.requestUpdate();
    await ctx.host.updateComplete;
    ctx.host.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  private rejected(error: ApiError): void {
    const { ctx } = this;
    this.key = undefined;
    const slug = error.slug;
    if (slug === 'already-rated' || slug === 'not-eligible') {
      this.draft.clear();
      this.refused = slug;
      ctx.announce(ctx.text.t(slug === 'already-rated' ? 'alreadyRated' : 'notEligible'), { assertive: true });
      ctx.checkEligibility();
    } else {
      this.save();
      // The server's word on a field shows at that field; the panel keeps what names no field.
      const { stars = '', comment = '' } = error.fields;
      this.errors = { stars, comment };
      const unplaced = error.fieldErrors.some(({ field }) => field !== 'stars' && field !== 'comment');
      this.sendError = (stars || comment) && !unplaced ? undefined : error;
      ctx.reportError(error);
      if (stars || comment) void this.focusError();
    }
    ctx.host.requestUpdate();
  }

  /** Puts the citizen on the first field with an error, once it shows. */
  private async focusError(): Promise<void> {
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    this.ctx.host.renderRoot.querySelector<HTMLElement>(this.errors.stars ? 'input[name="stars"]' : 'textarea')?.focus();
  }

  render(): TemplateResult {
    const { ctx } = this;
    const { text } = ctx;
    if (this.sent) {
      const awarded = this.sent.points.awarded;
      return ratePanel(
        ctx,
        html`<div class="done" part="status sent">
          <p id="done" tabindex="-1" class="status-title">${text.t('thanks')}</p>
          ${renderStars(this.sent.rating.stars, text.t('starLabel', { value: this.sent.rating.stars }))}
          ${awarded ? html`<p>${text.t('pointsEarned', { points: ctx.coreText.t('points', { count: awarded }) })}</p>` : nothing}
        </div>`,
      );
    }
    if (this.refused) {
      return ratePanel(ctx, html`<p class="status" part="status refused" role="status">${text.t(this.refused === 'already-rated' ? 'alreadyRated' : 'notEligible')}</p>`);
    }
    if (this.queued && !this.signIn) {
      return ratePanel(
        ctx,
        html`<div class="status" part="status queued">
          <p>${text.t('queued')}</p>
          <button class="button" type="button" @click=${() => this.outbox.retryNow()}>${text.t('sendNow')}</button>
        </div>`,
      );
    }
    const e = ctx.eligibility();
    if (this.signIn || !e || e === 'signed-out' || !e.eligible) return ratePanel(ctx, html`<p class="muted">${text.t('signInToRate')}</p>${ctx.renderSignIn()}`);
    this.restore(ctx.agency()!, e);
    return ratePanel(ctx, this.renderForm(e));
  }

  private renderForm(e: RatingEligibility): TemplateResult {
    const { ctx } = this;
    const { text } = ctx;
    const locale = text.locale;
    const sending = this.outbox.status === 'sending';
    const complaint = ctx.complaint();
    const wanted = complaint && !e.complaints.some((c) => c.id === complaint);
    const left = COMMENT_LIMIT - this.comment.length;
    const chosen = e.complaints.find((c) => c.id === this.complaintId);
    const option = (c: RatingEligibility['complaints'][number]) =>
      text.t('complaintOption', { number: c.trackingNumber, service: c.serviceName, date: formatDate(locale, c.closedAt) });
    return html`<p class="muted">${text.t('rateHint')}</p>
      ${wanted ? html`<p class="note">${text.t('complaintNotEligible', { id: complaint })}</p>` : nothing}
      <form novalidate @submit=${(event: Event) => void this.submit(event)}>
        ${e.complaints.length > 1
          ? html`<label class="field">
              <span class="label">${text.t('complaintLabel')}</span>
              <select
                .value=${this.complaintId ?? ''}
                ?disabled=${sending}
                @change=${(event: Event) => this.change(() => (this.complaintId = (event.target as HTMLSelectElement).value))}
              >
                ${e.complaints.map((c) => html`<option value=${c.id} ?selected=${c.id === this.complaintId}>${option(c)}</option>`)}
              </select>
            </label>`
          : html`<p><span class="label">${text.t('complaintLabel')}:</span> ${chosen ? option(chosen) : nothing}</p>`}
        <fieldset class="star-input" ?disabled=${sending} aria-describedby=${this.errors.stars ? 'stars-error' : nothing}>
          <legend class="label">${text.t('yourStars')}</legend>
          ${this.errors.stars ? html`<p class="field-error" id="stars-error">${this.errors.stars}</p>` : nothing}
          <span class="star-row">
            ${STARS.map(
              (v) => html`<label class="star drawn-choice ${this.stars && v <= this.stars ? 'on' : ''}" part="star">
                <input
                  type="radio"
                  name="stars"
                  .value=${String(v)}
                  .checked=${this.stars === v}
                  aria-invalid=${this.errors.stars ? 'true' : 'false'}
                  @change=${() => this.change(() => (this.stars = v))}
                /><span class="glyph" aria-hidden="true">★</span><span class="visually-hidden">${text.t('starLabel', { value: v })}</span>
              </label>`,
            )}
          </span>
        </fieldset>
        <label class="field">
          <span class="label">${text.t('comment')} <span class="muted">(${text.t('optional')})</span></span>
          <textarea
            rows="4"
            .value=${this.comment}
            ?disabled=${sending}
            aria-invalid=${this.errors.comment ? 'true' : 'false'}
            aria-describedby="comment-count${this.errors.comment ? ' comment-error' : ''}"
            @input=${(event: Event) => this.change(() => (this.comment = (event.target as HTMLTextAreaElement).value))}
          ></textarea>
          <span class="hint ${left < 0 ? 'over' : ''}" id="comment-count">${text.t('commentLeft', { count: Math.max(left, 0), max: COMMENT_LIMIT })}</span>
          ${this.errors.comment ? html`<span class="field-error" id="comment-error">${this.errors.comment}</span>` : nothing}
        </label>
        ${this.sendError ? ctx.renderError(this.sendError) : nothing}
        <div class="actions">
          <button class="button primary" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? text.t('sending') : text.t('send')}
          </button>
        </div>
      </form>`;
  }
}

const formStyles = css`
  form,
  .done {
    display: grid;
    gap: 0.5em;
  }
  .label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  textarea,
  select {
    inline-size: 100%;
    max-inline-size: 100%;
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-block-size: var(--_target);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .over {
    color: var(--_danger);
  }
  .star-input {
    border: 0;
    min-inline-size: 0;
  }
  .star-row {
    display: flex;
    gap: 0.25em;
  }
  .star {
    display: inline-grid;
    place-items: center;
    /* A target's width each, or the star's if that is wider (large type), shrinking together
       when five do not fit (a 320 px phone in the visually-impaired mode): the row never widens
       the page. */
    flex: 0 1 max(var(--_target), 2em);
    min-inline-size: 0;
    min-block-size: var(--_target);
    cursor: pointer;
  }
  .glyph {
    font-size: 2em;
    line-height: 1;
    color: var(--_star-empty);
  }
  .star.on .glyph {
    color: var(--_star);
  }
  .star input:focus-visible + .glyph {
    outline: 3px solid var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .note {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .done {
    padding: var(--_gap);
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_success);
    background: var(--_surface-alt);
  }
  @media (forced-colors: active) {
    .star.on .glyph {
      color: Highlight;
    }
  }
`;
