/**
 * A spend queued while offline is spent already: the wallet neither offers the same reward again
 * nor counts the queued points as still there, and it keeps focus inside the dialog that says so.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { scenarios } from '../../../src/mocks/index.js';
import { $, $$, ANNA, backend, dialog, fixtureIds, mocks, MOCK_API, primary, redeemButton, renderWallet, requests, reset, ru, text, useOnly } from './setup.js';
import type { VechePointsWallet } from '../../../src/widgets/points-wallet/veche-points-wallet.js';

const rewards = fixtureIds.rewards;
const cost = (id: string) => backend.db.rewards.find((r) => r.id === id)!.cost;
const posts = () => requests.filter((r) => r.method === 'POST' && r.path === '/redemptions');
const dialogButton = (el: Element, label: string) => $$<HTMLButtonElement>(el, 'dialog button').find((b) => b.textContent!.trim() === label)!;

/** The element that has focus, looked for through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Redeems `rewardId` while the network is down: the redemption waits in the outbox. */
async function redeemOffline(el: VechePointsWallet, rewardId: string): Promise<void> {
  await useOnly(...scenarios.offline());
  redeemButton(el, rewardId)!.click();
  await waitUntil(() => dialog(el).open, 'no dialog');
  primary(el).focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.matches(':state(waiting)'), 'the redemption does not wait', { timeout: 5000 });
}

describe('<veche-points-wallet> spends queued offline', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  it('a queued redemption is not offered again, its points are not offered again, and it is sent once', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    const before = backend.db.wallet(ANNA).balance;
    const redeemedBefore = backend.db.redemptions.length;
    const parking = cost(rewards.cheapest);
    await redeemOffline(el, rewards.cheapest);
    dialogButton(el, 'Закрыть').click();
    await waitUntil(() => !dialog(el).open, 'the dialog did not close');
    // Between automatic retries (each one hides it while it is on its way).
    await waitUntil(() => text(el, '[part~="queued"]').includes('1 операция ждёт отправки'), 'the tab does not say a spend waits');

    // The same reward: says its redemption waits, and opens no second confirmation.
    const same = redeemButton(el, rewards.cheapest)!;
    same.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100)); // the spend flow opens its dialog after a promise
    expect(dialog(el).open, 'a second confirmation opened').to.be.false;
    expect(same.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Обмен уже ждёт отправки: Час парковки в центре');
    expect(same.getAttribute('aria-disabled')).to.equal('true');
    expect(same.matches('[part~="redeem-queued"]')).to.be.true;
    await expect(el).to.be.accessible();

    // What is left counts the queued spend: the balance, another reward's preview, the missing amount.
    expect(text(el, '[part~="balance"]')).to.equal(`Баланс: ${ru(before - parking)} баллов`);
    redeemButton(el, rewards.unlimited)!.click();
    await waitUntil(() => dialog(el).open, 'another reward cannot be redeemed');
    expect(text(el, 'dialog')).to.contain(`останется ${ru(before - parking - cost(rewards.unlimited))} баллов`);
    dialogButton(el, 'Отмена').click();
    await waitUntil(() => !dialog(el).open);
    const theatre = redeemButton(el, 'theatre-ticket')!;
    expect(theatre.textContent).to.contain(`Не хватает ${ru(cost('theatre-ticket') - (before - parking))} баллов`);

    // Back online: the one queued redemption goes out, once.
    const sentOffline = posts().length;
    await useOnly();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '[part~="voucher"]'), 'the queued redemption was not sent', { timeout: 6000 });
    expect(posts().slice(sentOffline)).to.have.length(1);
    expect(new Set(posts().map((p) => p.key)).size).to.equal(1);
    expect(backend.db.redemptions.length - redeemedBefore).to.equal(1);
    expect(backend.db.wallet(ANNA).balance).to.equal(before - parking);
    // Sent: its points are gone on the server, so no longer subtracted here as well.
    await waitUntil(() => text(el, '[part~="balance"]') === `Баланс: ${ru(before - parking)} баллов`, 'the balance is off after sending');
    expect(redeemButton(el, rewards.cheapest)!.textContent).to.contain('Обменять');
  });

  it('a redemption queued before a reload is still counted and not offered again', async () => {
    const first = await renderWallet({ tab: 'rewards' });
    const before = backend.db.wallet(ANNA).balance;
    await redeemOffline(first, rewards.cheapest);
    first.remove();
    // The new wallet loads, but the redemption still cannot be sent.
    await useOnly(http.post(`${MOCK_API}/redemptions`, () => HttpResponse.error()));
    const el = await renderWallet({ tab: 'rewards' });
    await waitUntil(() => redeemButton(el, rewards.cheapest)?.matches('[part~="redeem-queued"]'), 'the queued reward is offered again after a reload', { timeout: 6000 });
    await waitUntil(() => text(el, '[part~="balance"]') === `Баланс: ${ru(before - cost(rewards.cheapest))} баллов`, 'the queued spend is not counted after a reload');
  });

  it('a queued redemption keeps its cost: still counted after a reload when the catalogue no longer lists its reward', async () => {
    const first = await renderWallet({ tab: 'rewards' });
    const before = backend.db.wallet(ANNA).balance;
    const price = cost(rewards.cheapest);
    await redeemOffline(first, rewards.cheapest);
    first.remove();
    // The catalogue changed meanwhile: only the queued item knows what it costs.
    backend.db.rewards = backend.db.rewards.filter((r) => r.id !== rewards.cheapest);
    await useOnly(http.post(`${MOCK_API}/redemptions`, () => HttpResponse.error()));
    const el = await renderWallet({ tab: 'rewards' });
    await waitUntil(() => text(el, '[part~="balance"]') === `Баланс: ${ru(before - price)} баллов`, `the queued spend is not counted: ${text(el, '[part~="balance"]')}`, { timeout: 6000 });
  });

  it('confirming offline keeps focus inside the dialog, on the message that says the spend waits', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    await redeemOffline(el, rewards.cheapest);
    await waitUntil(() => dialog(el).contains(deepActive()), `focus left the dialog for ${deepActive()?.nodeName}`);
    expect(deepActive()!.textContent).to.contain('Нет связи с сервером');
    await expect(el).to.be.accessible();
    // "Send now", still offline: focus stays in the dialog, back on the message.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(primary(el));
    expect(primary(el).textContent!.trim()).to.equal('Отправить сейчас');
    const attempts = posts().length;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => posts().length > attempts && el.matches(':state(waiting)'), 'not sent again', { timeout: 5000 });
    await el.updateComplete;
    expect(dialog(el).contains(deepActive())).to.be.true;
    expect(dialog(el).open).to.be.true;
  });

  it('a queued donation is not made again: the fund’s form is read-only and says it waits; it is sent once', async () => {
    const fund = fixtureIds.funds.kids;
    const el = await renderWallet({ tab: 'donations' });
    const donatedBefore = backend.db.donations.length;
    const field = () => $<HTMLInputElement>(el, `#amount-${fund}`)!;
    const donate = () => $<HTMLButtonElement>(el, `#amount-${fund} ~ [part~="donate"]`)!;
    /** Donates `amount` as a citizen does: types it, presses "Donate", confirms if asked. */
    const tryDonating = async (amount: string) => {
      field().focus();
      field().select();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: amount });
      donate().click();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100)); // the spend flow opens its dialog after a promise
      if (dialog(el).open) primary(el).click();
    };
    await useOnly(...scenarios.offline());
    await tryDonating('100');
    await waitUntil(() => el.matches(':state(waiting)'), 'the donation does not wait', { timeout: 5000 });
    dialogButton(el, 'Закрыть').click();
    await waitUntil(() => !dialog(el).open, 'the dialog did not close');

    // The same fund: its form keeps the queued amount, read-only, and its button says the donation waits.
    await tryDonating('200');
    expect(dialog(el).open, 'a second confirmation opened').to.be.false;
    expect(field().value).to.equal('100');
    expect(field().readOnly).to.be.true;
    expect(donate().textContent!.replace(/\s+/g, ' ').trim()).to.equal('Пожертвование уже ждёт отправки: Фонд «Дети Заречья»');
    expect(donate().getAttribute('aria-disabled')).to.equal('true');
    expect(donate().matches('[part~="donate-queued"]')).to.be.true;
    await expect(el).to.be.accessible();

    // Back online: one donation reaches the server, with one key.
    await useOnly();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '[part~="receipt"]'), 'the queued donation was not sent', { timeout: 6000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second one would follow at once
    expect(backend.db.donations.length - donatedBefore).to.equal(1);
    const keys = requests.filter((r) => r.method === 'POST' && r.path === '/donations').map((r) => r.key);
    expect(new Set(keys).size).to.equal(1);
    await waitUntil(() => donate().textContent!.includes('Пожертвовать') && !field().readOnly, 'the fund is not offered again once sent');
  });
});
