import { LitElement, html, nothing, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { AnnouncerController } from './announcer.js';
import { apiClientFor, type ApiClient } from './api-client.js';
import type { TokenGetter } from './config.js';
import { ConfigController } from './config-controller.js';
import { emit } from './events.js';
import { loadedFailureHandling, loadFailureHandling, preloadFailureHandling, type FailureHandling } from './failure-handling.js';
import type { LazyPart } from './lazy-part.js';
import { LocalizeController, type TextOverrides, type TextVariant } from './localize.js';
import { coreMessages } from './messages.js';
import { ApiError } from './problem.js';
import { inRenderSlot } from './render-queue.js';
import { shellStyles } from './styles.js';

/** Reads `strings='{"submit": "Отправить"}'` from a CMS editor; a bad JSON is reported, not thrown. */
const textOverridesConverter = {
  fromAttribute(value: string | null): TextOverrides | undefined {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as TextOverrides;
    } catch {
      // reported below
    }
    // The webmaster's console message comes with the failure handling (failure.ts).
    void loadFailureHandling().then((failure) => failure?.reportBadStrings(value));
    return undefined;
  },
};

/** The nearest element above `node`, through shadow roots (a widget inside an app shell's shadow DOM). */
const above = (node: Element): Element | null => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);

/**
 * What every Veche widget truly shares: the configuration attributes and their resolution,
 * core texts in the widget's locale, a live-region announcer, custom states, the API client
 * for the configured backend, and the standard states (configuration error, sign-in, errors).
 * Widget-specific behaviour belongs in controllers, not here.
 */
export abstract class VecheElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  // Its own controls (the retry button, the sign-in link) come with the failure handling.
  static override styles: CSSResultGroup = shellStyles;

  // Declared without decorators: `static properties` costs no runtime helper in every entry.
  static override properties: PropertyDeclarations = {
    api: {},
    locale: {},
    // Observed so that changing the element's own `lang` re-resolves the locale.
    langAttribute: { attribute: 'lang' },
    theme: {},
    loginUrl: { attribute: 'login-url' },
    privacyUrl: { attribute: 'privacy-url' },
    getToken: { attribute: false },
    strings: { converter: textOverridesConverter },
  };

  /** Backend base URL. Falls back to the nearest `<veche-provider>`, then `veche.configure()`. */
  api?: string;
  /** `ru` (default), `en` or `tt`; otherwise the element's or closest `lang` on the page. */
  locale?: string;
  protected langAttribute?: string;
  /** Space-separated theme names, e.g. `kazan dark`. */
  theme?: string;
  /** The portal's sign-in page, used by the sign-in call to action. */
  loginUrl?: string;
  /** The personal-data processing policy. */
  privacyUrl?: string;
  /** Returns a bearer token for the backend (property only; never an attribute). */
  getToken?: TokenGetter;
  /** Per-instance text replacements by key, as a property or a JSON attribute. */
  strings?: TextOverrides;

  protected readonly config = new ConfigController(this);
  protected readonly coreText = new LocalizeController(this, coreMessages, () => this.config.value.locale);
  protected readonly announcer = new AnnouncerController(this);
  protected readonly internals: ElementInternals = this.attachInternals();

  /** `kids` when the theme includes it (see `themeWords`): the simpler wording of Active Citizen Kids. */
  get textVariant(): TextVariant | undefined {
    return this.themeWords.includes('kids') ? 'kids' : undefined;
  }

  /**
   * The theme words that reach the widget: its configured theme, and the page's switch for
   * everything inside it (`<html data-veche-theme="vision">`, README), for core's own rules for
   * the modes (no animation, the kids wording). Read before each render. The page's words stay
   * off the widget's `data-veche-theme`: the presets' rules there would outrank what the page's
   * own combination ("kazan kids", "dark vision") gives the widget through inheritance.
   */
  private themeWords: string[] = [];

  /** Whether this widget talks to the backend (and so cannot work without `api`). */
  protected needsBackend = true;

  /** The API client for the resolved backend; undefined while `api` is missing or invalid. */
  protected get client(): ApiClient | undefined {
    const { api, getToken } = this.config.value;
    return api ? apiClientFor(api, getToken) : undefined;
  }

  /** True when the configuration is unusable: the widget shows `renderConfigError()`. */
  protected get misconfigured(): boolean {
    return this.needsBackend && !this.config.value.api;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Here before anything can fail: loaded once the page is idle (failure-handling.ts).
    preloadFailureHandling();
    // Until its first render the widget holds its reserved height itself (`:state(rendering)`
    // in core's styles), where the page's `:not(:defined)` rule held it before: so the first
    // render may wait for its slot without the page moving.
    if (!this.hasUpdated) this.holdsReserve = this.setState('rendering', true);
  }

  /** Whether the host reserves its height until its first render (engines with custom states). */
  private holdsReserve = false;

  /**
   * Renders in the page's render queue (render-queue.ts), so that many widgets rendering
   * together never make one long task. The first render comes in a task of its own, apart from
   * the evaluation of the widget's code that defined it — where the host can hold its reserved
   * height meanwhile; elsewhere at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && !this.holdsReserve) return super.scheduleUpdate();
    const fresh = this.renderInNewTask || !this.hasUpdated;
    this.renderInNewTask = false;
    return inRenderSlot(() => super.scheduleUpdate(), { fresh });
  }

  private renderInNewTask = false;

  /**
   * Asks for an update that renders in a task of its own, e.g. the next question after a
   * click: the click's task stays short and the browser paints the pressed state first.
   * `updateComplete` waits for it.
   */
  protected requestUpdateInNewTask(): void {
    if (!this.isUpdatePending) this.renderInNewTask = true;
    this.requestUpdate();
  }

  /**
   * Resolves the configuration before the widget's own `willUpdate` (controllers update only
   * after it): a widget that starts work there calls `super.willUpdate(changed)` first.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.config.resolve();
    // Its own theme and every theme word above it, through shadow roots (its own data-veche-theme
    // mirrors its config, a render late). Only the modes are read from these words.
    let words = this.config.value.theme ?? '';
    for (let at = above(this); at; at = above(at)) words += ` ${at.getAttribute('data-veche-theme') ?? ''}`;
    this.themeWords = words.split(' ');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const theme = this.config.value.theme;
    // Theme presets select `[data-veche-theme~="kazan"]`; the value may come from a provider.
    if (theme) {
      if (this.getAttribute('data-veche-theme') !== theme) this.setAttribute('data-veche-theme', theme);
    } else if (this.hasAttribute('data-veche-theme')) {
      this.removeAttribute('data-veche-theme');
    }
    // The visually-impaired mode and the page's or widget's `reduced-motion` stop animations (styles.ts).
    this.setState('reduced-motion', this.themeWords.includes('reduced-motion') || this.themeWords.includes('vision'));
    this.setState('misconfigured', this.misconfigured);
    if (this.holdsReserve) this.holdsReserve = !this.setState('rendering', false);
    if (this.misconfigured && !this.config.problems.some((p) => p.key === 'api')) {
      // The console message comes with the failure handling (failure.ts), after a grace period.
      const reportAt = Date.now() + (this.constructor as typeof VecheElement).missingApiGraceMs;
      void loadFailureHandling().then((failure) => failure?.reportMissingBackend(this, () => this.misconfigured, reportAt));
    }
  }

  /**
   * How long a widget may wait for its backend URL before the console says it is missing:
   * a provider or a `veche.configure()` call may legitimately arrive a little later.
   */
  static missingApiGraceMs = 1000;

  /** Adds or removes a custom state, styleable from the page as `:state(name)`; false where the engine has no custom states. */
  protected setState(name: string, on: boolean): boolean {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
      return true;
    } catch {
      // Older engines without CustomStateSet: states are a styling nicety only.
      return false;
    }
  }

  /**
   * The message to show a citizen for a failed request, from core's failure handling (preloaded
   * once the page is idle after a widget connects; the API client lets no error out before it
   * settled). Should it be missing — it could not load — a generic message; the precise one
   * replaces it once a later import succeeds.
   */
  protected describeError(error: unknown): string {
    return this.useFailureHandling()?.describeError(this.coreText, error) ?? this.coreText.t('errorUnknown');
  }

  /**
   * Core's failure handling (failure-handling.ts), with this widget readied for it; while it is
   * missing, asked for again, and the widget renders once it comes.
   */
  private useFailureHandling(): FailureHandling | undefined {
    const failure = loadedFailureHandling();
    if (failure) failure.prepare(this);
    else void loadFailureHandling().then((loaded) => loaded && this.requestUpdate());
    return failure;
  }

  /** Tells the host page and assistive technology about an error the widget shows. */
  protected reportError(error: unknown): void {
    const message = this.describeError(error);
    const apiError = error instanceof ApiError ? error : undefined;
    emit(this, 'veche-error', {
      code: apiError?.kind ?? 'unknown',
      message,
      ...(apiError?.status !== undefined ? { status: apiError.status } : {}),
      ...(apiError?.problem?.type ? { type: apiError.problem.type } : {}),
    });
    this.announcer.announce(message, { assertive: true });
  }

  /**
   * The citizen must sign in for `action`. Fires the cancelable `veche-auth-required`;
   * returns true when nobody cancelled it and the widget should show its sign-in prompt.
   */
  protected requireSignIn(action: string, focus = false): boolean {
    const loginUrl = this.config.value.loginUrl;
    const show = emit(this, 'veche-auth-required', { action, ...(loginUrl ? { loginUrl } : {}) }, { cancelable: true });
    // `focus`: the citizen's own click or send was refused; the prompt takes focus (failure.ts).
    if (show && focus) void loadFailureHandling().then((failure) => failure?.focusSignIn(this));
    return show;
  }

  protected renderConfigError(): TemplateResult {
    return html`<div class="status error" part="status" role="status">
      <p class="status-title">${this.coreText.t('configErrorTitle')}</p>
      <p>${this.coreText.t('configErrorHint')}</p>
    </div>`;
  }

  /** Why the citizen must sign in, and the link to the portal's sign-in page. */
  protected renderSignIn(): TemplateResult {
    const loginUrl = this.config.value.loginUrl;
    // The link's look comes with the failure handling, for widgets whose own styles leave it out.
    this.useFailureHandling();
    return html`<div class="status" part="status sign-in" tabindex="-1">
      <p class="status-title">${this.coreText.t('signInTitle')}</p>
      <p>${this.coreText.t('signInText')}</p>
      ${loginUrl
        ? html`<a class="button primary" part="sign-in-link" href=${loginUrl}>${this.coreText.t('signInAction')}</a>`
        : nothing}
    </div>`;
  }

  /**
   * A failed load: "not found" in the widget's own words when the backend said 404 (a wrong id
   * pasted by the webmaster, a removed poll), else the error with a retry button.
   */
  protected renderLoadFailure(error: unknown, retry: () => void, notFound: { title: string; hint: string }): TemplateResult {
    if (error instanceof ApiError && error.kind === 'not-found') {
      return html`<div class="status" part="status not-found">
        <p class="status-title">${notFound.title}</p>
        <p>${notFound.hint}</p>
      </div>`;
    }
    return this.renderError(error, retry);
  }

  /**
   * Where a lazily loaded part is not here yet: `loading` (by default a skeleton that keeps the
   * part's place) while its code arrives — asking for it, so that a failed prefetch is tried again
   * by the view that needs it — or the standard error with a retry when it could not load.
   * `retried` runs once a retry has brought the part (to move focus back into it).
   */
  protected renderPart(part: LazyPart<unknown>, { loading, retried }: { loading?: TemplateResult; retried?: () => void } = {}): TemplateResult {
    if (part.error) return this.renderError(part.error, () => void part.retry().then((value) => value !== undefined && retried?.()));
    void part.load();
    return (
      loading ??
      html`<div class="part-loading" part="status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        <div class="skeleton block"></div>
        <div class="skeleton block"></div>
      </div>`
    );
  }

  protected renderError(error: unknown, retry?: () => void): TemplateResult {
    return html`<div class="status error" part="status error">
      <p class="status-title">${this.describeError(error)}</p>
      ${retry
        ? html`<button class="button" part="retry" type="button" @click=${retry}>${this.coreText.t('retry')}</button>`
        : nothing}
    </div>`;
  }
}
