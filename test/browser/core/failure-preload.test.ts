/**
 * The failure handling (src/core/failure.ts) is preloaded when the page is idle, not in the task of
 * a widget's connect or first request, which are on the way to its first render. (Its own page:
 * the module's state is changed for every test in this file.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadedFailureHandling, loadFailureHandling, preloadFailureHandling, setFailureImport, type FailureHandling } from '../../../src/core/failure-handling.js';
import '../../helpers/browser/test-widget.js';

let imports = 0;
const countingImport = () => {
  imports++;
  return import('../../../src/core/failure.js') as Promise<FailureHandling>;
};
const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('failure handling preload', () => {
  beforeEach(() => {
    imports = 0;
    setFailureImport(countingImport);
  });

  it('waits for the page to be idle, then loads once however many ask', async () => {
    preloadFailureHandling();
    preloadFailureHandling();
    await microtasks();
    expect(imports, 'imported in the task that asked').to.equal(0);
    await waitUntil(() => imports === 1, 'not loaded when idle', { timeout: 3000 });
    // Asked for meanwhile, it is the same import.
    expect(await loadFailureHandling()).to.exist;
    expect(imports).to.equal(1);
    preloadFailureHandling();
    await idle();
    expect(imports, 'loaded again').to.equal(1);
  });

  it('a failed preload is forgotten: the next one tries again', async () => {
    setFailureImport(() => {
      imports++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    });
    preloadFailureHandling();
    await waitUntil(() => imports === 1, 'not tried when idle', { timeout: 3000 });
    await microtasks();
    expect(loadedFailureHandling()).to.be.undefined;
    setFailureImport(countingImport);
    preloadFailureHandling();
    await waitUntil(() => imports === 2, 'not tried again when idle', { timeout: 3000 });
    expect(await loadFailureHandling()).to.exist;
    expect(loadedFailureHandling()).to.exist;
  });

  it('a widget connecting leaves it to the idle time', async () => {
    const el = await fixture(html`<veche-test-widget api="https://backend.test/api"></veche-test-widget>`);
    expect(el.isConnected).to.be.true;
    expect(imports, 'imported on connect').to.equal(0);
    await waitUntil(() => imports === 1, 'not loaded when idle', { timeout: 3000 });
  });
});
