/**
 * What a card of the list shows (excerpt, author and date, support towards the threshold,
 * funding with the city's matchfunding) and how its numbers read in each language: Russian
 * nouns agree with the number next to them (1 идея, 2 идеи, 5 идей, 21 идея).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { IdeaSummary } from '../../../src/widgets/idea-board/api.js';
import { $, $$, backend, cards, MOCK_API, mocks, renderBoard, reset, text } from './setup.js';

const space = (s: string) => s.replace(/\s+/g, ' ').trim();
const cardOf = (el: HTMLElement, id: string) => cards(el).find((c) => c.querySelector(`#t-${CSS.escape(id)}`))!;
const share = (fill: Element | null) => Number((fill as HTMLElement).style.getPropertyValue('--_share'));
const rub = (amount: number) => space(new Intl.NumberFormat('ru', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(amount));

/** The board's texts in `locale` have loaded (it shows Russian until then, never a mix). */
const speaks = (el: HTMLElement, locale: string) => waitUntil(() => $(el, '[part~="base"]')?.getAttribute('lang') === locale, `the board never spoke ${locale}`);

/** `GET /ideas` answers these cards and this total, whatever the query. */
const listOf = (items: IdeaSummary[], total: number) => http.get(`${MOCK_API}/ideas`, () => HttpResponse.json({ items, nextCursor: null, total }));

/** Two published ideas of the demo region as the list would show them, with the counts changed. */
function summaries(...counts: Array<{ supporters: number; threshold: number }>): IdeaSummary[] {
  const ideas = backend.db.ideas.filter((i) => i.status === 'published' && !i.funding);
  return counts.map((c, n) => ({ ...backend.db.ideaSummary(ideas[n]!, null), ...c }));
}

describe('<veche-idea-board> a card', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('shows the excerpt, the author with the written-out date, and the support towards the threshold', async () => {
    const idea = backend.db.ideas.find((i) => i.status === 'published' && !i.funding && backend.db.ideaSupporters(i) < i.threshold)!;
    const summary = backend.db.ideaSummary(idea, null);
    // Alone in the list: the demo region repeats titles, so a search could leave it off screen.
    await mocks(listOf([summary], 1));
    const el = await renderBoard();
    const card = cardOf(el, idea.id);
    expect(space(card.querySelector('.excerpt')!.textContent!)).to.equal(space(summary.excerpt));
    const date = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(idea.createdAt));
    expect(space(card.querySelector('.excerpt + .muted')!.textContent!)).to.equal(space(`Автор: ${idea.authorName} · ${date}`));
    const support = space(card.querySelector('.progress p')!.textContent!);
    expect(support).to.contain(`${summary.supporters} из ${space(summary.threshold.toLocaleString('ru'))} голос`).and.contain('для передачи в ведомство');
    expect(share(card.querySelector('.progress .fill'))).to.be.closeTo(summary.supporters / summary.threshold, 1e-9);
    expect(card.querySelector('.funding'), 'an idea without a funding goal has no funding bar').to.be.null;
  });

  it('a crowdfunded card: the funding bar, what was raised and the city’s matchfunding', async () => {
    const funded = backend.db.ideas.filter((i) => i.status === 'published' && i.funding);
    const idea = funded.find((i) => backend.db.funding(i)!.matched > 0) ?? funded[0]!;
    const funding = backend.db.funding(idea)!;
    await mocks(listOf([backend.db.ideaSummary(idea, null)], 1));
    const el = await renderBoard();
    const box = cardOf(el, idea.id).querySelector('.funding')!;
    expect(box, 'no funding on the card').to.exist;
    const words = space(box.textContent!);
    expect(words).to.contain(`Собрано ${rub(funding.total)} из ${rub(funding.goal)}`);
    expect(words).to.contain(`город добавит ×${String(funding.matchFactor).replace('.', ',')} до ${rub(funding.matchCap)}`);
    if (funding.matched > 0) expect(words).to.contain(`Город добавил ${rub(funding.matched)}, всего ${rub(funding.total)}`);
    expect(share(box.querySelector('.fill:not(.match)'))).to.be.closeTo(Math.min(1, funding.raised / funding.goal), 1e-9);
    expect(share(box.querySelector('.fill.match'))).to.be.closeTo(Math.min(1 - Math.min(1, funding.raised / funding.goal), funding.matched / funding.goal), 1e-9);
  });

  const ru = {
    1: { found: 'Найдена 1 идея', supporters: '1 житель поддержал', threshold: '0 из 1 голоса для передачи в ведомство' },
    2: { found: 'Найдено 2 идеи', supporters: '2 жителя поддержали', threshold: '0 из 2 голосов для передачи в ведомство' },
    5: { found: 'Найдено 5 идей', supporters: '5 жителей поддержали', threshold: '0 из 5 голосов для передачи в ведомство' },
    21: { found: 'Найдена 21 идея', supporters: '21 житель поддержал', threshold: '0 из 21 голоса для передачи в ведомство' },
  };
  for (const [n, want] of Object.entries(ru)) {
    it(`in Russian, nouns agree with ${n}: ideas found, supporters, the threshold`, async () => {
      const count = Number(n);
      // One card with `count` supporters, one with a threshold of `count`; `count` ideas found.
      const [supported, threshold] = summaries({ supporters: count, threshold: 1000 }, { supporters: 0, threshold: count });
      await mocks(listOf([supported!, threshold!], count));
      const el = await renderBoard();
      expect(text(el, '#list-hint + p.muted')).to.equal(want.found);
      expect(space(cardOf(el, supported!.id).querySelector('.progress strong')!.textContent!)).to.equal(want.supporters);
      expect(space(cardOf(el, threshold!.id).querySelector('.progress .muted')!.textContent!)).to.match(new RegExp(`^· ${want.threshold} \\(`));
    });
  }

  it('in Tatar and English the threshold and the supporters take their places', async () => {
    const [supported, threshold] = summaries({ supporters: 21, threshold: 1000 }, { supporters: 3, threshold: 21 });
    await mocks(listOf([supported!, threshold!], 21));
    let el = await renderBoard({ attrs: { locale: 'tt' } });
    await speaks(el, 'tt');
    expect(text(el, '#list-hint + p.muted')).to.equal('21 идея табылды');
    expect(space(cardOf(el, supported!.id).querySelector('.progress strong')!.textContent!)).to.equal('21 кеше хуплады');
    expect(space(cardOf(el, threshold!.id).querySelector('.progress .muted')!.textContent!)).to.match(/^· Ведомствога җибәрү өчен 21 тавыштан 3 \(/);
    el.remove();
    const [one] = summaries({ supporters: 0, threshold: 1 });
    await mocks(listOf([one!], 1));
    el = await renderBoard({ attrs: { locale: 'en' } });
    await speaks(el, 'en');
    expect(text(el, '#list-hint + p.muted')).to.equal('1 idea found');
    expect(space(cardOf(el, one!.id).querySelector('.progress .muted')!.textContent!)).to.match(/^· 0 of 1 support needed to reach an agency \(/);
    expect($$(el, '.card').length).to.equal(1);
    expect($(el, '[part~="empty"]')).to.be.null;
  });
});
