import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime, formatPercent } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { imageSource } from '../../core/urls.js';
import { signedInOnly } from '../../core/session.js';
import {
  COMMENT_LIMIT,
  MAX_DISPUTE_PHOTOS,
  MAX_PHOTO_BYTES,
  PHOTO_TYPES,
  confirmationPath,
  fetchComplaint,
  fetchMine,
  uploadPhoto,
  type Complaint,
  type ComplaintConfirmation,
} from './api.js';
import type {} from './events.js';
import { complaintStatusMessages } from './messages.js';
import { complaintStatusStyles } from './styles.js';

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

const DAY = 86_400_000;
const OPEN = new Set(['submitted', 'in_progress', 'disputed']);
const STATES = ['loading', 'not-found', 'error', 'complaint', 'list', 'empty', 'signed-out', 'confirmable', 'queued'] as const;
const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

/**
 * Follows one complaint (`complaint="ID"`) or lists the signed-in citizen's own (`mine`): a
 * timeline of statuses with dates, the agency's answer and photos, and a countdown to the
 * deadline. When the agency marks a complaint resolved, its author confirms the fix or disputes
 * it (a comment and up to five photos, shown in the timeline afterwards) while the confirmation period lasts; after confirming, the agency
 * rating form is offered (`<veche-agency-rating>`, loaded only then). Confirmations go through
 * the outbox: kept across reloads and network cuts, sent exactly once.
 *
 * @summary Lets a citizen follow a complaint, confirm or dispute the fix, and rate the agency.
 * @tag veche-complaint-status
 * @status experimental
 * @since 0.1
 *
 * @fires veche-complaint-confirmed - The citizen confirmed the fix; the complaint is closed. `detail: { complaint, trackingNumber, agency, outcome }`.
 * @fires veche-complaint-disputed - The citizen disputed the fix; it went back to the agency. Same detail.
 * @fires veche-points-change - From the embedded rating form, when rating the agency earned points.
 * @fires veche-rating - From the embedded rating form, when the agency was rated.
 * @fires veche-error - Loading, uploading or confirming failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Confirming needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The complaint's or the list's container.
 * @csspart title - The complaint's tracking number or the list's title.
 * @csspart badge - The status badge.
 * @csspart countdown - Days left or overdue.
 * @csspart timeline - The list of status changes.
 * @csspart answer - The agency's answer.
 * @csspart photo - A photo (the citizen's, the agency's, or one attached to a dispute).
 * @csspart confirm - The confirm / dispute panel.
 * @csspart submit - The confirm and dispute buttons.
 * @csspart status - Notices: loading, not found, empty, sign-in, queued, outcome.
 * @csspart more - The "show more" button of the list.
 *
 * @cssproperty --veche-complaint-status-accent - Timeline dots and the open badge (default: `--veche-color-primary`).
 * @cssproperty --veche-complaint-status-overdue - The overdue countdown (default: `--veche-color-danger`).
 * @cssproperty --veche-complaint-status-done - Closed and resolved badges (default: `--veche-color-success`).
 * @cssproperty --veche-complaint-status-reserve - Height reserved while loading (default: `16em`).
 *
 * @cssstate loading - Loading.
 * @cssstate not-found - No complaint with this id.
 * @cssstate error - Loading failed.
 * @cssstate complaint - Showing one complaint.
 * @cssstate list - Showing the citizen's complaints.
 * @cssstate empty - The citizen has no complaints.
 * @cssstate signed-out - `mine` needs sign-in.
 * @cssstate confirmable - A shown complaint waits for the citizen to confirm or dispute.
 * @cssstate queued - A confirmation waits in the outbox for the connection.
 * @cssstate misconfigured - `api` is missing, or neither `complaint` nor `mine` is set.
 */
export class VecheComplaintStatus extends VecheElement {
  static override styles = [...baseStyles, complaintStatusStyles];

  /** The complaint's id, e.g. `c0001`. */
  @property() complaint?: string;
  /** Lists the signed-in citizen's complaints instead of one. */
  @property({ type: Boolean, reflect: true }) mine = false;
  /** How many complaints the list loads at a time (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  @state() private extra: Complaint[] = [];
  @state() private cursor?: string | null;
  @state() private loadingMore = false;
  /** Complaints as the server returned them after a confirmation, by id. */
  @state() private updated_ = new Map<string, Complaint>();
  /** What the citizen just did, by complaint id, for the result message. */
  @state() private outcomes = new Map<string, 'confirmed' | 'disputed' | 'not-confirmable'>();
  @state() private disputeFor?: string;
  @state() private comment = '';
  @state() private photos: AttachedPhoto[] = [];
  @state() private uploads: PhotoUpload[] = [];
  @state() private photoError?: string;
  @state() private commentError?: string;
  @state() private sendError?: { id: string; error: unknown };
  @state() private signIn = false;
  private key?: string;
  private ratingRequested = false;
  private reported = false;

  private readonly text = new LocalizeController(this, complaintStatusMessages, () => this.config.value.locale);
  private readonly draft = new DraftController<DisputeDraft>(this, {
    key: () => (this.disputeFor && this.config.value.api ? `draft:complaint-dispute:${this.config.value.api}#${this.disputeFor}` : undefined),
  });
  private readonly outbox = new OutboxController<ComplaintConfirmation, Complaint>(this, {
    storageKey: () => (this.config.value.api ? `outbox:complaint-confirmation:${this.config.value.api}` : undefined),
    client: () => this.client,
    onSent: (result, item) => void this.confirmed(result, item),
    onRejected: (error, item) => this.rejected(error, item),
    onAuthRequired: () => {
      this.signIn = this.requireSignIn('confirm');
    },
  });

  private readonly single = new Task(this, {
    task: async ([client, id, mine], { signal }) => {
      if (!client || !id || mine) return initialState;
      const complaint = await this.reporting(fetchComplaint(client, id, signal));
      this.restore([complaint]);
      return complaint;
    },
    args: () => [this.client, this.complaint, this.mine] as const,
  });

  /** `'signed-out'` when the backend does not know the citizen (401). */
  private readonly list = new Task(this, {
    task: async ([client, mine, size], { signal }): Promise<Complaint[] | 'signed-out'> => {
      if (!client || !mine) return initialState as never;
      try {
        const page = await signedInOnly(client, () => fetchMine(client, this.limit(size), undefined, signal));
        this.extra = [];
        this.cursor = page.nextCursor;
        this.restore(page.items);
        return page.items;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') return 'signed-out';
        return this.reporting(Promise.reject(error));
      }
    },
    args: () => [this.client, this.mine, this.pageSize] as const,
  });

  // A complaint filed with a <veche-complaint-form> on the same page shows up in "mine" at once.
  private readonly onComplaintFiled = () => {
    if (this.mine) void this.list.run();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('veche-complaint-submitted', this.onComplaintFiled);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('veche-complaint-submitted', this.onComplaintFiled);
  }

  private limit(size: number): number {
    return Math.min(100, Math.max(1, Math.round(size) || 10));
  }

  private async reporting<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (!(error instanceof ApiError && (error.kind === 'aborted' || error.kind === 'not-found'))) this.reportError(error);
      throw error;
    }
  }

  protected override get misconfigured(): boolean {
    return super.misconfigured || (!this.complaint && !this.mine);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase.includes(name));
    if (!this.complaint && !this.mine && !this.reported) {
      this.reported = true;
      console.error('[veche] <veche-complaint-status>: set "complaint" to a complaint id (complaint="c0001") or the "mine" attribute to list the citizen\'s complaints.');
    }
  }

  private get phase(): string[] {
    if (this.misconfigured) return [];
    const task = this.mine ? this.list : this.single;
    if (task.status === TaskStatus.ERROR) return [(task.error as ApiError).kind === 'not-found' ? 'not-found' : 'error'];
    const value = task.value;
    if (!value) return ['loading'];
    if (value === 'signed-out') return ['signed-out'];
    const shown = this.shown;
    const extra = [
      ...(shown.some((c) => this.confirmable(c)) ? ['confirmable'] : []),
      ...(this.outbox.items.length && this.outbox.status === 'waiting' ? ['queued'] : []),
    ];
    if (!this.mine) return ['complaint', ...extra];
    return [shown.length ? 'list' : 'empty', ...extra];
  }

  private get shown(): Complaint[] {
    const value = this.mine ? this.list.value : this.single.value ? [this.single.value] : [];
    if (!Array.isArray(value)) return [];
    return [...value, ...this.extra].map((c) => this.updated_.get(c.id) ?? c);
  }

  private confirmable(c: Complaint, now = Date.now()): boolean {
    return c.mine && c.status === 'resolved' && !!c.confirmableUntil && Date.parse(c.confirmableUntil) > now;
  }

  /** Reopens a dispute the citizen was writing before a reload. */
  private restore(complaints: Complaint[]): void {
    if (this.disputeFor) return;
    for (const c of complaints) {
      if (!this.confirmable(c)) continue;
      this.disputeFor = c.id;
      const saved = this.draft.load()?.value;
      const photos = saved?.photos ?? (saved?.photo ? [saved.photo] : []);
      if (saved && (saved.comment || photos.length)) {
        this.comment = saved.comment ?? '';
        this.photos = photos.slice(0, MAX_DISPUTE_PHOTOS);
        this.key = saved.key;
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
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#comment-${c.id}`)?.focus());
  }

  private closeDispute(forget: boolean): void {
    if (forget) this.draft.clear();
    this.disputeFor = this.photoError = this.commentError = this.key = undefined;
    this.comment = '';
    this.photos = [];
    this.uploads = [];
  }

  private typed(event: Event): void {
    this.comment = (event.target as HTMLTextAreaElement).value;
    this.key = undefined;
    if (this.commentError && this.comment.trim() && this.comment.length <= COMMENT_LIMIT) this.commentError = undefined;
    this.save();
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
    if (this.photoError) this.announcer.announce(this.photoError, { assertive: true });
    void this.nextUpload();
  }

  private patchUpload(key: string, patch: Partial<PhotoUpload>): void {
    this.uploads = this.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u));
  }

  /** Uploads the next waiting photo unless one is on its way; each finished upload starts the next. */
  private async nextUpload(): Promise<void> {
    const client = this.client;
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
      this.announcer.announce(this.text.t('photoAttached'));
    } catch (error) {
      if (!still()) return;
      if (error instanceof ApiError && error.kind === 'auth') {
        // The files cannot be kept across a sign-in; the comment and attached photos stay in the draft.
        this.uploads = [];
        this.signIn = this.requireSignIn('upload');
        return;
      }
      this.patchUpload(upload.key, { state: 'failed', error: `${this.text.t('photoFailed', { name: upload.file.name })} ${this.describeError(error)}` });
      this.reportError(error);
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
  }

  private removePhoto(photo: AttachedPhoto): void {
    this.photos = this.photos.filter((p) => p.id !== photo.id);
    this.photoError = undefined;
    this.key = undefined;
    this.save();
  }

  private inOutbox(id: string): OutboxItem<ComplaintConfirmation> | undefined {
    return this.outbox.items.find((item) => item.path === confirmationPath(id));
  }

  private async send(c: Complaint, body: ComplaintConfirmation, key: string): Promise<void> {
    if (this.inOutbox(c.id)) return;
    this.signIn = false;
    this.sendError = undefined;
    const sending = this.outbox.send(confirmationPath(c.id), body, { key });
    this.requestUpdate();
    await sending;
    if (this.outbox.status === 'waiting' && !this.signIn && this.inOutbox(c.id)) this.announcer.announce(this.text.t('queued'));
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
    if (this.commentError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#comment-${c.id}`)?.focus();
      return;
    }
    this.key ??= newIdempotencyKey();
    this.save();
    this.draft.flush();
    await this.send(c, { outcome: 'disputed', comment, ...(this.photos.length ? { mediaIds: this.photos.map((p) => p.id) } : {}) }, this.key);
  }

  private async confirmed(result: Complaint, item: OutboxItem<ComplaintConfirmation>): Promise<void> {
    const outcome = item.body.outcome;
    this.updated_ = new Map(this.updated_).set(result.id, result);
    this.outcomes = new Map(this.outcomes).set(result.id, outcome);
    if (this.disputeFor === result.id) this.closeDispute(true);
    emit(this, outcome === 'confirmed' ? 'veche-complaint-confirmed' : 'veche-complaint-disputed', {
      complaint: result.id,
      trackingNumber: result.trackingNumber,
      agency: result.agency.id,
      outcome,
    });
    this.announcer.announce(this.text.t(outcome));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#outcome-${result.id}`)?.focus();
  }

  private rejected(error: ApiError, item: OutboxItem<ComplaintConfirmation>): void {
    const id = this.shown.find((c) => confirmationPath(c.id) === item.path)?.id;
    if (!id) return;
    if (error.slug === 'not-confirmable') {
      if (this.disputeFor === id) this.closeDispute(true);
      this.outcomes = new Map(this.outcomes).set(id, 'not-confirmable');
      this.announcer.announce(this.text.t('notConfirmable'), { assertive: true });
      void this.refresh(id);
      return;
    }
    this.key = undefined;
    this.sendError = { id, error };
    this.reportError(error);
  }

  /** Fetches one complaint again and shows it as the server has it now. */
  private async refresh(id: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const fresh = await fetchComplaint(client, id, new AbortController().signal);
      this.updated_ = new Map(this.updated_).set(id, fresh);
    } catch (error) {
      this.reportError(error);
    }
  }

  private async showMore(): Promise<void> {
    const client = this.client;
    if (!client || !this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await fetchMine(client, this.limit(this.pageSize), this.cursor);
      const first = page.items[0];
      this.extra = [...this.extra, ...page.items];
      this.cursor = page.nextCursor;
      this.restore(page.items);
      this.announcer.announce(this.text.t('loadedMore', { count: page.items.length }));
      await this.updateComplete;
      if (first) this.renderRoot.querySelector<HTMLElement>(`#title-${first.id}`)?.focus();
    } catch (error) {
      this.reportError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const task = this.mine ? this.list : this.single;
    if (task.status === TaskStatus.ERROR) {
      const notFound = { title: this.text.t('notFound'), hint: this.text.t('notFoundHint') };
      return this.renderLoadFailure(task.error, () => void task.run(), notFound);
    }
    if (!task.value) {
      return html`<div class="frame" part="base status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        <span class="skeleton line"></span><span class="skeleton line"></span><span class="skeleton block"></span>
      </div>`;
    }
    const locale = this.text.locale;
    if (!this.mine) {
      return html`<article class="frame" part="base" aria-labelledby="title-${this.shown[0]!.id}" lang=${locale}>
        ${this.renderComplaint(this.shown[0]!, 2)}
      </article>`;
    }
    if (task.value === 'signed-out') return this.renderSignIn();
    const shown = this.shown;
    return html`<section class="frame" part="base" aria-labelledby="mine-title" lang=${locale}>
      <h2 id="mine-title" part="title">${this.text.t('mineTitle')}</h2>
      ${shown.length
        ? html`<ul class="cards">
            ${shown.map((c) => html`<li class="card"><article aria-labelledby="title-${c.id}">${this.renderComplaint(c, 3)}</article></li>`)}
          </ul>`
        : html`<p class="status" part="status empty">${this.text.t('mineEmpty')}</p>`}
      ${this.cursor
        ? html`<button class="button" part="more" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.showMore()}>
            ${this.loadingMore ? this.coreText.t('loading') : this.text.t('showMore')}
          </button>`
        : nothing}
    </section>`;
  }

  /** `level` is the heading level of the complaint's title: 2 alone, 3 in the list. */
  private renderComplaint(c: Complaint, level: 2 | 3): TemplateResult {
    const locale = this.text.locale;
    const title = this.text.t('tracking', { number: c.trackingNumber });
    const details = html`${c.address ? html`<p>${this.text.t('address', { address: c.address })}</p>` : nothing}
      <p class="description">${c.description}</p>
      ${this.renderPhotos(c.media, 'complaintPhoto')}
      ${c.supporters ? html`<p class="muted">${this.text.t('supporters', { people: this.coreText.t('people', { count: c.supporters }) })}</p>` : nothing}
      ${this.renderTimeline(c, level + 1)} ${c.answer ? this.renderAnswer(c, level + 1) : nothing}`;
    return html`<div class="head">
        ${level === 2
          ? html`<h2 id="title-${c.id}" part="title" tabindex="-1">${title}</h2>`
          : html`<h3 id="title-${c.id}" part="title" tabindex="-1">${title}</h3>`}
        <span class="badge ${c.status}" part="badge">${this.text.t(`status_${c.status}`)}</span>
      </div>
      <p class="service">${c.serviceName}</p>
      <p class="muted">
        ${this.text.t('agency', { agency: c.agency.name })} · ${this.text.t('filed', { date: formatDate(locale, c.createdAt) })}
      </p>
      ${this.renderCountdown(c)} ${this.renderConfirmation(c, level + 1)}
      ${level === 3
        ? html`<details class="more">
            <summary>${this.text.t('details')}<span class="visually-hidden">: ${title}</span></summary>
            <div class="details">${details}</div>
          </details>`
        : html`<div class="details">${details}</div>`}`;
  }

  private renderCountdown(c: Complaint): TemplateResult | typeof nothing {
    if (!OPEN.has(c.status)) return nothing;
    const locale = this.text.locale;
    const now = Date.now();
    const due = Date.parse(c.dueAt);
    const calendar = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
    const overdue = due <= now;
    const days = (count: number) => this.coreText.t('days', { count });
    const text = overdue
      ? this.text.t('overdue', { days: days(Math.max(1, -calendar)) })
      : calendar <= 0
        ? this.text.t('dueToday')
        : this.text.t('daysLeft', { count: calendar, days: days(calendar) });
    return html`<p class="countdown ${overdue ? 'overdue' : ''}" part="countdown">
      <strong>${text}</strong> <span class="muted">(${this.text.t('dueOn', { date: formatDate(locale, c.dueAt) })})</span>
    </p>`;
  }

  private heading(level: number, id: string, text: string): TemplateResult {
    return html`<p class="h" role="heading" aria-level=${level} id=${id}>${text}</p>`;
  }

  private renderTimeline(c: Complaint, level: number): TemplateResult {
    const locale = this.text.locale;
    const confirmation = c.confirmation;
    // The author's photos belong to the entry their confirmation or dispute made.
    const photosOf = (event: Complaint['history'][number]) =>
      confirmation && event.actor === 'citizen' && event.at === confirmation.at
        ? this.renderPhotos(confirmation.media, confirmation.outcome === 'disputed' ? 'disputePhoto' : 'confirmationPhoto')
        : nothing;
    return html`<div class="section">
      ${this.heading(level, `timeline-${c.id}`, this.text.t('timeline'))}
      <ol class="timeline" part="timeline">
        ${c.history.map(
          (event) => html`<li class=${event.status}>
            <span class="event-status">${this.text.t(`status_${event.status}`)}</span>
            <time datetime=${event.at}>${formatDateTime(locale, event.at)}</time>
            <span class="muted">${this.text.t(`actor_${event.actor}`)}</span>
            ${event.note ? html`<span class="note-text">${event.note}</span>` : nothing} ${photosOf(event)}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderAnswer(c: Complaint, level: number): TemplateResult {
    const answer = c.answer!;
    return html`<div class="answer" part="answer">
      ${this.heading(level, `answer-${c.id}`, this.text.t('answer'))}
      <p class="muted"><time datetime=${answer.at}>${formatDateTime(this.text.locale, answer.at)}</time></p>
      <p>${answer.text}</p>
      ${this.renderPhotos(answer.media, 'answerPhoto')}
    </div>`;
  }

  private renderPhotos(media: Complaint['media'], label: 'answerPhoto' | 'complaintPhoto' | 'disputePhoto' | 'confirmationPhoto'): TemplateResult | typeof nothing {
    const photos = media.flatMap((m) => {
      const src = imageSource(m.url, this.config.value.api);
      return src ? [src] : [];
    });
    if (!photos.length) return nothing;
    return html`<ul class="photos">
      ${photos.map(
        (src, i) => html`<li><a href=${src} target="_blank" rel="noopener"><img part="photo" src=${src} alt=${this.text.t(label, { index: i + 1 })} loading="lazy" /></a></li>`,
      )}
    </ul>`;
  }

  private renderConfirmation(c: Complaint, level: number): TemplateResult | typeof nothing {
    const locale = this.text.locale;
    const outcome = this.outcomes.get(c.id);
    const queued = this.inOutbox(c.id);
    const message = outcome
      ? html`<p class="outcome ${outcome}" part="status outcome" id="outcome-${c.id}" tabindex="-1">
          ${this.text.t(outcome === 'not-confirmable' ? 'notConfirmable' : outcome)}
        </p>`
      : nothing;
    // Alone, a closed complaint always offers the rating; in the list, only right after confirming.
    const rating = c.mine && c.status === 'closed' && (!this.mine || outcome === 'confirmed') ? this.renderRating(c) : nothing;
    if (queued && this.outbox.status !== 'sending' && !this.signIn) {
      return html`<div class="status" part="status queued">
        <p>${this.text.t('queued')}</p>
        <button class="button" type="button" @click=${() => this.outbox.retryNow()}>${this.text.t('sendNow')}</button>
      </div>`;
    }
    if (!this.confirmable(c)) {
      const past = c.confirmation
        ? html`<p class="muted">${this.text.t('yourConfirmation', { outcome: this.text.t(`outcome_${c.confirmation.outcome}`) })}
            ${c.confirmation.comment ? html`<br /><q>${c.confirmation.comment}</q>` : nothing}</p>`
        : c.mine && c.status === 'resolved' && c.confirmableUntil
          ? html`<p class="muted">${this.text.t('confirmExpired', { date: formatDate(locale, c.confirmableUntil) })}</p>`
          : nothing;
      return html`${message}${past}${rating}`;
    }
    const sending = !!queued;
    const disputing = this.disputeFor === c.id;
    const error = this.sendError?.id === c.id ? this.sendError.error : undefined;
    return html`${message}<div class="confirm" part="confirm">
      ${this.heading(level, `confirm-${c.id}`, this.text.t('confirmTitle'))}
      <p>${this.text.t('confirmHint', { date: formatDateTime(locale, c.confirmableUntil!) })}</p>
      ${this.signIn ? this.renderSignIn() : nothing} ${error ? this.renderError(error) : nothing}
      ${disputing
        ? this.renderDispute(c, sending)
        : html`<div class="actions">
            <button class="button primary" part="submit" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${() => !sending && this.confirm(c)}>
              ${sending ? this.text.t('sending') : this.text.t('confirmYes')}
            </button>
            <button class="button" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${() => !sending && this.openDispute(c)}>
              ${this.text.t('confirmNo')}
            </button>
          </div>`}
    </div>`;
  }

  private renderDispute(c: Complaint, sending: boolean): TemplateResult {
    const left = COMMENT_LIMIT - this.comment.length;
    const uploading = this.uploading;
    const room = MAX_DISPUTE_PHOTOS - this.photos.length - this.uploads.length;
    const described = `count-${c.id}${this.commentError ? ` error-${c.id}` : ''}`;
    return html`<form class="dispute" novalidate @submit=${(event: Event) => void this.dispute(event, c)}>
      <p class="label">${this.text.t('disputeTitle')}</p>
      <label class="field" for="comment-${c.id}">${this.text.t('disputeComment')} <span class="muted">(${this.coreText.t('required')})</span></label>
      <textarea
        id="comment-${c.id}"
        rows="4"
        required
        .value=${this.comment}
        ?disabled=${sending}
        aria-invalid=${this.commentError ? 'true' : 'false'}
        aria-describedby=${described}
        @input=${this.typed}
      ></textarea>
      <span class="hint ${left < 0 ? 'over' : ''}" id="count-${c.id}">${this.text.t('commentLeft', { count: Math.max(0, left), max: COMMENT_LIMIT })}</span>
      ${this.commentError ? html`<span class="field-error" id="error-${c.id}">${this.commentError}</span>` : nothing}
      ${room > 0
        ? html`<label class="field" for="photo-${c.id}">${this.text.t('photo', { max: MAX_DISPUTE_PHOTOS })}</label>`
        : html`<p class="field">${this.text.t('photo', { max: MAX_DISPUTE_PHOTOS })}</p>`}
      <span class="hint" id="photo-hint-${c.id}">${this.text.t(room > 0 ? 'photoHint' : 'photoFull', { max: MAX_DISPUTE_PHOTOS })}</span>
      ${this.renderAttached(sending)} ${this.renderUploads(sending)}
      ${room > 0
        ? html`<input
            id="photo-${c.id}"
            type="file"
            multiple
            accept=${PHOTO_TYPES.join(',')}
            aria-describedby="photo-hint-${c.id}${this.photoError ? ` photo-error-${c.id}` : ''}"
            ?disabled=${sending}
            @change=${this.pickPhotos}
          />`
        : nothing}
      ${this.photoError ? html`<p class="field-error" id="photo-error-${c.id}">${this.photoError}</p>` : nothing}
      <div class="actions">
        <button class="button primary" part="submit" type="submit" aria-disabled=${sending || uploading ? 'true' : 'false'}>
          ${sending ? this.text.t('sending') : this.text.t('sendDispute')}
        </button>
        <button class="button" type="button" ?disabled=${sending} @click=${() => this.closeDispute(true)}>${this.text.t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderAttached(sending: boolean): TemplateResult | typeof nothing {
    if (!this.photos.length) return nothing;
    return html`<ul class="attached">
      ${this.photos.map((photo, i) => {
        const src = imageSource(photo.url, this.config.value.api);
        return html`<li>
          ${src ? html`<img part="photo" src=${src} alt=${this.text.t('attachedPhoto', { index: i + 1 })} />` : nothing}
          <button class="button" type="button" ?disabled=${sending} @click=${() => this.removePhoto(photo)}>${this.text.t('photoRemove', { index: i + 1 })}</button>
        </li>`;
      })}
    </ul>`;
  }

  private renderUploads(sending: boolean): TemplateResult | typeof nothing {
    if (!this.uploads.length) return nothing;
    const locale = this.text.locale;
    return html`<ul class="uploads">
      ${this.uploads.map(
        (upload) => html`<li class=${upload.state}>
          ${upload.state === 'failed'
            ? html`<span class="field-error">${upload.error}</span>
                <button class="button" type="button" ?disabled=${sending} @click=${() => this.retryUpload(upload)}>${this.coreText.t('retry')}</button>`
            : html`<span class="hint">${this.text.t('photoUploading', { name: upload.file.name, percent: formatPercent(locale, upload.progress) })}</span>
                <progress max="1" .value=${upload.progress} aria-label=${upload.file.name}></progress>`}
          <button class="button" type="button" ?disabled=${sending} @click=${() => this.dropUpload(upload)}>${this.text.t('photoCancel', { name: upload.file.name })}</button>
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
    const { api, locale, theme, loginUrl, getToken } = this.config.value;
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
