import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../../src/core/define.js';

describe('guarded registration', () => {
  it('defines once; a second define (the script pasted twice) is harmless and warns once', async () => {
    class First extends LitElement {}
    class Second extends LitElement {}
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('veche-twice', First);
      expect(() => defineElement('veche-twice', First)).not.to.throw();
      expect(() => defineElement('veche-twice', Second)).not.to.throw();
      expect(() => defineElement('veche-twice', Second)).not.to.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('veche-twice')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<veche-twice> is already defined');
  });

  it('tags already on the page are upgraded in a task of their own, apart from the code that defines them', async () => {
    class Pasted extends LitElement {}
    const host = document.createElement('div');
    host.innerHTML = '<veche-pasted></veche-pasted>';
    document.body.append(host);
    try {
      defineElement('veche-pasted', Pasted);
      // Still in the defining task: the page's :not(:defined) rule keeps holding its space.
      expect(customElements.get('veche-pasted') === undefined, 'defined in the defining task').to.be.true;
      expect(host.firstElementChild!.matches(':not(:defined)')).to.be.true;
      await customElements.whenDefined('veche-pasted');
      expect(host.firstElementChild).to.be.instanceOf(Pasted);
      // A second copy pasted meanwhile stays harmless.
      expect(() => defineElement('veche-pasted', Pasted)).not.to.throw();
    } finally {
      host.remove();
    }
  });

  it('a tag not on the page yet is defined at once, so code may create it right away', () => {
    class Later extends LitElement {}
    defineElement('veche-later', Later);
    expect(customElements.get('veche-later')).to.equal(Later);
    expect(document.createElement('veche-later')).to.be.instanceOf(Later);
  });

  it('importing the provider define module twice registers it once', async () => {
    await import('../../../src/core/define-provider.js');
    const first = customElements.get('veche-provider');
    // @ts-expect-error a query-suffixed URL is a second module instance: the script pasted twice
    await import('../../../src/core/define-provider.js?again');
    expect(customElements.get('veche-provider')).to.equal(first);
  });
});
