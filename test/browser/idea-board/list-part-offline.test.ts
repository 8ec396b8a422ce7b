/**
 * Offline when the board first shows: neither the list's code nor the first page of ideas
 * arrives. Its own file (its own page): once the list's module has loaded it stays loaded.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { $, cards, MOCK_API, mocks, renderBoard, reset } from './setup.js';

describe('<veche-idea-board> offline at first', () => {
  beforeEach(reset);

  it('one retry brings both the list’s code and the first page', async function () {
    this.timeout(30000);
    const state = { offline: true };
    await mocks(
      http.get(`${MOCK_API}/ideas`, () => (state.offline ? HttpResponse.error() : undefined)),
      http.get(/\/idea-board\/idea-list\.[jt]s$/, () => (state.offline ? HttpResponse.error() : passthrough())),
    );
    const el = await renderBoard({ loaded: false });
    await waitUntil(() => $(el, '.part-failure [part~="retry"]') && el.matches(':state(error)'), 'the failures were not shown', { timeout: 20000 });
    state.offline = false;
    $(el, '.part-failure [part~="retry"]')!.click();
    await waitUntil(() => cards(el).length > 0, 'one retry did not bring the ideas', { timeout: 8000 });
    expect($(el, '[part~="retry"]'), 'nothing left to retry').to.be.null;
  });
});
