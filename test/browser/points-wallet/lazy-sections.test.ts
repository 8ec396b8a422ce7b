/**
 * The history, rewards and donations sections load on use. Each test owns one section's
 * module: once a module has loaded it stays loaded for the rest of this page.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { $, $$, mocks, renderWallet, requests, reset } from './setup.js';

/** Requests for one of the wallet's own modules, e.g. `history` → …/points-wallet/history.ts. */
const moduleUrl = (name: string) => new RegExp(`/points-wallet/${name}\\.[jt]s$`);

describe('<veche-points-wallet> sections loaded on use', () => {
  beforeEach(() => reset());

  it('a section that cannot be loaded (offline): the standard error, veche-error, and a retry that loads it', async () => {
    let offline = true;
    await mocks(http.get(moduleUrl('history'), () => (offline ? HttpResponse.error() : passthrough())));
    const el = await renderWallet({ loaded: false });
    await waitUntil(() => el.matches(':state(ready)'), 'the wallet did not load');
    const error = oneEvent(el, 'veche-error');
    $<HTMLButtonElement>(el, '#tab-history')!.click();
    expect((await error).detail.code).to.equal('network');
    await waitUntil(() => $(el, '[part~="retry"]'), 'no retry offered');
    expect($(el, '[part~="panel"] [part~="error"]')!.textContent).to.contain('Нет связи');
    expect(el.matches(':state(ready)'), 'the rest of the wallet stays').to.be.true;
    await expect(el).to.be.accessible();

    offline = false;
    $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await waitUntil(() => $$(el, '[part~="entry"]').length > 0, 'the history did not come after the retry', { timeout: 5000 });
    expect($(el, '#kind')).to.exist;
    expect($(el, '[part~="retry"]')).to.be.null;
  });

  it('while a section loads: the list skeleton in reserved space, its list fetched in parallel', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await mocks(
      http.get(moduleUrl('donations'), async () => {
        await gate;
        return passthrough();
      }),
    );
    const el = await renderWallet();
    const height = el.getBoundingClientRect().height;
    $<HTMLButtonElement>(el, '#tab-donations')!.click();
    await waitUntil(() => requests.some((r) => r.path === '/funds'), 'the funds were not asked for while the section loads');
    await el.updateComplete;
    const busy = $(el, '[part~="panel"] [aria-busy="true"]')!;
    expect(busy, 'a loading state').to.exist;
    expect(busy.querySelectorAll('.skeleton')).to.have.length(2);
    expect(busy.getBoundingClientRect().height, 'space reserved').to.be.greaterThan(60);
    expect(el.getBoundingClientRect().height).to.be.at.least(Math.min(height, 320));
    expect(el.matches(':state(ready)')).to.be.true;
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, '[part~="fund"] form'), 'the donation forms did not come', { timeout: 5000 });
    expect($(el, '[part~="panel"] [aria-busy]')).to.be.null;
  });

  it('pointing at a tab or focusing it starts loading its section before the click', async () => {
    const asked: string[] = [];
    await mocks(
      http.get(moduleUrl('rewards'), ({ request }) => {
        asked.push(request.url);
        return passthrough();
      }),
    );
    const el = await renderWallet();
    const tab = $<HTMLButtonElement>(el, '#tab-rewards')!;
    tab.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => asked.length === 1, 'pointing at the tab did not start the import');
    expect(el.tab).to.equal('balance');
    tab.click();
    await waitUntil(() => $$(el, '[part~="reward"]').length > 0, 'no catalogue', { timeout: 5000 });
    expect(asked, 'imported once').to.have.length(1);
  });
});
