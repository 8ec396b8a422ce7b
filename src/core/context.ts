import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
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

/**
 * Subscribes `host` to the configuration of the nearest `<veche-provider>` around it.
 *
 * Widgets may upgrade before that provider (its module loads later, or the CMS adds it after):
 * nothing answers their request then. A provider announces itself when it connects (a
 * `context-provider` event, which bubbles to the document unless a provider above it takes it
 * to hand its own subscribers over), and an unanswered host asks again then. @lit/context's
 * ContextRoot does the same for every context on the page; this is that one case, at a fraction
 * of the root's weight in every widget's entry.
 */
export function consumeProvidedConfig(host: ReactiveControllerHost & HTMLElement, callback: (value: ProvidedConfig) => void): void {
  let answered = false;
  const consumer = new ContextConsumer(host, {
    context: configContext,
    subscribe: true,
    callback: (value) => {
      answered = true;
      document.removeEventListener('context-provider', onProvider);
      callback(value);
    },
  });
  // The consumer's own lifecycle method sends the request again (its controller connected first).
  const onProvider = (event: Event) => {
    if ((event as Event & { context?: unknown }).context === configContext) consumer.hostConnected();
  };
  host.addController({
    hostConnected: () => {
      if (!answered) document.addEventListener('context-provider', onProvider);
    },
    hostDisconnected: () => {
      answered = false;
      document.removeEventListener('context-provider', onProvider);
    },
  });
}
