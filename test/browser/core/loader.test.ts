import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getPageConfig, resetPageConfig } from '../../../src/core/page-config.js';

describe('the CDN autoloader (veche.js)', () => {
  after(() => resetPageConfig());

  it('exposes exactly one global, window.veche, whose configure() sets the page level', async () => {
    const before = new Set(Object.keys(window));
    await import('../../../src/loader.js');
    const added = Object.keys(window).filter((key) => !before.has(key));
    expect(added).to.deep.equal(['veche']);
    window.veche!.configure({ api: 'https://cdn-page.example/api', locale: 'en' });
    expect(getPageConfig().config).to.include({ api: 'https://cdn-page.example/api', locale: 'en' });
  });

  it('defines a veche-* tag when it appears on the page, including content added later', async () => {
    expect(customElements.get('veche-provider')).to.be.undefined;
    const later = await fixture(html`<div></div>`);
    later.innerHTML = '<section><veche-provider api="/api"></veche-provider></section>';
    await waitUntil(() => customElements.get('veche-provider'), 'veche-provider was not loaded', { timeout: 5000 });
    await window.veche!.ready();
  });

  it('ready() resolves once every veche-* tag on the page is defined, those already loading too', async () => {
    expect(customElements.get('veche-agency-rating')).to.be.undefined;
    const later = await fixture(html`<div></div>`);
    try {
      later.innerHTML = '<veche-agency-rating></veche-agency-rating>';
      // The page's observer has started its load; its code is on the way.
      await new Promise((resolve) => setTimeout(resolve));
      expect(customElements.get('veche-agency-rating')).to.be.undefined;
      await window.veche!.ready();
      expect(customElements.get('veche-agency-rating')).to.exist;
    } finally {
      later.remove();
    }
  });

  it('starts a widget\'s import in a task of its own, not in the task that found its tag', async () => {
    const { widgetModules } = await import('../../../src/registry.js');
    const tag = 'veche-points-wallet';
    const original = widgetModules[tag]!;
    let afterThisTask = false;
    let importedAfter: boolean | undefined;
    widgetModules[tag] = () => {
      importedAfter = afterThisTask;
      return original();
    };
    const later = await fixture(html`<div></div>`);
    try {
      // A message posted now runs before any the loader posts for the tag below.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (afterThisTask = true);
      channel.port2.postMessage(undefined);
      later.innerHTML = `<${tag}></${tag}>`;
      await window.veche!.ready();
      expect(importedAfter, 'the import was never started').to.not.be.undefined;
      expect(importedAfter, 'the import started in the task that found the tag').to.be.true;
    } finally {
      widgetModules[tag] = original;
      later.remove();
    }
  });

  it('asks again, a few seconds later, for a widget whose code failed to load (a CDN hiccup)', async function () {
    this.timeout(10000);
    const { widgetModules } = await import('../../../src/registry.js');
    const tag = 'veche-complaint-status';
    expect(customElements.get(tag)).to.be.undefined;
    const original = widgetModules[tag]!;
    let asked = 0;
    widgetModules[tag] = () => (++asked === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original());
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => void errors.push(String(args[0]));
    const later = await fixture(html`<div></div>`);
    try {
      later.innerHTML = `<${tag}></${tag}>`;
      await waitUntil(() => customElements.get(tag), 'the tag was never defined after its code failed once', { timeout: 6000 });
      expect(asked).to.equal(2);
      // Said once, for the failure (the widget itself then says it has no backend here).
      expect(errors.filter((e) => e.startsWith('[veche] could not load'))).to.deep.equal([`[veche] could not load <${tag}>`]);
    } finally {
      console.error = originalError;
      widgetModules[tag] = original;
      later.remove();
    }
  });

  it('is harmless when the script is included twice: one warning, the first copy stays', async () => {
    const first = window.veche;
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      // @ts-expect-error a query-suffixed URL is a second module instance: the script pasted twice
      await import('../../../src/loader.js?twice');
    } finally {
      console.warn = original;
    }
    expect(window.veche).to.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('included twice');
  });
});
