import { expect, fixture, html } from '@open-wc/testing';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

// Runs in its own page: <veche-provider> is not defined until the test defines it.
describe('a provider that upgrades after its widgets', () => {
  it('still configures the widgets inside it', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const wrapper = await fixture(html`<veche-provider api="https://late.example/api" locale="en">
        <veche-test-widget></veche-test-widget>
      </veche-provider>`);
      const el = wrapper.querySelector<VecheTestWidget>('veche-test-widget')!;
      expect(customElements.get('veche-provider')).to.be.undefined;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="status"]')).to.exist;

      await import('../../../src/core/define-provider.js');
      await customElements.whenDefined('veche-provider');
      await (wrapper as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.getElementById('api')?.textContent).to.equal('https://late.example/api');
      expect(el.shadowRoot!.getElementById('locale')?.textContent).to.equal('en');
    } finally {
      console.error = original;
    }
  });
});
