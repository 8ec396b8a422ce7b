import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime, formatNumber } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { safeUrl } from '../../core/urls.js';
import { signedInOnly } from '../../core/session.js';
import {
  fetchMe,
  fetchNearby,
  supportComplaint,
  VecheBackend,
  type Category,
  type ComplaintBackend,
  type ComplaintCreate,
  type Filed,
  type GeoPoint,
  type Me,
  type NearbyComplaint,
  type ServiceAttribute,
} from './api.js';
import { answerText, checkAttribute, fieldId, renderAttribute, toAnswers, type RawValues } from './fields.js';
import type {} from './events.js';
import { complaintFormMessages } from './messages.js';
import { PhotoController, type Photo, type SavedPhoto } from './photos.js';
import { complaintFormStyles } from './styles.js';

const STEPS = ['category', 'details', 'location', 'photos', 'review'] as const;
const [CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW] = [0, 1, 2, 3, 4];
const MIN_DESCRIPTION = 10;

/** Everything the citizen entered, autosaved: it survives reloads, crashes and lost connections. */
interface ComplaintDraft {
  step: number;
  service?: string;
  values: RawValues;
  description: string;
  address: string;
  location?: GeoPoint;
  photos: SavedPhoto[];
  consent: boolean;
  /** The submission's idempotency key: every retry of this complaint is the same request. */
  key: string;
}

const emptyDraft = (): ComplaintDraft => ({ step: 0, values: {}, description: '', address: '', photos: [], consent: false, key: newIdempotencyKey() });

/** Which step each field is on, for jumping to the first error. */
const stepOf = (field: string) =>
  field === 'service' ? CATEGORY : field === 'address' ? LOCATION : field === 'photos' ? PHOTOS : field === 'consent' ? REVIEW : DETAILS;

/** A contract field path (`attributes.depth`, `location.lat`) → the form's field id. */
const fieldFor = (path: string) => {
  const [head, rest] = path.split('.');
  if (head === 'attributes' && rest) return `attr-${rest}`;
  return ({ serviceCode: 'service', description: 'description', address: 'address', location: 'address', mediaIds: 'photos', consent: 'consent' } as Record<string, string>)[head!];
};

/**
 * Files a complaint that reaches the right agency with a deadline: category (searchable,
 * grouped, each with its agency and answer deadline), the category's own questions, a
 * description, the place (address, "use my location", an optional map), photos, and consent
 * to personal-data processing; similar open complaints nearby can be supported instead.
 * Everything typed is autosaved; the submission is queued when offline or the server fails and
 * sent exactly once. With `flavor="open311"` the form talks to an Open311 GeoReport v2 server.
 *
 * @summary Lets a citizen report a problem to the agency responsible, and follow it.
 * @tag veche-complaint-form
 * @status experimental
 * @since 0.1
 *
 * @fires veche-complaint-submitted - The complaint was filed. `detail: { complaint, trackingNumber, service, agency?, dueAt? }`, no personal data.
 * @fires veche-complaint-supported - The citizen supported ("+1") an existing nearby complaint instead. `detail: { complaint, trackingNumber, supporters }`.
 * @fires veche-points-change - Points were awarded for the complaint. `detail: { delta, balance, reason }`.
 * @fires veche-error - Loading, uploading or filing failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Filing needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The form's container.
 * @csspart steps - The step indicator.
 * @csspart error-summary - The list of problems shown on submit, each linked to its field.
 * @csspart category - One category option.
 * @csspart photo - One photo with its progress, retry and remove.
 * @csspart submit - The next / send button.
 * @csspart status - Notices: loading, draft restored, queued, signed out, errors.
 * @csspart nearby - Similar complaints nearby (the duplicate check).
 * @csspart confirmation - The result: tracking number, agency, due date.
 * @csspart service-note - An informational note of a category.
 *
 * @cssproperty --veche-complaint-form-accent - Current step, progress bars (default: `--veche-color-primary`).
 * @cssproperty --veche-complaint-form-reserve - Height reserved while loading (default: `20em`).
 *
 * @cssstate loading - The categories are loading.
 * @cssstate error - The categories could not be loaded.
 * @cssstate editing - The citizen is filling in the form.
 * @cssstate queued - The complaint is saved and waits to be sent (offline or server error).
 * @cssstate sending - The complaint is on its way.
 * @cssstate submitted - The complaint was filed (or a nearby one supported).
 * @cssstate signed-out - Filing needs sign-in.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheComplaintForm extends VecheElement {
  static override styles = [...baseStyles, complaintFormStyles];

  /** `veche` (default): the Veche contract at `api`; `open311`: an Open311 GeoReport v2 server at `api`. */
  @property() flavor: 'veche' | 'open311' = 'veche';
  /** At most this many photos (the category may allow fewer). */
  @property({ attribute: 'max-photos', type: Number }) maxPhotos = 5;
  /** Map tiles for the optional map picker, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. Without it there is no map. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;
  /** Where the page shows a complaint's status; `{id}` is replaced by the complaint id. */
  @property({ attribute: 'status-url' }) statusUrl?: string;

  @state() private form: ComplaintDraft = emptyDraft();
  @state() private errors: Record<string, string> = {};
  @state() private summary = false;
  @state() private restoredAt?: number;
  @state() private query = '';
  @state() private geo?: 'locating' | 'denied' | 'timeout' | 'unavailable';
  @state() private photoNotice = '';
  @state() private nearby?: NearbyComplaint[];
  @state() private supporting?: string;
  @state() private filed?: Filed;
  @state() private supported?: { complaint: NearbyComplaint; supporters: number };
  @state() private failure?: unknown;
  @state() private signIn = false;
  @state() private map?: 'loading' | 'open' | 'failed';
  @state() private backend?: ComplaintBackend;
  private supportKey = newIdempotencyKey();
  private restored = false;

  private readonly text = new LocalizeController(this, complaintFormMessages, () => this.config.value.locale);

  private readonly draft = new DraftController<ComplaintDraft>(this, {
    key: () => (this.config.value.api ? `draft:complaint:${this.flavor}:${this.config.value.api}` : undefined),
  });

  private readonly outbox = new OutboxController<ComplaintCreate, unknown>(this, {
    storageKey: () => (this.backend ? `outbox:complaints:${this.flavor}:${this.config.value.api}` : undefined),
    client: () => this.backend?.client,
    onSent: (result, item) => void this.sent(result, item),
    onRejected: (error, item) => this.rejected(error, item),
    onAuthRequired: () => (this.signIn = this.requireSignIn('submit')),
  });

  private readonly photos = new PhotoController(this, {
    client: () => this.client,
    changed: (photo) => this.photoChanged(photo),
  });

  private readonly servicesTask = new Task(this, {
    task: async ([api, flavor, client, getToken], { signal }) => {
      if (!api || !client) return [] as Category[];
      const backend =
        flavor === 'open311' ? new (await import('./open311.js')).Open311Backend(api, getToken) : new VecheBackend(client);
      try {
        const categories = await backend.services(signal);
        this.backend = backend;
        this.restore(categories);
        return categories;
      } catch (error) {
        if (!(error instanceof ApiError && error.kind === 'aborted')) this.reportError(error);
        throw error;
      }
    },
    args: () => [this.config.value.api, this.flavor, this.client, this.config.value.getToken] as const,
  });

  /** The signed-in citizen; null when signed out. Open311 servers have no `/me`. */
  private readonly meTask = new Task(this, {
    task: async ([client, flavor], { signal }): Promise<Me | null | undefined> => {
      if (!client || flavor === 'open311') return undefined;
      try {
        const me = await signedInOnly(client, () => fetchMe(client, signal));
        this.signIn = false;
        // Signed in after a 401 held the queue: send now.
        if (this.outbox.items.length) this.outbox.retryNow();
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') return null;
        throw error;
      }
    },
    args: () => [this.client, this.flavor] as const,
  });

  /** The chosen category's questions (fetched separately only from Open311 servers). */
  private readonly attributesTask = new Task(this, {
    task: async ([backend, category], { signal }) => (backend && category ? backend.attributes(category, signal) : []),
    args: () => [this.backend, this.category] as const,
  });

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const loading = !this.misconfigured && this.servicesTask.status === TaskStatus.PENDING && !this.servicesTask.value;
    const done = !!(this.filed || this.supported);
    this.setState('loading', loading);
    this.setState('error', this.servicesTask.status === TaskStatus.ERROR);
    this.setState('queued', this.queued && this.outbox.status === 'waiting');
    this.setState('sending', this.outbox.status === 'sending');
    this.setState('submitted', done);
    this.setState('editing', !loading && !done && !this.queued && !!this.servicesTask.value);
    this.setState('signed-out', this.me === null);
  }

  private get categories(): Category[] {
    return this.servicesTask.value ?? [];
  }

  private get category(): Category | undefined {
    return this.categories.find((c) => c.code === this.form.service);
  }

  private get questions(): ServiceAttribute[] {
    return [...(this.attributesTask.value ?? [])].sort((a, b) => a.order - b.order);
  }

  private get me(): Me | null | undefined {
    return this.meTask.value;
  }

  private get limit(): number {
    return this.category?.descriptionMaxLength ?? 4000;
  }

  private get photoLimit(): number {
    if (!this.backend?.full) return 0;
    return Math.min(this.maxPhotos, this.category?.maxMedia ?? this.maxPhotos);
  }

  /** The steps this backend has: Open311 servers take no uploads. */
  private get steps(): number[] {
    return this.photoLimit > 0 ? [CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW] : [CATEGORY, DETAILS, LOCATION, REVIEW];
  }

  /** This complaint is in the outbox: saved, and being sent or waiting to be. */
  private get queued(): boolean {
    return this.outbox.items.some((item) => item.key === this.form.key);
  }

  // ---------------------------------------------------------------- drafts

  private restore(categories: Category[]): void {
    if (this.restored) return;
    this.restored = true;
    const saved = this.draft.load();
    if (!saved?.value?.key) return;
    const value = { ...emptyDraft(), ...saved.value };
    if (value.service && !categories.some((c) => c.code === value.service)) value.service = undefined;
    this.form = value;
    this.photos.restore(value.photos);
    if (value.service || value.description || value.address) this.restoredAt = saved.savedAt;
  }

  private change(changes: Partial<ComplaintDraft>): void {
    this.form = { ...this.form, ...changes };
    this.save();
  }

  private save(): void {
    this.draft.save({ ...this.form, photos: this.photos.saved() });
  }

  private startOver(): void {
    this.draft.clear();
    this.photos.clear();
    this.form = emptyDraft();
    this.errors = {};
    this.summary = false;
    this.restoredAt = this.filed = this.supported = this.failure = this.nearby = this.geo = this.map = undefined;
    this.photoNotice = this.query = '';
  }

  private async continueDraft(): Promise<void> {
    this.restoredAt = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  private async discardDraft(): Promise<void> {
    this.startOver();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  // ---------------------------------------------------------------- validation

  /** Problems on one step, by field id. */
  private check(step: number): Record<string, string> {
    const t = this.text;
    const errors: Record<string, string> = {};
    if (step === CATEGORY && !this.category) errors.service = t.t('errorService');
    if (step === DETAILS) {
      for (const attr of this.questions) {
        const problem = checkAttribute(attr, this.form.values[attr.code]);
        if (problem) errors[fieldId(attr)] = t.t(problem, { name: attr.description, count: 4000 });
      }
      const length = this.form.description.trim().length;
      if (!length) errors.description = t.t('errorDescription');
      else if (length < MIN_DESCRIPTION) errors.description = t.t('errorDescriptionShort', { count: MIN_DESCRIPTION });
      else if (this.form.description.length > this.limit) errors.description = t.t('errorDescriptionLong', { count: this.limit });
    }
    if (step === LOCATION) {
      const address = this.form.address.trim();
      if (!address && !this.form.location) errors.address = t.t('errorAddress');
      else if (address && address.length < 3) errors.address = t.t('errorAddressShort');
    }
    if (step === PHOTOS && this.photos.unfinished) errors.photos = t.t('errorPhotosUploading');
    if (step === REVIEW && !this.form.consent) errors.consent = t.t('errorConsent');
    return errors;
  }

  /** Shows `errors` (summary at the top, each next to its field) and puts the citizen on the first. */
  private async flag(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.summary = Object.keys(errors).length > 0;
    const first = Object.keys(errors)[0];
    if (!first) return;
    const step = stepOf(first);
    if (step !== this.form.step) this.change({ step });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  private focusField(event: Event, field: string): void {
    event.preventDefault();
    const root = this.renderRoot as ShadowRoot;
    (root.getElementById(`${field}-first`) ?? root.getElementById(field))?.focus();
  }

  /** Clears a field's error as soon as the citizen fixes it. */
  private recheck(field: string): void {
    if (!(field in this.errors)) return;
    const errors = { ...this.errors };
    const now = this.check(stepOf(field))[field];
    if (now) errors[field] = now;
    else delete errors[field];
    this.errors = errors;
  }

  // ---------------------------------------------------------------- navigation

  private async go(step: number): Promise<void> {
    this.errors = {};
    this.summary = false;
    this.change({ step });
    if (step === REVIEW) void this.checkNearby();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const step = this.form.step;
    if (step === REVIEW) return void this.submit();
    const errors = this.check(step);
    if (Object.keys(errors).length) return void this.flag(errors);
    const steps = this.steps;
    void this.go(steps[steps.indexOf(step) + 1] ?? REVIEW);
  }

  private back(): void {
    const steps = this.steps;
    void this.go(steps[Math.max(0, steps.indexOf(this.form.step) - 1)]!);
  }

  // ---------------------------------------------------------------- location

  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.geo = 'unavailable';
      return;
    }
    this.geo = 'locating';
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.geo = undefined;
        this.setLocation({ lat: round(coords.latitude), long: round(coords.longitude) });
      },
      (error) => {
        this.geo = error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
        this.announcer.announce(this.geoText(), { assertive: true });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private setLocation(location: GeoPoint | undefined): void {
    this.change({ location });
    this.recheck('address');
    if (location) this.announcer.announce(this.text.t('locationSet', { place: this.pointText(location) }));
  }

  private geoText(): string {
    const geo = this.geo;
    return geo === 'denied' ? this.text.t('geoDenied') : geo === 'timeout' ? this.text.t('geoTimeout') : geo === 'unavailable' ? this.text.t('geoUnavailable') : '';
  }

  private pointText(point: GeoPoint): string {
    const f = (n: number) => formatNumber(this.text.locale, n, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    return `${f(point.lat)}, ${f(point.long)}`;
  }

  private async openMap(): Promise<void> {
    const tiles = this.tileUrl;
    if (!tiles || this.map === 'loading' || this.map === 'open') return;
    this.map = 'loading';
    try {
      const { showMap } = await import('./map-picker.js');
      await this.updateComplete;
      await showMap(this.renderRoot.querySelector<HTMLElement>('#map')!, {
        tiles,
        at: this.form.location,
        label: this.text.t('mapLabel'),
        pick: (point) => this.setLocation({ lat: round(point.lat), long: round(point.long) }),
      });
      this.map = 'open';
    } catch {
      this.map = 'failed';
    }
  }

  // ---------------------------------------------------------------- photos

  private addPhotos(input: HTMLInputElement): void {
    const { notImages, overflow } = this.photos.add(input.files ?? [], this.photoLimit);
    input.value = '';
    const notices = [
      ...notImages.map((name) => this.text.t('notImage', { name })),
      ...(overflow ? [this.text.t('tooManyPhotos', { count: this.photoLimit })] : []),
    ];
    this.photoNotice = notices.join(' ');
    if (this.photoNotice) this.announcer.announce(this.photoNotice, { assertive: true });
  }

  private photoChanged(photo: Photo): void {
    this.save();
    this.recheck('photos');
    if (photo.status === 'done') this.announcer.announce(this.text.t('photoUploaded', { name: photo.name }));
    if (photo.status === 'failed') {
      if (photo.error instanceof ApiError) {
        if (photo.error.kind === 'auth') this.signIn = this.requireSignIn('upload');
        else this.reportError(photo.error);
      } else this.announcer.announce(this.photoError(photo), { assertive: true });
    }
  }

  private photoError(photo: Photo): string {
    if (photo.error === 'decode') return this.text.t('photoUnreadable', { name: photo.name });
    if (photo.error?.status === 413) return this.text.t('photoTooLarge');
    return this.describeError(photo.error);
  }

  // ---------------------------------------------------------------- duplicates

  private async checkNearby(): Promise<void> {
    const client = this.client;
    const location = this.form.location;
    this.nearby = undefined;
    if (!client || !this.backend?.full || !location || !this.form.service) return;
    try {
      const page = await fetchNearby(client, this.form.service, location);
      this.nearby = page.items;
    } catch {
      // The duplicate check is advice; filing works without it.
    }
  }

  private async support(complaint: NearbyComplaint): Promise<void> {
    const client = this.client;
    if (!client || this.supporting) return;
    if (this.me === null) {
      this.signIn = this.requireSignIn('support');
      return;
    }
    this.supporting = complaint.id;
    this.failure = undefined;
    try {
      const result = await supportComplaint(client, complaint.id, this.supportKey);
      this.supportedDone(complaint, result.supporters);
    } catch (error) {
      if (error instanceof ApiError && error.slug === 'already-supported') {
        this.supportedDone(complaint, complaint.supporters);
      } else {
        if (error instanceof ApiError && error.kind === 'auth') this.signIn = this.requireSignIn('support');
        else this.reportError((this.failure = error));
      }
    } finally {
      this.supporting = undefined;
    }
  }

  private async supportedDone(complaint: NearbyComplaint, supporters: number): Promise<void> {
    this.supportKey = newIdempotencyKey();
    this.draft.clear();
    this.photos.clear();
    this.supported = { complaint, supporters };
    emit(this, 'veche-complaint-supported', { complaint: complaint.id, trackingNumber: complaint.trackingNumber, supporters });
    this.announcer.announce(this.text.t('supportedTitle'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  // ---------------------------------------------------------------- submission

  private body(): ComplaintCreate {
    const { service, description, address, location } = this.form;
    const body: ComplaintCreate = {
      serviceCode: service!,
      description: description.trim(),
      consent: true,
      attributes: toAnswers(this.questions, this.form.values),
    };
    if (address.trim()) body.address = address.trim();
    if (location) body.location = location;
    const mediaIds = this.photos.mediaIds;
    if (mediaIds.length) body.mediaIds = mediaIds;
    const contact = this.me?.contact;
    if (contact?.name) {
      body.contact = { name: contact.name };
      if (contact.email && /^[^@\s]+@[^@\s]+$/.test(contact.email)) body.contact.email = contact.email;
      if (contact.phone && /^\+?[0-9 ()-]{5,20}$/.test(contact.phone)) body.contact.phone = contact.phone;
    }
    return body;
  }

  private async submit(): Promise<void> {
    const backend = this.backend;
    if (!backend || this.queued || this.filed) return;
    // Every step, in order: the citizen lands on the first one with a problem.
    const errors = Object.assign({}, ...this.steps.map((step) => this.check(step))) as Record<string, string>;
    if (Object.keys(errors).length) return void this.flag(errors);
    if (this.me === null) {
      this.signIn = this.requireSignIn('submit');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="sign-in-link"]')?.focus();
      return;
    }
    this.failure = undefined;
    this.errors = {};
    this.summary = false;
    this.save();
    this.draft.flush();
    await this.outbox.send(backend.submitPath, this.body(), { key: this.form.key });
    if (this.queued && this.outbox.status === 'waiting') this.announcer.announce(this.text.t('queuedTitle'));
  }

  private async sent(result: unknown, item: OutboxItem<ComplaintCreate>): Promise<void> {
    const filed = await (this.backend ?? new VecheBackend(this.client!)).filed(result, item.body);
    emit(this, 'veche-complaint-submitted', {
      complaint: filed.id,
      trackingNumber: filed.trackingNumber,
      service: filed.service,
      ...(filed.agency ? { agency: filed.agency } : {}),
      ...(filed.dueAt ? { dueAt: filed.dueAt } : {}),
    });
    const points = filed.points;
    if (points && points.awarded - points.spent) {
      emit(this, 'veche-points-change', { delta: points.awarded - points.spent, balance: points.balance, reason: points.reason ?? 'complaint' });
    }
    this.announcer.announce(this.text.t('filedTitle', { number: filed.trackingNumber }));
    // A complaint queued by an earlier visit may arrive while the citizen writes a new one.
    if (item.key !== this.form.key) return;
    this.draft.clear();
    this.photos.clear();
    this.filed = filed;
    this.signIn = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  private rejected(error: ApiError, item: OutboxItem<ComplaintCreate>): void {
    this.reportError(error);
    if (item.key !== this.form.key) return;
    // The server refused this content; a corrected complaint is a new request.
    this.change({ key: newIdempotencyKey() });
    const errors: Record<string, string> = {};
    for (const [path, message] of Object.entries(error.fields)) {
      const field = fieldFor(path);
      if (field) errors[field] ??= message;
    }
    if (Object.keys(errors).length) void this.flag(errors);
    else this.failure = error;
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const loaded = this.servicesTask.value;
    if (this.servicesTask.status === TaskStatus.ERROR && !loaded?.length) {
      return this.renderError(this.servicesTask.error, () => void this.servicesTask.run());
    }
    if (!this.backend || !loaded) {
      return html`<div class="form loading" part="base status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        ${[1, 2, 3, 4].map(() => html`<div class="skeleton block"></div>`)}
      </div>`;
    }
    return html`<section class="form" part="base" aria-labelledby="title" lang=${this.text.locale}>
      <h2 id="title">${this.text.t('title')}</h2>
      ${this.filed ? this.renderFiled(this.filed) : this.supported ? this.renderSupported() : this.queued ? this.renderQueued() : this.renderForm()}
    </section>`;
  }

  private renderSteps(): TemplateResult {
    const steps = this.steps;
    const index = steps.indexOf(this.form.step);
    return html`<p class="progress" id="step" tabindex="-1">
        ${this.text.t('stepOf', { index: index + 1, count: steps.length, name: this.text.t(STEPS[this.form.step]!) })}
      </p>
      <ol class="steps" part="steps" aria-hidden="true">
        ${steps.map(
          (step, i) =>
            html`<li class=${i < index ? 'done' : i === index ? 'current' : ''}><span class="n">${i + 1}</span><span class="name">${this.text.t(STEPS[step]!)}</span></li>`,
        )}
      </ol>
      <span class="track" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': (index + 1) / steps.length })}></span></span>`;
  }

  private renderForm(): TemplateResult {
    const step = this.form.step;
    const errors = Object.entries(this.errors);
    return html`<form novalidate @submit=${this.onSubmit}>
      ${this.restoredAt
        ? html`<div class="note" part="status draft" role="region" aria-label=${this.text.t('draftLabel')}>
            <p>${this.coreText.t('draftRestored', { date: formatDateTime(this.text.locale, this.restoredAt) })}</p>
            <div class="actions">
              <button class="button" type="button" @click=${this.continueDraft}>${this.coreText.t('draftContinue')}</button>
              <button class="button" type="button" @click=${this.discardDraft}>${this.coreText.t('draftDiscard')}</button>
            </div>
          </div>`
        : nothing}
      ${this.renderSteps()}
      ${this.summary && errors.length
        ? html`<div class="error-summary" part="error-summary" id="summary" tabindex="-1" role="alert" aria-labelledby="summary-title">
            <h3 id="summary-title">${this.text.t('errorSummary')}</h3>
            <ul>
              ${errors.map(([field, message]) => html`<li><a href="#${field}" @click=${(e: Event) => this.focusField(e, field)}>${message}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${step === CATEGORY
        ? this.renderCategories()
        : step === DETAILS
          ? this.renderDetails()
          : step === LOCATION
            ? this.renderLocation()
            : step === PHOTOS
              ? this.renderPhotos()
              : this.renderReview()}
      ${this.failure ? this.renderError(this.failure) : nothing}
      <div class="actions">
        ${step > CATEGORY ? html`<button class="button" type="button" @click=${this.back}>${this.text.t('back')}</button>` : nothing}
        <button class="button primary" part="submit" type="submit">${this.text.t(step === REVIEW ? 'send' : 'next')}</button>
      </div>
    </form>`;
  }

  private fieldError(field: string) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  private deadline(category: Category): string {
    const parts = [category.agency ? category.agency.shortName ?? category.agency.name : '', category.deadlineDays ? this.text.t('deadline', { count: category.deadlineDays }) : ''];
    return parts.filter(Boolean).join(' · ');
  }

  private renderCategories(): TemplateResult {
    const q = this.query.trim().toLowerCase();
    const matches = this.categories.filter((c) => !q || [c.name, c.description, c.group, ...c.keywords].some((s) => s.toLowerCase().includes(q)));
    const groups = new Map<string, Category[]>();
    for (const c of matches) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
    const error = this.errors.service;
    return html`<div class="field">
        <label for="search">${this.text.t('search')}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        <p class="hint" aria-live="polite">${this.text.t('found', { count: matches.length })}</p>
      </div>
      <fieldset class="field" id="service-group" aria-describedby=${error ? 'service-error' : nothing}>
        <legend class="visually-hidden">${this.text.t('category')}</legend>
        ${this.fieldError('service')}
        ${[...groups].map(
          ([group, list], g) => html`<div class="group" role="group" aria-labelledby="group-${g}">
            ${group ? html`<h3 class="group-title" id="group-${g}">${group}</h3>` : nothing}
            ${list.map((c, i) => {
              const hint = this.deadline(c);
              return html`<label class="option category" part="category">
                <input
                  type="radio"
                  name="service"
                  id=${g === 0 && i === 0 ? 'service' : nothing}
                  .value=${c.code}
                  .checked=${c.code === this.form.service}
                  @change=${() => {
                    this.change({ service: c.code });
                    this.recheck('service');
                  }}
                />
                <span class="option-text">
                  <span class="name">${c.name}</span>
                  ${c.description ? html`<span class="description">${c.description}</span>` : nothing}
                  ${hint ? html`<span class="description agency">${hint}</span>` : nothing}
                </span>
              </label>`;
            })}
          </div>`,
        )}
      </fieldset>`;
  }

  private renderDetails(): TemplateResult {
    const category = this.category;
    const length = this.form.description.length;
    const left = this.limit - length;
    const pending = this.attributesTask.status === TaskStatus.PENDING;
    return html`${category
        ? html`<p class="chosen">
            <strong>${category.name}</strong>${this.deadline(category) ? html`<br /><span class="muted">${this.deadline(category)}</span>` : nothing}
          </p>`
        : nothing}
      ${pending ? html`<p class="muted" aria-busy="true">${this.coreText.t('loading')}</p>` : nothing}
      ${this.attributesTask.status === TaskStatus.ERROR ? this.renderError(this.attributesTask.error, () => void this.attributesTask.run()) : nothing}
      ${this.questions.map((attr) =>
        renderAttribute(attr, this.form.values[attr.code], { optional: this.text.t('optional'), error: this.errors[fieldId(attr)] }, (value) => {
          this.change({ values: { ...this.form.values, [attr.code]: value } });
          this.recheck(fieldId(attr));
        }),
      )}
      <div class="field">
        <label for="description">${this.text.t('description')}</label>
        <p class="hint" id="description-hint">${this.text.t('descriptionHint')}</p>
        ${this.fieldError('description')}
        <textarea
          id="description"
          rows="6"
          .value=${this.form.description}
          aria-invalid=${this.errors.description ? 'true' : 'false'}
          aria-describedby="description-hint description-count${this.errors.description ? ' description-error' : ''}"
          @input=${(e: Event) => {
            this.change({ description: (e.target as HTMLTextAreaElement).value });
            this.recheck('description');
          }}
        ></textarea>
        <p class="hint count ${left < 0 ? 'over' : ''}" id="description-count" aria-live="polite">
          ${left >= 0 ? this.text.t('charsLeft', { count: left }) : this.text.t('charsOver', { count: -left })}
        </p>
      </div>`;
  }

  private renderLocation(): TemplateResult {
    const { location } = this.form;
    const geo = this.geo;
    return html`<div class="field">
        <label for="address">${this.text.t('address')}</label>
        <p class="hint" id="address-hint">${this.text.t('addressHint')}</p>
        ${this.fieldError('address')}
        <input
          id="address"
          type="text"
          autocomplete="street-address"
          .value=${this.form.address}
          aria-invalid=${this.errors.address ? 'true' : 'false'}
          aria-describedby="address-hint${this.errors.address ? ' address-error' : ''}"
          @input=${(e: Event) => {
            this.change({ address: (e.target as HTMLInputElement).value });
            this.recheck('address');
          }}
        />
      </div>
      <div class="actions start">
        <button class="button" type="button" aria-disabled=${geo === 'locating' ? 'true' : 'false'} @click=${() => geo !== 'locating' && this.locate()}>
          ${geo === 'locating' ? this.text.t('locating') : this.text.t('useMyLocation')}
        </button>
        ${this.tileUrl
          ? html`<button class="button" type="button" aria-expanded=${this.map === 'open' ? 'true' : 'false'} @click=${this.openMap}>${this.text.t('openMap')}</button>`
          : nothing}
      </div>
      ${geo && geo !== 'locating' ? html`<p class="field-error" id="geo-error">${this.geoText()}</p>` : nothing}
      ${location
        ? html`<p class="chosen" id="point">
            ${this.text.t('point', { place: this.pointText(location) })}
            <button class="link" type="button" @click=${() => this.setLocation(undefined)}>${this.text.t('removePoint')}</button>
          </p>`
        : nothing}
      ${this.map ? html`<div class="map" id="map" part="map"></div>` : nothing}
      ${this.map === 'loading' ? html`<p class="muted">${this.coreText.t('loading')}</p>` : nothing}
      ${this.map === 'failed' ? html`<p class="note" part="status">${this.text.t('mapFailed')}</p>` : nothing}`;
  }

  private renderPhotos(): TemplateResult {
    const max = this.photoLimit;
    const list = this.photos.list;
    const full = list.length >= max;
    return html`<div class="field" id="photos" tabindex="-1">
      <h3 class="label">${this.text.t('photos')} <span class="optional">(${this.text.t('optional')})</span></h3>
      <p class="hint" id="photos-hint">${this.text.t('photosHint', { count: max })}</p>
      ${this.fieldError('photos')}
      ${this.me === null
        ? this.renderSignIn()
        : html`<label class="button file ${full ? 'disabled' : ''}">
            <input
              class="visually-hidden"
              id="photo-input"
              type="file"
              accept="image/*"
              multiple
              ?disabled=${full}
              aria-describedby="photos-hint"
              @change=${(e: Event) => this.addPhotos(e.target as HTMLInputElement)}
            />${this.text.t(full ? 'photosFull' : 'addPhotos')}
          </label>`}
      ${this.photoNotice ? html`<p class="field-error" id="photo-notice">${this.photoNotice}</p>` : nothing}
      ${list.length
        ? html`<ul class="photos">
            ${list.map((photo, i) => this.renderPhoto(photo, i))}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderPhoto(photo: Photo, index: number): TemplateResult {
    const label = this.text.t('photoN', { index: index + 1, name: photo.name });
    const status =
      photo.status === 'done'
        ? this.text.t('photoDone')
        : photo.status === 'failed'
          ? this.photoError(photo)
          : photo.status === 'uploading'
            ? this.text.t('photoUploading', { percent: Math.round(photo.progress * 100) })
            : this.text.t('photoWaiting');
    return html`<li class="photo ${photo.status}" part="photo">
      ${photo.url ? html`<img src=${photo.url} alt="" />` : html`<span class="thumb" aria-hidden="true"></span>`}
      <div class="photo-body">
        <span class="name">${photo.name}</span>
        ${photo.status === 'done' || photo.status === 'failed'
          ? nothing
          : html`<progress max="100" value=${Math.round(photo.progress * 100)} aria-label=${label}></progress>`}
        <span class=${photo.status === 'failed' ? 'field-error' : 'hint'}>${status}</span>
        <span class="photo-actions">
          ${photo.status === 'failed' && photo.blob
            ? html`<button class="button small" type="button" @click=${() => this.photos.retry(photo.id)}>
                ${this.coreText.t('retry')}<span class="visually-hidden">: ${label}</span>
              </button>`
            : nothing}
          <button class="button small" type="button" @click=${() => this.photos.remove(photo.id)}>
            ${this.text.t('removePhoto')}<span class="visually-hidden">: ${label}</span>
          </button>
        </span>
      </div>
    </li>`;
  }

  private renderReview(editable = true): TemplateResult {
    const { form } = this;
    const category = this.category;
    const locale = this.text.locale;
    const row = (term: string, value: unknown, step: number) =>
      html`<div>
        <dt>${term}</dt>
        <dd>
          <span>${value || '—'}</span>
          ${editable
            ? html`<button class="link" type="button" @click=${() => void this.go(step)}>${this.text.t('edit')}<span class="visually-hidden">: ${term}</span></button>`
            : nothing}
        </dd>
      </div>`;
    const place = [form.address.trim(), form.location ? this.pointText(form.location) : ''].filter(Boolean).join('; ');
    const privacy = safeUrl(this.config.value.privacyUrl);
    return html`<dl class="review">
        ${row(this.text.t('category'), category?.name, CATEGORY)}
        ${this.questions
          .filter((a) => a.variable)
          .map((a) => row(a.description, answerText(a, form.values[a.code], (iso) => formatDateTime(locale, iso)), DETAILS))}
        ${row(this.text.t('description'), form.description.trim(), DETAILS)} ${row(this.text.t('address'), place, LOCATION)}
        ${this.photoLimit ? row(this.text.t('photos'), this.photos.mediaIds.length ? this.text.t('photoCount', { count: this.photos.mediaIds.length }) : '', PHOTOS) : nothing}
      </dl>
      ${editable && this.nearby?.length ? this.renderNearby(this.nearby) : nothing}
      ${this.me
        ? html`<div class="identity">
            <h3>${this.text.t('contact')}</h3>
            <p>${[this.me.contact.name, this.me.contact.email, this.me.contact.phone].filter(Boolean).join(', ')}</p>
            <p class="hint">${this.text.t('contactHint')}</p>
          </div>`
        : this.me === null
          ? this.renderSignIn()
          : nothing}
      ${editable
        ? html`<div class="field">
            ${this.fieldError('consent')}
            <label class="option">
              <input
                id="consent"
                type="checkbox"
                .checked=${form.consent}
                aria-invalid=${this.errors.consent ? 'true' : 'false'}
                aria-describedby=${this.errors.consent ? 'consent-error' : nothing}
                @change=${(e: Event) => {
                  this.change({ consent: (e.target as HTMLInputElement).checked });
                  this.recheck('consent');
                }}
              /><span>${this.text.t('consent')}</span>
            </label>
            ${privacy ? html`<a class="link" href=${privacy} target="_blank" rel="noopener">${this.text.t('privacy')}</a>` : nothing}
          </div>`
        : nothing}
      ${this.signIn && this.me !== null ? this.renderSignIn() : nothing}`;
  }

  private renderNearby(list: NearbyComplaint[]): TemplateResult {
    return html`<section class="nearby" part="nearby" aria-labelledby="nearby-title">
      <h3 id="nearby-title">${this.text.t('nearbyTitle')}</h3>
      <p class="hint">${this.text.t('nearbyHint')}</p>
      <ul>
        ${list.map(
          (c) => html`<li>
            <p><strong>${c.trackingNumber}</strong> · ${this.text.t('distance', { count: Math.round(c.distance) })}</p>
            <p>${c.description}</p>
            <p class="muted">${c.address ?? ''} ${this.text.t('supporters', { count: c.supporters })}</p>
            ${c.supportedByMe
              ? html`<p class="muted">${this.text.t('alreadySupported')}</p>`
              : html`<button class="button" type="button" aria-disabled=${this.supporting ? 'true' : 'false'} @click=${() => void this.support(c)}>
                  ${this.supporting === c.id ? this.text.t('sending') : this.text.t('support')}<span class="visually-hidden">: ${c.trackingNumber}</span>
                </button>`}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderQueued(): TemplateResult {
    const status = this.outbox.status;
    const next = this.outbox.nextAttemptAt;
    return html`${status === 'sending'
        ? html`<p class="status" part="status sending" aria-busy="true">${this.text.t('sending')}</p>`
        : html`<div class="status" part="status queued">
            <p class="status-title">${this.text.t('queuedTitle')}</p>
            <p>${navigator.onLine === false ? this.coreText.t('offline') : this.text.t('queuedText')}</p>
            ${next ? html`<p class="hint">${this.text.t('nextAttempt', { time: formatDate(this.text.locale, next, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })}</p>` : nothing}
            <button class="button primary" type="button" @click=${() => this.outbox.retryNow()}>${this.text.t('sendNow')}</button>
          </div>`}
      ${this.signIn ? this.renderSignIn() : nothing} ${this.renderReview(false)}`;
  }

  private renderFiled(filed: Filed): TemplateResult {
    const locale = this.text.locale;
    const statusUrl = safeUrl(this.statusUrl?.replace('{id}', encodeURIComponent(filed.id)));
    const points = filed.points?.awarded;
    return html`<div class="done" part="confirmation">
      <h3 id="done" tabindex="-1">${this.text.t('filedTitle', { number: filed.trackingNumber })}</h3>
      <dl class="review">
        <div><dt>${this.text.t('trackingNumber')}</dt><dd><code>${filed.trackingNumber}</code></dd></div>
        ${filed.agency ? html`<div><dt>${this.text.t('agency')}</dt><dd>${filed.agency}</dd></div>` : nothing}
        ${filed.dueAt ? html`<div><dt>${this.text.t('dueAt')}</dt><dd>${formatDate(locale, filed.dueAt)}</dd></div>` : nothing}
      </dl>
      ${points ? html`<p>${this.text.t('pointsEarned', { points: this.coreText.t('points', { count: points }) })}</p>` : nothing}
      ${statusUrl ? html`<p><a class="link" href=${statusUrl}>${this.text.t('followStatus')}</a></p>` : nothing}
      ${customElements.get('veche-complaint-status') && this.flavor === 'veche'
        ? html`<veche-complaint-status complaint=${filed.id} api=${this.config.value.api ?? nothing} locale=${locale} .getToken=${this.config.value.getToken}></veche-complaint-status>`
        : nothing}
      <button class="button" type="button" @click=${this.startOver}>${this.text.t('another')}</button>
    </div>`;
  }

  private renderSupported(): TemplateResult {
    const { complaint, supporters } = this.supported!;
    return html`<div class="done" part="confirmation">
      <h3 id="done" tabindex="-1">${this.text.t('supportedTitle')}</h3>
      <p>${this.text.t('supportedText', { number: complaint.trackingNumber })} ${this.text.t('supporters', { count: supporters })}</p>
      <button class="button" type="button" @click=${this.startOver}>${this.text.t('another')}</button>
    </div>`;
  }
}

/** ~1 m precision: enough to find a pothole, no more than needed. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;
