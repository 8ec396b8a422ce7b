import { warnOnce } from './dev.js';

/**
 * Registers a custom element once. Portals paste the kit's script twice, or load the npm
 * build and the CDN build on one page; a second `define` must be harmless, not a thrown
 * `NotSupportedError` that breaks the host page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== element) {
      warnOnce(`duplicate-${tag}`, `<${tag}> is already defined by another copy of Veche; keeping the first.`);
    }
    return;
  }
  registry.define(tag, element);
}
