/**
 * The CDN autoloader, `veche.js`: one `<script type="module">` a webmaster pastes. It exposes
 * exactly one global, `window.veche` (with `configure()`), reads `data-api`, `data-locale`, …
 * from its own script tag, and imports only the widgets whose tags are on the page — now or
 * later (content a CMS adds after load). Loading it twice is harmless.
 */
import { configure, configureFromScript } from './core/page-config.js';
import { widgetModules } from './registry.js';

interface VecheGlobal {
  configure: typeof configure;
  /** Resolves when every veche-* tag currently on the page is defined. */
  ready(): Promise<void>;
}

declare global {
  interface Window {
    veche?: VecheGlobal;
  }
}

const requested = new Set<string>();

function load(tag: string): Promise<unknown> | undefined {
  const importer = widgetModules[tag];
  if (!importer || requested.has(tag) || customElements.get(tag)) return undefined;
  requested.add(tag);
  return importer().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`[veche] could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): Promise<unknown>[] {
  const pending: Promise<unknown>[] = [];
  for (const element of root.querySelectorAll(':not(:defined)')) {
    const loading = element.localName.startsWith('veche-') ? load(element.localName) : undefined;
    if (loading) pending.push(loading);
  }
  return pending;
}

if (!window.veche) {
  const own = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
  configureFromScript(own ?? null);
  window.veche = {
    configure,
    ready: () => Promise.all(scan(document)).then(() => undefined),
  };
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          if (node.localName.startsWith('veche-') && !customElements.get(node.localName)) load(node.localName);
          scan(node);
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
} else {
  console.warn('[veche] veche.js is included twice on this page; the second copy does nothing.');
}
