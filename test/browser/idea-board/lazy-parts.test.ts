/**
 * The idea page, the pledge flow and the "submit an idea" form load on use. Their modules are
 * fetched through the page's service worker, so a part can fail like a chunk on a bad
 * connection. Each test owns one part's module: once a module has loaded it stays loaded for
 * the rest of this page.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { $, $$, ANNA, backend, focused, mocks, renderBoard, reset, text } from './setup.js';

/** Requests for one of the board's own modules, e.g. `pledge` → …/idea-board/pledge.ts. */
const moduleUrl = (name: string) => new RegExp(`/idea-board/${name}\\.[jt]s$`);

/** Cuts one module off until `online()`; counts how often it was asked for. */
async function offlineModule(name: string) {
  const state = { offline: true, fetches: 0 };
  await mocks(
    http.get(moduleUrl(name), () => {
      state.fetches++;
      return state.offline ? HttpResponse.error() : passthrough();
    }),
  );
  return state;
}

describe('<veche-idea-board> parts that cannot be loaded (offline)', () => {
  beforeEach(reset);

  it('the idea page: the standard error and veche-error in its place; the retry loads it and focuses the idea', async () => {
    const state = await offlineModule('idea-page');
    const data = backend.db.ideas.find((i) => i.status === 'published')!;
    const errors: CustomEvent[] = [];
    const onError = (e: Event) => errors.push(e as CustomEvent);
    addEventListener('veche-error', onError);
    try {
      const el = await renderBoard({ attrs: { idea: data.id }, loaded: false });
      await waitUntil(() => $(el, '[part~="retry"]'), 'no retry for the idea page');
      expect(text(el, '[part~="error"]')).to.contain('Нет связи');
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['network']);
      expect($(el, '[part~="base"] > p > .button'), 'the way back to the list stays').to.exist;
      await expect(el).to.be.accessible();

      state.offline = false;
      $(el, '[part~="retry"]')!.click();
      await waitUntil(() => $(el, '#page-title'), 'the retry did not load the idea page', { timeout: 5000 });
      expect(state.fetches).to.be.greaterThan(1);
      expect(text(el, '#page-title')).to.equal(data.title);
      expect($(el, '[part~="error"]')).to.be.null;
      await waitUntil(() => focused(el)?.id === 'page-title', 'the idea was not focused after the retry');
    } finally {
      removeEventListener('veche-error', onError);
    }
  });

  it('the submit form: the standard error with a retry that loads the form and focuses it', async () => {
    const state = await offlineModule('submit-form');
    const el = await renderBoard();
    const error = oneEvent(el, 'veche-error');
    $$<HTMLButtonElement>(el, '.tabs .button').at(-1)!.click();
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry for the form');
    expect(el.matches(':state(submit)')).to.be.true;
    await expect(el).to.be.accessible();

    state.offline = false;
    $(el, '[part~="retry"]')!.click();
    await waitUntil(() => $(el, '[part~="form"]'), 'the retry did not load the form', { timeout: 5000 });
    expect($(el, '[part~="error"]')).to.be.null;
    await waitUntil(() => focused(el)?.id === 'form-title', 'the form was not focused after the retry');
  });

  it('the pledge flow: the starters stay, the standard error says why; the retry starts the chosen pledge', async () => {
    const state = await offlineModule('pledge');
    const id = backend.db.ideas.find((i) => i.status === 'published' && i.funding)!.id;
    const el = await renderBoard({ citizen: ANNA, attrs: { idea: id } });
    const error = oneEvent(el, 'veche-error');
    $$<HTMLButtonElement>(el, '.funding .actions .button')[0]!.click();
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '.funding [part~="retry"]'), 'no retry for the pledge flow');
    expect(text(el, '.funding [part~="error"]')).to.contain('Нет связи');
    expect($$(el, '.funding .actions .button')).to.have.length.greaterThan(0);
    await expect(el).to.be.accessible();

    state.offline = false;
    $(el, '.funding [part~="retry"]')!.click();
    await waitUntil(() => text(el, '#amount-hint').includes('На вашем счёте'), 'the retry did not start the points pledge', { timeout: 5000 });
    expect($(el, '.funding [part~="error"]')).to.be.null;
    await waitUntil(() => focused(el)?.id === 'amount', 'the amount was not focused');
  });
});
