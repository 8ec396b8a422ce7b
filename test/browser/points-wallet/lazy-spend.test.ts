/** The spend flow (dialog, outbox, voucher and receipt) loads with the rewards and donations sections. */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, passthrough } from 'msw';
import { $, $$, dialog, fixtureIds, mocks, primary, redeemButton, renderWallet, reset, text } from './setup.js';

describe('<veche-points-wallet> spend flow loaded on use', () => {
  beforeEach(() => reset());

  it('cannot be loaded: the rewards tab shows the error and a retry; after it the dialog traps focus and gives it back', async () => {
    let offline = true;
    await mocks(http.get(/\/points-wallet\/spend\.[jt]s$/, () => (offline ? HttpResponse.error() : passthrough())));
    const el = await renderWallet({ tab: 'rewards', loaded: false });
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry offered', { timeout: 5000 });
    expect(redeemButton(el, fixtureIds.rewards.cheapest), 'no redeem button without the flow that confirms it').to.be.null;
    await expect(el).to.be.accessible();

    offline = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => redeemButton(el, fixtureIds.rewards.cheapest), 'no catalogue after the retry', { timeout: 5000 });

    const trigger = redeemButton(el, fixtureIds.rewards.cheapest)!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'no dialog');
    expect(dialog(el).matches(':modal')).to.be.true;
    expect(text(el, 'dialog h3')).to.contain('Час парковки');
    expect(el.shadowRoot!.activeElement).to.equal(primary(el));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Отмена');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement, 'focus stays in the dialog').to.equal(primary(el));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'focus back on the button that opened it').to.equal(redeemButton(el, fixtureIds.rewards.cheapest));
    expect($$(el, '[part~="retry"]')).to.have.length(0);
  });
});
