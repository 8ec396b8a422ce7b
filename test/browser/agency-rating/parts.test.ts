/**
 * The record, the rating form and the ranking load on use. Each test owns one part's module:
 * once a module has loaded it stays loaded for the rest of this page, so the order matters.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getResponse, http, HttpResponse, passthrough } from 'msw';
import { mockToken } from '../../../src/mocks/index.js';
import type { VecheAgencyRating } from '../../../src/widgets/agency-rating/veche-agency-rating.js';
import { $, $$, ANNA, backend, buttonNamed, mocks, MOCK_API, renderRating, requests, reset, text } from './setup.js';

/** Requests for one of the widget's own modules, e.g. `ranking` → …/agency-rating/ranking.ts. */
const moduleUrl = (name: string) => new RegExp(`/agency-rating/${name}\\.[jt]s$`);

describe('<veche-agency-rating> parts loaded on use', () => {
  beforeEach(() => reset());

  it("the record's part cannot be loaded (offline): the standard error, veche-error, and a retry that loads it", async () => {
    let offline = true;
    await mocks(http.get(moduleUrl('agency-record'), () => (offline ? HttpResponse.error() : passthrough())));
    const error = new Promise<CustomEvent>((resolve) => document.addEventListener('veche-error', (e) => resolve(e as CustomEvent), { once: true }));
    const el = await renderRating({ agency: 'housing', citizen: null });
    expect((await error).detail.code).to.equal('network');
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, '[part~="error"]')).to.contain('Нет связи');
    await expect(el).to.be.accessible();

    offline = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => el.matches(':state(record)'), 'the record did not come after the retry', { timeout: 5000 });
    expect(text(el, 'h2')).to.equal(backend.db.agencyView('housing')!.name);
  });

  it("a signed-out citizen gets the record and the sign-in call, without the form's code", async () => {
    const asked: string[] = [];
    await mocks(
      http.get(moduleUrl('rating-form'), ({ request }) => {
        asked.push(request.url);
        return passthrough();
      }),
    );
    const el = await renderRating({ agency: 'roads', citizen: null });
    await waitUntil(() => el.matches(':state(signed-out)'), 'no sign-in state');
    expect($(el, '[part~="sign-in"]')).to.exist;
    expect(asked).to.have.length(0);
  });

  it('the form: a loading panel while its code comes, the error and a retry if it cannot, then rating works', async () => {
    let release!: (ok: boolean) => void;
    let gate = new Promise<boolean>((resolve) => (release = resolve));
    await mocks(http.get(moduleUrl('rating-form'), async () => ((await gate) ? passthrough() : HttpResponse.error())));
    // Not through renderRating(): it waits for every loading state to end.
    const el = await fixture<VecheAgencyRating>(html`<veche-agency-rating api=${MOCK_API} agency="roads" .getToken=${() => mockToken(ANNA)}></veche-agency-rating>`);
    await waitUntil(() => el.matches(':state(eligible)'), 'the citizen can rate', { timeout: 5000 });
    const panel = $(el, '[part~="form"]')!;
    expect(panel.querySelector('[aria-busy="true"]'), 'the panel says it is loading').to.exist;
    expect($$(el, 'input[name="stars"]')).to.have.length(0);
    expect(text(el, '[part~="summary"]'), 'the record is there meanwhile').to.contain('Оценок пока нет');

    release(false);
    await waitUntil(() => $(el, '[part~="form"] [part~="retry"]'), 'no retry offered');
    expect(el.matches(':state(record)'), 'the record stays').to.be.true;
    await expect(el).to.be.accessible();

    gate = Promise.resolve(true);
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $$(el, 'input[name="stars"]').length === 5, 'no form after the retry', { timeout: 5000 });
    const stars = $$<HTMLInputElement>(el, 'input[name="stars"]');
    stars[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(stars.findIndex((i) => i.checked)).to.equal(1);
    const rated = oneEvent(el, 'veche-rating');
    buttonNamed(el, 'Отправить оценку')!.click();
    expect((await rated).detail.stars).to.equal(2);
  });

  it('the ranking: the skeleton while its code loads, its first page fetched in parallel; "show more" pages through core\'s PagedList', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await mocks(
      http.get(moduleUrl('ranking'), async () => {
        await gate;
        return passthrough();
      }),
      // Two agencies a page, so the mock's handful of agencies takes several pages.
      http.get(`${MOCK_API}/agencies`, ({ request }) => {
        const url = new URL(request.url);
        url.searchParams.set('limit', '2');
        return getResponse(backend.handlers, new Request(url, request));
      }),
    );
    const el = document.createElement('veche-agency-rating');
    el.setAttribute('api', MOCK_API);
    document.body.append(el);
    try {
      await waitUntil(() => requests.some((r) => r.path.startsWith('/agencies?')), 'the ranking was not asked for while its code loads');
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.be.true;
      const busy = $(el, '[aria-busy="true"]')!;
      expect(busy.querySelectorAll('.skeleton')).to.have.length(3);
      expect(busy.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(200);
      release();
      await waitUntil(() => el.matches(':state(ranking)'), 'no ranking', { timeout: 5000 });
      expect($$(el, 'tbody tr')).to.have.length(2);
      const all = backend.db.agencySummaries().length;
      while ($(el, '[part~="more"]')) {
        const shown = $$(el, 'tbody tr').length;
        $<HTMLButtonElement>(el, '[part~="more"]')!.click();
        await waitUntil(() => $$(el, 'tbody tr').length > shown, 'show more did not add agencies');
      }
      expect($$(el, 'tbody tr')).to.have.length(all);
      expect($$(el, 'tbody td.place').map((td) => Number(td.textContent))).to.deep.equal([...Array(all).keys()].map((i) => i + 1));
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });
});
