/**
 * The list (with the virtualizer) is a lazily loaded part, asked for together with the first
 * page of ideas. Its own file: once its module has loaded it stays loaded for the rest of the
 * page, so the offline case must come before any board has shown a list.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { $, backend, cards, focused, listRequests, MOCK_API, mocks, renderBoard, reset, text } from './setup.js';

/**
 * Where the list starts and where the board ends, relative to the board's top (rounded to the
 * pixel): the same while the list's code is on its way and once the list shows, or the page
 * below the board would move.
 */
const geometry = (el: Element) => {
  const top = el.getBoundingClientRect().top;
  const list = $(el, '.scroller, .loading')!.getBoundingClientRect();
  return { listTop: Math.round(list.top - top), listHeight: Math.round(list.height), boardHeight: Math.round(el.getBoundingClientRect().height) };
};

describe('<veche-idea-board> the list part', () => {
  beforeEach(reset);

  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is asked for with the first page; the cards wait for both; offline, the standard error with a retry in its place', async function () {
    this.timeout(20000);
    // A phone: the filters stack, so their skeleton is tallest here.
    await setViewport({ width: 320, height: 640 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const state = { offline: true, fetches: 0, codeAskedBeforeIdeasAnswered: false, ideasAnswered: false };
    await mocks(
      // The first page is answered only once the list's code was asked for (or after 3 s).
      http.get(`${MOCK_API}/ideas`, async () => {
        for (let i = 0; i < 60 && state.fetches === 0; i++) await new Promise((r) => setTimeout(r, 50));
        state.codeAskedBeforeIdeasAnswered ||= state.fetches > 0;
        state.ideasAnswered = true;
      }),
      http.get(/\/idea-board\/idea-list\.[jt]s$/, async () => {
        state.fetches++;
        await held;
        return state.offline ? HttpResponse.error() : passthrough();
      }),
    );
    const el = await renderBoard({ loaded: false });
    // Large type (the portal's font-size token): the buttons outgrow the target size.
    el.style.setProperty('--veche-font-size', '22px');
    // Asked for in parallel with the first page, not after it arrived.
    await waitUntil(() => state.fetches === 1 && listRequests().length === 1, 'the list’s code and the first page were not both asked for', { timeout: 6000 });
    // The ideas arrive while the list's code is on its way: the skeleton keeps its place.
    await waitUntil(() => state.ideasAnswered, 'the first page did not arrive');
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(el.matches(':state(loading)')).to.be.true;
    expect($(el, '.loading[aria-busy="true"]')).to.exist;
    expect(cards(el)).to.have.length(0);
    expect(state.codeAskedBeforeIdeasAnswered, 'the list’s code was asked for only after the first page').to.be.true;
    // The filters come with the list's code: until then their skeleton, out of reach.
    const skeleton = $(el, '.filters')!;
    expect(skeleton.inert, 'the filters’ skeleton is inert').to.be.true;
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '#q')).to.be.null;
    const before = geometry(el);

    // The code cannot be loaded (offline): the standard error and veche-error.
    const error = oneEvent(el, 'veche-error');
    release();
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '.part-failure [part~="retry"]'), 'no retry in the list’s place');
    expect(el.matches(':state(loading)'), 'not loading while failed').to.be.false;
    expect(text(el, '.part-failure')).to.contain('Нет связи');
    await expect(el).to.be.accessible();

    state.offline = false;
    $(el, '.part-failure [part~="retry"]')!.click();
    await waitUntil(() => cards(el).length > 0, 'the retry did not show the cards', { timeout: 6000 });
    expect(state.fetches).to.be.greaterThan(1);
    expect($(el, '.part-failure')).to.be.null;
    await waitUntil(() => focused(el)?.classList.contains('scroller'), 'the list was not focused after the retry');
    // Still the one page of ideas: the retry loaded code, not the ideas again.
    expect(listRequests()).to.have.length(1);
    const first = backend.db.ideas.find((i) => i.id === cards(el)[0]!.querySelector('h3')!.id.slice(2));
    expect(first, 'the first card is an idea of the first page').to.exist;
    // Nothing moved: the real filters, the count and the list are where their skeleton was.
    expect($(el, '#q'), 'the search box came with the list').to.exist;
    expect(geometry(el)).to.deep.equal(before);
  });
});
