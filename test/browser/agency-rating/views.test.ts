/**
 * The view the `agency` attribute asks for (one agency's, or the ranking) loads with the first
 * requests it makes. This file owns the agency view's module: once it has loaded it stays
 * loaded for the rest of this page, so the order matters.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { mockToken } from '../../../src/mocks/index.js';
import type { VecheAgencyRating } from '../../../src/widgets/agency-rating/veche-agency-rating.js';
import { $, $$, ANNA, backend, mocks, MOCK_API, requests, reset, text } from './setup.js';

const agencyView = /\/agency-rating\/agency\.[jt]s$/;
const rankingView = /\/agency-rating\/ranking\.[jt]s$/;

function place(attributes: Record<string, string>, citizen?: string): VecheAgencyRating {
  const el = document.createElement('veche-agency-rating');
  el.setAttribute('api', MOCK_API);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (citizen) el.getToken = () => mockToken(citizen);
  document.body.append(el);
  return el;
}

describe('<veche-agency-rating> views loaded with their first requests', () => {
  beforeEach(() => reset());

  it("one agency's view: the skeleton while its code loads, the record, reviews and eligibility asked for meanwhile; failed: the standard error and a retry", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let offline = false;
    const ranking: string[] = [];
    await mocks(
      http.get(agencyView, async () => {
        await gate;
        return offline ? HttpResponse.error() : passthrough();
      }),
      http.get(rankingView, ({ request }) => {
        ranking.push(request.url);
        return passthrough();
      }),
    );
    const el = place({ agency: 'roads' }, ANNA);
    try {
      const asked = (path: string) => requests.some((r) => r.method === 'GET' && r.path.split('?')[0] === path);
      await waitUntil(
        () => asked('/agencies/roads') && asked('/agencies/roads/ratings') && asked('/agencies/roads/rating-eligibility'),
        'the record, its reviews and the eligibility were not asked for while the code loads',
      );
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.be.true;
      const busy = $(el, '[aria-busy="true"]')!;
      expect(busy.querySelectorAll('.skeleton')).to.have.length(3);
      expect(busy.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(200);
      await expect(el).to.be.accessible();

      offline = true;
      const error = oneEvent(el, 'veche-error');
      release();
      expect((await error).detail.code).to.equal('network');
      await waitUntil(() => el.matches(':state(error)'), 'no error state');
      expect(text(el, '[part~="error"]')).to.contain('Нет связи');
      await expect(el).to.be.accessible();

      offline = false;
      const gets = requests.filter((r) => r.path === '/agencies/roads').length;
      $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await waitUntil(() => el.matches(':state(record)') && el.matches(':state(eligible)'), 'the record did not come after the retry', { timeout: 5000 });
      expect(text(el, 'h2')).to.equal(backend.db.agencyView('roads')!.name);
      expect(requests.filter((r) => r.path === '/agencies/roads').length, 'the answer asked for meanwhile was used').to.equal(gets);
      expect(ranking, "the ranking's code never loads for one agency").to.have.length(0);
    } finally {
      el.remove();
    }
  });

  it('the ranking: its view fails to load → the standard error and a retry that shows the table', async () => {
    let offline = true;
    await mocks(http.get(rankingView, () => (offline ? HttpResponse.error() : passthrough())));
    const error = new Promise<CustomEvent>((resolve) => document.addEventListener('veche-error', (e) => resolve(e as CustomEvent), { once: true }));
    const el = place({});
    try {
      expect((await error).detail.code).to.equal('network');
      await waitUntil(() => el.matches(':state(error)'), 'no error state');
      expect($(el, '[part~="retry"]')).to.exist;
      await expect(el).to.be.accessible();
      offline = false;
      $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await waitUntil(() => el.matches(':state(ranking)'), 'no ranking after the retry', { timeout: 5000 });
      expect($$(el, 'tbody tr').length).to.be.greaterThan(0);
    } finally {
      el.remove();
    }
  });
});
