import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { mockToken, scenarios } from '../../../src/mocks/index.js';
import { VecheIdeaBoard } from '../../../src/widgets/idea-board/veche-idea-board.js';
import { MORE_PAGE_SIZE, PAGE_SIZE } from '../../../src/widgets/idea-board/api.js';
import { FRESH_AFTER_MS, inRenderSlot, SLICE_MS } from '../../../src/core/render-queue.js';
import { IdeaList } from '../../../src/widgets/idea-board/idea-list.js';
import { $, $$, announced, backend, cards, choose, focused, ideaLoaded, ideas, listLoaded, listRequests, MOCK_API, mocks, NEWCOMER, renderBoard, reset, text, type, useOnly } from './setup.js';
import { animatedProperties, backgroundBehind } from '../../helpers/browser/paint.js';

/** The element focused on the page, through shadow roots. */
const deepActive = (): HTMLElement => {
  let active = document.activeElement as HTMLElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
};

/** Busy for `ms`, as a render on a slow phone is. */
const spin = (ms: number) => {
  const start = performance.now();
  while (performance.now() - start < ms);
};

/**
 * A slow phone: every render of the idea list takes longer than a task's render slice. `after`
 * runs in each render, once the slow part is done. Returns what undoes it.
 */
function slowListRenders(after: () => void = () => {}): () => void {
  const list = IdeaList.prototype as unknown as { render(this: IdeaList, ...args: unknown[]): unknown };
  const render = list.render;
  list.render = function (...args) {
    spin(SLICE_MS + 4);
    after();
    return render.apply(this, args);
  };
  return () => (list.render = render);
}

describe('<veche-idea-board> list', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('shows the first page of ideas as cards with support and funding progress', async function () {
    this.timeout(20000);
    const el = await renderBoard();
    expect(listRequests()[0]!.query.get('sort')).to.equal(null);
    const shown = cards(el);
    expect(shown.length).to.be.within(1, 50);
    const first = backend.db.ideas.find((i) => i.id === shown[0]!.querySelector('h3')!.id.slice(2))!;
    expect(shown[0]!.textContent).to.contain(first.title).and.contain(first.authorName);
    expect((shown[0]!.querySelector('.fill') as HTMLElement).style.getPropertyValue('--_share')).to.not.equal('');
    // Cards are placed by the virtualizer through the CSSOM; that no style reaches the page as an
    // inline style attribute under a strict CSP is proven by csp.test.ts.
    await expect(el).to.be.accessible();
  });

  it('speaks to kids when the theme includes kids, in Russian and English (Active Citizen Kids)', async () => {
    const el = await renderBoard();
    const title = () => el.shadowRoot!.querySelector('#board-title')!.textContent!.trim();
    expect(title()).to.equal('Идеи жителей');
    el.setAttribute('theme', 'kids');
    await waitUntil(() => title() === 'Идеи для города', 'no kids wording in Russian');
    el.setAttribute('locale', 'en');
    await waitUntil(() => title() === 'Ideas for our city', 'no kids wording in English');
  });

  it('filters and sort change the request and are reflected in attributes', async () => {
    const el = await renderBoard();
    await choose(el, 'category', 'transport');
    expect(el.getAttribute('category')).to.equal('transport');
    await choose(el, 'status', 'implemented');
    await choose(el, 'sort', 'newest');
    await waitUntil(() => listRequests().some((r) => r.query.get('sort') === 'newest'));
    const last = listRequests().at(-1)!;
    expect(last.query.get('category')).to.equal('transport');
    expect(last.query.get('status')).to.equal('implemented');
    expect(el.getAttribute('status')).to.equal('implemented');
    expect(el.getAttribute('sort')).to.equal('newest');
    await waitUntil(() => cards(el).length > 0 && !el.matches(':state(loading)'));
    for (const card of cards(el)) expect(card.textContent).to.contain('Транспорт').and.contain('Реализована');
  });

  it('offers every sort of the contract, including closest to the threshold', async () => {
    const el = await renderBoard();
    const options = $$<HTMLOptionElement>(el, '#sort option').map((o) => o.value);
    expect(options).to.deep.equal(['popular', 'newest', 'trending', 'threshold']);
    await choose(el, 'sort', 'threshold');
    await waitUntil(() => listRequests().some((r) => r.query.get('sort') === 'threshold'));
  });

  it('search is debounced, server-side, and reflected in the q attribute', async () => {
    const el = await renderBoard();
    const before = listRequests().length;
    await type(el, 'q', 'в');
    await type(el, 'q', 'вел');
    await type(el, 'q', 'велодорожка');
    expect(listRequests().length).to.equal(before);
    await waitUntil(() => listRequests().length > before, 'no search request', { timeout: 2000 });
    expect(listRequests().length).to.equal(before + 1);
    expect(listRequests().at(-1)!.query.get('q')).to.equal('велодорожка');
    expect(el.getAttribute('q')).to.equal('велодорожка');
    await waitUntil(() => cards(el).length > 0 && !el.matches(':state(loading)'));
    for (const card of cards(el)) expect(card.textContent!.toLowerCase()).to.contain('велодорожк');
  });

  it('a pasted pre-filtered board asks for exactly that', async () => {
    const el = await renderBoard({ attrs: { category: 'transport', status: 'implemented', sort: 'newest' } });
    expect(listRequests()).to.have.length(1);
    const first = listRequests()[0]!;
    expect(first.query.get('category')).to.equal('transport');
    expect(first.query.get('status')).to.equal('implemented');
    expect(first.query.get('sort')).to.equal('newest');
    expect($<HTMLSelectElement>(el, '#status')!.value).to.equal('implemented');
    expect($<HTMLSelectElement>(el, '#sort')!.value).to.equal('newest');
    await waitUntil(() => $<HTMLSelectElement>(el, '#category')!.value === 'transport');
  });

  it('a getToken the page sets right after the tag signs the first request: the first update, which asks, waits for a task of its own', async () => {
    const signed: Array<string | null> = [];
    // Notes each list request's Authorization and lets the backend answer it.
    await useOnly(http.get(`${MOCK_API}/ideas`, ({ request }) => void signed.push(request.headers.get('Authorization'))));
    const el = document.createElement('veche-idea-board') as VecheIdeaBoard;
    el.setAttribute('api', MOCK_API);
    document.body.append(el);
    // As an inline <script> after the tag does, in the same task as the tag's connection.
    el.getToken = () => mockToken(NEWCOMER);
    try {
      await listLoaded(el);
      expect(signed).to.deep.equal([`Bearer ${mockToken(NEWCOMER)}`]);
    } finally {
      el.remove();
    }
  });

  it('loads more as the list scrolls, keeps the DOM small, and says when the list ends', async function () {
    this.timeout(30000);
    const el = await renderBoard();
    const scroller = $(el, '.scroller')!;
    for (let i = 0; i < 80 && !el.matches(':state(end)'); i++) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((r) => setTimeout(r, 100));
      await el.updateComplete;
      expect(cards(el).length).to.be.at.most(50);
    }
    const pages = listRequests();
    expect(pages.length).to.be.greaterThan(2);
    expect(pages[1]!.query.get('cursor')).to.be.a('string');
    await waitUntil(() => el.matches(':state(end)'), 'the list did not end', { timeout: 4000 });
    expect(text(el, '[part~="end"]')).to.contain('Это все идеи');
    await expect(el).to.be.accessible();
  });

  it('asks for its first page of ideas before its first render, not in it', async () => {
    // Work done before the render, apart from it: its microtasks have run when the render starts.
    const fetch = window.fetch;
    let asked: { settled: boolean } | undefined;
    window.fetch = (input, init) => {
      if (!asked && new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/ideas')) {
        const request: { settled: boolean } = (asked = { settled: false });
        queueMicrotask(() => (request.settled = true));
      }
      return fetch(input, init);
    };
    const board = VecheIdeaBoard.prototype as unknown as { render(this: VecheIdeaBoard): unknown };
    const render = board.render;
    let atFirstRender: { settled: boolean } | null | undefined;
    board.render = function () {
      atFirstRender ??= asked ? { ...asked } : null;
      return render.call(this);
    };
    try {
      const el = await renderBoard({ loaded: false });
      await listLoaded(el);
    } finally {
      window.fetch = fetch;
      board.render = render;
    }
    expect(atFirstRender, 'not asked before the first render').to.not.equal(null);
    expect(atFirstRender!.settled, 'asked in the first render’s own update').to.be.true;
  });

  it("the virtualizer's passes take turns in the page's render queue: one asked for in a task that has used its slice runs in a fresh task", async function () {
    this.timeout(20000);
    const el = await renderBoard();
    await waitUntil(() => cards(el).length > 0 && !el.matches(':state(loading)'));
    const scroller = $(el, '.scroller')!;
    const firstShown = () => Math.min(...cards(el).map((card) => Number(card.dataset.index)));
    await waitUntil(() => scroller.scrollHeight > scroller.clientHeight * 3, 'the list is too short to scroll');
    expect(firstShown()).to.equal(0);
    // One task: something else uses the task's render slice, then the list is scrolled far down
    // (the scroll event is dispatched at once, as the virtualizer listens to its own box).
    const busy = performance.now();
    inRenderSlot(() => {
      while (performance.now() - busy < SLICE_MS + 4);
    });
    scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight;
    scroller.dispatchEvent(new Event('scroll'));
    // Without the queue the virtualizer's pass runs in a microtask of this task and renders the
    // cards at the end now.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(firstShown(), 'the pass ran in the task that had used its slice').to.equal(0);
    // Up to 5 s: with three busy loops on two cores the pass came after the 1 s default.
    await waitUntil(() => cards(el).length > 0 && firstShown() > 0, 'the pass never ran', { timeout: 5000 });
  });

  it("a new list's first pass waits for its turn after a long render, its box showing the skeleton's cards where the skeleton had them", async function () {
    this.timeout(20000);
    const el = await renderBoard();
    const before = $(el, '.scroller');
    let skeleton: number[] | undefined;
    /** Each skeleton card's colour, and the colour it stands on. */
    let skeletonColours: string[][] = [];
    let mounted: { pending: boolean; cards: number; tops: number[]; overflow: string; animated: string[]; colours: string[][] } | undefined;
    const restore = slowListRenders(() => {
      // Right after this render, in the same task.
      void el.updateComplete.then(() => {
        const loading = $(el, '.loading');
        if (loading && !skeleton) {
          skeleton = $$(el, '.card-skeleton').map((card) => card.getBoundingClientRect().top - loading.getBoundingClientRect().top);
          skeletonColours = $$(el, '.card-skeleton').map((card) => [getComputedStyle(card).backgroundColor, backgroundBehind(card)]);
        }
        const scroller = $(el, '.scroller');
        if (scroller && scroller !== before && !mounted) {
          const top = (pseudo: string) => parseFloat(getComputedStyle(scroller, pseudo).top) + scroller.clientTop;
          mounted = {
            pending: scroller.hasAttribute('data-cards-pending'),
            cards: cards(el).length,
            tops: [top('::before'), top('::after')],
            overflow: getComputedStyle(scroller).overflowY,
            animated: animatedProperties(scroller),
            colours: ['::before', '::after'].map((pseudo) => [getComputedStyle(scroller, pseudo).backgroundColor, backgroundBehind(scroller, pseudo)]),
          };
        }
      });
    });
    try {
      // Another list: its skeleton while its first page loads, then a new list box.
      await choose(el, 'category', 'transport');
      await waitUntil(() => mounted, 'the new list was never rendered');
    } finally {
      restore();
    }
    expect(mounted!.cards, 'the first pass ran in the task of the long render').to.equal(0);
    expect(mounted!.pending).to.be.true;
    expect(mounted!.overflow, 'the skeleton scrolls').to.equal('hidden');
    expect(mounted!.animated, 'the skeleton cards pulse on the compositor, as core\'s skeleton does').to.deep.equal(['opacity']);
    // Both skeletons' cards can be seen on the list's box, and look the same.
    expect(skeletonColours).to.have.length(2);
    for (const [card, box] of [...skeletonColours, ...mounted!.colours]) expect(card, 'a skeleton card the colour of its box').to.not.equal(box);
    expect(mounted!.colours.map(([card]) => card)).to.deep.equal(skeletonColours.map(([card]) => card));
    expect(skeleton).to.have.length(2);
    mounted!.tops.forEach((top, i) => expect(top, `skeleton card ${i + 1}`).to.be.closeTo(skeleton![i]!, 0.5));
    await waitUntil(() => cards(el).length > 0, 'the first pass never ran');
    const scroller = $(el, '.scroller')!;
    expect(scroller.hasAttribute('data-cards-pending')).to.be.false;
    expect(getComputedStyle(scroller, '::before').content).to.equal('none');
  });

  it("a new list's first pass does not follow another widget's render in a task: it runs first, or after little", async function () {
    this.timeout(20000);
    const el = await renderBoard();
    const before = $(el, '.scroller');
    // True from another widget's render until its task ends.
    let inOtherRendersTask = false;
    let passAfterOtherRender: boolean | undefined;
    // The list's render uses up its task's slice, and another widget's render of 8 ms (more than
    // FRESH_AFTER_MS) is queued before the first pass of the list it renders.
    const restore = slowListRenders(() => {
      void inRenderSlot(() => {
        spin(FRESH_AFTER_MS + 4);
        inOtherRendersTask = true;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (inOtherRendersTask = false);
        channel.port2.postMessage(null);
      });
      void el.updateComplete.then(() => {
        const scroller = $(el, '.scroller');
        if (!scroller || scroller === before || passAfterOtherRender !== undefined || scroller.dataset.spied) return;
        scroller.dataset.spied = '';
        // The pass clears the box's pending state right after it has run, in its task.
        scroller.removeAttribute = function (name: string) {
          if (name === 'data-cards-pending' && passAfterOtherRender === undefined) passAfterOtherRender = inOtherRendersTask;
          HTMLElement.prototype.removeAttribute.call(this, name);
        };
      });
    });
    try {
      await choose(el, 'category', 'transport');
      await waitUntil(() => passAfterOtherRender !== undefined, 'the first pass never ran', { timeout: 10000 });
    } finally {
      restore();
    }
    expect(passAfterOtherRender, "the first pass ran after another widget's 8 ms render in its task").to.be.false;
    await waitUntil(() => cards(el).length > 0, 'no cards after the first pass', { timeout: 10000 });
  });

  it('1,200 ideas: scrolling to the end keeps at most 50 cards in the DOM and each page asks for the cursor the last one returned', async function () {
    this.timeout(90000);
    // Grow the demo region to 1,200 visible ideas by copying its published ones under new ids.
    const published = backend.db.ideas.filter((i) => i.status === 'published');
    for (let n = 0; backend.db.ideas.filter((i) => i.status === 'published').length < 1200; n++) {
      const copy = structuredClone(published[n % published.length]!);
      copy.id = `${copy.id}-copy-${n}`;
      backend.db.ideas.push(copy);
    }
    const worker = await mocks();
    const answered: Array<{ cursor: string | null; next: string | null }> = [];
    const onResponse = ({ request, response }: { request: Request; response: Response }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/ideas') && request.method === 'GET') {
        void response.clone().json().then((page: { nextCursor: string | null }) => answered.push({ cursor: url.searchParams.get('cursor'), next: page.nextCursor }));
      }
    };
    worker.events.on('response:mocked', onResponse);
    try {
      const el = await renderBoard({ attrs: { status: 'published' } });
      const scroller = $(el, '.scroller')!;
      let most = 0;
      let furthest = 0;
      for (let i = 0; i < 600 && !el.matches(':state(end)'); i++) {
        scroller.scrollTop = scroller.scrollHeight;
        await new Promise((r) => requestAnimationFrame(r));
        most = Math.max(most, cards(el).length);
        for (const card of cards(el)) furthest = Math.max(furthest, Number(card.dataset.index));
        if (el.matches(':state(loading-more)')) await waitUntil(() => !el.matches(':state(loading-more)'), 'a page did not arrive', { timeout: 6000 });
      }
      await waitUntil(() => el.matches(':state(end)'), 'the list did not end', { timeout: 6000 });
      // The last cards render once the virtualizer has caught up with the last page.
      await waitUntil(() => {
        scroller.scrollTop = scroller.scrollHeight;
        for (const card of cards(el)) furthest = Math.max(furthest, Number(card.dataset.index));
        most = Math.max(most, cards(el).length);
        return furthest === 1199;
      }, 'the last idea was never rendered', { timeout: 6000 });
      expect(most).to.be.within(1, 50);
      // 1,200 ideas: a first page of 30, then pages of 90 — 14 requests, each after the first with
      // the previous page's cursor.
      const pages = listRequests().filter((r) => r.query.get('status') === 'published');
      expect(pages.map((p) => p.query.get('limit'))).to.deep.equal([String(PAGE_SIZE), ...Array<string>(13).fill(String(MORE_PAGE_SIZE))]);
      expect(PAGE_SIZE + 13 * MORE_PAGE_SIZE).to.equal(1200);
      expect(pages[0]!.query.get('cursor')).to.equal(null);
      for (let k = 1; k < pages.length; k++) expect(pages[k]!.query.get('cursor')).to.equal(answered[k - 1]!.next);
      expect(answered.at(-1)!.next).to.equal(null);
      expect(text(el, '[part~="end"]')).to.contain('Это все идеи');
    } finally {
      worker.events.removeListener('response:mocked', onResponse);
    }
  });

  it('past the first page, asks for the next one two-thirds of a page ahead; a page arriving keeps order and focus', async function () {
    this.timeout(30000);
    const published = backend.db.ideas.filter((i) => i.status === 'published');
    for (let n = 0; backend.db.ideas.filter((i) => i.status === 'published').length < 400; n++) {
      const copy = structuredClone(published[n % published.length]!);
      copy.id = `${copy.id}-copy-${n}`;
      backend.db.ideas.push(copy);
    }
    await mocks();
    const el = await renderBoard({ attrs: { status: 'published' } });
    const pages = () => listRequests().filter((r) => r.query.get('status') === 'published');
    // The first screen does not ask for more.
    await new Promise((r) => setTimeout(r, 200));
    expect(pages().length).to.equal(1);
    const scroller = $(el, '.scroller')!;
    const furthest = () => Math.max(...cards(el).map((card) => Number(card.dataset.index)));
    const scrollTo = async (index: number) => {
      for (let i = 0; i < 400 && furthest() < index; i++) {
        scroller.scrollTop += 200;
        await new Promise((r) => requestAnimationFrame(r));
      }
    };
    await scrollTo(PAGE_SIZE - 10);
    await waitUntil(() => pages().length === 2 && !el.matches(':state(loading-more)'), 'the second page did not arrive');
    // 120 loaded: the third page is asked for once card 60 shows, well before the last ones.
    await scrollTo(PAGE_SIZE + MORE_PAGE_SIZE - 58);
    await waitUntil(() => pages().length === 3, 'the third page was not asked for ahead');
    expect(furthest()).to.be.below(PAGE_SIZE + MORE_PAGE_SIZE - 20);
    // The card in view keeps focus and its place while the page is appended.
    const card = cards(el).at(-1)!;
    card.focus();
    const title = card.querySelector('h3')!.id;
    await waitUntil(() => !el.matches(':state(loading-more)'), 'the third page did not arrive');
    await el.updateComplete;
    expect(focused(el)?.querySelector('h3')?.id).to.equal(title);
    const order = backend.db.ideas.filter((i) => i.status === 'published').map((i) => i.id);
    const shown = cards(el).map((c) => [Number(c.dataset.index), c.querySelector('h3')!.id.slice(2)] as const);
    expect(shown.length).to.be.greaterThan(0);
    // The cards are the backend's order at their indices (the page was appended, not reordered).
    const ids = new Set(order);
    for (const [, id] of shown) expect(ids.has(id)).to.equal(true);
    for (let k = 1; k < shown.length; k++) expect(shown[k]![0]).to.equal(shown[k - 1]![0] + 1);
  });

  it('"show more" from the keyboard: focus goes to the first idea of the new page, never to the page, and the count is announced', async function () {
    this.timeout(20000);
    const el = await renderBoard();
    const total = Number(/Найден\S* (\d+) иде/.exec(text(el))?.[1]);
    expect(total, 'the demo region has fewer ideas than two pages').to.be.at.least(PAGE_SIZE + MORE_PAGE_SIZE);
    const more = $$<HTMLButtonElement>(el, '.row-status button').find((b) => b.textContent!.includes('Показать ещё'))!;
    expect(more, 'no "show more" button').to.exist;
    more.focus();
    await sendKeys({ press: 'Enter' });
    // While the page loads, focus comes back to the board (the loading notice), not left on the
    // page's body. On a busy machine the notice may render a task later: waited for, briefly.
    await waitUntil(() => document.activeElement === el, `focus is on <${document.activeElement?.localName}>`, { timeout: 2000 });
    await waitUntil(() => focused(el)?.dataset.index === String(PAGE_SIZE), `focus is on ${deepActive().outerHTML.slice(0, 80)}`, { timeout: 6000 });
    const card = deepActive();
    expect(card.matches('.card[data-index]'), 'the focused element is not a card').to.equal(true);
    expect(card.getAttribute('tabindex')).to.equal('0');
    expect(card.getAttribute('aria-posinset')).to.equal(String(PAGE_SIZE + 1));
    const box = card.getBoundingClientRect();
    const list = $(el, '.scroller')!.getBoundingClientRect();
    expect(box.top, 'the card is above the list\'s box').to.be.at.least(list.top - 1);
    expect(box.top, 'the card is below the list\'s box').to.be.below(list.bottom);
    await waitUntil(() => announced(el).includes(`Загружено ещё ${MORE_PAGE_SIZE} идей`), `announced "${announced(el)}"`);
    await expect(el).to.be.accessible();
  });

  it('"show more" in English and for the last page: a singular count, the end is said, focus on the new idea', async function () {
    this.timeout(20000);
    const published = backend.db.ideas.filter((i) => i.status === 'published');
    // One idea more than the first page: the next page holds exactly one.
    backend.db.ideas = backend.db.ideas.filter((i) => i.status !== 'published' || published.indexOf(i) <= PAGE_SIZE);
    await mocks();
    const el = await renderBoard({ attrs: { status: 'published', locale: 'en' } });
    await waitUntil(() => $$(el, '.row-status button').some((b) => b.textContent!.includes('Show more')), 'no "show more" button');
    $$<HTMLButtonElement>(el, '.row-status button').find((b) => b.textContent!.includes('Show more'))!.focus();
    await sendKeys({ press: ' ' });
    await waitUntil(() => focused(el)?.dataset.index === String(PAGE_SIZE), 'the new idea was not focused', { timeout: 6000 });
    await waitUntil(() => announced(el).includes('1 more idea loaded. That’s all the ideas.'), `announced "${announced(el)}"`);
    expect(el.matches(':state(end)')).to.equal(true);
  });

  it('keyboard: arrows move through the list, Enter opens an idea, back restores focus, scroll and filters', async () => {
    const el = await renderBoard({ attrs: { category: 'parks' } });
    cards(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.dataset.index).to.equal('3');
    const title = focused(el)!.querySelector('h3')!.textContent!.trim();
    const scrollTop = $(el, '.scroller')!.scrollTop;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="idea"]'));
    await el.updateComplete;
    expect(el.getAttribute('idea')).to.be.a('string');
    expect(focused(el)!.id).to.equal('page-title');
    expect(focused(el)!.textContent!.trim()).to.equal(title);
    $<HTMLButtonElement>(el, '.page, [part~="base"] > p > .button')!.click();
    await waitUntil(() => focused(el)?.dataset.index === '3', 'focus did not return to the card');
    expect(el.hasAttribute('idea')).to.be.false;
    expect(el.getAttribute('category')).to.equal('parks');
    expect($(el, '.scroller')!.scrollTop).to.be.closeTo(scrollTop, 2);
    expect(focused(el)!.querySelector('h3')!.textContent!.trim()).to.equal(title);
  });

  it('out of the window\'s view (below the fold, or scrolled past) the list still holds its cards: Tab reaches them, a screen reader reads them', async function () {
    this.timeout(20000);
    const page = document.createElement('div');
    const above = document.createElement('div');
    const below = document.createElement('div');
    // A portal's columns above the board; a phone with large type has fewer of them.
    above.style.height = below.style.height = `${window.innerHeight * 2}px`;
    const el = document.createElement('veche-idea-board');
    el.setAttribute('api', MOCK_API);
    el.setAttribute('locale', 'ru');
    page.append(above, el, below);
    document.body.append(page);
    const list = () => $(el, '.scroller')!;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const shown = () => cards(el).map((card) => Number(card.dataset.index));
    try {
      // The list's code may load for the first time in this test.
      await waitUntil(() => $(el, '.scroller') && !el.matches(':state(loading)'), 'the list did not load', { timeout: 10000 });
      await nextFrame();
      expect(list().getBoundingClientRect().top, 'the list is below the fold').to.be.greaterThan(window.innerHeight);
      await waitUntil(() => cards(el).length > 0, 'no card while the list is below the fold');
      expect(shown()[0]).to.equal(0);
      // Tab from the last filter, the page not scrolling: the list's card in the tab order takes focus.
      $<HTMLSelectElement>(el, '#sort')!.focus({ preventScroll: true });
      expect(list().getBoundingClientRect().top, 'still below the fold').to.be.greaterThan(window.innerHeight);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.dataset.index).to.equal('0');
      focused(el)!.blur();
      window.scrollTo(0, 0);
      // Scrolled inside while out of view: the cards at the list's own offset.
      list().scrollTop = 2000;
      await waitUntil(() => shown().length > 0 && !shown().includes(0), 'the cards did not follow the list\'s offset');
      const atOffset = shown();
      await nextFrame();
      expect(shown(), 'the cards at offset 2000 stay').to.deep.equal(atOffset);
      // Scrolled past: the list above the window keeps the cards at its offset.
      window.scrollTo(0, document.documentElement.scrollHeight);
      await nextFrame();
      expect(list().getBoundingClientRect().bottom, 'the list is above the window').to.be.lessThan(0);
      expect(list().scrollTop).to.equal(2000);
      expect(shown()).to.include.members(atOffset);
      // Back in view: the same cards, where the citizen left them.
      list().scrollIntoView({ block: 'start' });
      await nextFrame();
      expect(list().scrollTop).to.equal(2000);
      expect(shown()).to.include.members(atOffset);
    } finally {
      window.scrollTo(0, 0);
      page.remove();
    }
  });

  for (const slow of [false, true]) {
    it(`back from an idea far down the list restores its scroll offset exactly${slow ? ', also when the list renders slowly and its first pass waits' : ''}`, async function () {
      this.timeout(20000);
      const el = await renderBoard({ attrs: { status: 'published' } });
      const count = Math.min(12, backend.db.ideas.filter((i) => i.status === 'published').length - 1);
      cards(el)[0]!.focus();
      // Card by card, as a reader goes: every card above is measured on the way, and the cards
      // near the top are no longer rendered when the idea is opened.
      for (let i = 0; i < count; i++) {
        await sendKeys({ press: 'ArrowDown' });
        await waitUntil(() => focused(el)?.dataset.index === String(i + 1), `card ${i + 1} was not focused`);
      }
      const scrollTop = $(el, '.scroller')!.scrollTop;
      expect(scrollTop).to.be.greaterThan(0);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="idea"]'));
      // A slow phone: the list's render uses up the task, so its first pass comes in a later one.
      const restore = slow ? slowListRenders() : () => {};
      try {
        $<HTMLButtonElement>(el, '[part~="base"] > p > .button')!.click();
        await waitUntil(() => focused(el)?.dataset.index === String(count), 'focus did not return to the card');
      } finally {
        restore();
      }
      expect($(el, '.scroller')!.scrollTop).to.be.closeTo(scrollTop, 2);
    });
  }

  it('an empty board invites a first idea; a search without results offers to reset the filters', async () => {
    await mocks(...scenarios.empty());
    let el = await renderBoard();
    expect(el.matches(':state(empty)')).to.be.true;
    expect(text(el, '[part~="empty"]')).to.contain('Идей пока нет');
    await expect(el).to.be.accessible();
    await mocks();
    el = await renderBoard({ attrs: { q: 'нет-такого-слова-нигде' } });
    expect(text(el, '[part~="empty"]')).to.contain('ничего не нашлось');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="empty"] button')!.click();
    await waitUntil(() => cards(el).length > 0, 'the list did not come back');
    expect(el.hasAttribute('q')).to.be.false;
    expect(cards(el).length).to.be.greaterThan(0);
  });

  it('signed out: the list reads as usual; "my ideas" asks to sign in', async () => {
    await mocks(...scenarios.signedOut());
    const el = await renderBoard({ citizen: null });
    expect(cards(el).length).to.be.greaterThan(0);
    expect($(el, '#sign-in')).to.be.null;
    expect(el.matches(':state(signed-out)')).to.be.false;
    expect(listRequests()[0]!.query.get('mine')).to.equal(null);
    await expect(el).to.be.accessible();
    const auth = oneEvent(el, 'veche-auth-required');
    $$<HTMLButtonElement>(el, '.tabs .button')[1]!.click();
    expect((await auth).detail.action).to.equal('my-ideas');
    await waitUntil(() => $(el, '#sign-in [part~="sign-in-link"]'), 'no sign-in call to action');
    expect(el.matches(':state(signed-out)')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('a failing backend shows an error with a retry that works', async () => {
    await mocks(...scenarios.serverError());
    const errors: CustomEvent[] = [];
    addEventListener('veche-error', (e) => errors.push(e), { once: true });
    const el = await renderBoard();
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry', { timeout: 8000 });
    expect(el.matches(':state(error)')).to.be.true;
    expect(errors[0]!.detail.code).to.equal('server');
    await expect(el).to.be.accessible();
    await mocks();
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => cards(el).length > 0, 'retry did not load the list');
    expect(cards(el).length).to.be.greaterThan(0);
  });

  it('renders hostile titles and texts as text', async () => {
    const idea = backend.db.ideas.find((i) => i.status === 'published')!;
    idea.title = '<img src=x onerror="window.__xss=1">Заголовок';
    idea.text = '<script>window.__xss=2</script> и ещё <b>жирный</b> текст, достаточно длинный';
    const el = await renderBoard({ attrs: { q: 'onerror' } });
    const card = cards(el)[0]!;
    expect(card.textContent).to.contain('<img src=x onerror="window.__xss=1">Заголовок');
    expect(card.querySelector('img, script, b')).to.be.null;
    card.querySelector<HTMLButtonElement>('.title')!.click();
    await waitUntil(() => $(el, '[part~="idea"]'));
    expect(text(el, '.text')).to.contain('<script>window.__xss=2</script>');
    expect($(el, '.text script, .text b')).to.be.null;
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderBoard();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect($(el, '.scroller')!.scrollWidth).to.be.at.most($(el, '.scroller')!.clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('taken off the page and put back, it loads what it shows again: an idea’s page, and the list', async () => {
    const el = await renderBoard({ attrs: { idea: ideas.published } });
    const parent = el.parentElement!;
    // As a CMS moving a block: off the page while what it showed was being forgotten.
    el.remove();
    await new Promise((r) => setTimeout(r, 100));
    parent.append(el);
    await ideaLoaded(el);
    expect($(el, '[part~="idea"]'), 'the idea’s page is back').to.exist;
    el.removeAttribute('idea');
    await listLoaded(el);
    el.remove();
    await new Promise((r) => setTimeout(r, 100));
    parent.append(el);
    await waitUntil(() => cards(el).length > 0, 'the list did not come back', { timeout: 6000 });
  });

  it('categories that failed are asked for again a while later, not on every render', async () => {
    let asked = 0;
    await useOnly(
      http.get(`${MOCK_API}/idea-categories`, () => {
        asked++;
        return problemResponse(400, 'validation', 'no categories today');
      }),
    );
    const el = await renderBoard();
    // The list asks as its filter first shows; on a loaded machine the answer took over a second.
    await waitUntil(() => asked > 0, 'the categories were not asked for', { timeout: 5000 });
    for (let i = 0; i < 10; i++) {
      el.requestUpdate();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(asked, 'asked again on a render').to.equal(1);
    expect($$(el, '#category option').map((o) => o.getAttribute('value'))).to.deep.equal(['']);
    // Half a minute later the backend answers again: the next render asks, and the filter lists them.
    await useOnly();
    const now = Date.now;
    Date.now = () => now() + 31_000;
    try {
      el.requestUpdate();
      await waitUntil(() => $$(el, '#category option').length > 1, 'the categories did not come on the next try');
    } finally {
      Date.now = now;
    }
  });
});
