import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DEFAULT_LOCALE,
  describeProblem,
  mergeConfig,
  normalize,
  toLocale,
  type ConfigKey,
  type ConfigProblem,
  type Locale,
  type VecheConfig,
} from './config.js';
import { consumeProvidedConfig, type ProvidedConfig } from './context.js';
import { getPageConfig, subscribePageConfig } from './page-config.js';

/** The configuration attributes and properties every widget and the provider declare. */
export interface ConfigurableHost extends ReactiveControllerHost, HTMLElement {
  api?: string;
  locale?: string;
  theme?: string;
  loginUrl?: string;
  privacyUrl?: string;
  getToken?: VecheConfig['getToken'];
}

export interface ResolvedConfig extends VecheConfig {
  locale: Locale;
}

// One observer for the whole page: widgets follow the host page switching `<html lang>` or its
// modes (`<html data-veche-theme="vision">`, a "версия для слабовидящих" button), at any time.
const pageListeners = new Set<() => void>();
let pageObserver: MutationObserver | undefined;
function watchPageSwitches(listener: () => void): () => void {
  if (!pageObserver && typeof MutationObserver !== 'undefined') {
    pageObserver = new MutationObserver(() => pageListeners.forEach((l) => l()));
    pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'data-veche-theme'] });
  }
  pageListeners.add(listener);
  return () => pageListeners.delete(listener);
}

const reported = new WeakMap<Element, Set<string>>();

/**
 * Resolves an element's configuration from its attributes, the nearest `<veche-provider>`,
 * the page level and defaults, and reports bad values once each. A bad value is treated as
 * unset at every level below it — it never silently falls through to another backend.
 */
export class ConfigController implements ReactiveController {
  value: ResolvedConfig = { locale: DEFAULT_LOCALE };
  problems: ConfigProblem[] = [];

  private provided?: ProvidedConfig;
  private unsubscribers: Array<() => void> = [];

  constructor(private readonly host: ConfigurableHost) {
    host.addController(this);
    consumeProvidedConfig(host, (value) => {
      this.provided = value;
      host.requestUpdate();
    });
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.unsubscribers = [subscribePageConfig(update), watchPageSwitches(update)];
  }

  hostDisconnected(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    this.unsubscribers = [];
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** Recomputes `value` and `problems`; called before every render. */
  resolve(): void {
    const host = this.host;
    const page = getPageConfig();
    // Runs before every render of every widget: the levels are merged again only when one changed.
    const inputs = [host.api, host.locale, host.theme, host.loginUrl, host.privacyUrl, host.getToken, this.provided, page.config, page.problems];
    if (!this.inputs || inputs.some((input, i) => input !== this.inputs![i])) {
      this.inputs = inputs;
      this.merged = this.merge(page);
    }
    const locale = this.merged.locale ?? documentLocale(host);
    // The same object while nothing changed, so widgets may compare it.
    if (this.value.locale !== locale || this.resolvedFrom !== this.merged) {
      this.resolvedFrom = this.merged;
      this.value = { ...this.merged, locale };
    }
  }

  private inputs?: unknown[];
  private merged: VecheConfig = {};
  private resolvedFrom?: VecheConfig;

  private merge(page: ReturnType<typeof getPageConfig>): VecheConfig {
    const host = this.host;
    const own = normalize({
      api: host.api,
      locale: host.locale,
      theme: host.theme,
      loginUrl: host.loginUrl,
      privacyUrl: host.privacyUrl,
      getToken: host.getToken,
    });
    const levels: Array<{ config: VecheConfig; problems: readonly ConfigProblem[]; source: string }> = [
      { ...own, source: `<${host.localName}>` },
      ...(this.provided ? [{ ...this.provided }] : []),
      { ...page, source: 'veche.configure()' },
    ];

    // A key with a problem at some level blocks that key at every level below.
    const blocked = new Set<ConfigKey>();
    const configs: VecheConfig[] = [];
    const problems: ConfigProblem[] = [];
    for (const level of levels) {
      const config = { ...level.config };
      for (const key of blocked) delete config[key];
      configs.push(config);
      for (const problem of level.problems) {
        if (blocked.has(problem.key) || config[problem.key] !== undefined) continue;
        blocked.add(problem.key);
        problems.push(problem);
      }
    }
    this.problems = problems;
    this.report(problems);
    return mergeConfig(...configs);
  }

  private report(problems: ConfigProblem[]): void {
    let seen = reported.get(this.host);
    if (!seen) reported.set(this.host, (seen = new Set()));
    for (const problem of problems) {
      const message = describeProblem(this.host.localName, problem);
      if (seen.has(message)) continue;
      seen.add(message);
      console.error(`[veche] ${message}`);
    }
  }
}

/** Locale from the closest `[lang]` (the element itself included), then `<html lang>`, then ru. */
export function documentLocale(element: Element): Locale {
  const langHolder = element.closest('[lang]');
  return (
    toLocale(langHolder?.getAttribute('lang')) ?? toLocale(document.documentElement.lang) ?? DEFAULT_LOCALE
  );
}
