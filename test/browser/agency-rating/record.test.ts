import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { scenarios } from '../../../src/mocks/index.js';
import { $, $$, backend, mocks, renderRating, reset, text } from './setup.js';

describe('<veche-agency-rating agency> public record', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('shows the average as stars and number, the count, the distribution and the response record', async () => {
    const agency = backend.db.agencyView('housing')!;
    const el = await renderRating({ agency: 'housing' });
    expect(el.matches(':state(record)')).to.be.true;
    expect(text(el, 'h2')).to.equal(agency.name);
    const stars = $(el, '[part~="summary"] .stars')!;
    expect(stars.getAttribute('role')).to.equal('img');
    const average = agency.rating.average!;
    const shown = average.toLocaleString('ru', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(stars.getAttribute('aria-label')).to.equal(`Средняя оценка ${shown} из 5`);
    expect($<HTMLElement>(el, '[part~="summary"] .stars-fill')!.style.getPropertyValue('--_fill')).to.equal(`${(average / 5) * 100}%`);
    expect(text(el, '.number')).to.equal(shown);
    const count = agency.rating.count;
    const form = new Intl.PluralRules('ru').select(count);
    expect(text(el, '[part~="summary"]')).to.contain(`${count} ${{ one: 'оценка', few: 'оценки', many: 'оценок', other: 'оценки' }[form as 'one']}`);

    const rows = $$(el, '[part~="distribution"] li');
    expect(rows.map((r) => r.querySelector('.row span')!.textContent)).to.deep.equal(['5 из 5', '4 из 5', '3 из 5', '2 из 5', '1 из 5']);
    const shares = rows.map((r) => Number(r.querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--_share')));
    const counts = [...agency.distribution].reverse().map((d) => d.count / agency.rating.count);
    expect(shares).to.deep.equal(counts);
    expect(rows.every((r) => !r.querySelector('.fill')!.hasAttribute('style') || r.querySelector('.fill')!.getAttribute('style')!.startsWith('--'))).to.be.true;

    const facts = text(el, '[part~="facts"]');
    expect(facts).to.contain(`${Math.round(agency.onTimeShare! * 100)}`);
    expect(facts).to.match(new RegExp(`${agency.medianDaysToResolve!.toLocaleString('ru')} (день|дня|дней)`));
    expect(facts).to.contain(`Открытых обращений сейчас${agency.openComplaints}`.replace(/\s+/g, ' '));
    await expect(el).to.be.accessible();
  });

  it('says so when an agency has no ratings yet', async () => {
    const el = await renderRating({ agency: 'roads' });
    expect(text(el, '[part~="summary"]')).to.contain('Оценок пока нет');
    expect($(el, '.number')).to.be.null;
    expect(text(el, '[part~="reviews"]')).to.contain('Отзывов с комментариями пока нет');
    await expect(el).to.be.accessible();
  });

  it('renders comments in reviews as text', async () => {
    const rated = backend.db.agencyComplaints('housing').find((c) => c.rating)!;
    rated.rating!.comment = '<img src=x onerror="window.__xss=1">Плохо <script>window.__xss=2</script>';
    const el = await renderRating({ agency: 'housing' });
    expect(text(el, '[part~="reviews"]')).to.contain('<img src=x onerror="window.__xss=1">Плохо');
    expect($(el, '[part~="reviews"] img')).to.be.null;
    expect($(el, 'script')).to.be.null;
    expect((window as { __xss?: number }).__xss).to.be.undefined;
  });

  it('shows "not found" for an unknown agency', async () => {
    const el = await renderRating({ agency: 'nowhere' });
    expect(el.matches(':state(not-found)')).to.be.true;
    expect(text(el)).to.contain('Ведомство не найдено');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the backend fails', async () => {
    await mocks(...scenarios.serverError());
    const el = await renderRating({ agency: 'housing' });
    expect(el.matches(':state(error)')).to.be.true;
    expect($(el, '[part~="retry"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await renderRating({ agency: 'roads' });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
