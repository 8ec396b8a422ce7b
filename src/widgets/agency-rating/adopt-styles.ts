import type { CSSResult } from 'lit';

/**
 * Adds a lazily loaded part's stylesheet to the widget's shadow root, once: adopted where
 * constructable stylesheets exist (no CSP question), else a `<style>` element as Lit itself
 * falls back to.
 */
export function adoptStyles(root: ShadowRoot | HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  if ([...root.querySelectorAll('style')].some((style) => style.textContent === styles.cssText)) return;
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  root.append(style);
}
