import { aTimeout, expect, fixture, html, nextFrame } from '@open-wc/testing';
import { configure, configureFromScript, resetPageConfig, scriptOf } from '../../../src/core/page-config.js';
import { normalize } from '../../../src/core/config.js';
import { apiClientFor } from '../../../src/core/api-client.js';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

function text(el: VecheTestWidget, id: string): string {
  return el.shadowRoot!.getElementById(id)?.textContent ?? '';
}

function captureConsoleErrors(): { messages: string[]; restore: () => void } {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = original) };
}

describe('configuration', () => {
  afterEach(() => {
    resetPageConfig();
    document.documentElement.lang = '';
  });

  it('falls back to defaults: locale ru, and an error state when no backend is set', async () => {
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<VecheTestWidget>(html`<veche-test-widget></veche-test-widget>`);
      expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent).to.contain('недоступен');
      expect(errors.messages).to.be.empty; // a provider or configure() may still arrive
      await aTimeout(1100);
      expect(errors.messages.join('\n')).to.match(/<veche-test-widget>: no backend is configured.*"api"/);
      expect(el.matches(':state(misconfigured)')).to.be.true;
    } finally {
      errors.restore();
    }
  });

  it('takes the page level (configure) below everything else', async () => {
    configure({ api: 'https://page.example/api', locale: 'en', theme: 'kazan' });
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget></veche-test-widget>`);
    expect(text(el, 'api')).to.equal('https://page.example/api');
    expect(text(el, 'locale')).to.equal('en');
    expect(el.getAttribute('data-veche-theme')).to.equal('kazan');
  });

  it('lets a provider override the page and the own attribute override the provider', async () => {
    await import('../../../src/core/define-provider.js');
    configure({ api: 'https://page.example/api', locale: 'tt', loginUrl: 'https://page.example/login' });
    const wrapper = await fixture(html`<veche-provider api="https://provider.example/api" locale="en">
      <veche-test-widget id="plain"></veche-test-widget>
      <veche-test-widget id="own" api="https://own.example/api"></veche-test-widget>
    </veche-provider>`);
    const plain = wrapper.querySelector<VecheTestWidget>('#plain')!;
    const own = wrapper.querySelector<VecheTestWidget>('#own')!;
    await plain.updateComplete;
    await own.updateComplete;
    expect(text(plain, 'api')).to.equal('https://provider.example/api');
    expect(text(own, 'api')).to.equal('https://own.example/api');
    expect(text(own, 'locale')).to.equal('en');
    expect(text(own, 'login')).to.equal('https://page.example/login');
  });

  it('updates widgets when configure() is called after they rendered', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api"></veche-test-widget>`);
    expect(text(el, 'locale')).to.equal('ru');
    configure({ locale: 'en' });
    await el.updateComplete;
    expect(text(el, 'locale')).to.equal('en');
  });

  it('resolves the locale from the element lang, the closest [lang], then <html lang>', async () => {
    document.documentElement.lang = 'en-GB';
    const wrapper = await fixture(html`<div>
      <veche-test-widget id="html" api="/api"></veche-test-widget>
      <div lang="tt-RU"><veche-test-widget id="closest" api="/api"></veche-test-widget></div>
      <veche-test-widget id="own" api="/api" lang="ru"></veche-test-widget>
    </div>`);
    const [htmlLang, closest, own] = ['#html', '#closest', '#own'].map((s) => wrapper.querySelector<VecheTestWidget>(s)!);
    await Promise.all([htmlLang!.updateComplete, closest!.updateComplete, own!.updateComplete]);
    expect(text(htmlLang!, 'locale')).to.equal('en');
    expect(text(closest!, 'locale')).to.equal('tt');
    expect(text(own!, 'locale')).to.equal('ru');
    document.documentElement.lang = 'tt';
    await nextFrame();
    await htmlLang!.updateComplete;
    expect(text(htmlLang!, 'locale')).to.equal('tt');
  });

  it('reports a bad attribute once, naming it and what it accepts, and does not fall through to a lower level', async () => {
    configure({ api: 'https://page.example/api' });
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="ftp://files.example" locale="de"></veche-test-widget>`);
      el.requestUpdate();
      await el.updateComplete;
      const apiErrors = errors.messages.filter((m) => m.includes('"api"'));
      expect(apiErrors).to.have.length(1);
      expect(apiErrors[0]).to.contain('<veche-test-widget>: "api" is "ftp://files.example", but it must be the backend base URL: an http(s) URL or a path on this site');
      expect(errors.messages.some((m) => m.includes('"locale" is "de", but it must be one of ru, en, tt'))).to.be.true;
      // A bad api never silently falls back to the page's backend: the widget shows an error state.
      expect(el.shadowRoot!.querySelector('[part~="status"]')).to.exist;
      expect(el.shadowRoot!.getElementById('api')).to.be.null;
    } finally {
      errors.restore();
    }
  });

  it('falls back to the document locale when the locale attribute is invalid', async () => {
    const errors = captureConsoleErrors();
    try {
      const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api" locale="klingon"></veche-test-widget>`);
      expect(text(el, 'locale')).to.equal('ru');
    } finally {
      errors.restore();
    }
  });

  it('validates every key in one schema', () => {
    const { config, problems } = normalize({
      api: '/veche/api',
      locale: 'EN-us',
      theme: '  kazan   dark ',
      loginUrl: 'javascript:alert(1)',
      privacyUrl: 'https://region.example/privacy',
      getToken: 'not-a-function',
      colour: 'red',
    });
    expect(config.api).to.equal('/veche/api');
    expect(config.locale).to.equal('en');
    expect(config.theme).to.equal('kazan dark');
    expect(config.privacyUrl).to.equal('https://region.example/privacy');
    expect(problems.map((p) => p.attribute).sort()).to.deep.equal(['colour', 'getToken', 'login-url']);
    expect(normalize({ theme: 'Kazan<script>' }).problems[0]!.expected).to.contain('theme names');
  });

  it('reads data-* attributes from the loader script', async () => {
    const script = document.createElement('script');
    script.dataset.api = 'https://script.example/api';
    script.dataset.locale = 'tt';
    script.dataset.loginUrl = 'https://script.example/login';
    script.dataset.theme = 'ural dark';
    configureFromScript(script);
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget></veche-test-widget>`);
    expect(text(el, 'api')).to.equal('https://script.example/api');
    expect(text(el, 'locale')).to.equal('tt');
    expect(text(el, 'login')).to.equal('https://script.example/login');
    // The theme presets select the widget by this attribute.
    expect(el.getAttribute('data-veche-theme')).to.equal('ural dark');
  });

  it('finds the loader\'s own script tag when the CDN redirected it: the tag names one address, the module another', () => {
    const tag = (src: string) => {
      const script = document.createElement('script');
      script.type = 'text/plain'; // never fetched
      script.src = src;
      document.body.append(script);
      return script;
    };
    const other = tag('https://cdn.example/analytics/counter.js');
    const latest = tag('https://cdn.example/veche/latest/veche.js?from=portal');
    try {
      // As before: the module's own address.
      expect(scriptOf('https://cdn.example/veche/latest/veche.js?from=portal')).to.equal(latest);
      // "latest" redirected to a version, http to https: the module knows only where it ended up.
      expect(scriptOf('https://cdn.example/veche/1.4.0/veche.js')).to.equal(latest);
      expect(scriptOf('https://cdn.example/veche/1.4.0/other.js')).to.equal(null);
    } finally {
      other.remove();
      latest.remove();
    }
  });

  it('passes getToken from a provider property to the widget client', async () => {
    await import('../../../src/core/define-provider.js');
    const getToken = () => 'secret';
    const wrapper = await fixture(html`<veche-provider api="/api" .getToken=${getToken}><veche-test-widget></veche-test-widget></veche-provider>`);
    const el = wrapper.querySelector<VecheTestWidget>('veche-test-widget')!;
    await el.updateComplete;
    expect(el.apiClient).to.equal(apiClientFor('/api', getToken));
    expect(el.apiClient).not.to.equal(apiClientFor('/api'));
  });

  it('keeps the resolved configuration while nothing changed, and follows each level when it does', async () => {
    await import('../../../src/core/define-provider.js');
    const wrapper = await fixture(html`<veche-provider theme="kazan"><veche-test-widget api="/one"></veche-test-widget></veche-provider>`);
    const el = wrapper.querySelector<VecheTestWidget>('veche-test-widget')!;
    await el.updateComplete;
    const resolved = () => (el as unknown as { config: { value: Record<string, unknown> } }).config.value;
    const first = resolved();
    el.requestUpdate();
    await el.updateComplete;
    expect(resolved()).to.equal(first);

    el.setAttribute('api', '/two');
    await el.updateComplete;
    expect(resolved()).to.include({ api: '/two', theme: 'kazan' });

    wrapper.setAttribute('theme', 'ural');
    await el.updateComplete;
    await (wrapper as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await el.updateComplete;
    expect(resolved().theme).to.equal('ural');

    configure({ loginUrl: 'https://portal.example/login' });
    await el.updateComplete;
    expect(resolved()).to.include({ api: '/two', theme: 'ural', loginUrl: 'https://portal.example/login' });

    document.documentElement.lang = 'en';
    await aTimeout(0);
    await el.updateComplete;
    expect(resolved().locale).to.equal('en');
  });
});
