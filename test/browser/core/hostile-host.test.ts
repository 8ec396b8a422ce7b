import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

/** What old CMS pages do to everything on them (Bootstrap 3 resets, theme CSS, "creative" fonts). */
const HOSTILE_CSS = `
  html { font-size: 10px; }
  body { font: italic 9px/3 "Comic Sans MS", fantasy; color: #f0f; text-align: center; letter-spacing: 3px;
         text-transform: uppercase; word-spacing: 12px; white-space: nowrap; text-indent: 40px; cursor: wait; }
  * { box-sizing: content-box; letter-spacing: 2px; line-height: 4; }
  button { all: unset; background: hotpink !important; }
  section, p { margin: 80px; padding: 40px; display: inline; }
`;

describe('a hostile host page', () => {
  let style: HTMLStyleElement;
  before(() => {
    style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
  });
  after(() => style.remove());

  it('does not change the widget inside: font, spacing, box model, controls', async () => {
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api="/api"></veche-test-widget>`);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    const button = el.shadowRoot!.querySelector('button')!;
    const text = getComputedStyle(base);
    expect(text.fontSize).to.equal('16px');
    expect(text.fontStyle).to.equal('normal');
    expect(text.letterSpacing).to.equal('normal');
    expect(text.textTransform).to.equal('none');
    expect(text.textAlign).to.equal('start');
    expect(text.whiteSpace).to.equal('normal');
    expect(text.textIndent).to.equal('0px');
    expect(text.fontFamily).not.to.contain('Comic');
    expect(text.lineHeight).to.equal('24px');
    const control = getComputedStyle(button);
    expect(control.boxSizing).to.equal('border-box');
    expect(control.backgroundColor).to.equal('rgb(31, 95, 168)');
    expect(control.display).to.equal('inline-flex');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    expect(control.cursor).to.equal('pointer');
  });

  it('fits 320 px without horizontal scroll', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<VecheTestWidget>(html`<div><veche-test-widget api="/api"></veche-test-widget></div>`);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });
});
