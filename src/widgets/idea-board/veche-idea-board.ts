import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { DEV, warnOnce } from '../../core/dev.js';
import { emit } from '../../core/events.js';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController } from '../../core/localize.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import {
  fetchIdea,
  fetchIdeas,
  PAGE_SIZE,
  SORTS,
  STATUSES,
  type Idea,
  type IdeaStatus,
  type IdeaSummary,
  type ListQuery,
  type Sort,
} from './api.js';
import type {} from './events.js';
import type { Outboxes } from './outboxes.js';
import { ideaBoardMessages } from './messages.js';
import type { CardSizes, ReturnPoint } from './idea-list.js';
import type { BoardContext, Key, ListContext } from './parts.js';
import { ideaBoardStyles } from './styles.js';
import { newTask } from '../../core/render-queue.js';

type View = 'list' | 'idea' | 'submit';
const outboxKey = (kind: keyof Outboxes, api: string | undefined) => (api ? `outbox:${kind}:${api}` : undefined);

/**
 * The parts the board's entry does not carry, each its own module. The list (with the
 * virtualizer) is asked for together with the first page of ideas; the others load on first
 * use. Each comes with the parts' texts (part-text.ts). A part that cannot be loaded (offline)
 * shows the standard error with a retry in its place.
 */
const partTexts = () => import('./part-text.js');
const parts = {
  list: () => import('./idea-list.js'),
  page: () => import('./idea-page.js'),
  pledge: () => import('./pledge.js'),
  form: () => import('./submit-form.js'),
};
export type IdeaBoardParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };
type Parts = IdeaBoardParts;

const SEARCH_DEBOUNCE_MS = 300;
/**
 * Ask for the next page while fewer than this many loaded ideas are left below the rendered
 * range: a fast scroll passes seven cards a frame, and a page takes several frames to arrive.
 * Less than the first page minus a screen of cards, so the first render does not ask for more.
 */
const PREFETCH = 20;
/**
 * The same once the citizen scrolls past the first page: a fling outruns a page arriving
 * PREFETCH cards ahead (three frames at 2,500 px a frame), and a list whose rendered range
 * reaches the end of what is loaded pins its last card to the end, correcting the scroll offset
 * every frame until the page arrives (each correction renders the next frame's cards twice).
 * Two-thirds of a further page ahead, so the next one is asked for as the one before arrives.
 */
const PREFETCH_MORE = 60;

/**
 * A board of residents' ideas, modelled on Moscow's City of Ideas and Altai's proposals portal:
 * search, filters and sorts over tens of thousands of ideas in a virtualized list
 * (`@lit-labs/virtualizer`: only the cards near the viewport are in the DOM); an idea's page
 * with its status timeline; support (one per citizen, withdrawable); submitting an idea (to
 * moderation, with a draft kept across reloads); crowdfunding with points or a money pledge paid
 * on the host's payment page, with the city's matchfunding.
 *
 * Search, filters and sort are reflected in attributes, so a pre-filtered board is pasted as
 * `<veche-idea-board category="transport" status="implemented" sort="newest">`.
 *
 * @summary Lets citizens browse, support, propose and crowdfund ideas.
 * @tag veche-idea-board
 * @status experimental
 * @since 0.1
 *
 * @fires veche-idea-supported - Support given or withdrawn, as the backend confirmed. `detail: { idea, supported, supporters }`.
 * @fires veche-idea-submitted - An idea was accepted for moderation. `detail: { idea, status, category }`.
 * @fires veche-pledge - Points pledged, or a money pledge registered (pay it at `paymentUrl`). `detail: { idea, kind, amount, status, paymentReference?, paymentUrl?, funding }`.
 * @fires veche-points-change - Points were spent on a pledge. `detail: { delta, balance, reason: 'pledge' }`.
 * @fires veche-error - Loading or an action failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Supporting, submitting, pledging or "my ideas" need a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The board's container.
 * @csspart filters - Search, category, status and sort.
 * @csspart list - The scrolling list of ideas.
 * @csspart card - One idea in the list.
 * @csspart title - An idea's title.
 * @csspart badge - An idea's status badge.
 * @csspart support - The support toggle button.
 * @csspart progress - Support and funding progress bars; the photo upload's bar in the "submit an idea" form.
 * @csspart idea - An idea's page.
 * @csspart timeline - An idea's status timeline.
 * @csspart form - The "submit an idea" form.
 * @csspart submit - The form's send button.
 * @csspart status - Notices: loading, empty, not found, error, sign-in, offline.
 * @csspart empty - With `status`: no ideas for the search or filters.
 * @csspart loading-more - With `status`: more ideas are loading at the end of the list.
 * @csspart end - With `status`: every idea of the list is shown.
 * @csspart not-found - With `status`: no idea with this id.
 * @csspart draft - With `status`: the restored draft of the idea form and its discard button.
 * @csspart offline - With `status`: a pledge waits for the connection, with a button to send it now.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
 *
 * @cssproperty --veche-idea-board-accent - Active tabs and the supported state (default: `--veche-color-primary`).
 * @cssproperty --veche-idea-board-bar-color - The support progress bar (default: the accent).
 * @cssproperty --veche-idea-board-funding-color - Money and points raised (default: `--veche-color-success`).
 * @cssproperty --veche-idea-board-match-color - The city's matchfunding share (default: `--veche-color-primary-strong`).
 * @cssproperty --veche-idea-board-bar-track - The empty part of a bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-idea-board-list-height - The list's height; it scrolls inside (default: `36em`, at most 85% of the viewport).
 * @cssproperty --veche-idea-board-card-surface - A card's background (default: `--veche-color-surface`).
 *
 * @cssstate loading - The first page of ideas is loading.
 * @cssstate loading-more - More ideas are loading as the list scrolls.
 * @cssstate empty - The list has no ideas (no results for a search or filters).
 * @cssstate end - Every idea of the list has been loaded.
 * @cssstate error - The list or an idea could not be loaded.
 * @cssstate idea - An idea's page is open.
 * @cssstate submit - The "submit an idea" form is open.
 * @cssstate mine - "My ideas" is shown.
 * @cssstate sending - An idea or a pledge is on its way.
 * @cssstate offline - An idea or a pledge waits for the connection to come back.
 * @cssstate signed-out - An action needs sign-in.
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheIdeaBoard extends VecheElement {
  static override styles = [...baseStyles, ideaBoardStyles];

  static override properties: PropertyDeclarations = {
    q: { reflect: true },
    category: { reflect: true },
    status: { reflect: true },
    sort: { reflect: true },
    idea: { reflect: true },
    paymentUrl: { attribute: 'payment-url' },
    view: { state: true },
    mine: { state: true },
    active: { state: true },
    loadingPage: { state: true },
    listError: { state: true },
    signIn: { state: true },
    notice: { state: true },
    page: { state: true },
  };

  /** Search text (server-side), e.g. `велодорожка`. */
  q?: string;
  /** A category id from `GET /idea-categories`, e.g. `transport`. */
  category?: string;
  /** `moderation`, `published`, `review`, `accepted`, `implemented` or `rejected`. */
  status?: IdeaStatus;
  /** `popular` (default), `newest`, `trending` or `threshold` (closest to the support threshold). */
  sort?: Sort;
  /** An idea's id: opens that idea's page. */
  idea?: string;
  /**
   * The host's payment page for money pledges; the widget adds `reference`, `amount` and `idea`
   * query parameters. Without it only points can be pledged.
   */
  paymentUrl?: string;

  private view: View = 'list';
  private mine = false;
  private active = 0;
  private loadingPage = false;
  private listError?: unknown;
  private signIn?: string;
  private notice?: string;
  /** The open idea: loading (neither), loaded, or what went wrong. */
  private page?: { for: string; idea?: Idea; error?: unknown };

  /** The loaded ideas; a new array on every page, so the virtualizer sees the change. */
  private items: IdeaSummary[] = [];
  private nextCursor: string | null | undefined;
  private total?: number;
  private listFor?: string;
  private listAbort?: AbortController;
  /** The last index the virtualizer rendered. */
  private rendered = -1;
  private announceCount = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Where the citizen was in the list when an idea was opened, to come back to. */
  private returnTo?: ReturnPoint | undefined;
  private focusAfter?: () => void;
  /** Focus the idea's page once it has loaded (its title, or what went wrong). */
  private focusPage = false;
  private queuedFor?: unknown;
  private pageAbort?: AbortController;
  /** The card sizes the current list has measured (idea-list.ts). */
  private sizes: CardSizes = {};

  private readonly text = new LocalizeController(this, ideaBoardMessages, () => this.config.value.locale);

  /** Ideas and pledges waiting to be sent (see `useOutboxes`). */
  private outboxes?: Outboxes;
  private outboxesLoading?: Promise<Outboxes>;
  /** Whether to look for what an earlier visit left queued (`resendQueued`) once the first cards show. */
  private checkQueued = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on the page: what was stopped when it was taken off starts again (`update`).
    if (this.hasUpdated) this.requestUpdate();
    else void newTask().then(() => this.startBeforeFirstRender());
  }

  /**
   * Asks for what the first render waits for (the first page of ideas, the list's code, or the
   * idea's page) in a task of its own, before the first render's: the import() calls and the
   * fetch cost ~40 ms at 4× CPU, and made the first render's task one of the page's longest on
   * the demo portal. Were the first render first after all (another widget's drain ran it),
   * `update` has started them.
   */
  private startBeforeFirstRender(): void {
    if (!this.isConnected || this.hasUpdated) return;
    this.config.resolve();
    if (this.idea) this.view = 'idea';
    this.startLoading();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.listAbort?.abort();
    this.pageAbort?.abort();
    this.listFor = this.queuedFor = undefined;
    this.page = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('idea')) {
      this.pledgePart.value?.reset();
      if (this.idea) this.view = 'idea';
      else if (this.view === 'idea') this.view = 'list';
    }
  }

  /** Starts what the current config and view need; after the controllers' hostUpdate, so the config is resolved. */
  protected override update(changed: PropertyValues<this>): void {
    // A board taken off the page may still be asked to render (a part or an answer arriving
    // late): it starts nothing, and starts afresh when it is put back (`connectedCallback`).
    if (this.isConnected) this.startLoading();
    super.update(changed);
  }

  private startLoading(): void {
    const client = this.client;
    if (this.view === 'idea' && this.idea && client && this.page?.for !== `${client.baseUrl} ${this.idea}`) this.loadIdea(this.idea);
    const key = this.listKey();
    if (key !== this.listFor) this.resetList(key);
    // Once per backend: what an earlier visit left queued is looked for once the first cards show.
    if (client && !this.misconfigured && client !== this.queuedFor) {
      this.queuedFor = client;
      this.checkQueued = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const list = this.view === 'list';
    const idea = this.view === 'idea';
    // Loading until the first cards can show: the first page and the list's code are both here.
    this.setState('loading', list && ((this.items.length === 0 && this.loadingPage) || (this.items.length > 0 && !this.listPart.value && !this.listPart.error)));
    this.setState('loading-more', list && this.items.length > 0 && this.loadingPage);
    this.setState('empty', list && this.nextCursor === null && this.items.length === 0);
    this.setState('end', list && this.nextCursor === null && this.items.length > 0);
    this.setState('error', (list && !!this.listError) || (idea && !!this.page?.error));
    this.setState('idea', idea);
    this.setState('submit', this.view === 'submit');
    this.setState('mine', list && this.mine);
    const outboxes = this.outboxes ? [this.outboxes.ideas, this.outboxes.pledges] : [];
    this.setState('sending', outboxes.some((outbox) => outbox.status === 'sending'));
    this.setState('offline', outboxes.some((outbox) => outbox.status === 'waiting'));
    this.setState('signed-out', !!this.signIn);
    // Reading storage is slow the first time in a page: not while the first cards are on their way.
    if (this.checkQueued && !(list && this.items.length === 0 && this.loadingPage)) {
      this.checkQueued = false;
      void newTask().then(() => this.resendQueued());
    }
    if (this.focusPage && idea && ((this.pagePart.value && (this.page?.idea || this.page?.error)) || this.pagePart.error)) {
      this.focusPage = false;
      this.focusAfter ??= () => this.$('#page-title, [part~="not-found"], .part-failure, [part~="error"]')?.focus();
    }
    const focus = this.focusAfter;
    this.focusAfter = undefined;
    // After this update has finished: focusing may change state (the active card).
    if (focus) queueMicrotask(focus);
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // ---------------------------------------------------------------- lazily loaded parts

  private readonly listPart = new LazyPart(
    this,
    async () => new (await this.withTexts('list')).IdeaList(this.listContext),
    (error) => this.reportError(error),
  );

  private readonly pagePart = new LazyPart(this, () => this.withTexts('page'), (error) => this.reportError(error));

  private readonly pledgePart = new LazyPart(
    this,
    async () => {
      const [{ PledgeFlow }, { pledges }] = await Promise.all([this.withTexts('pledge'), this.useOutboxes()]);
      return new PledgeFlow(this.context, pledges);
    },
    (error) => this.reportError(error),
  );

  private readonly formPart = new LazyPart(
    this,
    async () => {
      const [{ SubmitForm }, { ideas }] = await Promise.all([this.withTexts('form'), this.useOutboxes()]);
      return new SubmitForm(this.context, ideas);
    },
    (error) => this.reportError(error),
  );

  /** A part's module with the parts' texts in the board's locale, so it never shows half a language. */
  private async withTexts<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    const locale = this.config.value.locale;
    const [part] = await Promise.all([this.importPart(name), partTexts().then((texts) => texts.loadPartTexts(locale, this.textVariant))]);
    return part;
  }

  /** Imports a part's code. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    return parts[name]() as Promise<Parts[K]>;
  }

  /** Core's pending part, its error wrapped in a focusable page so that focus can land on it. */
  private renderPendingPart(part: LazyPart<unknown>, loading: TemplateResult, retried: () => void): TemplateResult {
    const pending = this.renderPart(part, { loading, retried });
    return part.error ? html`<div class="page part-failure" tabindex="-1">${pending}</div>` : pending;
  }

  /** Focuses the first element matching `selector` after the next render. */
  private focusLater(selector: string): void {
    this.focusAfter = () => this.$(selector)?.focus();
    this.requestUpdate();
  }

  /**
   * Ideas and pledges waiting to be sent live in outboxes (persisted, retried, resent after a
   * reload). The list never uses them, so they load with the form or the pledge flow — or
   * after the first render when the last visit left something queued (`resendQueued`).
   */
  private useOutboxes(): Promise<Outboxes> {
    return (this.outboxesLoading ??= import('./outboxes.js').then(
      ({ createOutboxes }) => {
        this.outboxes = createOutboxes({
          host: this,
          storageKey: (kind) => outboxKey(kind, this.config.value.api),
          client: () => this.client,
          submitted: (idea) => this.submitted(idea),
          form: () => this.formPart.load(),
          pledge: () => this.pledgePart.load(),
          needSignIn: (action) => this.needSignIn(action),
        });
        // Their first `hostUpdated` loads what is stored and sends it.
        this.requestUpdate();
        return this.outboxes;
      },
      (error: unknown) => {
        this.outboxesLoading = undefined;
        throw error;
      },
    ));
  }

  /** Loads the outboxes when an earlier visit left an idea or a pledge in them, so it goes out now. */
  private resendQueued(): void {
    const api = this.config.value.api;
    const queued = (kind: keyof Outboxes) => hasQueued(outboxKey(kind, api));
    if (this.isConnected && !this.outboxes && (queued('ideas') || queued('pledges'))) void this.useOutboxes().catch(() => undefined);
  }

  private _context?: BoardContext;
  /** What the parts use of the board. */
  private get context(): BoardContext {
    return (this._context ??= {
      host: this,
      text: this.text,
      coreText: this.coreText,
      wantedLocale: () => this.config.value.locale,
      client: () => this.client,
      api: () => this.config.value.api,
      category: () => this.category,
      paymentUrl: () => this.paymentUrl,
      announce: (message, options) => this.announcer.announce(message, options),
      describeError: (error) => this.describeError(error),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
      needSignIn: (action, focus) => this.needSignIn(action, focus),
      clearSignIn: () => (this.signIn = undefined),
      signingIn: () => !!this.signIn,
      focusLater: (selector) => this.focusLater(selector),
      pledge: this.pledgePart,
      patchIdea: (id, change) => this.patchIdea(id, change),
    });
  }

  private _listContext?: ListContext;
  /** What the list uses of the board. */
  private get listContext(): ListContext {
    return (this._listContext ??= {
      ...this.context,
      items: () => this.items,
      total: () => this.total,
      active: () => this.active,
      setActive: (index) => (this.active = index),
      loadingPage: () => this.loadingPage,
      loadMore: () => this.loadPage(),
      listError: () => this.listError,
      ended: () => this.nextCursor === null,
      rendered: (last) => {
        // Ask for the next page before the end of the loaded ones shows.
        this.rendered = last;
        this.maybeLoadMore();
      },
      openIdea: (id, index) => this.openIdea(id, index),
      reload: () => this.resetList(this.listFor),
      renderListSkeleton: () => this.renderListSkeleton(),
      filters: () => ({ q: this.q, category: this.category, status: this.status, sort: this.sort ?? this.defaultSort ?? 'popular', mine: this.mine }),
      setFilter: (name, value) => this.setFilter(name, value),
      search: (text) => this.onSearch(text),
      openForm: () => this.openForm(),
    });
  }

  // ---------------------------------------------------------------- the list

  private get query(): ListQuery {
    const sort = this.sort && SORTS.includes(this.sort) ? this.sort : undefined;
    const status = this.status && STATUSES.includes(this.status) ? this.status : undefined;
    // Behind DEV: the production build then drops the message with the warning (not only the call).
    if (DEV && (sort !== this.sort || status !== this.status)) {
      warnOnce(`idea-board-${this.sort}-${this.status}`, `<veche-idea-board>: sort must be one of ${SORTS.join(', ')} and status one of ${STATUSES.join(', ')}; got sort="${this.sort ?? ''}" status="${this.status ?? ''}". Ignoring the unknown value.`);
    }
    return { q: this.q, category: this.category, status, sort: sort ?? this.defaultSort, mine: this.mine };
  }

  /**
   * The order when the citizen chose none: the server's (popular) for everyone's ideas; newest
   * first for "my ideas", where a citizen looks for what they just submitted.
   */
  private get defaultSort(): Sort | undefined {
    return this.mine ? 'newest' : undefined;
  }

  private listKey(): string | undefined {
    const client = this.client;
    if (!client || this.misconfigured || this.view !== 'list') return this.listFor;
    return JSON.stringify([client.baseUrl, this.query]);
  }

  private resetList(key: string | undefined): void {
    this.listAbort?.abort();
    this.listAbort = new AbortController();
    this.listFor = key;
    this.items = [];
    this.nextCursor = undefined;
    this.total = undefined;
    this.listError = undefined;
    this.loadingPage = false;
    this.active = 0;
    this.rendered = -1;
    this.returnTo = undefined;
    this.sizes = {};
    if (key) {
      void this.loadPage();
      // In parallel with the first page: the cards wait for whichever arrives last.
      void this.listPart.load();
    }
  }

  private async loadPage(): Promise<void> {
    const client = this.client;
    if (!client || this.loadingPage || this.nextCursor === null || !this.listFor) return;
    const key = this.listFor;
    const signal = this.listAbort!.signal;
    this.loadingPage = true;
    this.listError = undefined;
    try {
      const page = await fetchIdeas(client, this.query, this.nextCursor ?? null, signal);
      if (key !== this.listFor) return;
      const first = this.items.length === 0;
      this.items = first ? page.items : this.items.concat(page.items);
      this.nextCursor = page.nextCursor;
      this.total = page.total ?? (page.nextCursor === null ? this.items.length : undefined);
      if (first && this.announceCount) {
        this.announceCount = false;
        // The list's code is here: the filters that changed are part of it.
        this.listPart.value?.announceFound();
      }
    } catch (error) {
      if (key !== this.listFor || (error instanceof ApiError && error.kind === 'aborted')) return;
      if (error instanceof ApiError && error.kind === 'auth' && this.mine) {
        this.nextCursor = null;
        this.needSignIn('my-ideas', true);
      } else {
        this.listError = error;
        this.reportError(error);
      }
    } finally {
      if (key === this.listFor) this.loadingPage = false;
    }
    // The rendered range may already be near the end of what arrived (a tall screen, a fast scroll).
    if (key === this.listFor) this.maybeLoadMore();
  }

  private maybeLoadMore(): void {
    const ahead = this.items.length > PAGE_SIZE ? PREFETCH_MORE : PREFETCH;
    if (this.rendered >= this.items.length - ahead && this.nextCursor && !this.listError && !this.loadingPage) void this.loadPage();
  }

  /**
   * The list view — its filters, and its ideas or why there are none (idea-list.ts) — once its
   * code is here; until then the skeleton holds its place, or the import's failure with a retry.
   */
  private renderList(): TemplateResult {
    const list = this.listPart.value;
    if (list) return list.render(this.sizes);
    return this.renderPendingPart(this.listPart, this.renderSkeleton(), () => {
      // Offline, the first page failed too: the one retry brings both.
      if (this.listError) this.resetList(this.listFor);
      this.focusLater(this.items.length ? '.scroller' : '#q');
    });
  }

  private openIdea(id: string, index?: number): void {
    this.returnTo = index === undefined ? undefined : this.listPart.value?.returnPoint(index);
    this.signIn = this.notice = undefined;
    this.idea = id;
    this.focusPage = true;
  }

  private backToList(): void {
    const back = this.returnTo;
    this.returnTo = undefined;
    this.signIn = undefined;
    this.idea = undefined;
    this.view = 'list';
    this.focusAfter = () => void this.restoreList(back);
  }

  /** Back from an idea: to the card the citizen opened, else to the board's title. */
  private async restoreList(back: ReturnPoint | undefined): Promise<void> {
    const list = this.listPart.value;
    if (!back || !list || !(await list.restore(back))) this.$('#board-title')?.focus();
  }

  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter('q', value.trim() || undefined), SEARCH_DEBOUNCE_MS);
  }

  /** Changes the search or a filter; the count of what the new list finds is said once it arrives. */
  private setFilter(name: 'q' | 'category' | 'status' | 'sort', value: string | undefined): void {
    if ((this[name] ?? undefined) === value) return;
    this.announceCount = true;
    // A status or sort the contract does not have is ignored, with a warning (`query`).
    (this as { [K in typeof name]?: string })[name] = value;
  }

  private showTab(mine: boolean): void {
    this.notice = undefined;
    this.showMine(mine);
  }

  private showMine(mine: boolean): void {
    this.view = 'list';
    this.idea = undefined;
    this.signIn = undefined;
    this.mine = mine;
  }

  // ---------------------------------------------------------------- an idea's page

  private loadIdea(id: string): void {
    const client = this.client!;
    this.pageAbort?.abort();
    const abort = (this.pageAbort = new AbortController());
    const key = `${client.baseUrl} ${id}`;
    this.page = { for: key };
    void this.pagePart.load();
    fetchIdea(client, id, abort.signal).then(
      (idea) => {
        if (this.page?.for === key) this.page = { for: key, idea };
      },
      (error: unknown) => {
        if (this.page?.for !== key || (error instanceof ApiError && error.kind === 'aborted')) return;
        this.reportError(error);
        this.page = { for: key, error };
      },
    );
  }

  private renderIdeaPage(): TemplateResult {
    const page = this.page;
    const part = this.pagePart.value;
    return html`<p><button class="button" type="button" @click=${this.backToList}>← ${this.text.t('back')}</button></p>
      ${part && page && (page.idea || page.error)
        ? part.renderIdeaPage(this.context, page, () => this.idea && this.loadIdea(this.idea))
        : this.renderPendingPart(
            this.pagePart,
            html`<div class="page" part="status" aria-busy="true" tabindex="-1">
              <span class="visually-hidden">${this.coreText.t('loading')}</span>
              <div class="skeleton card-skeleton"></div>
            </div>`,
            () => {
              this.focusPage = true;
              this.requestUpdate();
            },
          )}`;
  }

  // ---------------------------------------------------------------- what the parts ask of the board

  /** `focus`: the citizen's own click was refused (core moves focus to the prompt). */
  private needSignIn(action: string, focus = false): void {
    if (this.requireSignIn(action, focus)) this.signIn = action;
  }

  /** The same idea wherever it is shown: its card in the list and its open page. */
  private patchIdea(id: string, change: Partial<IdeaSummary>): void {
    for (const item of this.items) {
      if (item.id === id) {
        Object.assign(item, change);
        this.listPart.value?.changed(item);
      }
    }
    const open = this.page?.idea;
    if (open?.id === id) Object.assign(open, change);
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- submit an idea

  private openForm(): void {
    this.view = 'submit';
    this.idea = undefined;
    this.signIn = this.notice = undefined;
    void this.formPart.load().then((form) => form && this.focusLater('#form-title'));
  }

  private submitted(idea: Idea): void {
    void this.formPart.load().then((form) => form?.sent());
    emit(this, 'veche-idea-submitted', { idea: idea.id, status: idea.status, category: idea.category.id });
    this.notice = this.text.t('submitted');
    this.announcer.announce(this.notice);
    // "My ideas" anew, with the new idea and its count, even when it was the list shown before.
    this.listFor = undefined;
    this.showMine(true);
    this.focusAfter = () => this.$('#notice')?.focus();
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const locale = this.text.locale;
    const view = this.view;
    return html`<section class="board" part="base" lang=${locale} aria-labelledby="board-title">
      <div class="toolbar">
        <h2 id="board-title" tabindex="-1">${this.text.t('boardTitle')}</h2>
        <div class="tabs">
          <button class="button" type="button" aria-pressed=${String(view === 'list' && !this.mine)} @click=${() => this.showTab(false)}>
            ${this.text.t('allIdeas')}
          </button>
          <button class="button" type="button" aria-pressed=${String(view === 'list' && this.mine)} @click=${() => this.showTab(true)}>
            ${this.text.t('myIdeas')}
          </button>
          <button class="button primary" type="button" aria-pressed=${String(view === 'submit')} @click=${this.openForm}>
            ${this.text.t('propose')}
          </button>
        </div>
      </div>
      ${this.notice ? html`<p class="success" id="notice" tabindex="-1" part="status">${this.notice}</p>` : nothing}
      ${this.signIn ? html`<div id="sign-in">${this.renderSignIn()}</div>` : nothing}
      ${view === 'idea'
        ? this.renderIdeaPage()
        : view === 'submit'
          ? (this.formPart.value?.render() ??
            this.renderPendingPart(this.formPart, html`<p class="page" part="status" aria-busy="true">${this.coreText.t('loading')}</p>`, () =>
              this.focusLater('#form-title'),
            ))
          : this.renderList()}
    </section>`;
  }

  /** The list's place while its ideas are on their way, and the place of the row under it ("show more"). */
  private renderListSkeleton(): TemplateResult {
    return html`<div class="loading" part="list status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        <div class="skeleton card-skeleton"></div>
        <div class="skeleton card-skeleton"></div>
      </div>
      <p class="row-status"></p>`;
  }

  /**
   * The list view while its code is on its way: the filters' fields as list-view.ts renders
   * them (labels, search hint, the same kinds of controls, disabled and out of the tab order and
   * the accessibility tree), the count's line, the list's skeleton and the row under the list —
   * the same boxes, so nothing below moves when the real ones take their place, at any width or
   * text size (list-part.test.ts measures both).
   */
  private renderSkeleton(): TemplateResult {
    const field = (key: Key) => html`<div class="field"><span class="label">${this.text.t(key)}</span><select disabled></select></div>`;
    return html`<div class="filters" part="filters" inert aria-hidden="true">
        <div class="field">
          <span class="label">${this.text.t('search')}</span><input type="search" disabled /><span class="hint">${this.text.t('searchHint')}</span>
        </div>
        ${field('category')}${field('status')}${field('sort')}
      </div>
      <p class="muted found"></p>
      ${this.renderListSkeleton()}`;
  }
}
