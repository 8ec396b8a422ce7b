/**
 * The tabs (balance details and the sections' host) load with the wallet's first requests. This
 * file owns the tabs' module: once it has loaded it stays loaded for the rest of this page (the
 * first test lets it fail, which leaves it loadable).
 */
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { $, mocks, renderWallet, reset, text } from './setup.js';

const tabsModule = /\/points-wallet\/tabs\.[jt]s$/;

describe('<veche-points-wallet> tabs loaded with the balance', () => {
  beforeEach(() => reset());

  it('a visitor who is signed out does not wait for them: the sign-in call shows while their code is still on its way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    await mocks(
      http.get(tabsModule, async ({ request }) => {
        asked.push(request.url);
        await gate;
        return HttpResponse.error();
      }),
    );
    const errors: Event[] = [];
    const el = await renderWallet({ citizen: null, loaded: false });
    el.addEventListener('veche-error', (e) => errors.push(e));
    await waitUntil(() => el.matches(':state(signed-out)'), 'not signed out');
    expect(asked, 'asked for in parallel with the session check').to.have.length(1);
    expect($(el, '[part~="sign-in"]')).to.exist;
    release();
    await aTimeout(100);
    expect(errors, 'a failed prefetch nobody needed is not reported').to.have.length(0);
    expect($(el, '[part~="retry"]')).to.be.null;
  });

  it('on their way: the balance shows, the panel skeleton keeps its place; failed: the standard error and a retry that loads them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let offline = false;
    await mocks(
      http.get(tabsModule, async () => {
        await gate;
        return offline ? HttpResponse.error() : passthrough();
      }),
    );
    const el = await renderWallet({ loaded: false });
    await waitUntil(() => el.matches(':state(ready)'), 'the wallet did not load');
    await el.updateComplete;
    expect(text(el, '[part~="balance"]')).to.match(/^Баланс: .+ балл/);
    const busy = $(el, '[part~="panel"] [aria-busy="true"]')!;
    expect(busy, 'a loading state').to.exist;
    expect(busy.querySelectorAll('.skeleton')).to.have.length(2);
    expect(busy.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(60);
    await expect(el).to.be.accessible();

    offline = true;
    const error = oneEvent(el, 'veche-error');
    release();
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '[part~="panel"] [part~="retry"]'), 'no retry offered');
    expect(text(el, '[part~="panel"] [part~="error"]')).to.contain('Нет связи');
    expect(el.matches(':state(ready)'), 'the balance stays').to.be.true;
    await expect(el).to.be.accessible();

    offline = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $(el, '[part~="progress"]'), 'the balance tab did not come after the retry', { timeout: 5000 });
    expect($(el, '[part~="retry"]')).to.be.null;
  });
});
