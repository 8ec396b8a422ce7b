import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

/** Two frames: the first lays out what changed, the second has seen that layout. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** A test widget below `screens` window heights of a portal's columns. */
async function belowTheFold(screens = 3): Promise<{ el: VecheTestWidget; page: HTMLElement }> {
  const page = await fixture<HTMLElement>(html`<div><div class="above"></div><veche-test-widget api="/api"></veche-test-widget></div>`);
  page.querySelector<HTMLElement>('.above')!.style.blockSize = `${window.innerHeight * screens}px`;
  const el = page.querySelector<VecheTestWidget>('veche-test-widget')!;
  await el.updateComplete;
  await frames();
  return { el, page };
}

describe('a widget off screen (content-visibility)', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('skips its style and layout until it comes near, then shows; leaving keeps its height', async () => {
    const { el } = await belowTheFold();
    const base = () => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    expect(el.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight * 2);
    expect(base().checkVisibility({ contentVisibilityAuto: true }), 'laid out while far off screen').to.equal(false);
    // Off screen and never shown, it is as tall as its reserve (20em at 16 px).
    expect(el.getBoundingClientRect().height).to.equal(320);

    el.scrollIntoView({ block: 'start' });
    await frames();
    expect(base().checkVisibility({ contentVisibilityAuto: true }), 'skipped in view').to.equal(true);
    const shownHeight = el.getBoundingClientRect().height;
    expect(shownHeight).to.not.equal(320);

    // Scrolled away again: the height it last had, so nothing below it moves.
    window.scrollTo(0, 0);
    await frames();
    expect(base().checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(shownHeight);
  });

  it('shows the whole focus ring of a control at its edge: the clip margin is wider than the ring', async () => {
    const el = await fixture<VecheTestWidget>(html`<div><input aria-label="before" /><veche-test-widget api="/api"></veche-test-widget></div>`);
    const widget = el.querySelector<VecheTestWidget>('veche-test-widget')!;
    await widget.updateComplete;
    el.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    const button = widget.shadowRoot!.activeElement as HTMLElement;
    expect(button?.localName).to.equal('button');
    const ring = getComputedStyle(button);
    expect(ring.outlineStyle, 'a keyboard focus ring').to.not.equal('none');
    const spread = Math.max(0, ...[...ring.boxShadow.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1])));
    const extent = Math.max(parseFloat(ring.outlineOffset) + parseFloat(ring.outlineWidth), spread);
    const host = getComputedStyle(widget);
    expect(host.contentVisibility).to.equal('auto');
    expect(extent).to.be.greaterThan(0);
    expect(parseFloat(host.overflowClipMargin)).to.be.at.least(extent);
  });

  it('a page opts out with its own rule, which beats the widget’s', async () => {
    const style = document.createElement('style');
    style.textContent = 'veche-test-widget { content-visibility: visible }';
    document.head.append(style);
    try {
      const { el } = await belowTheFold();
      expect(getComputedStyle(el).contentVisibility).to.equal('visible');
      expect(el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    } finally {
      style.remove();
    }
  });
});
