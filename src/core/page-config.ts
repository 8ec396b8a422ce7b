/**
 * The page level of configuration: `veche.configure({...})` (CDN) or `configure()` (npm),
 * and `data-*` attributes on the loader script. Widgets subscribe so a late `configure()`
 * call (after the widgets rendered) still reaches them.
 */
import { CONFIG_ATTRIBUTES, normalize, type ConfigProblem, type VecheConfig } from './config.js';

type Listener = () => void;

interface PageConfigState {
  config: VecheConfig;
  problems: ConfigProblem[];
  listeners: Set<Listener>;
}

// Shared through a global symbol so two copies of the kit (npm + CDN) on one page agree.
const STATE_KEY = Symbol.for('veche.page-config');
const host = globalThis as unknown as Record<symbol, PageConfigState | undefined>;
const state: PageConfigState = (host[STATE_KEY] ??= { config: {}, problems: [], listeners: new Set() });

export function getPageConfig(): { config: VecheConfig; problems: readonly ConfigProblem[] } {
  return { config: state.config, problems: state.problems };
}

/**
 * Sets page-level configuration; later calls override earlier keys. Returns the problems
 * found so a caller can react; each is also reported by the widgets that use the key.
 */
export function configure(options: VecheConfig & Record<string, unknown>): readonly ConfigProblem[] {
  const { config, problems } = normalize(options);
  state.config = { ...state.config, ...config };
  const replaced = new Set(Object.keys(options));
  state.problems = [...state.problems.filter((p) => !replaced.has(p.key)), ...problems];
  for (const listener of state.listeners) listener();
  return problems;
}

export function subscribePageConfig(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/**
 * The `<script>` tag that loaded the module at `moduleUrl`. `import.meta.url` is the address after
 * redirects (a CDN's unversioned link to its latest version, http → https), which the tag does not
 * name: then the first tag whose file has the same name.
 */
export function scriptOf(moduleUrl: string): HTMLScriptElement | null {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  const file = (url: string) => new URL(url).pathname.split('/').pop();
  return scripts.find((s) => s.src === moduleUrl) ?? scripts.find((s) => file(s.src) === file(moduleUrl)) ?? null;
}

/** Reads `data-api`, `data-locale`, … from the loader `<script>` element. */
export function configureFromScript(script: HTMLScriptElement | SVGScriptElement | null): void {
  if (!script) return;
  const options: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(CONFIG_ATTRIBUTES)) {
    const value = script.getAttribute(`data-${attribute}`);
    if (value !== null) options[key] = value;
  }
  if (Object.keys(options).length > 0) configure(options);
}

/** Test-only: forget everything the page configured. */
export function resetPageConfig(): void {
  state.config = {};
  state.problems = [];
  for (const listener of state.listeners) listener();
}
