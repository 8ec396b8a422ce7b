import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, ANNA, backend, mocks, OLGA, renderWallet, requests, reset, ru, text } from './setup.js';

describe('<veche-points-wallet> history', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('lists earned, spent and donated entries with what they were for, dates and signs; "show more" pages by cursor', async () => {
    const el = await renderWallet({ tab: 'history' });
    const ledger = backend.db.transactions(ANNA);
    expect(ledger.length).to.be.greaterThan(10);
    let entries = $$(el, '[part~="entry"]');
    expect(entries).to.have.length(10);
    const first = ledger[0]!;
    expect(entries[0]!.textContent).to.contain(first.description);
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(first.createdAt);
    expect(entries[0]!.querySelector('time')!.textContent).to.equal(new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(first.createdAt)));
    const vote = entries.find((e) => e.textContent!.includes('Голосование «'));
    expect(vote?.querySelector('.amount')!.textContent).to.match(/^\+\d+ балл/);
    expect(vote!.textContent).to.contain('Начислено');
    const more = $<HTMLButtonElement>(el, '[part~="more"]')!;
    expect(more.textContent!.trim()).to.equal('Показать ещё');
    await expect(el).to.be.accessible();
    more.click();
    await waitUntil(() => $$(el, '[part~="entry"]').length === ledger.length, 'no second page');
    await el.updateComplete;
    expect(requests.filter((r) => r.path === '/wallet/transactions')[1]!.search).to.contain('cursor=');
    entries = $$(el, '[part~="entry"]');
    expect(el.shadowRoot!.activeElement).to.equal(entries[10]);
    expect($(el, '[part~="more"]')).to.be.null;
    const donation = entries.find((e) => e.textContent!.includes('Пожертвование: Фонд «Дети Заречья»'))!;
    expect(donation.querySelector('.amount')!.textContent).to.equal('−200 баллов');
    expect(donation.textContent).to.contain('Пожертвовано');
    const redemption = entries.find((e) => e.textContent!.includes('Награда: Пополнение'))!;
    expect(redemption.querySelector('.amount')!.textContent).to.equal('−500 баллов');
    expect(redemption.textContent).to.contain('Списано').and.contain('остаток');
  });

  it('filters by kind on the server', async () => {
    const el = await renderWallet({ tab: 'history' });
    const select = $<HTMLSelectElement>(el, '#kind')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Все', 'Начисления', 'Обмены', 'Пожертвования']);
    select.value = 'donated';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '[part~="entry"]').length === 1, 'not filtered');
    expect(requests.at(-1)!.search).to.contain('kind=donated');
    expect(text(el, '[part~="entry"]')).to.contain(`−${ru(200)} баллов`);
    await expect(el).to.be.accessible();
  });

  it('empty history: says how to earn points', async () => {
    const el = await renderWallet({ citizen: OLGA, tab: 'history' });
    expect($$(el, '[part~="entry"]')).to.have.length(0);
    expect(text(el, '[part~="empty"]')).to.equal('Операций пока нет. Участвуйте в голосованиях и опросах — за них начисляются баллы.');
    expect(text(el, '[part~="balance"]')).to.equal('Баланс: 0 баллов');
    await expect(el).to.be.accessible();
  });

  it('renders user-supplied text as text', async () => {
    backend.db.ledger.push({ citizenId: 'xss', amount: 5, reason: 'bonus', description: '<img src=x onerror="window.__xss=1">Бонус', createdAt: new Date().toISOString(), reference: null });
    const el = await renderWallet({ citizen: 'xss', tab: 'history' });
    expect(text(el, '[part~="entry"] .what')).to.equal('<img src=x onerror="window.__xss=1">Бонус');
    expect($(el, '[part~="entry"] img')).to.be.null;
  });
});
