/**
 * The board's list of ideas, virtualized with `@lit-labs/virtualizer`: only the cards within
 * about a screen of the viewport are in the DOM. A lazily loaded part like the others, but
 * asked for together with the first page of ideas (in parallel, so the first cards wait for
 * whichever comes last, not for both in turn): the virtualizer is most of its weight, and a
 * board opened on an idea (`idea="…"`) or an empty list never needs it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { formatDate } from '../../core/format.js';
import { inRenderSlot } from '../../core/render-queue.js';
import type { IdeaSummary } from './api.js';
import { renderFunding, renderSupport, useCardStyles } from './card.js';
import { supportError } from './support.js';
import { categoriesFor } from './categories.js';
import { renderEmpty, renderListHead } from './list-view.js';
import { partText } from './part-text.js';
import { STATUS_KEY, type ListContext } from './parts.js';

/** The card sizes one list has measured, kept across its virtualizers (a new list starts afresh). */
export interface CardSizes {
  measured?: FlowLayout['_metricsCache'];
}

/** Where the citizen was in the list when an idea was opened, to come back to. */
export interface ReturnPoint {
  index: number;
  offset: number;
  scrollTop: number;
}

/** The list's scrolling box, which the virtualizer inside it marks as its own. */
type ListBox = HTMLElement & VirtualizerHostElement;
type Size = FlowLayout['viewportSize'];
type Positions = FlowLayout['viewportScroll'];

/**
 * `@lit-labs/virtualizer`'s flow layout, told what a card looks like before any was measured
 * and rendering less beyond the viewport than its 1000 px default. The estimate is a card on a
 * 390 px phone (about 350 px tall): a smaller guess makes the first pass render cards that the
 * measurement then removes, and leaves scroll errors that cost another pass after each jump.
 * The overhang is a fraction of a card: every card created while scrolling fast is layout and
 * text shaping in the same frame, and the virtualizer renders on the scroll event itself (in a
 * frame's first task, so its pass rarely waits: `takeTurnsInRenderQueue`), so little shows
 * blank without it. The item size and overhang are the layout's own fields, set
 * the way its subclasses do; its viewport is the list's own box while the list is out of view.
 */
class CardLayout extends FlowLayout {
  private readonly list: () => ListBox | null;
  /** The list is out of the window's view: the viewport given is the list's own box. */
  private offscreen = false;

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._itemSize = { width: 360, height: 350 };
    this._overhang = 150;
    const config = args[1] as LayoutConfig | undefined;
    this.list = config?.listBox ?? (() => null);
    // Back from an idea the list is rendered anew; with the sizes it measured before, the cards
    // above the one the citizen opened are where they were, not where the estimate puts them.
    const sizes = config?.sizes;
    if (sizes) this._metricsCache = sizes.measured ??= this._metricsCache;
    // The virtualizer creating this layout is on the list's box already, and has not scheduled
    // its first pass yet.
    const list = this.list();
    const virtualizer = list?.[virtualizerRef];
    if (list && virtualizer) takeTurnsInRenderQueue(virtualizer as unknown as PassScheduler, list);
  }

  /**
   * The part of the list inside the window, as the virtualizer measures it — or, while the list
   * is out of the window's view (below the fold on a phone with large type, or scrolled past),
   * the list's own box. The flow layout renders no card for an empty viewport: the feed was then
   * empty for a screen reader and for find-in-page, and Tab skipped the list, as no card was
   * there to take focus.
   */
  override get viewportSize(): Size {
    return super.viewportSize;
  }
  override set viewportSize(size: Size) {
    const list = this.list();
    this.offscreen = size.height === 0 && !!list && list.clientHeight > 0;
    super.viewportSize = this.offscreen ? { width: size.width, height: list!.clientHeight } : size;
  }
  override get viewportScroll(): Positions {
    return super.viewportScroll;
  }
  /**
   * Out of view, the list's own scroll offset: the virtualizer's is off by the list's distance
   * from the window. It sets the size first, then the offset, in one pass (`_updateView`); the
   * test "out of the window's view…" scrolls the list and fails if the offset were stale.
   */
  override set viewportScroll(offset: Positions) {
    const list = this.list();
    super.viewportScroll = this.offscreen && list ? { top: list.scrollTop, left: list.scrollLeft } : offset;
  }

  /**
   * Where a card that is not rendered starts: summed from the measured sizes when every card
   * before it was measured (the part of the list the citizen has scrolled through), else the
   * flow layout's estimate from the average size. With exact positions a list the citizen
   * comes back to has the scroll offset they left it at.
   */
  override _estimatePosition(index: number): number {
    const sizes = this._metricsCache;
    if (index > EXACT_UP_TO) return super._estimatePosition(index);
    let position = sizes.getMarginSize(0) ?? sizes.averageMarginSize;
    for (let i = 0; i < index; i++) {
      const size = sizes.getChildSize(i);
      if (size === undefined) return super._estimatePosition(index);
      position += size + (sizes.getMarginSize(i + 1) ?? sizes.averageMarginSize);
    }
    return position;
  }
}
/** What `takeTurnsInRenderQueue` replaces: the virtualizer's (protected) scheduling of its passes. */
interface PassScheduler {
  _scheduled: WeakSet<() => void>;
  _schedule(method: () => void): Promise<void>;
  /** A pass of a virtualizer taken off the page does nothing. */
  _connected: boolean;
}

/** Settles once a list box's virtualizer has run its first pass: its cards and its scroll size are in. */
const firstPasses = new WeakMap<ListBox, Promise<void>>();

/**
 * The virtualizer's passes (measure the viewport, lay the cards out, render those in range, then
 * again once the new cards are measured) each run in a microtask after the one before, so all of
 * them land in the task that started the first: on a slow phone, a list's first render or a
 * frame of a fling was one task of 60–150 ms at 4× CPU (bench/idea-board.mjs, host-impact.ts).
 * Here each pass asks the page's render queue for a slot, as widgets' renders do: it runs at
 * once while the task is young, else in a fresh task, after the browser has painted and handled
 * input. A pass that waits lets one frame show the cards where the pass before put them (the
 * next ones not yet rendered, or not yet moved to their measured place): in a frame that is
 * already long, that is what a fling or a page arriving shows instead of a stall. Passes still
 * coalesce: one scheduled pass stands for every request until it runs.
 *
 * The first pass too: it measures the viewport, which lays out the whole page that the widgets'
 * renders have just changed, and that layout with the list's render was one task of 70–80 ms on
 * the demo portal at 4× CPU. Waiting, it finds the layout done by the frame in between. Until
 * it has put the first cards in, the list's box shows the skeleton's cards and does not scroll
 * (`data-cards-pending`, card.ts), so the box that takes the skeleton's place is not painted
 * empty; what needs the cards or the scroll size waits for `firstPasses` (`restore`).
 */
function takeTurnsInRenderQueue(virtualizer: PassScheduler, box: ListBox): void {
  box.toggleAttribute('data-cards-pending', true);
  let firstPassRan!: () => void;
  firstPasses.set(box, new Promise((resolve) => (firstPassRan = resolve)));
  virtualizer._schedule = async function (this: PassScheduler, pass: () => void): Promise<void> {
    if (this._scheduled.has(pass)) return;
    this._scheduled.add(pass);
    await Promise.resolve();
    // The first pass, which lays out the page, is as heavy as a widget's first render: it runs
    // first in a task, or after little, not after other widgets' renders (once 38 ms after 13 ms
    // of eight renders on the demo portal at 4× CPU).
    await inRenderSlot(() => {
      this._scheduled.delete(pass);
      try {
        pass.call(this);
      } finally {
        // Off the page the pass did nothing: the box keeps its skeleton until one runs on it.
        if (this._connected) {
          box.removeAttribute('data-cards-pending');
          firstPassRan();
        }
      }
    }, { fresh: box.hasAttribute('data-cards-pending') });
  };
}

/** The layout's configuration: the list's measured sizes, and the list's box for when it is out of view. */
interface LayoutConfig {
  type: typeof CardLayout;
  sizes: CardSizes;
  /** The list's scrolling box (`scroller: true` makes the virtualizer's host the list itself). */
  listBox: () => ListBox | null;
}
/** Beyond this many cards, summing sizes costs more per scroll than an estimate is off by. */
const EXACT_UP_TO = 2000;
/** Cards whose templates are kept: many screens' worth around the ones in the DOM. */
const CACHED_CARDS = 200;


export class IdeaList {
  /**
   * Rendered cards by idea, while nothing they show has changed (see `renderCard`): the most
   * recently rendered ones only, so that scrolling through thousands of ideas does not keep a
   * template for each (a bigger heap is longer garbage collections while scrolling).
   */
  private readonly cardCache = new Map<IdeaSummary, { sig: string; card: TemplateResult }>();
  /** One layout configuration per list, so that the virtualizer sees the same one on every render. */
  private readonly layouts = new WeakMap<CardSizes, LayoutConfig>();
  /**
   * The list's box, set as soon as it is created: while Lit renders a new list it is not in the
   * shadow root yet, and the virtualizer inside it creates its layout then.
   */
  private readonly scrollerRef = createRef<ListBox>();

  constructor(private readonly ctx: ListContext) {
    useCardStyles(ctx.host.renderRoot);
    // Asked for now, in parallel with the first cards' render: the category filter lists them.
    categoriesFor(ctx);
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.ctx.host.renderRoot.querySelector<T>(selector);
  }

  private get scroller(): ListBox | null {
    return this.scrollerRef.value ?? null;
  }

  private cardAt(index: number): HTMLElement | null {
    return this.$(`.card[data-index="${index}"]`);
  }

  /** Says how many ideas the search and filters found (the list's first page is here). */
  announceFound(): void {
    const total = this.ctx.total();
    this.ctx.announce(total !== undefined ? partText(this.ctx)('found', { count: total }) : '');
  }

  /** Forgets the cards rendered for `idea`: something it shows has changed. */
  changed(idea: IdeaSummary): void {
    this.cardCache.delete(idea);
  }

  /** The list view: its search, filters and count (list-view.ts), then its ideas. */
  render(sizes: CardSizes): TemplateResult {
    return html`${renderListHead(this.ctx)}${this.renderIdeas(sizes)}`;
  }

  /**
   * The ideas, or why there are none: what went wrong, the skeleton while they load, the empty
   * states. The list scrolls inside its own box (`scroller: true`) rather than with the page: a
   * portal page keeps its footer reachable however many ideas load, the board's height is the
   * webmaster's (`--veche-idea-board-list-height`), and a keyboard user tabs past the whole list
   * in one step (one card at a time is in the tab order). `sizes` is the list's own: a new list
   * (other filters) starts measuring afresh.
   */
  private renderIdeas(sizes: CardSizes): TemplateResult {
    const { ctx } = this;
    if (ctx.items().length === 0) {
      const error = ctx.listError();
      if (error) return ctx.renderError(error, () => ctx.reload());
      if (!ctx.ended()) return ctx.renderListSkeleton();
      // "My ideas" asked for a sign-in: its call to action above says it all.
      return ctx.signingIn() ? html`` : renderEmpty(ctx);
    }
    let layout = this.layouts.get(sizes);
    if (!layout) this.layouts.set(sizes, (layout = { type: CardLayout, sizes, listBox: () => this.scroller }));
    return html`<div
      ${ref(this.scrollerRef)}
      class="scroller"
      part="list"
      role="feed"
      aria-labelledby="board-title"
      aria-describedby="list-hint"
      aria-busy=${this.ctx.loadingPage() ? 'true' : 'false'}
      @rangeChanged=${this.onRange}
      @keydown=${this.onListKey}
      @focusin=${this.onFocusIn}
    >
      ${virtualize({ items: this.ctx.items(), keyFunction: (item: IdeaSummary) => item.id, renderItem: this.renderCard, scroller: true, layout })}
    </div>
    ${this.renderEnd()}`;
  }

  /**
   * Below the list: what went wrong loading more, more loading, the end, or "show more". The
   * loading notice and the end take focus from `more` (tabindex="-1"): the button they replace
   * had it.
   */
  private renderEnd(): TemplateResult {
    const { ctx } = this;
    const error = ctx.listError();
    if (error) return html`<div class="row-status">${ctx.renderError(error, () => void this.more())}</div>`;
    if (ctx.loadingPage()) return html`<p class="row-status muted" part="status loading-more" tabindex="-1">${partText(ctx)('loadingMore')}</p>`;
    if (ctx.ended()) return html`<p class="row-status muted" part="status end" tabindex="-1">${partText(ctx)('endOfList')}</p>`;
    return html`<p class="row-status">
      <button class="button" type="button" @click=${() => void this.more()}>${partText(ctx)('loadMore')}</button>
    </p>`;
  }

  /**
   * "Show more" (or its retry): the button leaves the DOM while the page loads, which would drop
   * focus to the page's body and send the next Tab to the new button, past the new ideas. Focus
   * waits on the loading notice instead, then goes to the first new idea, where reading
   * continues, and how many arrived is said; at the end with nothing new, to the end notice;
   * after a failure, to the retry. Not when the citizen has gone elsewhere meanwhile.
   */
  private async more(): Promise<void> {
    const { ctx } = this;
    const root = ctx.host.renderRoot as ShadowRoot;
    const before = ctx.items();
    const loading = ctx.loadMore();
    await ctx.host.updateComplete;
    this.$('[part~="loading-more"]')?.focus();
    await loading;
    await ctx.host.updateComplete;
    const items = ctx.items();
    // Another list (other filters) took this one's place: its own count is said.
    if (items[before.length - 1] !== before.at(-1)) return;
    const focus = root.activeElement;
    const lost = focus ? focus.matches('[part~="loading-more"]') : !document.activeElement || document.activeElement === document.body;
    const added = items.length - before.length;
    const t = partText(ctx);
    if (added > 0) ctx.announce(`${t('loadedMore', { count: added })}${ctx.ended() ? ` ${t('endOfList')}` : ''}`);
    if (lost) {
      // The virtualizer lays the new ideas out after this update: scrolled to in the next frame,
      // the first new one would be past the end of the list it knows.
      if (added > 0) await new Promise(requestAnimationFrame).then(() => this.revealItem(before.length, 'start'));
      else this.$('[part~="retry"], [part~="end"]')?.focus();
    }
  }

  /**
   * One card. Cards are re-rendered on every update of the board (a page arriving, focus
   * moving), so a card's template is kept until something it shows changes.
   */
  private readonly renderCard = (idea: IdeaSummary, index: number): TemplateResult => {
    const { ctx } = this;
    const t = partText(ctx);
    const locale = ctx.text.locale;
    const active = index === ctx.active();
    const total = ctx.total();
    const sig = `${locale}|${index}|${active}|${total}|${supportError(ctx, idea.id) ?? ''}|${ctx.host.strings ? 1 : 0}`;
    const cached = this.cardCache.get(idea);
    if (cached?.sig === sig) return cached.card;
    const card = html`<article
      class="card"
      part="card"
      data-index=${index}
      tabindex=${active ? '0' : '-1'}
      aria-labelledby="t-${idea.id}"
      aria-posinset=${index + 1}
      aria-setsize=${total ?? -1}
    >
      <p class="meta">
        <span class="category">${idea.category.name}</span>
        <span class="badge ${idea.status}" part="badge">${t(STATUS_KEY[idea.status])}</span>
      </p>
      <h3 id="t-${idea.id}" part="title">
        <button class="title" type="button" @click=${() => ctx.openIdea(idea.id, index)}>${idea.title}</button>
      </h3>
      <p class="excerpt">${idea.excerpt}</p>
      <p class="muted">${t('by', { name: idea.author.displayName })} · ${formatDate(locale, idea.createdAt)}</p>
      ${renderSupport(ctx, idea)} ${idea.funding ? renderFunding(ctx, idea.funding) : nothing}
    </article>`;
    this.cardCache.delete(idea);
    this.cardCache.set(idea, { sig, card });
    if (this.cardCache.size > CACHED_CARDS) this.cardCache.delete(this.cardCache.keys().next().value!);
    return card;
  };

  /** The virtualizer changed the rendered range. */
  private readonly onRange = (event: RangeChangedEvent) => this.ctx.rendered(event.last);

  private readonly onFocusIn = (event: FocusEvent) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('.card');
    if (card) this.ctx.setActive(Number(card.dataset.index));
  };

  private readonly onListKey = (event: KeyboardEvent) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('.card');
    if (!card) return;
    const items = this.ctx.items();
    const index = Number(card.dataset.index);
    const last = items.length - 1;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + 5, PageUp: index - 5, Home: 0, End: last };
    if (event.key === 'Enter' && event.target === card) {
      event.preventDefault();
      this.ctx.openIdea(items[index]!.id, index);
    } else if (event.key in moves) {
      event.preventDefault();
      void this.revealItem(Math.max(0, Math.min(last, moves[event.key]!)));
    }
  };

  /** Brings the card at `index` into the DOM and the viewport, then focuses it. */
  private async revealItem(index: number, block: ScrollLogicalPosition = 'nearest'): Promise<HTMLElement | undefined> {
    const scroller = this.scroller;
    if (!scroller || index < 0 || index >= this.ctx.items().length) return;
    this.ctx.setActive(index);
    let card = this.cardAt(index);
    if (!card) {
      // Not rendered: the virtualizer scrolls to it and renders it.
      scroller[virtualizerRef]?.element(index)?.scrollIntoView({ block });
      for (let frame = 0; frame < 30 && !(card = this.cardAt(index)); frame++) await new Promise(requestAnimationFrame);
      if (!card) return;
      await new Promise(requestAnimationFrame);
    }
    card.focus({ preventScroll: true });
    const box = card.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    if (box.top < view.top || box.bottom > view.bottom) card.scrollIntoView({ block });
    return card;
  }

  /** Where card `index` is in the list's box now, to come back to it (`restore`). */
  returnPoint(index: number): ReturnPoint | undefined {
    const scroller = this.scroller;
    if (!scroller) return undefined;
    const card = this.cardAt(index);
    return { index, scrollTop: scroller.scrollTop, offset: card ? card.getBoundingClientRect().top - scroller.getBoundingClientRect().top : 0 };
  }

  /**
   * Back from an idea: the list is rendered anew, so the card the citizen opened is scrolled to
   * where it was in the list's box, and focused. The virtualizer measures the cards it renders
   * over a frame or two and corrects its estimates, so the position is checked until it holds.
   * Resolves false when there is nothing to come back to.
   */
  async restore(back: ReturnPoint): Promise<boolean> {
    const scroller = this.scroller;
    if (!scroller || back.index >= this.ctx.items().length) return false;
    // Until its first pass the new list's box has no scroll size: the offset would come out 0.
    await firstPasses.get(scroller);
    // The list kept the sizes it measured (CardLayout), so the same offset shows the same cards.
    scroller.scrollTop = back.scrollTop;
    await new Promise(requestAnimationFrame);
    // Held twice in a row, two frames apart: on a slow phone a pass of the virtualizer can come
    // after one check found the card in place, and move it (CI once saw it land 24 px off).
    for (let attempt = 0, held = 0; attempt < 12 && held < 2; attempt++) {
      const card = this.cardAt(back.index) ?? (await this.revealItem(back.index, 'start'));
      if (!card) return true;
      const shift = card.getBoundingClientRect().top - scroller.getBoundingClientRect().top - back.offset;
      held = Math.abs(shift) < 1 && attempt > 0 ? held + 1 : 0;
      if (held === 0) scroller.scrollTop += shift;
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
    }
    void this.revealItem(back.index);
    return true;
  }
}
