import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import { DraftController } from '../../core/draft-controller.js';
import { warnOnce } from '../../core/dev.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import {
  fetchCategories,
  fetchIdea,
  fetchIdeas,
  fetchWallet,
  ideasPath,
  pledgesPath,
  SORTS,
  STATUSES,
  supportIdea,
  uploadPhoto,
  withdrawSupport,
  type Funding,
  type Idea,
  type IdeaCreate,
  type IdeaStatus,
  type IdeaSummary,
  type ListQuery,
  type PledgeCreate,
  type PledgeResult,
  type Sort,
} from './api.js';
import type {} from './events.js';
import { checkIdea, emptyDraft, FIELDS, hasContent, toIdeaCreate, type IdeaDraft, type IdeaField } from './idea-form.js';
import { ListWindow, type WindowRange } from './list-window.js';
import { ideaBoardMessages, type IdeaBoardMessages } from './messages.js';
import { ideaBoardStyles } from './styles.js';

type View = 'list' | 'idea' | 'submit';
type Key = keyof IdeaBoardMessages & string;

interface PledgeState {
  kind: PledgeCreate['kind'];
  amount: string;
  error?: string;
  balance?: number | 'loading';
  /** Set once the citizen confirmed: the idempotency key of this pledge. */
  key?: string;
  sending?: boolean;
  queued?: boolean;
  done?: { text: string; payUrl?: string };
}

const SEARCH_DEBOUNCE_MS = 300;
const MAX_PHOTO = 5 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const SUPPORTABLE: IdeaStatus[] = ['published', 'review', 'accepted'];
const FUNDABLE: IdeaStatus[] = ['published', 'review', 'accepted'];
const STATUS_KEY: Record<IdeaStatus, Key> = {
  moderation: 'statusModeration',
  published: 'statusPublished',
  review: 'statusReview',
  accepted: 'statusAccepted',
  implemented: 'statusImplemented',
  rejected: 'statusRejected',
};
const SORT_KEY: Record<Sort, Key> = { popular: 'sortPopular', newest: 'sortNewest', trending: 'sortTrending', threshold: 'sortThreshold' };
const httpUrl = (url: string | undefined, base?: string): string | undefined => {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, base ?? document.baseURI);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
};
const problemSlug = (error: unknown) => (error instanceof ApiError ? (error.problem?.type ?? '').split('/').pop() : undefined);

/**
 * A board of residents' ideas, modelled on Moscow's City of Ideas and Altai's proposals portal:
 * search, filters and sorts over tens of thousands of ideas in a windowed list; an idea's page
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
 * @csspart progress - Support and funding progress bars.
 * @csspart idea - An idea's page.
 * @csspart timeline - An idea's status timeline.
 * @csspart form - The "submit an idea" form.
 * @csspart submit - The form's send button.
 * @csspart status - Notices: loading, empty, not found, error, sign-in, offline.
 *
 * @cssproperty --veche-idea-board-accent - Active tabs and the supported state (default: `--veche-color-primary`).
 * @cssproperty --veche-idea-board-bar-color - The support progress bar (default: the accent).
 * @cssproperty --veche-idea-board-funding-color - Money and points raised (default: `--veche-color-success`).
 * @cssproperty --veche-idea-board-match-color - The city's matchfunding share (default: `--veche-color-primary-strong`).
 * @cssproperty --veche-idea-board-bar-track - The empty part of a bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-idea-board-list-height - The list's height; it scrolls inside (default: `36em`).
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
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheIdeaBoard extends VecheElement {
  static override styles = [...baseStyles, ideaBoardStyles];

  /** Search text (server-side), e.g. `велодорожка`. */
  @property({ reflect: true }) q?: string;
  /** A category id from `GET /idea-categories`, e.g. `transport`. */
  @property({ reflect: true }) category?: string;
  /** `moderation`, `published`, `review`, `accepted`, `implemented` or `rejected`. */
  @property({ reflect: true }) status?: IdeaStatus;
  /** `popular` (default), `newest`, `trending` or `threshold` (closest to the support threshold). */
  @property({ reflect: true }) sort?: Sort;
  /** An idea's id: opens that idea's page. */
  @property({ reflect: true }) idea?: string;
  /**
   * The host's payment page for money pledges; the widget adds `reference`, `amount` and `idea`
   * query parameters. Without it only points can be pledged.
   */
  @property({ attribute: 'payment-url' }) paymentUrl?: string;

  @state() private view: View = 'list';
  @state() private mine = false;
  @state() private range: WindowRange = { start: 0, end: 0, before: 0, after: 0 };
  @state() private active = 0;
  @state() private loadingPage = false;
  @state() private listError?: unknown;
  @state() private signIn?: string;
  @state() private notice?: string;
  @state() private supportErrors: Record<string, string> = {};
  @state() private pledge?: PledgeState;
  @state() private form: IdeaDraft = emptyDraft();
  @state() private formErrors: Partial<Record<IdeaField, string>> = {};
  @state() private formError?: unknown;
  @state() private restoredAt?: number;
  @state() private upload?: number;
  @state() private submitQueued = false;

  private items: IdeaSummary[] = [];
  private nextCursor: string | null | undefined;
  private total?: number;
  private listFor?: string;
  private listAbort?: AbortController;
  private announceCount = false;
  private readonly window = new ListWindow();
  private searchTimer?: ReturnType<typeof setTimeout>;
  private frame = 0;
  private supporting = new Set<string>();
  /** Where the citizen was in the list when an idea was opened, to come back to. */
  private returnTo?: { index: number; scrollTop: number };
  private focusAfter?: () => void;
  /** Focus the idea's page once it has loaded (its title, or what went wrong). */
  private focusPage = false;
  private draftLoaded?: string;
  private resizer?: ResizeObserver;

  private readonly text = new LocalizeController(this, ideaBoardMessages, () => this.config.value.locale);

  private readonly draft = new DraftController<IdeaDraft>(this, {
    key: () => (this.config.value.api ? `draft:idea-board:${this.config.value.api}` : undefined),
  });

  private readonly ideaOutbox = new OutboxController<IdeaCreate, Idea>(this, {
    storageKey: () => (this.config.value.api ? `outbox:ideas:${this.config.value.api}` : undefined),
    client: () => this.client,
    onSent: (idea) => this.submitted(idea),
    onRejected: (error) => this.submitRejected(error),
    onAuthRequired: () => this.needSignIn('submit'),
  });

  private readonly pledgeOutbox = new OutboxController<PledgeCreate, PledgeResult>(this, {
    storageKey: () => (this.config.value.api ? `outbox:pledges:${this.config.value.api}` : undefined),
    client: () => this.client,
    onSent: (result, item) => this.pledged(result, item),
    onRejected: (error, item) => this.pledgeRejected(error, item),
    onAuthRequired: () => this.needSignIn('pledge'),
  });

  private readonly categories = new Task(this, {
    task: async ([client], { signal }) => (client ? fetchCategories(client, signal) : initialState),
    args: () => [this.client] as const,
  });

  private readonly ideaTask = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      try {
        return await fetchIdea(client, id, signal);
      } catch (error) {
        if (!(error instanceof ApiError && error.kind === 'aborted')) this.reportError(error);
        throw error;
      }
    },
    args: () => [this.client, this.idea] as const,
  });

  private readonly onScroll = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.listAbort?.abort();
    this.listFor = undefined;
    this.resizer?.disconnect();
    this.resizer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('idea')) {
      this.pledge = undefined;
      if (this.idea) this.view = 'idea';
      else if (this.view === 'idea') this.view = 'list';
    }
    if (this.view === 'submit' && this.draftLoaded !== this.config.value.api) this.restoreDraft();
    const key = this.listKey();
    if (key !== this.listFor) this.resetList(key);
    if (this.view === 'list' && this.items.length && this.range.end === 0) {
      this.range = this.window.range(this.items.length, 0, this.scroller?.clientHeight || 600);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const list = this.view === 'list';
    this.setState('loading', list && this.items.length === 0 && this.loadingPage);
    this.setState('loading-more', list && this.items.length > 0 && this.loadingPage);
    this.setState('empty', list && this.nextCursor === null && this.items.length === 0);
    this.setState('end', list && this.nextCursor === null && this.items.length > 0);
    this.setState('error', (list && !!this.listError) || (this.view === 'idea' && this.ideaTask.status === TaskStatus.ERROR));
    this.setState('idea', this.view === 'idea');
    this.setState('submit', this.view === 'submit');
    this.setState('mine', list && this.mine);
    this.setState('sending', this.ideaOutbox.status === 'sending' || this.pledgeOutbox.status === 'sending');
    this.setState('offline', this.ideaOutbox.status === 'waiting' || this.pledgeOutbox.status === 'waiting');
    this.setState('signed-out', !!this.signIn);
    if (list) this.afterListRender();
    if (this.focusPage && this.view === 'idea' && (this.ideaTask.status === TaskStatus.COMPLETE || this.ideaTask.status === TaskStatus.ERROR)) {
      this.focusPage = false;
      this.focusAfter ??= () => this.renderRoot.querySelector<HTMLElement>('#page-title, [part~="not-found"], [part~="error"]')?.focus();
    }
    const focus = this.focusAfter;
    this.focusAfter = undefined;
    // After this update has finished: focusing may change state (the active card).
    if (focus) queueMicrotask(focus);
  }

  // ---------------------------------------------------------------- the list

  private get query(): ListQuery {
    const sort = this.sort && SORTS.includes(this.sort) ? this.sort : undefined;
    const status = this.status && STATUSES.includes(this.status) ? this.status : undefined;
    if (sort !== this.sort || status !== this.status) {
      warnOnce(`idea-board-${this.sort}-${this.status}`, `<veche-idea-board>: sort must be one of ${SORTS.join(', ')} and status one of ${STATUSES.join(', ')}; got sort="${this.sort ?? ''}" status="${this.status ?? ''}". Ignoring the unknown value.`);
    }
    return { q: this.q, category: this.category, status, sort, mine: this.mine };
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
    this.window.reset();
    this.range = { start: 0, end: 0, before: 0, after: 0 };
    const scroller = this.scroller;
    if (scroller) scroller.scrollTop = 0;
    if (key) void this.loadPage();
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
      this.items.push(...page.items);
      this.nextCursor = page.nextCursor;
      this.total = page.total ?? (page.nextCursor === null ? this.items.length : undefined);
      if (first && this.announceCount) {
        this.announceCount = false;
        this.announcer.announce(this.total !== undefined ? this.text.t('found', { count: this.total }) : '');
      }
    } catch (error) {
      if (key !== this.listFor || (error instanceof ApiError && error.kind === 'aborted')) return;
      if (error instanceof ApiError && error.kind === 'auth' && this.mine) {
        this.nextCursor = null;
        this.needSignIn('my-ideas');
      } else {
        this.listError = error;
        this.reportError(error);
      }
    } finally {
      if (key === this.listFor) this.loadingPage = false;
    }
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** After the list rendered: measure cards, adjust the window, load more near the end. */
  private afterListRender(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    if (!this.resizer) {
      this.resizer = new ResizeObserver(() => this.onScroll());
      this.resizer.observe(scroller);
    }
    let changed = false;
    for (const card of scroller.querySelectorAll<HTMLElement>('.card[data-index]')) {
      // The card's height plus its bottom margin: the space it takes in the list.
      changed = this.window.measure(Number(card.dataset.index), card.offsetHeight + 8) || changed;
    }
    // Adjusted on the next frame, never within this update.
    if (changed || this.wantsMore) this.onScroll();
  }

  private get wantsMore(): boolean {
    return this.range.end >= this.items.length - 5 && this.nextCursor !== null && !this.listError && !this.loadingPage;
  }

  private layout(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const next = this.window.range(this.items.length, scroller.scrollTop, scroller.clientHeight || 600);
    const { start, end, before, after } = this.range;
    if (next.start !== start || next.end !== end || Math.abs(next.before - before) > 1 || Math.abs(next.after - after) > 1) this.range = next;
    this.maybeLoadMore();
  }

  private maybeLoadMore(): void {
    if (this.wantsMore) void this.loadPage();
  }

  /**
   * The list, windowed: only the cards near the viewport are in the DOM, with space standing in
   * for the others. This is the seam for `@lit-labs/virtualizer`: once installed, this method
   * becomes `virtualize({ items, renderItem, scroller: true })` and `revealItem()` its
   * `element(index).scrollIntoView()`; nothing else in the board changes.
   */
  protected renderList(items: IdeaSummary[], renderItem: (item: IdeaSummary, index: number) => TemplateResult): TemplateResult {
    const { start, end, before, after } = this.range;
    const shown = items.slice(start, end);
    return html`<div class="scroller" part="list" @scroll=${this.onScroll}>
      <div
        class="feed"
        role="feed"
        aria-labelledby="board-title"
        aria-describedby="list-hint"
        aria-busy=${this.loadingPage ? 'true' : 'false'}
        ${cssProps({ '--_before': `${before}px`, '--_after': `${after}px` })}
        @keydown=${this.onListKey}
      >
        ${repeat(shown, (item) => item.id, (item, i) => renderItem(item, start + i))}
      </div>
      ${this.renderListEnd()}
    </div>`;
  }

  /** Brings the card at `index` into the window and the viewport, then focuses it. */
  private async revealItem(index: number): Promise<void> {
    const scroller = this.scroller;
    if (!scroller || index < 0 || index >= this.items.length) return;
    this.active = index;
    const top = this.window.offsetOf(index);
    const size = this.window.size(index);
    if (top < scroller.scrollTop || top + size > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, top - 8);
    }
    this.range = this.window.range(this.items.length, scroller.scrollTop, scroller.clientHeight || 600);
    await this.updateComplete;
    const card = scroller.querySelector<HTMLElement>(`.card[data-index="${index}"]`);
    card?.focus({ preventScroll: true });
    if (card) {
      const box = card.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) card.scrollIntoView({ block: 'nearest' });
    }
  }

  private readonly onListKey = (event: KeyboardEvent) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('.card');
    if (!card) return;
    const index = Number(card.dataset.index);
    const last = this.items.length - 1;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 5, PageUp: index - 5, Home: 0, End: last };
    if (event.key === 'Enter' && event.target === card) {
      event.preventDefault();
      this.openIdea(this.items[index]!.id, index);
    } else if (event.key in moves) {
      event.preventDefault();
      void this.revealItem(Math.max(0, Math.min(last, moves[event.key]!)));
      if (moves[event.key]! > last - 5) this.maybeLoadMore();
    }
  };

  private renderListEnd(): TemplateResult {
    if (this.listError) {
      return html`<div class="row-status">${this.renderError(this.listError, () => void this.loadPage())}</div>`;
    }
    if (this.loadingPage && this.items.length) return html`<p class="row-status muted" part="status loading-more">${this.text.t('loadingMore')}</p>`;
    if (this.nextCursor === null && this.items.length) return html`<p class="row-status muted" part="status end">${this.text.t('endOfList')}</p>`;
    if (this.nextCursor && !this.loadingPage) {
      return html`<p class="row-status">
        <button class="button" type="button" @click=${() => void this.loadPage()}>${this.text.t('loadMore')}</button>
      </p>`;
    }
    return html``;
  }

  private openIdea(id: string, index?: number): void {
    const scroller = this.scroller;
    this.returnTo = index === undefined ? undefined : { index, scrollTop: scroller?.scrollTop ?? 0 };
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
    this.focusAfter = () => {
      const scroller = this.scroller;
      if (back && scroller && back.index < this.items.length) {
        scroller.scrollTop = back.scrollTop;
        this.range = this.window.range(this.items.length, back.scrollTop, scroller.clientHeight || 600);
        void this.revealItem(back.index);
      } else {
        this.renderRoot.querySelector<HTMLElement>('#board-title')?.focus();
      }
    };
  }

  private onSearch(value: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter('q', value.trim() || undefined), SEARCH_DEBOUNCE_MS);
  }

  private setFilter<K extends 'q' | 'category' | 'status' | 'sort'>(name: K, value: this[K] | undefined): void {
    if ((this[name] ?? undefined) === value) return;
    this.announceCount = true;
    this[name] = value as this[K];
  }

  private resetFilters(): void {
    const search = this.renderRoot.querySelector<HTMLInputElement>('#q');
    if (search) search.value = '';
    this.announceCount = true;
    this.q = this.category = this.status = undefined;
    this.focusAfter = () => search?.focus();
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

  // ---------------------------------------------------------------- support

  private needSignIn(action: string): void {
    if (this.requireSignIn(action)) {
      this.signIn = action;
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#sign-in')?.focus();
    }
  }

  /** The same idea wherever it is shown: its card in the list and its open page. */
  private patchIdea(id: string, change: Partial<IdeaSummary>): void {
    for (const item of this.items) if (item.id === id) Object.assign(item, change);
    const open = this.ideaTask.value;
    if (open?.id === id) Object.assign(open, change);
    this.requestUpdate();
  }

  private async toggleSupport(idea: IdeaSummary): Promise<void> {
    const client = this.client;
    if (!client || this.supporting.has(idea.id)) return;
    const before = { supporters: idea.supporters, supportedByMe: idea.supportedByMe };
    const supported = !idea.supportedByMe;
    this.supporting.add(idea.id);
    this.supportErrors = { ...this.supportErrors, [idea.id]: '' };
    this.signIn = undefined;
    // Optimistic: the citizen sees their support at once; the server's answer corrects it.
    this.patchIdea(idea.id, { supportedByMe: supported, supporters: Math.max(0, before.supporters + (supported ? 1 : -1)) });
    try {
      const result = supported ? await supportIdea(client, idea.id, newIdempotencyKey()) : await withdrawSupport(client, idea.id);
      this.patchIdea(idea.id, { supporters: result.supporters, supportedByMe: result.supportedByMe });
      emit(this, 'veche-idea-supported', { idea: idea.id, supported: result.supportedByMe, supporters: result.supporters });
      this.announcer.announce(this.text.t(result.supportedByMe ? 'supportDone' : 'withdrawDone', { title: idea.title }));
    } catch (error) {
      if (problemSlug(error) === 'already-supported') {
        // Supported earlier (another tab, a lost answer): the count already included it.
        this.patchIdea(idea.id, { supportedByMe: true, supporters: before.supporters });
        return;
      }
      this.patchIdea(idea.id, before);
      if (error instanceof ApiError && error.kind === 'auth') return this.needSignIn('support');
      const reason = this.describeError(error);
      this.supportErrors = { ...this.supportErrors, [idea.id]: this.text.t('supportFailed', { reason }) };
      this.reportError(error);
      this.announcer.announce(this.text.t('supportFailed', { reason }), { assertive: true });
    } finally {
      this.supporting.delete(idea.id);
    }
  }

  // ---------------------------------------------------------------- submit an idea

  private openForm(): void {
    this.view = 'submit';
    this.idea = undefined;
    this.signIn = this.notice = undefined;
    this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#form-title')?.focus();
  }

  private restoreDraft(): void {
    this.draftLoaded = this.config.value.api;
    const saved = this.draft.load();
    if (saved && hasContent(saved.value)) {
      this.form = { ...emptyDraft(), ...saved.value };
      this.restoredAt = saved.savedAt;
    } else if (!hasContent(this.form)) {
      this.form = emptyDraft(this.category ?? '');
    }
    this.submitQueued = this.ideaOutbox.items.length > 0;
  }

  private edit(field: keyof IdeaDraft, value: string): void {
    // Different content is a different submission: the server would refuse the old key with it.
    this.form = { ...this.form, [field]: value, key: undefined };
    if (this.formErrors[field as IdeaField]) {
      const problem = checkIdea(this.form)[field as IdeaField];
      this.formErrors = { ...this.formErrors, [field]: problem ? this.text.t(problem) : '' };
    }
    this.draft.save(this.form);
  }

  private discardDraft(): void {
    this.draft.clear();
    this.form = emptyDraft(this.category ?? '');
    this.formErrors = {};
    this.restoredAt = undefined;
  }

  private async choosePhoto(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const client = this.client;
    if (!file || !client) return;
    const problem = !PHOTO_TYPES.includes(file.type) ? 'photoType' : file.size > MAX_PHOTO ? 'photoTooLarge' : undefined;
    if (problem) {
      this.formErrors = { ...this.formErrors, mediaIds: this.text.t(problem) };
      input.value = '';
      return;
    }
    this.formErrors = { ...this.formErrors, mediaIds: '' };
    this.upload = 0;
    try {
      const media = await uploadPhoto(client, file, newIdempotencyKey(), (fraction) => (this.upload = fraction));
      this.form = { ...this.form, photo: { id: media.id, url: media.url, name: file.name }, key: undefined };
      this.draft.save(this.form);
      this.announcer.announce(this.text.t('photoUploaded'));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'auth') this.needSignIn('submit');
      else this.formErrors = { ...this.formErrors, mediaIds: this.describeError(error) };
    } finally {
      this.upload = undefined;
      input.value = '';
    }
  }

  private removePhoto(): void {
    const { photo: _photo, ...rest } = this.form;
    this.form = { ...rest, key: undefined };
    this.draft.save(this.form);
  }

  private async submitIdea(event: Event): Promise<void> {
    event.preventDefault();
    if (this.ideaOutbox.status === 'sending' || this.upload !== undefined) return;
    const problems = checkIdea(this.form);
    this.formErrors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, this.text.t(key)]));
    this.formError = undefined;
    if (Object.keys(problems).length) {
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#errors')?.focus();
      return;
    }
    this.signIn = undefined;
    const key = (this.form.key ??= newIdempotencyKey());
    this.draft.save(this.form);
    this.draft.flush();
    await this.ideaOutbox.send(ideasPath, toIdeaCreate(this.form), { key });
    this.submitQueued = this.ideaOutbox.status === 'waiting' && !this.signIn;
    if (this.submitQueued) this.announcer.announce(this.text.t('submitQueued'));
  }

  private submitted(idea: Idea): void {
    this.draft.clear();
    this.form = emptyDraft(this.category ?? '');
    this.formErrors = {};
    this.restoredAt = undefined;
    this.submitQueued = false;
    emit(this, 'veche-idea-submitted', { idea: idea.id, status: idea.status, category: idea.category.id });
    this.notice = this.text.t('submitted');
    this.announcer.announce(this.notice);
    this.showMine(true);
    this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
  }

  private submitRejected(error: ApiError): void {
    this.form = { ...this.form, key: undefined };
    this.draft.save(this.form);
    this.submitQueued = false;
    const fields: Partial<Record<IdeaField, string>> = {};
    for (const { field, message } of error.fieldErrors) {
      const name = FIELDS.find((f) => field === f || field.startsWith(`${f}.`));
      if (name) fields[name] ??= message;
    }
    this.formErrors = fields;
    this.formError = Object.keys(fields).length ? undefined : error;
    this.reportError(error);
    this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#errors, [part~="error"]')?.focus();
  }

  // ---------------------------------------------------------------- crowdfunding

  private async startPledge(kind: PledgeCreate['kind']): Promise<void> {
    this.signIn = undefined;
    this.pledge = { kind, amount: '' };
    this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#amount')?.focus();
    const client = this.client;
    if (kind !== 'points' || !client) return;
    this.pledge = { ...this.pledge, balance: 'loading' };
    try {
      const wallet = await fetchWallet(client);
      if (this.pledge?.kind === 'points') this.pledge = { ...this.pledge, balance: wallet.balance };
    } catch (error) {
      if (this.pledge?.kind !== 'points') return;
      const { balance: _unknown, ...rest } = this.pledge;
      this.pledge = rest;
      if (error instanceof ApiError && error.kind === 'auth') {
        this.pledge = undefined;
        this.needSignIn('pledge');
      }
    }
  }

  private checkPledge(event: Event): void {
    event.preventDefault();
    const pledge = this.pledge;
    if (!pledge || pledge.sending) return;
    const amount = Number(pledge.amount.trim());
    let error: string | undefined;
    if (!/^\d+$/.test(pledge.amount.trim()) || amount < 1 || amount > 10_000_000) error = this.text.t('amountInvalid');
    else if (pledge.kind === 'points' && typeof pledge.balance === 'number' && amount > pledge.balance) {
      error = this.text.t('insufficient', { count: amount - pledge.balance });
    }
    this.pledge = { ...pledge, error };
    if (error) {
      this.announcer.announce(error, { assertive: true });
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#amount')?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
  }

  private async confirmPledge(idea: Idea): Promise<void> {
    const pledge = this.pledge;
    if (!pledge || pledge.sending) return;
    const key = pledge.key ?? newIdempotencyKey();
    this.pledge = { ...pledge, key, sending: true };
    this.closeDialog();
    await this.pledgeOutbox.send(pledgesPath(idea.id), { kind: pledge.kind, amount: Number(pledge.amount) }, { key });
    if (this.pledge?.key === key && this.pledgeOutbox.items.some((item) => item.key === key)) {
      this.pledge = { ...this.pledge, sending: false, queued: !this.signIn };
      if (!this.signIn) this.announcer.announce(this.text.t('pledgeQueued'));
    }
  }

  private paymentLink(reference: string, amount: number, idea: string): string | undefined {
    const base = httpUrl(this.paymentUrl);
    if (!base) return undefined;
    const url = new URL(base);
    url.searchParams.set('reference', reference);
    url.searchParams.set('amount', String(amount));
    url.searchParams.set('idea', idea);
    return url.href;
  }

  private pledged(result: PledgeResult, item: OutboxItem<PledgeCreate>): void {
    const { pledge, funding, points } = result;
    const open = this.ideaTask.value;
    if (open?.id === pledge.ideaId) open.funding = funding;
    for (const summary of this.items) if (summary.id === pledge.ideaId) summary.funding = funding;
    const payUrl = pledge.paymentReference ? this.paymentLink(pledge.paymentReference, pledge.amount, pledge.ideaId) : undefined;
    emit(this, 'veche-pledge', {
      idea: pledge.ideaId,
      kind: pledge.kind,
      amount: pledge.amount,
      status: pledge.status,
      ...(pledge.paymentReference ? { paymentReference: pledge.paymentReference } : {}),
      ...(payUrl ? { paymentUrl: payUrl } : {}),
      funding,
    });
    if (points && points.spent - points.awarded) {
      emit(this, 'veche-points-change', { delta: points.awarded - points.spent, balance: points.balance, reason: points.reason ?? 'pledge' });
    }
    const locale = this.text.locale;
    const text =
      pledge.kind === 'points'
        ? this.text.t('pledgeDone', { points: this.coreText.t('points', { count: pledge.amount }) })
        : this.text.t('moneyIntent', { amount: this.money(pledge.amount, locale) });
    this.announcer.announce(text);
    if (this.pledge?.key === item.key || !this.pledge) {
      this.pledge = { kind: pledge.kind, amount: '', done: { text, ...(payUrl ? { payUrl } : {}) } };
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#pledge-done')?.focus();
    }
    this.requestUpdate();
  }

  private pledgeRejected(error: ApiError, item: OutboxItem<PledgeCreate>): void {
    const missing = error.problem?.['missing'];
    const message =
      problemSlug(error) === 'insufficient-points' && typeof missing === 'number'
        ? this.text.t('insufficient', { count: missing })
        : this.describeError(error);
    this.reportError(error);
    this.announcer.announce(message, { assertive: true });
    if (this.pledge?.key === item.key) {
      const { key: _key, ...rest } = this.pledge;
      this.pledge = { ...rest, sending: false, error: message };
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('#amount')?.focus();
    }
  }

  private money(amount: number, locale = this.text.locale): string {
    return formatNumber(locale, amount, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const locale = this.text.locale;
    return html`<section class="board" part="base" lang=${locale} aria-labelledby="board-title">
      <div class="toolbar">
        <h2 id="board-title" tabindex="-1">${this.text.t('boardTitle')}</h2>
        <div class="tabs">
          <button class="button" type="button" aria-pressed=${String(this.view === 'list' && !this.mine)} @click=${() => this.showTab(false)}>
            ${this.text.t('allIdeas')}
          </button>
          <button class="button" type="button" aria-pressed=${String(this.view === 'list' && this.mine)} @click=${() => this.showTab(true)}>
            ${this.text.t('myIdeas')}
          </button>
          <button class="button primary" type="button" aria-pressed=${String(this.view === 'submit')} @click=${this.openForm}>
            ${this.text.t('propose')}
          </button>
        </div>
      </div>
      ${this.notice ? html`<p class="success" id="notice" tabindex="-1" part="status">${this.notice}</p>` : nothing}
      ${this.signIn ? html`<div id="sign-in" tabindex="-1">${this.renderSignIn()}</div>` : nothing}
      ${this.view === 'idea' ? this.renderIdeaPage() : this.view === 'submit' ? this.renderForm() : this.renderBoard()}
    </section>`;
  }

  private renderBoard(): TemplateResult {
    const categories = this.categories.value ?? [];
    const filtered = !!(this.q || this.category || this.status);
    return html`<div class="filters" part="filters">
        <div class="field">
          <label for="q">${this.text.t('search')}</label>
          <input id="q" type="search" maxlength="200" .value=${this.q ?? ''} aria-describedby="q-hint" @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)} />
          <span class="hint" id="q-hint">${this.text.t('searchHint')}</span>
        </div>
        <div class="field">
          <label for="category">${this.text.t('category')}</label>
          <select id="category" @change=${(e: Event) => this.setFilter('category', (e.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${!this.category}>${this.text.t('allCategories')}</option>
            ${this.category && !categories.some((c) => c.id === this.category)
              ? html`<option value=${this.category} selected>${this.category}</option>`
              : nothing}
            ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === this.category}>${c.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="status">${this.text.t('status')}</label>
          <select id="status" @change=${(e: Event) => this.setFilter('status', ((e.target as HTMLSelectElement).value || undefined) as IdeaStatus | undefined)}>
            <option value="" ?selected=${!this.status}>${this.text.t('anyStatus')}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${this.text.t(STATUS_KEY[s])}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="sort">${this.text.t('sort')}</label>
          <select id="sort" @change=${(e: Event) => this.setFilter('sort', (e.target as HTMLSelectElement).value as Sort)}>
            ${SORTS.map((s) => html`<option value=${s} ?selected=${s === (this.sort ?? 'popular')}>${this.text.t(SORT_KEY[s])}</option>`)}
          </select>
        </div>
      </div>
      <p class="visually-hidden" id="list-hint">${this.text.t('listHint')}</p>
      ${this.total !== undefined && this.items.length ? html`<p class="muted">${this.text.t('found', { count: this.total })}</p>` : nothing}
      ${this.items.length === 0 ? this.renderEmptyList(filtered) : this.renderList(this.items, (item, index) => this.renderCard(item, index))}`;
  }

  private renderEmptyList(filtered: boolean): TemplateResult {
    if (this.listError) return this.renderError(this.listError, () => this.resetList(this.listFor));
    if (this.nextCursor !== null) {
      return html`<div class="scroller" part="list status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        <div class="feed"><div class="card skeleton"></div><div class="card skeleton"></div><div class="card skeleton"></div></div>
      </div>`;
    }
    if (this.signIn) return html``;
    if (filtered) {
      return html`<div class="status" part="status empty">
        <p class="status-title">${this.text.t('noResults')}</p>
        <p>${this.text.t('noResultsHint')}</p>
        <button class="button" type="button" @click=${this.resetFilters}>${this.text.t('resetFilters')}</button>
      </div>`;
    }
    return html`<div class="status" part="status empty">
      <p class="status-title">${this.text.t(this.mine ? 'mineEmpty' : 'empty')}</p>
      <button class="button primary" type="button" @click=${this.openForm}>${this.text.t('propose')}</button>
    </div>`;
  }

  private renderCard(idea: IdeaSummary, index: number): TemplateResult {
    const locale = this.text.locale;
    return html`<article
      class="card"
      part="card"
      data-index=${index}
      tabindex=${index === this.active ? '0' : '-1'}
      aria-labelledby="t-${idea.id}"
      aria-posinset=${index + 1}
      aria-setsize=${this.total ?? -1}
      @focusin=${() => (this.active = index)}
    >
      <p class="meta">
        <span class="category">${idea.category.name}</span>
        <span class="badge ${idea.status}" part="badge">${this.text.t(STATUS_KEY[idea.status])}</span>
      </p>
      <h3 id="t-${idea.id}" part="title">
        <button class="title" type="button" @click=${() => this.openIdea(idea.id, index)}>${idea.title}</button>
      </h3>
      <p class="excerpt">${idea.excerpt}</p>
      <p class="muted">${this.text.t('by', { name: idea.author.displayName })} · ${formatDate(locale, idea.createdAt)}</p>
      ${this.renderSupport(idea)} ${idea.funding ? this.renderFunding(idea.funding) : nothing}
    </article>`;
  }

  private renderSupport(idea: IdeaSummary, page = false): TemplateResult {
    const locale = this.text.locale;
    const share = Math.min(1, idea.supporters / idea.threshold);
    const canSupport = SUPPORTABLE.includes(idea.status);
    const error = this.supportErrors[idea.id];
    return html`<div class="progress" part="progress">
      <p>
        <strong>${this.text.t('supporters', { count: idea.supporters })}</strong>
        <span class="muted">
          · ${idea.supporters >= idea.threshold
            ? this.text.t('thresholdReached')
            : this.text.t('toThreshold', { count: idea.supporters, threshold: idea.threshold })}
          (${formatPercent(locale, share)})</span
        >
      </p>
      <span class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': share })}></span></span>
      ${canSupport
        ? html`<div class="actions">
            ${idea.supportedByMe ? html`<span class="supported">${this.text.t('supported')}</span>` : nothing}
            <button
              class=${idea.supportedByMe ? 'button support' : 'button primary support'}
              part="support"
              type="button"
              @click=${() => void this.toggleSupport(idea)}
            >
              ${this.text.t(idea.supportedByMe ? 'withdraw' : 'support')}<span class="visually-hidden">: ${idea.title}</span>
            </button>
          </div>`
        : page
          ? html`<p class="hint">${this.text.t('supportClosed')}</p>`
          : nothing}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  private renderFunding(funding: Funding): TemplateResult {
    const locale = this.text.locale;
    const raised = Math.min(1, funding.raised / funding.goal);
    const matched = Math.min(1 - raised, funding.matched / funding.goal);
    return html`<div class="funding progress" part="progress">
      <p>
        <strong>${this.text.t('raised', { raised: this.money(funding.total), goal: this.money(funding.goal) })}</strong>
        ${funding.matchFactor > 0 && funding.matchCap > 0
          ? html`<span class="muted">
              · ${this.text.t('match', { factor: formatNumber(locale, funding.matchFactor), cap: this.money(funding.matchCap) })}</span
            >`
          : nothing}
      </p>
      <span class="bar" aria-hidden="true">
        <span class="fill" ${cssProps({ '--_share': raised })}></span>
        <span class="fill match" ${cssProps({ '--_share': matched })}></span>
      </span>
      <p class="hint">
        ${funding.matched > 0
          ? html`${this.text.t('matched', { matched: this.money(funding.matched), total: this.money(funding.total) })} · `
          : nothing}${this.text.t('pledgers', { count: funding.pledgers })}
      </p>
    </div>`;
  }

  private renderIdeaPage(): TemplateResult {
    const back = html`<p><button class="button" type="button" @click=${this.backToList}>← ${this.text.t('back')}</button></p>`;
    return html`${back}
    ${this.ideaTask.render({
      initial: () => this.renderPageSkeleton(),
      pending: () => (this.ideaTask.value ? this.renderIdea(this.ideaTask.value) : this.renderPageSkeleton()),
      complete: (idea) => this.renderIdea(idea),
      error: (error) =>
        error instanceof ApiError && error.kind === 'not-found'
          ? html`<div class="status" part="status not-found" tabindex="-1">
              <p class="status-title">${this.text.t('notFound')}</p>
              <p>${this.text.t('notFoundHint')}</p>
            </div>`
          : this.renderError(error, () => void this.ideaTask.run()),
    })}`;
  }

  private renderPageSkeleton(): TemplateResult {
    return html`<div class="page" part="status" aria-busy="true" tabindex="-1">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <div class="card skeleton"></div>
    </div>`;
  }

  private renderIdea(idea: Idea): TemplateResult {
    const locale = this.text.locale;
    const base = this.client ? `${this.client.baseUrl}/` : undefined;
    const photos = [
      ...(idea.image ? [{ url: httpUrl(idea.image.url, base), alt: idea.image.alt }] : []),
      ...idea.media.map((m) => ({ url: httpUrl(m.url, base), alt: this.text.t('photoOf', { title: idea.title }) })),
    ].filter((p) => p.url);
    return html`<article class="page" part="idea" aria-labelledby="page-title">
      <p class="meta">
        <span class="category">${idea.category.name}</span>
        <span class="badge ${idea.status}" part="badge">${this.text.t(STATUS_KEY[idea.status])}</span>
      </p>
      <h3 id="page-title" part="title" tabindex="-1">${idea.title}</h3>
      <p class="muted">${this.text.t('by', { name: idea.author.displayName })} · ${formatDate(locale, idea.createdAt)}</p>
      <div class="text">${idea.text.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
      ${photos.length
        ? html`<section aria-label=${this.text.t('photos')} class="photos">
            ${photos.map((p) => html`<img src=${p.url!} alt=${p.alt} loading="lazy" />`)}
          </section>`
        : nothing}
      ${this.renderSupport(idea, true)}
      ${idea.funding ? html`<section class="funding" aria-labelledby="funding-title">
            <h4 id="funding-title">${this.text.t('funding')}</h4>
            ${this.renderFunding(idea.funding)} ${FUNDABLE.includes(idea.status) ? this.renderPledge(idea, idea.funding) : nothing}
          </section>` : nothing}
      <section aria-labelledby="timeline-title">
        <h4 id="timeline-title">${this.text.t('timeline')}</h4>
        <ol class="timeline" part="timeline">
          ${idea.timeline.map((event, i) => {
            const last = i === idea.timeline.length - 1;
            const label =
              event.status === 'review'
                ? event.agency
                  ? this.text.t('eventReview', { agency: event.agency.name })
                  : this.text.t('eventReviewNoAgency')
                : this.text.t(`event${event.status[0]!.toUpperCase()}${event.status.slice(1)}` as Key);
            return html`<li class=${last ? 'now' : ''} aria-current=${last ? 'step' : nothing}>
              <time datetime=${event.at}>${formatDateTime(locale, event.at)}</time> — ${label}
              ${event.note ? html`<br /><span class="muted">${event.note}</span>` : nothing}
            </li>`;
          })}
        </ol>
        ${idea.status === 'rejected' && idea.rejectionReason
          ? html`<p class="field-error">${this.text.t('rejectionReason', { reason: idea.rejectionReason })}</p>`
          : nothing}
      </section>
    </article>`;
  }

  private renderPledge(idea: Idea, funding: Funding): TemplateResult {
    const pledge = this.pledge;
    const locale = this.text.locale;
    const money = !!httpUrl(this.paymentUrl);
    const starters = html`<div class="actions">
      <button class="button primary" type="button" @click=${() => void this.startPledge('points')}>${this.text.t('pledgePoints')}</button>
      ${money ? html`<button class="button" type="button" @click=${() => void this.startPledge('money')}>${this.text.t('pledgeMoney')}</button>` : nothing}
    </div>`;
    if (!pledge) return starters;
    if (pledge.done) {
      return html`<div class="success" id="pledge-done" tabindex="-1" part="status">
          <p>${pledge.done.text}</p>
          ${pledge.done.payUrl ? html`<p><a class="button primary" href=${pledge.done.payUrl}>${this.text.t('payNow')}</a></p>` : nothing}
        </div>
        ${starters}`;
    }
    const points = pledge.kind === 'points';
    const amount = Number(pledge.amount) || 0;
    const described = ['amount-hint', pledge.error ? 'amount-error' : ''].filter(Boolean).join(' ');
    return html`<form class="pledge" novalidate @submit=${this.checkPledge}>
      <div class="field">
        <label for="amount">${this.text.t(points ? 'pledgeAmountPoints' : 'pledgeAmountMoney')}</label>
        <p class="hint" id="amount-hint">
          ${points
            ? html`${this.text.t('pledgeRate', { value: this.money(funding.pointValue) })}
              ${pledge.balance === 'loading'
                ? this.text.t('balanceLoading')
                : typeof pledge.balance === 'number'
                  ? this.text.t('balance', { points: this.coreText.t('points', { count: pledge.balance }) })
                  : nothing}`
            : nothing}
        </p>
        ${pledge.error ? html`<p class="field-error" id="amount-error">${pledge.error}</p>` : nothing}
        <input
          id="amount"
          inputmode="numeric"
          autocomplete="off"
          .value=${pledge.amount}
          aria-describedby=${described}
          aria-invalid=${pledge.error ? 'true' : 'false'}
          ?disabled=${pledge.sending}
          @input=${(e: Event) => (this.pledge = { ...pledge, amount: (e.target as HTMLInputElement).value, error: undefined, key: undefined })}
        />
      </div>
      ${pledge.queued
        ? html`<div class="note" part="status offline">
            <p>${this.text.t('pledgeQueued')}</p>
            <button class="link" type="button" @click=${() => this.pledgeOutbox.retryNow()}>${this.text.t('sendNow')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button class="button primary" type="submit" aria-disabled=${pledge.sending ? 'true' : 'false'}>
          ${pledge.sending ? this.text.t('sending') : this.text.t('pledgeNext')}
        </button>
        <button class="button" type="button" @click=${() => (this.pledge = undefined)}>${this.text.t('cancel')}</button>
      </div>
      <dialog aria-labelledby="confirm-title" @close=${() => this.renderRoot.querySelector<HTMLElement>('.pledge [type="submit"]')?.focus()}>
        <h4 id="confirm-title">${this.text.t('confirmTitle')}</h4>
        <p>
          ${points
            ? this.text.t('confirmPoints', { points: this.coreText.t('points', { count: amount }), title: idea.title })
            : this.text.t('confirmMoney', { amount: this.money(amount, locale), title: idea.title })}
        </p>
        <div class="actions">
          <button class="button primary" type="button" id="confirm" @click=${() => void this.confirmPledge(idea)}>${this.text.t('confirm')}</button>
          <button class="button" type="button" @click=${this.closeDialog}>${this.text.t('cancel')}</button>
        </div>
      </dialog>
    </form>`;
  }

  private renderForm(): TemplateResult {
    const form = this.form;
    const errors = this.formErrors;
    const categories = this.categories.value ?? [];
    const listed = Object.entries(errors).filter(([, message]) => message);
    const sending = this.ideaOutbox.status === 'sending';
    const field = (name: IdeaField) => ({
      invalid: errors[name] ? 'true' : 'false',
      describedBy: [`${name}-hint`, errors[name] ? `${name}-error` : ''].filter(Boolean).join(' '),
      error: errors[name] ? html`<p class="field-error" id="${name}-error">${errors[name]}</p>` : nothing,
    });
    const title = field('title');
    const text = field('text');
    const category = field('categoryId');
    const goal = field('fundingGoal');
    const photo = field('mediaIds');
    return html`<form part="form" novalidate @submit=${this.submitIdea} aria-labelledby="form-title">
      <h3 id="form-title" tabindex="-1">${this.text.t('formTitle')}</h3>
      <p class="note">${this.text.t('moderationNote')}</p>
      ${this.restoredAt
        ? html`<div class="note" part="status draft">
            <p>${this.coreText.t('draftRestored', { date: formatDateTime(this.text.locale, this.restoredAt) })}</p>
            <button class="link" type="button" @click=${this.discardDraft}>${this.coreText.t('draftDiscard')}</button>
          </div>`
        : nothing}
      ${listed.length
        ? html`<div class="errors" id="errors" tabindex="-1" role="group" aria-labelledby="errors-title">
            <p class="field-error" id="errors-title">${this.text.t('errorsTitle')}</p>
            <ul>
              ${listed.map(([name, message]) => html`<li><a class="link" href="#${name === 'mediaIds' ? 'photo' : name}" @click=${(e: Event) => this.focusField(e, name)}>${message}</a></li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.formError ? this.renderError(this.formError) : nothing}
      <div class="field">
        <label for="title">${this.text.t('title')}</label>
        <span class="hint" id="title-hint">${this.text.t('titleHint')}</span>
        ${title.error}
        <input id="title" maxlength="140" required .value=${form.title} aria-invalid=${title.invalid} aria-describedby=${title.describedBy} @input=${(e: Event) => this.edit('title', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="text">${this.text.t('text')}</label>
        <span class="hint" id="text-hint">${this.text.t('textHint')}</span>
        ${text.error}
        <textarea id="text" maxlength="8000" required .value=${form.text} aria-invalid=${text.invalid} aria-describedby=${text.describedBy} @input=${(e: Event) => this.edit('text', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field">
        <label for="categoryId">${this.text.t('category')}</label>
        <span class="hint" id="categoryId-hint">${this.text.t('chooseCategory')}</span>
        ${category.error}
        <select id="categoryId" required aria-invalid=${category.invalid} aria-describedby=${category.describedBy} @change=${(e: Event) => this.edit('categoryId', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!form.categoryId}>—</option>
          ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === form.categoryId}>${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="photo">${this.text.t('photo')}</label>
        <span class="hint" id="mediaIds-hint">${this.text.t('photoHint')}</span>
        ${photo.error}
        ${form.photo
          ? html`<p class="actions"><span>${form.photo.name}</span>
              <button class="button" type="button" @click=${this.removePhoto}>${this.text.t('photoRemove')}</button></p>`
          : html`<input id="photo" type="file" accept=${PHOTO_TYPES.join(',')} aria-invalid=${photo.invalid} aria-describedby=${photo.describedBy} ?disabled=${this.upload !== undefined} @change=${(e: Event) => void this.choosePhoto(e.target as HTMLInputElement)} />`}
        ${this.upload !== undefined ? html`<p class="hint" role="status">${this.text.t('photoUploading', { percent: formatPercent(this.text.locale, this.upload) })}</p>` : nothing}
      </div>
      <div class="field">
        <label for="fundingGoal">${this.text.t('fundingGoal')}</label>
        <span class="hint" id="fundingGoal-hint">${this.text.t('fundingGoalHint')}</span>
        ${goal.error}
        <input id="fundingGoal" inputmode="numeric" .value=${form.fundingGoal} aria-invalid=${goal.invalid} aria-describedby=${goal.describedBy} @input=${(e: Event) => this.edit('fundingGoal', (e.target as HTMLInputElement).value)} />
      </div>
      ${this.submitQueued
        ? html`<div class="note" part="status offline">
            <p>${this.text.t('submitQueued')}</p>
            <button class="link" type="button" @click=${() => this.ideaOutbox.retryNow()}>${this.text.t('sendNow')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button class="button primary" part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending ? this.text.t('sending') : this.text.t('submit')}
        </button>
      </div>
    </form>`;
  }

  private focusField(event: Event, name: string): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${name === 'mediaIds' ? 'photo' : name}`)?.focus();
  }
}
