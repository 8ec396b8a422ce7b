/**
 * The author's answer to "the agency says it is fixed": confirm, or dispute with a comment and
 * up to five photos, while the confirmation period lasts; then the agency rating offer
 * (`<veche-agency-rating>`, itself loaded only then). Answers go through the outbox — kept
 * across reloads and network cuts, sent exactly once — and a dispute being written is a draft.
 *
 * Loaded when a shown complaint needs it (the data says so) or when an answer is still queued
 * from an earlier visit (`hasQueued`), so the queue is always sent.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime, formatPercent } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { Locale } from '../../core/config.js';
import { LocalizeController, loadMessages, type TextVariant } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { imageSource } from '../../core/urls.js';
import {
  COMMENT_LIMIT,
  MAX_DISPUTE_PHOTOS,
  MAX_PHOTO_BYTES,
  PHOTO_TYPES,
  confirmable,
  confirmationPath,
  fetchComplaint,
  outboxKey,
  uploadPhoto,
  type Complaint,
  type ComplaintConfirmation,
} from './api.js';
import { heading } from './complaint-view.js';
import { complaintConfirmationMessages } from './confirmation-messages.js';
import type { StatusContext } from './parts.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

interface AttachedPhoto {
  id: string;
  url: string;
}

/** What survives a reload while a citizen disputes a fix: the comment, the uploaded photos, the attempt's key. */
interface DisputeDraft {
  comment: string;
  photos?: AttachedPhoto[];
  /** A draft saved before disputes took several photos. */
  photo?: AttachedPhoto;
  key?: string;
}

/** A photo on its way to `/media`: uploaded one at a time, in the order picked; its key makes a retry the same upload. */
interface PhotoUpload {
  file: File;
  key: string;
  progress: number;
  state: 'waiting' | 'sending' | 'failed';
  error?: string;
}

export const ready = (locale: Locale, variant?: TextVariant) => loadMessages(complaintConfirmationMessages, locale, variant);

export class Confirmation {
  private readonly text: LocalizeController<typeof complaintConfirmationMessages.source>;
  /** What the citizen just did, by complaint id, for the result message. */
  private outcomes = new Map<string, 'confirmed' | 'disputed' | 'not-confirmable'>();
  private disputeFor?: string;
  private comment = '';
  private photos: AttachedPhoto[] = [];
  private uploads: PhotoUpload[] = [];
  private photoError?: string;
  private commentError?: string;
  private sendError?: { id: string; error: unknown };
  private signIn = false;
  private key?: string;
  private ratingRequested = false;
  /** Complaints whose saved dispute was looked for already. */
  private restoredFor = new Set<string>();
  private readonly draft: DraftController<DisputeDraft>;
  private readonly outbox: OutboxController<ComplaintConfirmation, Complaint>;

  constructor(private readonly ctx: StatusContext) {
    const { host } = ctx;
    adoptStyles(host.renderRoot, confirmStyles);
    this.text = new LocalizeController(host, complaintConfirmationMessages, () => ctx.config().locale);
    const api = () => ctx.config().api;
    this.draft = new DraftController<DisputeDraft>(host, {
      key: () => (this.disputeFor && api() ? `draft:complaint-dispute:${api()}#${this.disputeFor}` : undefined),
    });
    this.outbox = new OutboxController<ComplaintConfirmation, Complaint>(host, {
      storageKey: () => outboxKey(api()),
      client: () => ctx.client(),
      onSent: (result, item) => void this.confirmed(result, item),
      onRejected: (error, item) => this.rejected(error, item),
      onAuthRequired: () => {
        this.signIn = ctx.requireSignIn('confirm', true);
      },
    });
  }

  private changed(): void {
    this.ctx.host.requestUpdate();
  }

  /** An answer waits in the outbox for the connection. */
  get queued(): boolean {
    return this.outbox.items.length > 0 && this.outbox.status === 'waiting';
  }

  /** Reopens a dispute the citizen was writing before a reload. */
  restore(complaints: Complaint[]): void {
    if (this.disputeFor) return;
    for (const c of complaints) {
      if (this.restoredFor.has(c.id) || !confirmable(c)) continue;
      this.restoredFor.add(c.id);
      this.disputeFor = c.id;
      const saved = this.draft.load()?.value;
      const photos = saved?.photos ?? (saved?.photo ? [saved.photo] : []);
      if (saved && (saved.comment || photos.length)) {
        this.comment = saved.comment ?? '';
        this.photos = photos.slice(0, MAX_DISPUTE_PHOTOS);
        this.key = saved.key;
        this.changed();
        return;
      }
      this.disputeFor = undefined;
    }
  }

  private save(): void {
    this.draft.save({ comment: this.comment, ...(this.photos.length ? { photos: this.photos } : {}), ...(this.key ? { key: this.key } : {}) });
  }

  private openDispute(c: Complaint): void {
    if (this.disputeFor !== c.id) {
      this.closeDispute(false);
      this.disputeFor = c.id;
      this.changed();
    }
    void this.ctx.host.updateComplete.then(() => this.ctx.host.renderRoot.querySelector<HTMLElement>(`#comment-${c.id}`)?.focus());
  }

  private closeDispute(forget: boolean): void {
    if (forget) this.draft.clear();
    this.disputeFor = this.photoError = this.commentError = this.key = undefined;
    this.comment = '';
    this.photos = [];
    this.uploads = [];
    this.changed();
  }

  private typed(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    this.key = undefined;
    if (this.commentError && this.comment.trim() && this.comment.length <= COMMENT_LIMIT) this.commentError = undefined;
    this.save();
    this.changed();
  }

  private get uploading(): boolean {
    return this.uploads.some((u) => u.state !== 'failed');
  }

  private pickPhotos(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    const refused = new Set<string>();
    const images = files.filter((file) => {
      if (!PHOTO_TYPES.includes(file.type)) refused.add(this.text.t('photoType'));
      else if (file.size > MAX_PHOTO_BYTES) refused.add(this.text.t('photoSize'));
      else return true;
      return false;
    });
    const room = Math.max(0, MAX_DISPUTE_PHOTOS - this.photos.length - this.uploads.length);
    if (images.length > room) refused.add(this.text.t('photoLimit', { max: MAX_DISPUTE_PHOTOS }));
    this.photoError = refused.size ? [...refused].join(' ') : undefined;
    this.uploads = [...this.uploads, ...images.slice(0, room).map((file): PhotoUpload => ({ file, key: newIdempotencyKey(), progress: 0, state: 'waiting' }))];
    if (this.photoError) this.ctx.announce(this.photoError, { assertive: true });
    this.changed();
    void this.nextUpload();
  }

  private patchUpload(key: string, patch: Partial<PhotoUpload>): void {
    this.uploads = this.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u));
    this.changed();
  }

  /** Uploads the next waiting photo unless one is on its way; each finished upload starts the next. */
  private async nextUpload(): Promise<void> {
    const client = this.ctx.client();
    const upload = this.uploads.find((u) => u.state === 'waiting');
    if (!client || !upload || this.uploads.some((u) => u.state === 'sending')) return;
    const still = () => this.uploads.some((u) => u.key === upload.key);
    this.patchUpload(upload.key, { state: 'sending', progress: 0, error: undefined });
    try {
      const media = await uploadPhoto(client, upload.file, upload.key, (progress) => {
        if (still()) this.patchUpload(upload.key, { progress });
      });
      if (!still()) return;
      this.uploads = this.uploads.filter((u) => u.key !== upload.key);
      this.photos = [...this.photos, { id: media.id, url: media.url }];
      this.key = undefined;
      this.save();
      this.changed();
      this.ctx.announce(this.text.t('photoAttached'));
    } catch (error) {
      if (!still()) return;
      if (error instanceof ApiError && error.kind === 'auth') {
        // The files cannot be kept across a sign-in; the comment and attached photos stay in the draft.
        this.uploads = [];
        this.signIn = this.ctx.requireSignIn('upload');
        this.changed();
        return;
      }
      this.patchUpload(upload.key, { state: 'failed', error: `${this.text.t('photoFailed', { name: upload.file.name })} ${this.ctx.describeError(error)}` });
      this.ctx.reportError(error);
    } finally {
      void this.nextUpload();
    }
  }

  private retryUpload(upload: PhotoUpload): void {
    this.patchUpload(upload.key, { state: 'waiting', progress: 0, error: undefined });
    void this.nextUpload();
  }

  private dropUpload(upload: PhotoUpload): void {
    this.uploads = this.uploads.filter((u) => u.key !== upload.key);
    this.photoError = undefined;
    this.changed();
  }

  private removePhoto(photo: AttachedPhoto): void {
    this.photos = this.photos.filter((p) => p.id !== photo.id);
    this.photoError = undefined;
    this.key = undefined;
    this.save();
    this.changed();
  }

  private inOutbox(id: string): OutboxItem<ComplaintConfirmation> | undefined {
    return this.outbox.items.find((item) => item.path === confirmationPath(id));
  }

  private async send(c: Complaint, body: ComplaintConfirmation, key: string): Promise<void> {
    if (this.inOutbox(c.id)) return;
    this.signIn = false;
    this.sendError = undefined;
    const sending = this.outbox.send(confirmationPath(c.id), body, { key });
    this.changed();
    await sending;
    if (this.outbox.status === 'waiting' && !this.signIn && this.inOutbox(c.id)) this.ctx.announce(this.text.t('queued'));
  }

  private confirm(c: Complaint): void {
    void this.send(c, { outcome: 'confirmed' }, newIdempotencyKey());
  }

  private async dispute(event: Event, c: Complaint): Promise<void> {
    event.preventDefault();
    if (this.uploading) return;
    const comment = this.comment.trim();
    this.commentError = !comment
      ? this.text.t('disputeCommentRequired')
      : this.comment.length > COMMENT_LIMIT
        ? this.text.t('commentTooLong', { max: COMMENT_LIMIT })
        : undefined;
    if (this.commentError) return this.focusError(c.id);
    this.key ??= newIdempotencyKey();
    this.save();
    this.draft.flush();
    await this.send(c, { outcome: 'disputed', comment, ...(this.photos.length ? { mediaIds: this.photos.map((p) => p.id) } : {}) }, this.key);
  }

  private async confirmed(result: Complaint, item: OutboxItem<ComplaintConfirmation>): Promise<void> {
    const outcome = item.body.outcome;
    this.ctx.replace(result);
    this.outcomes = new Map(this.outcomes).set(result.id, outcome);
    if (this.disputeFor === result.id) this.closeDispute(true);
    emit(this.ctx.host, outcome === 'confirmed' ? 'veche-complaint-confirmed' : 'veche-complaint-disputed', {
      complaint: result.id,
      trackingNumber: result.trackingNumber,
      agency: result.agency.id,
      outcome,
    });
    this.ctx.announce(this.text.t(outcome));
    this.changed();
    await this.ctx.host.updateComplete;
    this.ctx.host.renderRoot.querySelector<HTMLElement>(`#outcome-${result.id}`)?.focus();
  }

  private rejected(error: ApiError, item: OutboxItem<ComplaintConfirmation>): void {
    const id = this.ctx.shown().find((c) => confirmationPath(c.id) === item.path)?.id;
    if (!id) return;
    if (error.slug === 'not-confirmable') {
      if (this.disputeFor === id) this.closeDispute(true);
      this.outcomes = new Map(this.outcomes).set(id, 'not-confirmable');
      this.ctx.announce(this.text.t('notConfirmable'), { assertive: true });
      void this.refresh(id);
      return;
    }
    this.key = undefined;
    // The server's word on the comment or the photos shows at that field; the panel keeps what names no field.
    const placed = this.disputeFor === id ? error.fieldErrors.filter(({ field }) => field === 'comment' || field.split('.')[0] === 'mediaIds') : [];
    this.commentError = placed.find(({ field }) => field === 'comment')?.message;
    this.photoError = placed.find(({ field }) => field !== 'comment')?.message;
    if (!placed.length || placed.length < error.fieldErrors.length) this.sendError = { id, error };
    this.ctx.reportError(error);
    if (placed.length) void this.focusError(id);
    else this.changed();
  }

  /** Puts the citizen on the first field of the dispute with an error, once it shows. */
  private async focusError(id: string): Promise<void> {
    this.changed();
    await this.ctx.host.updateComplete;
    const root = this.ctx.host.renderRoot;
    // With five photos attached there is no file input: the first photo's "remove" stands for the field.
    (root.querySelector<HTMLElement>(this.commentError ? `#comment-${id}` : `#photo-${id}`) ?? root.querySelector<HTMLElement>('.attached button'))?.focus();
  }

  /** Fetches one complaint again and shows it as the server has it now. */
  private async refresh(id: string): Promise<void> {
    const client = this.ctx.client();
    if (!client) return;
    try {
      this.ctx.replace(await fetchComplaint(client, id, new AbortController().signal));
    } catch (error) {
      this.ctx.reportError(error);
    }
  }

  render(c: Complaint, level: number): TemplateResult | typeof nothing {
    const t = this.text;
    const locale = t.locale;
    const outcome = this.outcomes.get(c.id);
    const queued = this.inOutbox(c.id);
    const message = outcome
      ? html`<p class="outcome ${outcome}" part="status outcome" id="outcome-${c.id}" tabindex="-1">
          ${t.t(outcome === 'not-confirmable' ? 'notConfirmable' : outcome)}
        </p>`
      : nothing;
    // Alone, a closed complaint always offers the rating; in the list, only right after confirming.
    const rating = c.mine && c.status === 'closed' && (!this.ctx.mine() || outcome === 'confirmed') ? this.renderRating(c) : nothing;
    if (queued && this.outbox.status !== 'sending' && !this.signIn) {
      return html`<div class="status" part="status queued">
        <p>${t.t('queued')}</p>
        <button class="button" type="button" @click=${() => this.outbox.retryNow()}>${t.t('sendNow')}</button>
      </div>`;
    }
    if (!confirmable(c)) {
      const past = c.confirmation
        ? html`<p class="muted">${t.t('yourConfirmation', { outcome: t.t(`outcome_${c.confirmation.outcome}`) })}
            ${c.confirmation.comment ? html`<br /><q>${c.confirmation.comment}</q>` : nothing}</p>`
        : c.mine && c.status === 'resolved' && c.confirmableUntil
          ? html`<p class="muted">${t.t('confirmExpired', { date: formatDate(locale, c.confirmableUntil) })}</p>`
          : nothing;
      return html`${message}${past}${rating}`;
    }
    const sending = !!queued;
    const error = this.sendError?.id === c.id ? this.sendError.error : undefined;
    return html`${message}<div class="confirm" part="confirm">
      ${heading(level, `confirm-${c.id}`, t.t('confirmTitle'))}
      <p>${t.t('confirmHint', { date: formatDateTime(locale, c.confirmableUntil!) })}</p>
      ${this.signIn ? this.ctx.renderSignIn() : nothing} ${error ? this.ctx.renderError(error) : nothing}
      ${this.disputeFor === c.id
        ? this.renderDispute(c, sending)
        : html`<div class="actions">
            <button class="button primary" part="submit" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${() => !sending && this.confirm(c)}>
              ${sending ? t.t('sending') : t.t('confirmYes')}
            </button>
            <button class="button" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${() => !sending && this.openDispute(c)}>
              ${t.t('confirmNo')}
            </button>
          </div>`}
    </div>`;
  }

  private renderDispute(c: Complaint, sending: boolean): TemplateResult {
    const t = this.text;
    const left = COMMENT_LIMIT - this.comment.length;
    const room = MAX_DISPUTE_PHOTOS - this.photos.length - this.uploads.length;
    const described = `count-${c.id}${this.commentError ? ` error-${c.id}` : ''}`;
    return html`<form class="dispute" novalidate @submit=${(event: Event) => void this.dispute(event, c)}>
      <p class="label">${t.t('disputeTitle')}</p>
      <label class="field" for="comment-${c.id}">${t.t('disputeComment')} <span class="muted">(${this.ctx.coreText.t('required')})</span></label>
      <textarea
        id="comment-${c.id}"
        rows="4"
        required
        .value=${this.comment}
        ?disabled=${sending}
        aria-invalid=${this.commentError ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${(event: Event) => this.typed(event)}
      ></textarea>
      <span class="hint ${left < 0 ? 'over' : ''}" id="count-${c.id}">${t.t('commentLeft', { count: Math.max(0, left), max: COMMENT_LIMIT })}</span>
      ${this.commentError ? html`<span class="field-error" id="error-${c.id}">${this.commentError}</span>` : nothing}
      ${room > 0
        ? html`<label class="field" for="photo-${c.id}">${t.t('photo', { max: MAX_DISPUTE_PHOTOS })}</label>`
        : html`<p class="field">${t.t('photo', { max: MAX_DISPUTE_PHOTOS })}</p>`}
      <span class="hint" id="photo-hint-${c.id}">${t.t(room > 0 ? 'photoHint' : 'photoFull', { max: MAX_DISPUTE_PHOTOS })}</span>
      ${this.renderAttached(sending)} ${this.renderUploads(sending)}
      ${room > 0
        ? html`<input
            id="photo-${c.id}"
            type="file"
            multiple
            accept=${PHOTO_TYPES.join(',')}
            aria-invalid=${this.photoError ? 'true' : 'false'}
            aria-describedby="photo-hint-${c.id}${this.photoError ? ` photo-error-${c.id}` : ''}"
            ?disabled=${sending}
            @change=${(event: Event) => this.pickPhotos(event)}
          />`
        : nothing}
      ${this.photoError ? html`<p class="field-error" id="photo-error-${c.id}">${this.photoError}</p>` : nothing}
      <div class="actions">
        <button class="button primary" part="submit" type="submit" aria-disabled=${sending || this.uploading ? 'true' : 'false'}>
          ${sending ? t.t('sending') : t.t('sendDispute')}
        </button>
        <button class="button" type="button" ?disabled=${sending} @click=${() => this.closeDispute(true)}>${t.t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderAttached(sending: boolean): TemplateResult | typeof nothing {
    if (!this.photos.length) return nothing;
    return html`<ul class="attached">
      ${this.photos.map((photo, i) => {
        const src = imageSource(photo.url, this.ctx.config().api);
        return html`<li>
          ${src ? html`<img part="photo" src=${src} alt=${this.text.t('attachedPhoto', { index: i + 1 })} />` : nothing}
          <button class="button" type="button" ?disabled=${sending} @click=${() => this.removePhoto(photo)}>${this.text.t('photoRemove', { index: i + 1 })}</button>
        </li>`;
      })}
    </ul>`;
  }

  private renderUploads(sending: boolean): TemplateResult | typeof nothing {
    if (!this.uploads.length) return nothing;
    const t = this.text;
    return html`<ul class="uploads">
      ${this.uploads.map(
        (upload) => html`<li class=${upload.state}>
          ${upload.state === 'failed'
            ? html`<span class="field-error">${upload.error}</span>
                <button class="button" type="button" ?disabled=${sending} @click=${() => this.retryUpload(upload)}>${this.ctx.coreText.t('retry')}</button>`
            : html`<span class="hint">${t.t('photoUploading', { name: upload.file.name, percent: formatPercent(t.locale, upload.progress) })}</span>
                <progress max="1" .value=${upload.progress} aria-label=${upload.file.name}></progress>`}
          <button class="button" type="button" ?disabled=${sending} @click=${() => this.dropUpload(upload)}>${t.t('photoCancel', { name: upload.file.name })}</button>
        </li>`,
      )}
    </ul>`;
  }

  /** The agency rating form, imported only when a citizen may need it (it is a widget of its own). */
  private renderRating(c: Complaint): TemplateResult {
    if (c.rated) return html`<p class="muted">${this.text.t('rated')}</p>`;
    if (!this.ratingRequested) {
      this.ratingRequested = true;
      void import('../agency-rating/define.js');
    }
    const { api, locale, theme, loginUrl, getToken } = this.ctx.config();
    return html`<div class="rate">
      <p>${this.text.t('rateOffer')}</p>
      <veche-agency-rating
        compact
        agency=${c.agency.id}
        complaint=${c.id}
        api=${api ?? nothing}
        locale=${locale}
        theme=${theme ?? nothing}
        login-url=${loginUrl ?? nothing}
        .getToken=${getToken}
      ></veche-agency-rating>
    </div>`;
  }
}

const confirmStyles = css`
  .confirm,
  .dispute,
  .rate {
    display: grid;
    gap: 0.5em;
  }
  .confirm {
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border: 2px solid var(--_accent);
  }
  .label {
    font-weight: 600;
  }
  .attached,
  .uploads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
  }
  .attached li {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .uploads {
    flex-direction: column;
  }
  .uploads li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .uploads progress {
    flex: 1 1 8em;
  }
  textarea {
    inline-size: 100%;
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input[type='file'] {
    max-inline-size: 100%;
    min-block-size: var(--_target);
  }
  progress {
    display: block;
    inline-size: 100%;
    accent-color: var(--_accent);
  }
  .over {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .outcome {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_done);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .outcome.not-confirmable {
    border-color: var(--_overdue);
  }
  q {
    overflow-wrap: anywhere;
  }
`;
