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

  it('importing the provider define module twice registers it once', async () => {
    await import('../../../src/core/define-provider.js');
    const first = customElements.get('veche-provider');
    // @ts-expect-error a query-suffixed URL is a second module instance: the script pasted twice
    await import('../../../src/core/define-provider.js?again');
    expect(customElements.get('veche-provider')).to.equal(first);
  });
});
