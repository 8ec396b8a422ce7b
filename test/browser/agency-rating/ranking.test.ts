import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import { $, $$, backend, MOCK_API, mocks, renderRating, reset } from './setup.js';

const names = (el: Element) => $$(el, 'tbody th').map((th) => th.textContent!.trim());
const sortState = (el: Element) => $$(el, 'thead th[aria-sort]').map((th) => `${th.textContent!.trim().replace(/[▼↕]/, '')}:${th.getAttribute('aria-sort')}`);

describe('<veche-agency-rating> ranking', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('is a real table sorted by rating, with sortable headers as buttons', async () => {
    const el = await renderRating({ citizen: null });
    expect(el.matches(':state(ranking)')).to.be.true;
    expect($(el, 'table caption')).to.exist;
    expect($$(el, 'thead th[scope="col"]')).to.have.length(5);
    expect($$(el, 'tbody th[scope="row"]')).to.have.length(backend.db.agencySummaries().length);
    const byRating = [...backend.db.agencySummaries()].sort((a, b) => a.rank - b.rank).map((a) => a.name);
    expect(names(el)).to.deep.equal(byRating);
    expect(sortState(el)).to.deep.equal(['Оценка:descending', 'В срок:none', 'Обращений:none']);
    expect($$(el, 'thead th[aria-sort] button')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('moved while its ranking loads (a portal moving it to another tab), it asks again where it lands', async () => {
    let asked = 0;
    await mocks(
      http.get(`${MOCK_API}/agencies`, async () => {
        if (asked++ === 0) await delay(400);
        return undefined; // on to the backend
      }),
    );
    const el = document.createElement('veche-agency-rating');
    el.setAttribute('api', MOCK_API);
    el.setAttribute('locale', 'ru');
    const before = document.createElement('div');
    const after = document.createElement('div');
    document.body.append(before, after);
    try {
      before.append(el);
      await waitUntil(() => asked > 0, 'the ranking was not asked for');
      after.append(el); // taken off the page and put back: its first request is cancelled
      await waitUntil(() => $$(el, 'tbody th').length === backend.db.agencySummaries().length, 'the ranking never came', { timeout: 5000 });
      expect(asked).to.be.greaterThan(1);
    } finally {
      before.remove();
      after.remove();
    }
  });

  it('sorts by on-time share and volume from the keyboard', async () => {
    const el = await renderRating({ citizen: null });
    const onTime = $$<HTMLButtonElement>(el, 'thead button')[1]!;
    onTime.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => sortState(el)[1] === 'В срок:descending', 'not sorted by on-time share');
    await waitUntil(() => el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy') === 'false', 'still loading');
    const shares = $$(el, 'tbody tr').map((tr) => tr.querySelectorAll('td')[2]!.textContent!.trim());
    // Shown as whole percents (the backend's shares have three decimals, as the server's).
    const expected = backend.db.agencySummaries().map((a) => (a.onTimeShare === null ? -1 : Math.round(a.onTimeShare * 100) / 100)).sort((a, b) => b - a);
    expect(shares.map((s) => (/\d/.test(s) ? Number(s.replace(/\D/g, '')) / 100 : -1))).to.deep.equal(expected);
    expect(el.shadowRoot!.activeElement, 'focus stays on the header').to.equal(onTime);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await waitUntil(() => sortState(el)[2] === 'Обращений:descending', 'not sorted by volume');
    await waitUntil(() => el.shadowRoot!.querySelector('table')!.getAttribute('aria-busy') === 'false', 'still loading');
    const volumes = $$(el, 'tbody tr').map((tr) => Number(tr.querySelectorAll('td')[3]!.textContent!.trim()));
    expect(volumes).to.deep.equal([...volumes].sort((a, b) => b - a));
    expect(sortState(el)[0]).to.equal('Оценка:none');
    await expect(el).to.be.accessible();
  });

  it('reflows into cards at 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderRating({ citizen: null });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(getComputedStyle($(el, 'tbody tr')!).display).to.equal('grid');
      expect(getComputedStyle($(el, 'tbody td.num')!, '::before').content).to.equal('"Оценка: "');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
