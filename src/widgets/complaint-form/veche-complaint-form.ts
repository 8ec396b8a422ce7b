import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDateTime } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { choiceStyles } from '../../core/choice-styles.js';
import { meterStyles } from '../../core/meter-styles.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { signedInCitizen, signedInOnly } from '../../core/session.js';
import {
  fetchMe,
  VecheBackend,
  type Category,
  type ComplaintBackend,
  type ComplaintCreate,
  type Filed,
  type Me,
  type NearbyComplaint,
  type ServiceAttribute,
} from './api.js';
import type {} from './events.js';
import { complaintFormMessages } from './messages.js';
import { CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW, type ComplaintDraft, type FormHost } from './parts.js';
import type { PhotoController } from './photos.js';
import { complaintFormStyles } from './styles.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

const STEPS = ['category', 'details', 'location', 'photos', 'review'] as const;

/**
 * How many categories the list shows in its first render, and how many more it adds in each
 * frame after, once the browser has painted the ones before. A region has twenty or more, each
 * a radio with its agency and deadline: all at once were one task of ~50 ms at 4× CPU, and their
 * layout another, in the frame that first shows the form; the rest at once, a layout of 30–40 ms
 * in the next (bench/host-impact.ts).
 */
const FIRST_CATEGORIES = 8;
const CATEGORIES_PER_FRAME = 8;

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
 * @status stable
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
 * @csspart map - The map to pick the place on (when `map` is on).
 * @csspart submit - The next / send button.
 * @csspart status - Notices: loading, draft restored, queued, signed out, errors.
 * @csspart draft - With `status`: the restored draft notice and its discard button.
 * @csspart sending - With `status`: the complaint is on its way.
 * @csspart queued - With `status`: the complaint is saved and waits to be sent, with a button to send it now.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
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
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheComplaintForm extends VecheElement implements FormHost {
  static override styles = [...baseStyles, meterStyles, choiceStyles, complaintFormStyles];

  static override properties: PropertyDeclarations = {
    flavor: {},
    maxPhotos: { attribute: 'max-photos', type: Number },
    tileUrl: { attribute: 'tile-url' },
    statusUrl: { attribute: 'status-url' },
    summary: { state: true },
    restoredAt: { state: true },
    query: { state: true },
    form: { state: true },
    errors: { state: true },
    geo: { state: true },
    photoNotice: { state: true },
    nearby: { state: true },
    supporting: { state: true },
    filed: { state: true },
    supported: { state: true },
    failure: { state: true },
    signIn: { state: true },
    map: { state: true },
    backend: { state: true },
  };

  /** `veche` (default): the Veche contract at `api`; `open311`: an Open311 GeoReport v2 server at `api`. */
  flavor: 'veche' | 'open311' = 'veche';
  /** At most this many photos (the category may allow fewer). */
  maxPhotos = 5;
  /** Map tiles for the optional map picker, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. Without it there is no map. */
  tileUrl?: string;
  /** Where the page shows a complaint's status; `{id}` is replaced by the complaint id. */
  statusUrl?: string;

  // The state below is shared with the lazily loaded parts (see parts.ts); not a public API.
  /** @internal */ form: ComplaintDraft = emptyDraft();
  /** @internal */ errors: Record<string, string> = {};
  /** @internal */ geo?: 'locating' | 'denied' | 'timeout' | 'unavailable';
  /** @internal */ photoNotice = '';
  /** @internal */ nearby?: NearbyComplaint[];
  /** @internal */ supporting?: string;
  /** @internal */ filed?: Filed;
  /** @internal */ supported?: { complaint: NearbyComplaint; supporters: number };
  /** @internal */ failure?: unknown;
  /** @internal */ signIn = false;
  /** @internal */ map?: 'loading' | 'open' | 'failed';
  /** @internal */ backend?: ComplaintBackend;
  /** @internal */ photos?: PhotoController;
  /** One idempotency key per nearby complaint supported (a retry of the same support reuses it). */
  private readonly supportKeys = new Map<string, string>();

  /** @internal */
  supportKey(complaintId: string): string {
    let key = this.supportKeys.get(complaintId);
    if (!key) this.supportKeys.set(complaintId, (key = newIdempotencyKey()));
    return key;
  }
  private summary = false;
  private restoredAt?: number;
  private query = '';
  private restored = false;
  /** How many categories the list shows (CATEGORIES_PER_FRAME more each frame, until all). */
  private shownCategories = FIRST_CATEGORIES;
  private moreCategoriesPending = false;

  /*
   * The parts the first step does not need, each loaded before it is likely to be: the later
   * steps (with the duplicate check) while the citizen picks a category, the result when the
   * complaint is sent. A restored draft or a queued complaint asks for them at once. Each
   * arrives with its texts, so it never shows half a language.
   */
  private readonly stepsPart = new LazyPart(
    this,
    async () => {
      const part = await import('./steps.js');
      await part.ready(this.config.value.locale, this.textVariant);
      return new part.Steps(this);
    },
    (error) => this.reportError(error),
  );

  private readonly resultPart = new LazyPart(
    this,
    async () => {
      const part = await import('./result.js');
      await part.ready(this.config.value.locale, this.textVariant);
      return new part.Result(this);
    },
    (error) => this.reportError(error),
  );

  private readonly text = new LocalizeController(this, complaintFormMessages, () => this.config.value.locale);

  private readonly draft = new DraftController<ComplaintDraft>(this, {
    key: () => this.draftKey,
    author: () => this.meTask.value?.id,
  });

  /** @internal */
  readonly outbox = new OutboxController<ComplaintCreate, unknown>(this, {
    storageKey: () => (this.backend ? this.outboxKey : undefined),
    client: () => this.backend?.client,
    onSent: (result, item) => void this.sent(result, item),
    onRejected: (error, item) => this.rejected(error, item),
    onAuthRequired: () => (this.signIn = this.requireSignIn('submit')),
    // An Open311 endpoint has no citizens' sessions to ask.
    citizenOf: async (client) => (this.backend?.full ? signedInCitizen(client) : undefined),
  });

  private get draftKey(): string | undefined {
    return this.config.value.api ? `draft:complaint:${this.flavor}:${this.config.value.api}` : undefined;
  }

  private get outboxKey(): string {
    return `outbox:complaints:${this.flavor}:${this.config.value.api}`;
  }

  private readonly servicesTask = new Task(this, {
    task: async ([api, flavor, client, getToken], { signal }) => {
      if (!api || !client) return [] as Category[];
      const backend =
        flavor === 'open311' ? new (await import('./open311.js')).Open311Backend(api, getToken) : new VecheBackend(client);
      try {
        const categories = await backend.services(signal);
        this.backend = backend;
        await this.restore(categories, backend);
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
        // Signed in after a 401 held the queue: send now — but only from the page. A form that
        // has left it (its outbox's timer stopped with it) must not send and then clear the
        // draft the form now on the page is showing as queued; that form, or the next page
        // load, sends it.
        if (this.isConnected && this.outbox.items.length) this.outbox.retryNow();
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

  /** Starts the parts the current state will need, in parallel with the data. */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.misconfigured && this.config.value.api) {
      // The categories are on their way: the next steps are what the citizen needs next.
      void this.stepsPart.load();
      // A complaint waiting in the outbox since an earlier visit may be answered on this load.
      if (this.filed || this.supported || hasQueued(this.outboxKey)) void this.resultPart.load();
    }
    super.update(changed);
  }

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

  // ---------------------------------------------------------------- lazily loaded parts

  // ---------------------------------------------------------------- what the parts use

  /** @internal */
  get coreTexts() {
    return this.coreText;
  }

  /** @internal */
  formText(key: Parameters<FormHost['formText']>[0]): string {
    return this.text.t(key);
  }

  /** @internal */
  get settings() {
    return this.config.value;
  }

  /** @internal */
  get apiClient() {
    return this.client;
  }

  /** @internal */
  get attributesState() {
    return {
      pending: this.attributesTask.status === TaskStatus.PENDING,
      error: this.attributesTask.status === TaskStatus.ERROR ? this.attributesTask.error : undefined,
      retry: () => void this.attributesTask.run(),
    };
  }

  /** @internal */
  announce(message: string, options?: { assertive?: boolean }): void {
    this.announcer.announce(message, options);
  }

  /** @internal */
  describe(error: unknown): string {
    return this.describeError(error);
  }

  /** @internal */
  fail(error: unknown): void {
    this.reportError(error);
  }

  /** @internal */
  errorPanel(error: unknown, retry?: () => void): TemplateResult {
    return this.renderError(error, retry);
  }

  /** @internal */
  signInPanel(): TemplateResult {
    return this.renderSignIn();
  }

  /** @internal */
  askSignIn(action: string, focus?: boolean): boolean {
    return this.requireSignIn(action, focus);
  }

  /** @internal */
  get category(): Category | undefined {
    return this.categories.find((c) => c.code === this.form.service);
  }

  /** @internal */
  get questions(): ServiceAttribute[] {
    return [...(this.attributesTask.value ?? [])].sort((a, b) => a.order - b.order);
  }

  /** @internal */
  get me(): Me | null | undefined {
    return this.meTask.value;
  }

  /** @internal */
  get limit(): number {
    return this.category?.descriptionMaxLength ?? 4000;
  }

  /** @internal */
  get photoLimit(): number {
    if (!this.backend?.full) return 0;
    return Math.min(this.maxPhotos, this.category?.maxMedia ?? this.maxPhotos);
  }

  private get categories(): Category[] {
    return this.servicesTask.value ?? [];
  }

  /** The steps this backend has: Open311 servers take no uploads. */
  private get stepList(): number[] {
    return this.photoLimit > 0 ? [CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW] : [CATEGORY, DETAILS, LOCATION, REVIEW];
  }

  /** This complaint is in the outbox: saved, and being sent or waiting to be. */
  private get queued(): boolean {
    return this.outbox.items.some((item) => item.key === this.form.key);
  }

  // ---------------------------------------------------------------- drafts

  /** Brings back the draft; one typed signed in only for its author (DraftController's `author`). */
  private async restore(categories: Category[], backend: ComplaintBackend): Promise<void> {
    if (this.restored) return;
    this.restored = true;
    const reader = backend.full ? await signedInCitizen(backend.client).catch(() => undefined) : undefined;
    const saved = this.draft.load(reader);
    if (!saved?.value?.key) return;
    const value = { ...emptyDraft(), ...saved.value };
    if (value.service && !categories.some((c) => c.code === value.service)) value.service = undefined;
    this.form = value;
    this.photos?.restore(value.photos);
    if (value.service || value.description || value.address) this.restoredAt = saved.savedAt;
  }

  /** @internal */
  change(changes: Partial<ComplaintDraft>): void {
    this.form = { ...this.form, ...changes };
    this.save();
  }

  /** @internal The photos step keeps the photos; until it is here, the draft's own list stands. */
  save(): void {
    this.draft.save({ ...this.form, photos: this.photos?.saved() ?? this.form.photos });
  }

  /** @internal */
  clearDraft(): void {
    this.draft.clear();
    this.photos?.clear();
    this.form = { ...this.form, photos: [] };
  }

  /** @internal */
  startOver(): void {
    this.clearDraft();
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

  /** Problems on one step, by field id; the later steps check their own fields. */
  private check(step: number): Record<string, string> {
    if (step === CATEGORY) return this.category ? {} : { service: this.text.t('errorService') };
    return this.stepsPart.value?.check(step) ?? {};
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

  /** @internal Clears a field's error as soon as the citizen fixes it. */
  recheck(field: string): void {
    if (!(field in this.errors)) return;
    const errors = { ...this.errors };
    const now = this.check(stepOf(field))[field];
    if (now) errors[field] = now;
    else delete errors[field];
    this.errors = errors;
  }

  // ---------------------------------------------------------------- navigation

  /** @internal */
  async go(step: number): Promise<void> {
    this.errors = {};
    this.summary = false;
    this.change({ step });
    if (step === REVIEW) void this.stepsPart.load().then((steps) => steps?.checkNearby());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const step = this.form.step;
    if (step === REVIEW) return void this.submit();
    // A step still loading has nothing to check yet: the button waits with it.
    if (step !== CATEGORY && !this.stepsPart.value) return;
    const errors = this.check(step);
    if (Object.keys(errors).length) return void this.flag(errors);
    const steps = this.stepList;
    void this.go(steps[steps.indexOf(step) + 1] ?? REVIEW);
  }

  private back(): void {
    const steps = this.stepList;
    void this.go(steps[Math.max(0, steps.indexOf(this.form.step) - 1)]!);
  }

  // ---------------------------------------------------------------- submission

  private body(answers: ComplaintCreate['attributes']): ComplaintCreate {
    const { service, description, address, location } = this.form;
    const body: ComplaintCreate = { serviceCode: service!, description: description.trim(), consent: true, attributes: answers };
    if (address.trim()) body.address = address.trim();
    if (location) body.location = location;
    const mediaIds = this.photos?.mediaIds ?? this.form.photos.map((p) => p.mediaId);
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
    const steps = this.stepsPart.value;
    if (!backend || !steps || this.queued || this.filed) return;
    // Every step, in order: the citizen lands on the first one with a problem.
    const errors = Object.assign({}, ...this.stepList.map((step) => this.check(step))) as Record<string, string>;
    if (Object.keys(errors).length) return void this.flag(errors);
    if (this.me === null) {
      this.signIn = this.requireSignIn('submit', true);
      return;
    }
    void this.resultPart.load();
    this.failure = undefined;
    this.errors = {};
    this.summary = false;
    this.save();
    this.draft.flush();
    await this.outbox.send(backend.submitPath, this.body(steps.answers()), { key: this.form.key });
    if (this.queued && this.outbox.status === 'waiting') {
      this.announcer.announce(this.text.t('queuedTitle'));
      // The send button gave way to the queued panel: focus goes to its title, not to the page.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#queued-title')?.focus();
    }
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
    this.clearDraft();
    this.filed = filed;
    this.signIn = false;
    await this.focusResult();
  }

  /** @internal */
  async supportedDone(complaint: NearbyComplaint, supporters: number): Promise<void> {
    this.supportKeys.clear();
    this.clearDraft();
    this.supported = { complaint, supporters };
    emit(this, 'veche-complaint-supported', { complaint: complaint.id, trackingNumber: complaint.trackingNumber, supporters });
    this.announcer.announce(this.text.t('supportedTitle'));
    await this.focusResult();
  }

  /**
   * Focus on the result's title, once the result part is here. A part that failed to load while
   * offline is imported again: the complaint has just reached the server, so the connection is
   * back, and the citizen must see the receipt rather than "no connection".
   */
  private async focusResult(): Promise<void> {
    await (this.resultPart.error ? this.resultPart.retry() : this.resultPart.load());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done, [part~="error"]')?.focus();
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
      ${this.renderContent()}
    </section>`;
  }

  private renderContent(): TemplateResult {
    const { filed, supported } = this;
    const result = this.resultPart.value;
    if (filed || supported) {
      if (!result) return this.renderPart(this.resultPart);
      return filed ? result.renderFiled(filed, this.text.t('filedTitle', { number: filed.trackingNumber })) : result.renderSupported(this.text.t('supportedTitle'));
    }
    if (this.queued) return this.stepsPart.value?.renderQueued() ?? this.renderPart(this.stepsPart);
    return this.renderForm();
  }

  private renderSteps(): TemplateResult {
    const steps = this.stepList;
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
        : (this.stepsPart.value?.render(step) ?? this.renderPart(this.stepsPart))}
      ${this.failure ? this.renderError(this.failure) : nothing}
      <div class="actions">
        ${step > CATEGORY ? html`<button class="button" type="button" @click=${this.back}>${this.text.t('back')}</button>` : nothing}
        <button class="button primary" part="submit" type="submit">${this.text.t(step === REVIEW ? 'send' : 'next')}</button>
      </div>
    </form>`;
  }

  /** @internal */
  fieldError(field: string) {
    const message = this.errors[field];
    return message ? html`<p class="field-error" id="${field}-error">${message}</p>` : nothing;
  }

  /** @internal */
  deadline(category: Category): string {
    const parts = [category.agency ? category.agency.shortName ?? category.agency.name : '', category.deadlineDays ? this.text.t('deadline', { count: category.deadlineDays }) : ''];
    return parts.filter(Boolean).join(' · ');
  }

  /**
   * More of the categories, after the frame that paints those shown: their render and their
   * layout each in a later task (see FIRST_CATEGORIES). The count only grows: once whole, the
   * list stays whole, searched or not. Asked for while rendering, so the next render is asked
   * for after this one: an update asked for during a render is dropped.
   */
  private showMoreCategoriesLater(): void {
    if (this.moreCategoriesPending) return;
    this.moreCategoriesPending = true;
    const more = () => {
      this.moreCategoriesPending = false;
      this.shownCategories += CATEGORIES_PER_FRAME;
      this.requestUpdateInNewTask();
    };
    // A hidden page paints no frame (and runs no animation frame callback) until it is shown.
    if (document.visibilityState === 'hidden') void this.updateComplete.then(more);
    else requestAnimationFrame(more);
  }

  private renderCategories(): TemplateResult {
    const q = this.query.trim().toLowerCase();
    const matches = this.categories.filter((c) => !q || [c.name, c.description, c.group, ...c.keywords].some((s) => s.toLowerCase().includes(q)));
    // The chosen one (a restored draft) is always there, checked, where Tab enters the group:
    // with those before it, so that the ones added later come after it and never take its box
    // (the list's boxes are reused by position).
    const chosen = matches.findIndex((c) => c.code === this.form.service);
    const shown = matches.slice(0, Math.max(this.shownCategories, chosen + 1));
    if (shown.length < matches.length) this.showMoreCategoriesLater();
    const groups = new Map<string, Category[]>();
    for (const c of shown) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
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
}
