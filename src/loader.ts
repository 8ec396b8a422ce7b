/**
 * The CDN autoloader, `veche.js`: one `<script type="module">` a webmaster pastes. It exposes
 * exactly one global, `window.veche` (with `configure()`), reads `data-api`, `data-locale`, …
 * from its own script tag, and imports only the widgets whose tags are on the page — now or
 * later (content a CMS adds after load). Loading it twice is harmless.
 */
import { configure, configureFromScript, scriptOf } from './core/page-config.js';
import { widgetModules } from './registry.js';

interface VecheGlobal {
  configure: typeof configure;
  /**
   * Resolves when every veche-* tag currently on the page is defined, or its code failed to
   * load (the console says which).
   */
  ready(): Promise<void>;
}

declare global {
  interface Window {
    veche?: VecheGlobal;
  }
}

/**
 * Each tag's load since it first appeared: settles once the tag is defined (a widget defines
 * its tag a task after its code, define.ts), or its code failed to load — then it is forgotten,
 * and the tag's next appearance tries again.
 */
const loads = new Map<string, Promise<void>>();
/** How often each tag's code failed to load. */
const failures = new Map<string, number>();

/**
 * Resolves in a task of its own. Each `import()` costs 2–3 ms to start at 4× CPU (the request and
 * its bookkeeping): seven of them took 12–25 ms in the task that ran this script, which a
 * portal's own deferred scripts share (bench/host-impact.ts). Core's `newTask` does the same,
 * but importing it puts the render queue in the loader's closure: 2.15 KB, over its 2 KB.
 */
const taskOfItsOwn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

function load(tag: string): Promise<void> | undefined {
  const importer = widgetModules[tag];
  if (!importer || customElements.get(tag)) return undefined;
  let loading = loads.get(tag);
  if (!loading) {
    loading = taskOfItsOwn().then(importer).then(
      () => customElements.whenDefined(tag).then(() => undefined),
      (error: unknown) => {
        loads.delete(tag);
        console.error(`[veche] could not load <${tag}>`, error);
        // A CDN's hiccup or a network cut would leave the tag an empty box for good: asked for
        // again 2, 4 and 8 s later (a browser fetches a module that failed anew).
        const failed = (failures.get(tag) ?? 0) + 1;
        failures.set(tag, failed);
        if (failed < 4) setTimeout(() => scan(document), 1000 * 2 ** failed);
      },
    );
    loads.set(tag, loading);
  }
  return loading;
}

/** The loads of the kit's tags in `root` that are not defined yet: those starting, and those on their way. */
function scan(root: ParentNode): Promise<void>[] {
  const pending: Promise<void>[] = [];
  for (const element of root.querySelectorAll(':not(:defined)')) {
    const loading = element.localName.startsWith('veche-') ? load(element.localName) : undefined;
    if (loading) pending.push(loading);
  }
  return pending;
}

if (!window.veche) {
  configureFromScript(scriptOf(import.meta.url));
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
