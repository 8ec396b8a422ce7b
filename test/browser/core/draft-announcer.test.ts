import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from '../../../src/core/draft-controller.js';
import { readStored } from '../../../src/core/storage.js';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

class DraftHost extends LitElement {
  draft = new DraftController<{ text: string; key: string }>(this, { key: () => 'draft:test', delayMs: 200 });
}
customElements.define('draft-host', DraftHost);

describe('draft autosave', () => {
  beforeEach(() => localStorage.clear());

  it('persists within a second, restores after a "reload", and clears on success', async () => {
    const first = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    first.draft.save({ text: 'Яма', key: 'k1' });
    first.draft.save({ text: 'Яма на Ленина, 5', key: 'k1' });
    expect(readStored('draft:test')).to.be.undefined; // debounced
    await aTimeout(300);
    expect(readStored<{ value: unknown }>('draft:test')!.value).to.deep.equal({ text: 'Яма на Ленина, 5', key: 'k1' });

    first.remove(); // the page goes away
    const second = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    const restored = second.draft.load()!;
    expect(restored.value).to.deep.equal({ text: 'Яма на Ленина, 5', key: 'k1' });
    expect(restored.savedAt).to.be.closeTo(Date.now(), 2000);

    second.draft.clear();
    expect(second.draft.load()).to.be.undefined;
    expect(localStorage.length).to.equal(0);
  });

  it('flushes a pending save when the widget leaves the page', async () => {
    const el = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    el.draft.save({ text: 'не потерять', key: 'k2' });
    el.remove();
    expect(readStored<{ value: { text: string } }>('draft:test')!.value.text).to.equal('не потерять');
  });

  it('flushes when the page is hidden (tab closed on a phone)', async () => {
    const el = await fixture<DraftHost>(html`<draft-host></draft-host>`);
    el.draft.save({ text: 'pagehide', key: 'k3' });
    window.dispatchEvent(new Event('pagehide'));
    expect(readStored<{ value: { text: string } }>('draft:test')!.value.text).to.equal('pagehide');
  });
});

describe('announcer', () => {
  it('keeps its live regions across re-renders and announces into them', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget></veche-test-widget>`);
    const region = el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    el.api = '/api';
    await el.updateComplete;
    el.say('Голос учтён');
    await aTimeout(80);
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')).to.equal(region);
    expect(region.textContent).to.equal('Голос учтён');
  });

  it('says polite news that arrives before the last was written together with it; an error supersedes', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget></veche-test-widget>`);
    const polite = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    const assertive = el.shadowRoot!.querySelector('[aria-live="assertive"]')!;
    el.say('Голос учтён.');
    el.say('Код проверен.');
    await aTimeout(80);
    expect(polite.textContent).to.equal('Голос учтён. Код проверен.');
    // Written: the next news replaces it (a screen reader has it already).
    el.say('Баллы начислены.');
    await aTimeout(80);
    expect(polite.textContent).to.equal('Баллы начислены.');
    el.say('Сохраняем…');
    el.say('Ошибка сети', { assertive: true });
    await aTimeout(80);
    expect(assertive.textContent).to.equal('Ошибка сети');
    expect(polite.textContent).to.equal('');
    el.say('Снова в сети.');
    await aTimeout(80);
    expect(polite.textContent).to.equal('Снова в сети.');
    // Polite news does not cancel an error that waits to be written.
    el.say('Ошибка сервера', { assertive: true });
    el.say('Черновик сохранён.');
    await aTimeout(80);
    expect(assertive.textContent).to.equal('Ошибка сервера');
    expect(polite.textContent).to.equal('Черновик сохранён.');
    // An empty message cancels what waits.
    el.say('Найдено 5 идей');
    el.say('');
    await aTimeout(80);
    expect(polite.textContent).to.equal('');
  });
});

describe('cssProps', () => {
  it('sets and removes custom properties without a style attribute', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api"></veche-test-widget>`);
    const bar = el.shadowRoot!.querySelector<HTMLElement>('.bar')!;
    expect(bar.style.getPropertyValue('--_share')).to.equal('25%');
    expect(bar.getBoundingClientRect().width).to.equal(50);
    el.share = 0.5;
    el.requestUpdate();
    await el.updateComplete;
    expect(bar.getBoundingClientRect().width).to.equal(100);
  });
});
