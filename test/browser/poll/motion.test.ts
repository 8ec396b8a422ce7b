import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { animatedProperties } from '../../helpers/browser/paint.js';
import { $$, mocks, polls, renderPoll, reset } from './setup.js';

/** The longest animation or transition an element runs, in milliseconds (0 when none). */
function motion(node: Element): number {
  const style = getComputedStyle(node);
  const longest = (list: string) => Math.max(0, ...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
  const animation = style.animationName.split(',').every((n) => n.trim() === 'none') ? 0 : longest(style.animationDuration);
  const transition = style.transitionProperty === 'none' ? 0 : longest(style.transitionDuration);
  return Math.max(animation, transition);
}

describe('<veche-poll> motion', () => {
  beforeEach(async () => {
    reset();
    await mocks();
  });

  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('result bars grow into place by default', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await renderPoll(polls.openLive);
    const fills = $$<HTMLElement>(el, '[part~="result"] .bar .fill');
    expect(fills.length).to.be.greaterThan(1);
    for (const fill of fills) {
      expect(getComputedStyle(fill).animationName).to.equal('veche-poll-grow');
      expect(motion(fill)).to.equal(600);
    }
  });

  it('result bars grow by a transform from their start: no layout in every frame of it, in either direction', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await renderPoll(polls.openLive);
    const fill = $$<HTMLElement>(el, '[part~="result"] .bar .fill')[0]!;
    expect(animatedProperties(fill)).to.deep.equal(['transform']);
    expect(getComputedStyle(fill).transformOrigin).to.equal('0px 0px');

    const rtl = document.createElement('div');
    rtl.dir = 'rtl';
    document.body.append(rtl);
    try {
      rtl.append(el);
      await el.updateComplete;
      const fillRtl = $$<HTMLElement>(el, '[part~="result"] .bar .fill')[0]!;
      const [x, y] = getComputedStyle(fillRtl).transformOrigin.split(' ').map(parseFloat);
      // Its end: its own width (offsetWidth rounds it, and ignores the running transform).
      expect(x).to.be.closeTo(fillRtl.offsetWidth, 1).and.greaterThan(0);
      expect(y).to.equal(0);
    } finally {
      rtl.remove();
    }
  });

  it('with prefers-reduced-motion: nothing in the poll animates or transitions, result bars included', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.be.true;
    const el = await renderPoll(polls.openLive);
    const fills = $$<HTMLElement>(el, '[part~="result"] .bar .fill');
    expect(fills.length).to.be.greaterThan(1);
    for (const node of el.shadowRoot!.querySelectorAll('*')) {
      expect(motion(node), `<${node.localName} class="${node.className}"> moves`).to.be.below(1);
    }
  });

  for (const mode of ['reduced-motion', 'vision']) {
    it(`with the page switched to ${mode} (<html data-veche-theme>): nothing in the poll animates`, async () => {
      await emulateMedia({ reducedMotion: 'no-preference' });
      document.documentElement.setAttribute('data-veche-theme', `kazan ${mode}`);
      try {
        const el = await renderPoll(polls.openLive);
        expect(el.matches(':state(reduced-motion)')).to.be.true;
        // The page's palette reaches the widget by inheritance; its own attribute stays its own.
        expect(el.hasAttribute('data-veche-theme')).to.be.false;
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          expect(motion(node), `<${node.localName} class="${node.className}"> moves`).to.be.below(1);
        }
      } finally {
        document.documentElement.removeAttribute('data-veche-theme');
      }
    });
  }

  it('follows the page switching to vision after it loaded (a "версия для слабовидящих" button), and back', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await renderPoll(polls.openLive);
    expect(el.matches(':state(reduced-motion)')).to.be.false;
    try {
      document.documentElement.setAttribute('data-veche-theme', 'vision');
      await waitUntil(() => el.matches(':state(reduced-motion)'), 'the widget did not follow the page switch');
    } finally {
      document.documentElement.removeAttribute('data-veche-theme');
    }
    await waitUntil(() => !el.matches(':state(reduced-motion)'), 'the widget did not follow the page switching back');
  });
});
