import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { formatNumber, formatRelative } from '../../../src/core/format.js';
import { LitElement } from 'lit';
import { LocalizeController, defineMessages, loadMessages, selectMessage } from '../../../src/core/localize.js';
import { coreMessages } from '../../../src/core/messages.js';
import ruPartTexts from '../../../src/locales/ru/core-parts.js';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

const NBSP = '\u00a0';

describe('localisation', () => {
  it('picks Russian plural forms: one / few / many', () => {
    const days = ruPartTexts.days;
    const said = (count: number) => selectMessage('ru', days, { count });
    expect([1, 2, 5, 21, 11, 22, 25, 111, 0].map(said)).to.deep.equal([
      '1 день',
      '2 дня',
      '5 дней',
      '21 день',
      '11 дней',
      '22 дня',
      '25 дней',
      '111 дней',
      '0 дней',
    ]);
    expect(selectMessage('ru', coreMessages.source.points, { count: 1000 })).to.equal(`1${NBSP}000 баллов`);
    expect(selectMessage('ru', coreMessages.source.points, { count: 1.5 })).to.equal('1,5 балла');
  });

  it('loads English and Tatar lazily, with their own plural rules', async () => {
    expect(coreMessages.loaded.has('en')).to.be.false;
    await Promise.all([loadMessages(coreMessages, 'en'), loadMessages(coreMessages, 'tt')]);
    const en = coreMessages.loaded.get('en')!;
    const tt = coreMessages.loaded.get('tt')!;
    expect(selectMessage('en', en.days, { count: 1 })).to.equal('1 day');
    expect(selectMessage('en', en.days, { count: 21 })).to.equal('21 days');
    expect(selectMessage('en', en.points, { count: 1000 })).to.equal('1,000 points');
    expect(selectMessage('tt', tt.days, { count: 1 })).to.equal('1 көн');
    expect(selectMessage('tt', tt.days, { count: 5 })).to.equal('5 көн');
  });

  it('renders a widget in its locale, switching when the attribute changes', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api"></veche-test-widget>`);
    const points = () => el.shadowRoot!.getElementById('points')!.textContent;
    expect(points()).to.equal('5 баллов');
    el.setAttribute('locale', 'en');
    await waitUntil(() => points() === '5 points');
    el.setAttribute('locale', 'tt');
    await waitUntil(() => points() === '5 балл');
  });

  it('never mixes languages: an element stays in Russian until all of its namespaces have the locale', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = defineMessages('slow-widget', { send: 'Отправить' }, {
      en: async () => (await gate, { default: { send: 'Send' } }),
      tt: async () => ({ default: { send: 'Җибәрү' } }),
    });
    class TwoNamespaces extends LitElement {
      core = new LocalizeController(this, coreMessages, () => 'en');
      own = new LocalizeController(this, slow, () => 'en');
    }
    customElements.define('two-namespaces', TwoNamespaces);
    const el = await fixture<TwoNamespaces>(html`<two-namespaces></two-namespaces>`);
    await loadMessages(coreMessages, 'en');
    expect(el.core.t('retry')).to.equal('Повторить');
    expect(el.own.t('send')).to.equal('Отправить');
    // Until every namespace has English, the element renders Russian.
    expect(el.own.locale).to.equal('ru');
    release();
    await loadMessages(slow, 'en');
    expect(el.core.t('retry')).to.equal('Try again');
    expect(el.own.t('send')).to.equal('Send');
  });

  it('applies the kids text layer over the locale when the theme includes kids', async () => {
    const texts = defineMessages(
      'kids-layer-test',
      { vote: 'Проголосовать', title: 'Опрос' },
      { en: async () => ({ default: { vote: 'Vote', title: 'Poll' } }), tt: async () => ({ default: { vote: 'Тавыш бирү', title: 'Сорау' } }) },
      { kids: { ru: async () => ({ default: { vote: 'Ответить' } }), en: async () => ({ default: { vote: 'Answer' } }), tt: async () => ({ default: {} }) } },
    );
    class KidsHost extends LitElement {
      variant: 'kids' | undefined = 'kids';
      get textVariant() {
        return this.variant;
      }
      text = new LocalizeController(this, texts, () => 'ru');
      protected override render() {
        return html`<p>${this.text.t('vote')} · ${this.text.t('title')}</p>`;
      }
    }
    customElements.define('kids-host', KidsHost);
    const el = await fixture<KidsHost>(html`<kids-host></kids-host>`);
    await waitUntil(() => el.shadowRoot!.textContent === 'Ответить · Опрос', 'the kids layer was not applied');
    el.variant = undefined;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Проголосовать · Опрос');
  });

  it('loadMessages with a text layer resolves once the locale and the layer are both there (a part awaits it before its first render)', async () => {
    let release!: () => void;
    const layerArrives = new Promise<void>((resolve) => (release = resolve));
    const texts = defineMessages(
      'part-layer-test',
      { vote: 'Проголосовать' },
      { en: async () => ({ default: { vote: 'Vote' } }), tt: async () => ({ default: { vote: 'Тавыш бирү' } }) },
      { kids: { ru: async () => ({ default: {} }), en: () => layerArrives.then(() => ({ default: { vote: 'Answer' } })), tt: async () => ({ default: {} }) } },
    );
    let settled = false;
    const loading = loadMessages(texts, 'en', 'kids').then(() => (settled = true));
    await loadMessages(texts, 'en');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled, 'resolved before the kids layer arrived').to.equal(false);
    release();
    await loading;
    const text = new LocalizeController({ addController() {}, requestUpdate() {}, textVariant: 'kids' } as never, texts, () => 'en');
    expect(text.t('vote')).to.equal('Answer');
    // Asked again once loaded, it resolves at once.
    await loadMessages(texts, 'en', 'kids');
  });

  it('the shared texts have a kids layer in every locale: kids mode words errors and buttons simply', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api" theme="kids"></veche-test-widget>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === 'Ещё раз', 'the Russian kids layer was not applied');
    el.locale = 'en';
    await waitUntil(() => el.shadowRoot!.getElementById('locale')!.textContent === 'en');
    await waitUntil(() => el.shadowRoot!.querySelector('button')!.textContent === 'One more time', 'the English kids layer was not applied');
    el.theme = 'kazan';
    el.locale = 'ru';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Повторить');
  });

  it('applies per-instance text overrides from a CMS editor (JSON attribute or property)', async () => {
    const el = await fixture<VecheTestWidget>(
      html`<veche-test-widget api="/api" strings='{"retry": "Ещё раз", "points": {"one": "{count} очко", "few": "{count} очка", "many": "{count} очков", "other": "{count} очка"}}'></veche-test-widget>`,
    );
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Ещё раз');
    expect(el.shadowRoot!.getElementById('points')!.textContent).to.equal('5 очков');
    el.strings = { retry: 'Снова' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.equal('Снова');
  });

  it('formats numbers and relative times through Intl, Tatar falling back to Russian data where missing', () => {
    expect(formatNumber('ru', 1234567)).to.equal(`1${NBSP}234${NBSP}567`);
    expect(formatNumber('en', 1234567)).to.equal('1,234,567');
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(formatRelative('ru', now + 3 * 86400e3, now)).to.equal('через 3 дня');
    expect(formatRelative('en', now - 2 * 3600e3, now)).to.equal('2 hours ago');
    expect(formatRelative('tt', now + 86400e3, now)).to.be.a('string').and.not.empty;
  });
});
