import { DEV, warnOnce } from './dev.js';
import { newTask } from './render-queue.js';

/**
 * Registers a custom element once. Portals paste the kit's script twice, or load the npm
 * build and the CDN build on one page; a second `define` must be harmless, not a thrown
 * `NotSupportedError` that breaks the host page.
 *
 * Where the page already holds the tag (pasted before the script ran), `define` upgrades every
 * one of them at once — constructing, connecting, creating shadow roots and parsing stylesheets —
 * and it would do so inside the task that evaluated the widget's code. It then comes in a task
 * of its own: two shorter tasks instead of one long one, while the page's `:not(:defined)` rule
 * keeps each tag's space. A tag that appears later is defined at once, as before.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const define = () => {
    const existing = registry.get(tag);
    if (!existing) registry.define(tag, element);
    // Behind DEV: the production build then drops the message with the call.
    else if (DEV && existing !== element) warnOnce(`duplicate-${tag}`, `<${tag}> is already defined by another copy of Veche; keeping the first.`);
  };
  if (globalThis.document?.querySelector(tag)) void newTask().then(define);
  else define();
}
