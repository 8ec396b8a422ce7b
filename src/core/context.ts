import { createContext } from '@lit/context';
import { ContextRoot } from '@lit/context';
import type { ConfigProblem, VecheConfig } from './config.js';

/** What a `<veche-provider>` hands to the widgets inside it. */
export interface ProvidedConfig {
  config: VecheConfig;
  problems: readonly ConfigProblem[];
  /** The provider element, for messages that name where a bad value came from. */
  source: string;
}

// A global symbol, so a provider from the npm build serves widgets from the CDN build.
export const configContext = createContext<ProvidedConfig>(Symbol.for('veche.config'));

const ROOT_KEY = Symbol.for('veche.context-root');

/**
 * Widgets may upgrade before the `<veche-provider>` around them (the provider's module may
 * load later, or the CMS puts it after). A ContextRoot on the document keeps their unanswered
 * requests and replays them when a provider appears. Attached once per page.
 */
export function ensureContextRoot(): void {
  const host = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (host[ROOT_KEY] || typeof document === 'undefined') return;
  host[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
