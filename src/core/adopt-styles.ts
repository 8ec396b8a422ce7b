import type { CSSResult } from 'lit';

/**
 * Adds a lazily loaded part's stylesheets to a widget's shadow root, once each. Constructable
 * stylesheets (every engine the kit supports) need no nonce under a strict CSP; elsewhere a
 * `<style>` carries Lit's `litNonce`, as Lit itself falls back to.
 */
export function adoptStyles(root: Element | ShadowRoot | DocumentFragment, ...styles: CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  for (const style of styles) {
    const sheet = style.styleSheet;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      continue;
    }
    if ([...root.querySelectorAll('style[data-veche-part]')].some((el) => el.textContent === style.cssText)) continue;
    const element = document.createElement('style');
    element.dataset.vechePart = '';
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) element.setAttribute('nonce', nonce);
    element.textContent = style.cssText;
    root.append(element);
  }
}
