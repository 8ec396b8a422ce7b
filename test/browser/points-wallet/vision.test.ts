/**
 * The visually-impaired mode's "no decorative images", switched the way the README shows: the
 * theme files loaded by the page and `data-veche-theme="vision"` on <html> (or the widget's own
 * `theme`). A reward's or a fund's picture only decorates its card and disappears; a poll option's
 * sketch is what the citizen votes on, so it stays.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/widgets/poll/define.js';
import type { VechePoll } from '../../../src/widgets/poll/veche-poll.js';
import { $, backend, fixtureIds, mocks, MOCK_API, renderWallet, reset } from './setup.js';

const picture = (caption: string) => ({
  url: `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="teal"/></svg>`)}`,
  alt: caption,
});

const shown = (img: HTMLElement | null) => {
  expect(img, 'no picture rendered').to.exist;
  return getComputedStyle(img!).display !== 'none' && img!.getBoundingClientRect().height > 0;
};

describe('<veche-points-wallet> in the visually-impaired mode', () => {
  let themes: HTMLLinkElement;

  before(async () => {
    themes = document.createElement('link');
    themes.rel = 'stylesheet';
    themes.href = '/src/themes/index.css';
    const ready = new Promise((resolve, reject) => {
      themes.addEventListener('load', resolve);
      themes.addEventListener('error', reject);
    });
    document.head.append(themes);
    await ready;
  });

  after(() => themes.remove());

  beforeEach(async () => {
    reset();
    const reward = backend.db.rewards.find((r) => r.id === fixtureIds.rewards.cheapest)!;
    reward.image = picture(reward.title);
    const fund = backend.db.funds.find((f) => f.id === fixtureIds.funds.kids)!;
    fund.image = picture('');
    await mocks();
  });

  afterEach(() => document.documentElement.removeAttribute('data-veche-theme'));

  it('shows the pictures of rewards and funds by default', async () => {
    const rewards = await renderWallet({ tab: 'rewards' });
    expect(shown($(rewards, '[part~="reward"] img'))).to.be.true;
    const funds = await renderWallet({ tab: 'donations' });
    expect(shown($(funds, '[part~="fund"] img'))).to.be.true;
  });

  it('<html data-veche-theme="vision">: reward and fund pictures hidden, a poll option\'s sketch still shown', async () => {
    document.documentElement.setAttribute('data-veche-theme', 'vision');
    const rewards = await renderWallet({ tab: 'rewards' });
    const rewardPicture = $(rewards, '[part~="reward"] img')!;
    expect(shown(rewardPicture)).to.be.false;
    expect(getComputedStyle(rewardPicture).display).to.equal('none');
    const funds = await renderWallet({ tab: 'donations' });
    expect(getComputedStyle($(funds, '[part~="fund"] img')!).display).to.equal('none');
    await expect(funds).to.be.accessible();

    // The same page switch: content pictures are not decorative. Poll 42's first option has a sketch ("Эскиз: …").
    const poll = await fixture<VechePoll>(html`<veche-poll api=${MOCK_API} poll=${fixtureIds.polls.openSingle} locale="ru"></veche-poll>`);
    await waitUntil(() => $(poll, '[part~="option-image"]'), 'the poll shows no sketch', { timeout: 6000 });
    const sketch = $(poll, '[part~="option-image"]');
    expect(sketch?.getAttribute('alt')).to.match(/^Эскиз: /);
    expect(shown(sketch)).to.be.true;
  });

  it('theme="vision" on the widget alone hides its pictures too', async () => {
    const el = await renderWallet({ tab: 'rewards' });
    el.setAttribute('theme', 'vision');
    await el.updateComplete;
    expect(el.getAttribute('data-veche-theme')).to.equal('vision');
    expect(getComputedStyle($(el, '[part~="reward"] img')!).display).to.equal('none');
  });

  it('a page switched to vision outranks a widget\'s own city: its colours are the high-contrast ones', async () => {
    document.documentElement.setAttribute('data-veche-theme', 'vision dark');
    try {
      const el = await renderWallet({ tab: 'rewards' });
      el.setAttribute('theme', 'kazan');
      await el.updateComplete;
      const style = getComputedStyle(el);
      // contrast.css under "vision dark": white text; Kazan's own dark or light palette would differ.
      expect(style.getPropertyValue('--veche-color-text').trim()).to.equal('#ffffff');
      expect(style.getPropertyValue('--veche-font-size').trim()).to.equal('22px');
    } finally {
      document.documentElement.removeAttribute('data-veche-theme');
    }
  });
});
