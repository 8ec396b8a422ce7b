import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { problemResponse } from '../../../src/mocks/http.js';
import { checkAmount, quickAmounts } from '../../../src/widgets/points-wallet/amount.js';
import { $, $$, backend, credit, dialog, fixtureIds, ledgerOf, MOCK_API, mocks, OLGA, openTab, primary, redeemButton, renderWallet, requests, reset, ru, text } from './setup.js';

/** A citizen with exactly 945 points. */
const DONOR = 'donor';

const KIDS = fixtureIds.funds.kids;
const VETERANS = fixtureIds.funds.veterans;
const fundView = (id: string) => backend.db.fund(backend.db.funds.find((f) => f.id === id)!);
const card = (el: Element, id: string) => $$(el, '[part~="fund"]').find((c) => c.querySelector(`#amount-${id}`))!;
const input = (el: Element, id: string) => $<HTMLInputElement>(el, `#amount-${id}`)!;

async function type(el: Element, id: string, value: string): Promise<void> {
  const field = input(el, id);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function submit(el: Element, id: string): Promise<void> {
  card(el, id).querySelector<HTMLButtonElement>('[part~="donate"]')!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe('<veche-points-wallet> donations', () => {
  beforeEach(async () => {
    reset();
    credit(DONOR, 945);
    await mocks();
  });

  it('checks amounts: required, whole, minimum, step, maximum = balance', () => {
    const fund = fundView(VETERANS); // minimum 50, step 50
    expect(checkAmount('', fund, 945)).to.deep.equal(['amountRequired']);
    expect(checkAmount('12.5', fund, 945)).to.deep.equal(['amountWhole']);
    expect(checkAmount('-50', fund, 945)).to.deep.equal(['amountWhole']);
    expect(checkAmount('40', fund, 945)).to.deep.equal(['amountMin', { count: 50 }]);
    expect(checkAmount('1000', fund, 945)).to.deep.equal(['amountMax', { count: 945 }]);
    expect(checkAmount('75', fund, 945)).to.deep.equal(['amountStep', { step: 50 }]);
    expect(checkAmount(' 900 ', fund, 945)).to.be.undefined;
    expect(quickAmounts(fund, 945)).to.deep.equal([50, 100, 500, 900]);
    expect(quickAmounts(fund, 60)).to.deep.equal([50]);
  });

  it('lists funds with descriptions and totals; explains amount limits; shows messages next to the field', async () => {
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    const kids = fundView(KIDS);
    expect(text(el, '[part~="fund"]')).to.contain(kids.description).and.contain(`Собрано ${ru(kids.raised)} баллов`).and.contain(`${ru(kids.donors)} жертвовател`);
    const field = input(el, KIDS);
    expect([field.min, field.step, field.max]).to.deep.equal(['10', '10', '940']);
    expect(text(el, `#hint-${KIDS}`)).to.equal('От 10 до 940, кратно 10.');
    await expect(el).to.be.accessible();

    await submit(el, KIDS);
    expect(text(el, `#error-${KIDS}`)).to.equal('Введите, сколько баллов пожертвовать.');
    expect(field.getAttribute('aria-describedby')).to.equal(`hint-${KIDS} error-${KIDS}`);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'focus not on the field');
    await expect(el).to.be.accessible();
  });

  it('says what is wrong with an amount and clears the message once fixed', async () => {
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    for (const [value, message] of [
      ['5', 'Не меньше 10 баллов.'],
      ['95', 'Сумма должна быть кратна 10.'],
      ['2000', 'У вас только 945 баллов.'],
      ['1.5', 'Введите целое число баллов.'],
    ]) {
      await type(el, KIDS, value!);
      await submit(el, KIDS);
      expect(text(el, `#error-${KIDS}`), value).to.equal(message);
    }
    expect(dialog(el).open).to.be.false;
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    // Fixing the amount clears the message as the citizen types.
    await type(el, KIDS, '90');
    await el.updateComplete;
    expect($(el, `#error-${KIDS}`)).to.be.null;
  });

  it('donates: quick amount, confirmation, receipt, the fund total updates, events, one keyed POST', async () => {
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    const before = fundView(KIDS);
    const chips = [...card(el, KIDS).querySelectorAll<HTMLButtonElement>('.chip')];
    expect(chips.map((c) => c.textContent!.trim())).to.deep.equal(['10 баллов', '100 баллов', '500 баллов', '940 баллов']);
    chips[1]!.click();
    await el.updateComplete;
    expect(input(el, KIDS).value).to.equal('100');
    expect(chips[1]!.getAttribute('aria-pressed')).to.equal('true');
    const donate = oneEvent(el, 'veche-donate');
    const change = oneEvent(el, 'veche-points-change');
    await submit(el, KIDS);
    await waitUntil(() => dialog(el).open, 'no confirmation');
    expect(text(el, 'dialog h3')).to.equal('Пожертвовать 100 баллов фонду «Фонд «Дети Заречья»»?');
    await expect(el).to.be.accessible();
    primary(el).click();
    const { detail } = await donate;
    expect((await change).detail).to.deep.equal({ delta: -100, balance: 845, reason: 'donation' });
    await waitUntil(() => $(el, '[part~="receipt"]'), 'no receipt');
    const donation = backend.db.donations.at(-1)!;
    expect(detail).to.deep.equal({ fund: KIDS, donation: donation.id, amount: 100, balance: 845 });
    expect(text(el, '[part~="confirmation"]')).to.contain('Спасибо! Вы пожертвовали 100 баллов фонду «Фонд «Дети Заречья»».');
    expect(text(el, '[part~="receipt"]')).to.contain(`Квитанция № ${donation.receiptNumber}`);
    expect(el.shadowRoot!.activeElement!.id).to.equal('outcome');
    const raised = `Собрано ${ru(before.raised + 100)} баллов`;
    expect(text(el, '[part~="confirmation"]')).to.contain(raised);
    expect(text(el, '[part~="fund"]')).to.contain(raised);
    expect(text(el, '[part~="balance"]')).to.equal('Баланс: 845 баллов');
    // Waited for: once, under load, the field was not yet empty when the receipt showed (cause not
    // found; it still fails if the field is never cleared).
    await waitUntil(() => input(el, KIDS).value === '', 'the donated amount is still in its field');
    const posts = requests.filter((r) => r.method === 'POST' && r.path === '/donations');
    expect(posts).to.have.length(1);
    expect(posts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(ledgerOf(DONOR, 'donation').map((e) => e.amount)).to.deep.equal([-100]);
    await expect(el).to.be.accessible();
  });

  it('shows the server refusing the amount at the fund\'s amount field, marks it invalid and puts focus there (422)', async () => {
    await mocks(
      http.post(`${MOCK_API}/donations`, () =>
        problemResponse(422, 'invalid-amount', 'Проверьте поля', { extra: { errors: [{ pointer: '/amount', detail: 'Фонд принимает не больше 50 баллов за раз' }] } }),
        { once: true },
      ),
    );
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    await type(el, KIDS, '100');
    await submit(el, KIDS);
    await waitUntil(() => dialog(el).open, 'no confirmation');
    const refused = oneEvent(el, 'veche-error');
    primary(el).click();
    await refused;
    await waitUntil(() => input(el, KIDS)?.getAttribute('aria-invalid') === 'true', 'the amount is not marked invalid');
    const field = input(el, KIDS);
    const described = field.getAttribute('aria-describedby')!.split(' ').map((ref) => text(el, `#${ref}`));
    expect(described).to.include('Фонд принимает не больше 50 баллов за раз');
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'focus did not move to the amount');
    expect(document.activeElement).to.equal(el);
    expect(dialog(el).open).to.be.false;
    expect($(el, '[part~="refused"]'), 'the top of the tab repeats the field error').to.not.exist;
    expect(field.value).to.equal('100');
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/donations')).to.have.length(1);
    expect(ledgerOf(DONOR, 'donation')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks to kids in the donations, history and rewards when the theme includes kids, in Russian and English; amounts, fund, receipt and stock stay (Active Citizen Kids)', async function () {
    this.timeout(20_000);
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    const fund = fundView(KIDS);
    el.setAttribute('theme', 'kids');
    await waitUntil(() => text(el, `#hint-${KIDS}`) === 'От 10 до 940, число должно делиться на 10.', 'no kids wording in Russian');
    expect(text(el, '[part~="fund"]')).to.contain(`Собрано ${ru(fund.raised)} баллов`).and.contain(`${ru(fund.donors)} человек`).and.contain('помог');
    expect(card(el, KIDS).querySelector('[part~="donate"]')!.textContent).to.contain('Подарить');
    await submit(el, KIDS);
    expect(text(el, `#error-${KIDS}`)).to.equal('Напиши, сколько баллов подарить.');
    await type(el, KIDS, '100');
    await submit(el, KIDS);
    await waitUntil(() => dialog(el).open, 'no confirmation');
    expect(text(el, 'dialog h3')).to.equal('Подарить 100 баллов фонду «Фонд «Дети Заречья»»?');
    expect(text(el, 'dialog')).to.contain('Потом у тебя останется 845 баллов.');
    expect(primary(el).textContent!.trim()).to.equal('Да, всё верно');
    await expect(el).to.be.accessible();
    primary(el).click();
    await waitUntil(() => $(el, '[part~="receipt"]'), 'no receipt');
    const donation = backend.db.donations.at(-1)!;
    expect(text(el, '[part~="confirmation"]')).to.contain('Спасибо! Ты подарил(а) 100 баллов фонду «Фонд «Дети Заречья»».');
    expect(text(el, '[part~="receipt"]')).to.contain(`Квитанция № ${donation.receiptNumber}`);
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/donations')).to.have.length(1);
    expect(ledgerOf(DONOR, 'donation').map((e) => e.amount)).to.deep.equal([-100]);

    el.setAttribute('locale', 'en');
    await openTab(el, 'history');
    const kinds = () => $$<HTMLOptionElement>(el, '#kind option').map((o) => o.textContent);
    await waitUntil(() => kinds().join() === 'All,Got,Spent,Given away', 'no kids wording in English');
    // The filter renders before the history's entries arrive.
    const donated = () => $$(el, '[part~="entry"]').find((e) => e.textContent!.includes('Given away'));
    await waitUntil(donated, 'no donation in the English history');
    const given = donated()!;
    expect(given.querySelector('.amount')!.textContent).to.equal('−100 points');
    expect(given.textContent).to.contain('845 points left');
    await expect(el).to.be.accessible();

    await openTab(el, 'rewards');
    const sold = () => text(el, '[part~="out-of-stock"]');
    await waitUntil(() => sold() === 'All gone', 'no kids wording in the English rewards');
    const cheapest = redeemButton(el, fixtureIds.rewards.cheapest)!;
    expect(cheapest.textContent).to.contain('Swap');
    cheapest.click();
    await waitUntil(() => dialog(el).open, 'no confirmation');
    expect(text(el, 'dialog h3')).to.match(/^Swap 100 points for “.+”\?$/);
    $$<HTMLButtonElement>(el, 'dialog button').find((b) => b.textContent!.trim() === 'Cancel')!.click();
    await waitUntil(() => !dialog(el).open);
    el.removeAttribute('theme');
    await waitUntil(() => sold() === 'Out of stock', 'the kids wording stayed after the theme changed');
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/redemptions')).to.have.length(0);
  });

  it('a section opened in kids mode speaks to kids from its first render: its texts and their kids layer arrive before it shows (Tatar, loaded by no other test here)', async () => {
    const el = await renderWallet({ citizen: DONOR, locale: 'tt' });
    el.setAttribute('theme', 'kids');
    await el.updateComplete;
    // What the fund's card said when it first appeared, before any later render could fix it.
    let first: string | undefined;
    const watch = new MutationObserver(() => (first ??= $$(el, '[part~="fund"]')[0]?.textContent ?? undefined));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await openTab(el, 'donations');
      await waitUntil(() => first !== undefined, 'no fund appeared');
    } finally {
      watch.disconnect();
    }
    expect(first).to.contain('кеше ярдәм итте').and.not.contain('иганәче');
  });

  it('an amount typed survives a reload', async () => {
    const first = await renderWallet({ citizen: DONOR, tab: 'donations' });
    await type(first, KIDS, '70');
    first.remove(); // leaving flushes the draft
    const el = await renderWallet({ citizen: DONOR, tab: 'donations' });
    expect(input(el, KIDS).value).to.equal('70');
  });

  it('too few points for a fund: says so instead of a form', async () => {
    const el = await renderWallet({ citizen: OLGA, tab: 'donations' });
    expect($(el, 'form')).to.be.null;
    expect(text(el, '[part~="fund"]')).to.contain('Для пожертвования нужно не меньше 10 баллов.');
    await expect(el).to.be.accessible();
  });
});
