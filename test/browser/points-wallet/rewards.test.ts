import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { getResponse, http, HttpResponse } from 'msw';
import { $, $$, ANNA, backend, credit, dialog, fixtureIds, IVAN, ledgerOf, mocks, MOCK_API, primary, redeemButton, renderWallet, requests, reset, ru, text, walletGets } from './setup.js';

const rewards = fixtureIds.rewards;
const reward = (id: string) => backend.db.rewards.find((r) => r.id === id)!;
const posts = () => requests.filter((r) => r.method === 'POST' && r.path === '/redemptions');

describe('<veche-points-wallet> rewards', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('lists the catalogue: category, partner, cost, stock, out of stock said so, category filter', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    const cards = $$(el, '[part~="reward"]');
    expect(cards).to.have.length(backend.db.rewards.length);
    const museum = cards.find((c) => c.textContent!.includes('краеведческий музей'))!;
    expect(museum.textContent).to.contain('Партнёр: Краеведческий музей').and.contain('Культура').and.contain('900 баллов').and.contain('осталось 3');
    const skating = cards.find((c) => c.textContent!.includes(reward(rewards.lastOne).title))!;
    expect(skating.textContent).to.contain('остался 1');
    const sold = cards.find((c) => c.textContent!.includes(reward(rewards.outOfStock).title))!;
    expect(sold.querySelector('[part~="out-of-stock"]')!.textContent).to.equal('Нет в наличии');
    expect(sold.querySelector('button')).to.be.null;
    const unlimited = cards.find((c) => c.textContent!.includes(reward(rewards.unlimited).title))!;
    expect(unlimited.textContent).not.to.contain('остал');
    await expect(el).to.be.accessible();

    const select = $<HTMLSelectElement>(el, '#category')!;
    select.value = 'sport';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(el, '[part~="reward"]').length === backend.db.rewards.filter((r) => r.category === 'sport').length, 'not filtered');
    expect(requests.some((r) => r.path === '/rewards' && r.search.includes('category=sport'))).to.be.true;
  });

  it('not enough points: the button says how many are missing and opens nothing', async () => {
    const el = await renderWallet({ citizen: IVAN, tab: 'rewards' });
    const balance = backend.db.wallet(IVAN).balance;
    const theatre = redeemButton(el, 'theatre-ticket')!;
    expect(theatre.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal(`Не хватает ${ru(1500 - balance)} баллов: Билет в драматический театр`);
    expect(theatre.getAttribute('aria-disabled')).to.equal('true');
    theatre.click();
    await el.updateComplete;
    expect(dialog(el).open).to.be.false;
    expect(redeemButton(el, rewards.cheapest)!.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('the confirmation dialog traps focus, closes on Escape and gives focus back', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    const trigger = redeemButton(el, rewards.cheapest)!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'no dialog');
    expect(dialog(el).matches(':modal')).to.be.true;
    expect(text(el, 'dialog h3')).to.equal('Обменять 100 баллов на «Час парковки в центре»?');
    expect(text(el, 'dialog')).to.contain(`останется ${ru(backend.db.wallet(ANNA).balance - 100)} баллов`);
    expect(el.shadowRoot!.activeElement).to.equal(primary(el));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Отмена');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(primary(el));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Отмена');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(redeemButton(el, rewards.cheapest));
    expect(posts()).to.have.length(0);
    // Cancel does the same.
    redeemButton(el, rewards.cheapest)!.click();
    await waitUntil(() => dialog(el).open);
    $$<HTMLButtonElement>(el, 'dialog button').find((b) => b.textContent!.trim() === 'Отмена')!.click();
    await waitUntil(() => !dialog(el).open);
    expect(el.shadowRoot!.activeElement).to.equal(redeemButton(el, rewards.cheapest));
    expect(ledgerOf(ANNA, 'redemption')).to.have.length(2);
  });

  it('redeems once: one keyed POST, the voucher and how to use it, events, stock and balance updated', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    const before = backend.db.wallet(ANNA).balance;
    const changes: CustomEvent[] = [];
    el.addEventListener('veche-points-change', (e) => changes.push(e));
    const redeem = oneEvent(el, 'veche-redeem');
    redeemButton(el, rewards.lastOne)!.click();
    await waitUntil(() => dialog(el).open);
    primary(el).click();
    primary(el).click(); // a double click is still one spend
    const { detail } = await redeem;
    await waitUntil(() => $(el, '[part~="voucher"]'), 'no voucher');
    expect(dialog(el).open).to.be.false;
    const mine = backend.db.redemptions.filter((r) => r.citizenId === ANNA && r.rewardId === rewards.lastOne);
    expect(mine).to.have.length(1);
    expect(text(el, '[part~="voucher"]')).to.equal(mine[0]!.voucherCode);
    expect(text(el, '[part~="confirmation"]')).to.contain('Готово! Вы обменяли 350 баллов на «Каток с прокатом коньков».').and.contain('Как использовать: Покажите код в пункте проката.');
    expect(el.shadowRoot!.activeElement!.id).to.equal('outcome');
    expect(detail).to.deep.equal({ reward: rewards.lastOne, redemption: mine[0]!.id, cost: 350, balance: before - 350 });
    expect(changes.map((e) => e.detail)).to.deep.equal([{ delta: -350, balance: before - 350, reason: 'redemption' }]);
    expect(posts()).to.have.length(1);
    expect(posts()[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(text(el, '[part~="balance"]')).to.equal(`Баланс: ${before - 350} баллов`);
    // The card now says it is gone.
    const skating = $$(el, '[part~="reward"]').find((c) => c.textContent!.includes('Каток'))!;
    expect(skating.querySelector('[part~="out-of-stock"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a network cut after the server spent: the spend waits, is resent with the same key and spends ONCE', async () => {
    let cut = true;
    await mocks(
      http.post(`${MOCK_API}/redemptions`, async ({ request }) => {
        if (!cut) return undefined;
        // The server does the work, then the answer is lost on the way back.
        await getResponse(backend.handlers, request.clone());
        return HttpResponse.error();
      }),
    );
    const el = await renderWallet({ tab: 'rewards' });
    const before = backend.db.wallet(ANNA).balance;
    redeemButton(el, rewards.cheapest)!.click();
    await waitUntil(() => dialog(el).open);
    primary(el).click();
    await waitUntil(() => el.matches(':state(waiting)'), 'not waiting', { timeout: 5000 });
    expect(text(el, '[part~="waiting"]')).to.contain('баллы не спишутся дважды');
    expect(ledgerOf(ANNA, 'redemption')).to.have.length(3);
    await expect(el).to.be.accessible();
    cut = false;
    $$<HTMLButtonElement>(el, 'dialog button').find((b) => b.textContent!.trim() === 'Отправить сейчас')?.click();
    await waitUntil(() => $(el, '[part~="voucher"]'), 'no voucher after the retry', { timeout: 6000 });
    expect(posts().length).to.be.greaterThan(1);
    expect(new Set(posts().map((p) => p.key)).size).to.equal(1);
    expect(ledgerOf(ANNA, 'redemption')).to.have.length(3);
    expect(backend.db.redemptions.filter((r) => r.citizenId === ANNA)).to.have.length(3);
    expect(backend.db.wallet(ANNA).balance).to.equal(before - 100);
    expect(text(el, '[part~="voucher"]')).to.equal(backend.db.redemptions.at(-1)!.voucherCode);
  });

  it('a spend queued before a reload is sent on the next load with its key, once', async () => {
    let cut = true;
    await mocks(
      http.post(`${MOCK_API}/redemptions`, async ({ request }) => {
        if (!cut) return undefined;
        await getResponse(backend.handlers, request.clone());
        return HttpResponse.error();
      }),
    );
    const first = await renderWallet({ tab: 'rewards' });
    redeemButton(first, rewards.cheapest)!.click();
    await waitUntil(() => dialog(first).open);
    primary(first).click();
    await waitUntil(() => first.matches(':state(waiting)'), 'not waiting', { timeout: 5000 });
    first.remove();
    cut = false;
    const el = await renderWallet({ tab: 'rewards' });
    await waitUntil(() => $(el, '[part~="voucher"]'), 'the queued spend was not sent', { timeout: 6000 });
    expect(new Set(posts().map((p) => p.key)).size).to.equal(1);
    expect(ledgerOf(ANNA, 'redemption')).to.have.length(3);
  });

  it('409 out-of-stock race: explained, nothing spent, catalogue and balance refreshed, veche-error', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    reward(rewards.lastOne).stock = 0; // someone else took the last one
    const gets = walletGets();
    const error = oneEvent(el, 'veche-error');
    redeemButton(el, rewards.lastOne)!.click();
    await waitUntil(() => dialog(el).open);
    primary(el).click();
    expect((await error).detail).to.include({ status: 409, type: 'https://veche.dev/problems/out-of-stock' });
    await waitUntil(() => $(el, '[part~="refused"]'), 'no refusal shown');
    expect(text(el, '[part~="refused"]')).to.equal('Награда «Каток с прокатом коньков» закончилась, пока вы её выбирали. Баллы не списаны, каталог обновлён.');
    expect(el.shadowRoot!.activeElement!.id).to.equal('outcome');
    expect(dialog(el).open).to.be.false;
    await waitUntil(() => $$(el, '[part~="reward"]').find((c) => c.textContent!.includes('Каток'))?.querySelector('[part~="out-of-stock"]'), 'catalogue not refreshed');
    await waitUntil(() => walletGets() > gets, 'balance not refreshed');
    expect(ledgerOf(ANNA, 'redemption')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('422 insufficient-points race from another tab: the missing amount explained, the balance refreshed', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    const balance = backend.db.wallet(ANNA).balance;
    credit(ANNA, -(balance - 100), 'Обмен в другой вкладке'); // another tab spent all but 100
    redeemButton(el, rewards.unlimited)!.click();
    await waitUntil(() => dialog(el).open);
    primary(el).click();
    await waitUntil(() => $(el, '[part~="refused"]'), 'no refusal shown');
    expect(text(el, '[part~="refused"]')).to.equal('Не хватает 400 баллов: баланс изменился, например в другой вкладке. Баллы не списаны, баланс обновлён.');
    await waitUntil(() => text(el, '[part~="balance"]') === 'Баланс: 100 баллов', 'balance not refreshed');
    await waitUntil(() => redeemButton(el, rewards.unlimited)?.textContent!.includes('Не хватает 400 баллов'), 'the button does not say what is missing');
    await expect(el).to.be.accessible();
  });

  it('dialog and voucher fit 320 px', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await renderWallet({ tab: 'rewards' });
      redeemButton(el, rewards.cheapest)!.click();
      await waitUntil(() => dialog(el).open);
      expect(dialog(el).getBoundingClientRect().right).to.be.at.most(320);
      primary(el).click();
      await waitUntil(() => $(el, '[part~="voucher"]'));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
