/**
 * Typed, lazily loaded dictionaries with plural forms as data.
 *
 * Russian is the source language and ships with the widget; English and Tatar load on first
 * use. A namespace (`core`, `poll`, …) is defined from its Russian dictionary, so a key that
 * another locale lacks is a type error there. Plural messages are objects keyed by
 * `Intl.PluralRules` categories (ru: one/few/many; en: one/other; tt: other).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, type Locale } from './config.js';

/** Locales loaded on demand; Russian, the source, always ships with the widget. */
type LazyLocale = Exclude<Locale, 'ru'>;
import { formatNumber, pluralCategory } from './format-number.js';

export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | PluralMessage;
export type Messages = Record<string, Message>;

/** The same keys as the source dictionary, each a plain string or a plural message. */
export type Translation<M extends Messages> = { [K in keyof M]: M[K] extends string ? string : PluralMessage };

/** Text a CMS editor may replace on one element: any key of any namespace the widget uses. */
export type TextOverrides = Record<string, Message>;

export type Params = Record<string, string | number>;

type Loader<M extends Messages> = () => Promise<{ default: Translation<M> }>;
type VariantLoader<M extends Messages> = () => Promise<{ default: Partial<Translation<M>> }>;

/**
 * A text layer over every locale, chosen by the widget's theme: `kids` (Active Citizen Kids:
 * simpler wording) replaces only the keys it lists.
 */
export type TextVariant = 'kids';

export interface Namespace<M extends Messages> {
  readonly name: string;
  readonly source: M;
  readonly loaders: Record<LazyLocale, Loader<M>>;
  readonly variants: Partial<Record<TextVariant, Record<Locale, VariantLoader<M>>>>;
  readonly loaded: Map<Locale, Translation<M>>;
  /** Dictionaries (by locale) and text layers (by `variant:locale`) on their way. */
  readonly pending: Map<string, Promise<void>>;
  /** Variant layers by `variant:locale`. */
  readonly loadedVariants: Map<string, Partial<Translation<M>>>;
}

export function defineMessages<M extends Messages>(
  name: string,
  source: M,
  loaders: Namespace<M>['loaders'],
  variants: Namespace<M>['variants'] = {},
): Namespace<M> {
  return {
    name,
    source,
    loaders,
    variants,
    loaded: new Map([[DEFAULT_LOCALE, source as Translation<M>]]),
    pending: new Map(),
    loadedVariants: new Map(),
  };
}

/** Loads a text layer (e.g. kids) of a namespace for a locale; a namespace without it resolves at once. */
function loadVariant<M extends Messages>(namespace: Namespace<M>, variant: TextVariant, locale: Locale): Promise<void> | undefined {
  const key = `${variant}:${locale}`;
  const loader = namespace.variants[variant]?.[locale];
  if (!loader || namespace.loadedVariants.has(key)) return undefined;
  namespace.loadedVariants.set(key, {});
  const loading = loader().then(
    (module) => void namespace.loadedVariants.set(key, module.default),
    (error: unknown) => {
      namespace.loadedVariants.delete(key);
      console.error(`[veche] could not load the "${variant}" texts of ${namespace.name}`, error);
    },
  );
  // Kept after it settled: a part that asks again finds it loaded.
  namespace.pending.set(key, loading);
  return loading;
}

/** Replaces `{name}` placeholders; numbers are formatted for the locale (1 000, 1,000). */
export function interpolate(locale: Locale, template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function selectMessage(locale: Locale, message: Message, params: Params = {}): string {
  if (typeof message === 'string') return interpolate(locale, message, params);
  const count = typeof params.count === 'number' ? params.count : 0;
  const category = pluralCategory(locale, count);
  return interpolate(locale, message[category] ?? message.other, params);
}

/**
 * Loads a namespace's dictionary for a locale, and its text layer when the widget uses one (a
 * part awaits both before its first render: kids would otherwise read the standard wording
 * first); resolves at once when they are loaded.
 */
export function loadMessages<M extends Messages>(namespace: Namespace<M>, locale: Locale, variant?: TextVariant): Promise<unknown> {
  if (variant) loadVariant(namespace, variant, locale);
  let pending = namespace.pending.get(locale);
  if (!pending && !namespace.loaded.has(locale)) {
    pending = namespace.loaders[locale as LazyLocale]()
      .then((module: { default: Translation<M> }) => void namespace.loaded.set(locale, module.default))
      .catch((error: unknown) => {
        namespace.pending.delete(locale);
        console.error(`[veche] could not load the "${locale}" texts of ${namespace.name}`, error);
      });
    namespace.pending.set(locale, pending);
  }
  return Promise.all([pending, namespace.pending.get(`${variant}:${locale}`)]);
}

export interface LocalizedHost extends ReactiveControllerHost {
  /** Per-instance replacements for any text, by key. */
  strings?: TextOverrides;
  /** The text layer to use over the locale (`kids`), if any. */
  readonly textVariant?: TextVariant | undefined;
}

// The namespaces each element uses (core + its own), so that its texts switch language together.
const hostNamespaces = new WeakMap<LocalizedHost, Set<Namespace<Messages>>>();

/**
 * The locale an element renders in: the wanted one once every namespace it uses has loaded
 * it, Russian until then — never a sentence half in English, half in Russian.
 */
function renderedLocale(host: LocalizedHost, wanted: Locale): Locale {
  for (const namespace of hostNamespaces.get(host) ?? []) if (!namespace.loaded.has(wanted)) return DEFAULT_LOCALE;
  return wanted;
}

/**
 * Gives a widget `t(key, params)` for one namespace in the widget's current locale. Until a
 * lazily loaded locale arrives the Russian source is shown, then the host re-renders.
 */
export class LocalizeController<M extends Messages> implements ReactiveController {
  constructor(
    private readonly host: LocalizedHost,
    private readonly namespace: Namespace<M>,
    private readonly currentLocale: () => Locale,
  ) {
    host.addController(this);
    let namespaces = hostNamespaces.get(host);
    if (!namespaces) hostNamespaces.set(host, (namespaces = new Set()));
    namespaces.add(namespace as unknown as Namespace<Messages>);
  }

  /** The locale texts and formats are rendered in right now. */
  get locale(): Locale {
    return renderedLocale(this.host, this.currentLocale());
  }

  hostUpdate(): void {
    const locale = this.currentLocale();
    if (!this.namespace.loaded.has(locale)) {
      void loadMessages(this.namespace, locale).then(() => this.host.requestUpdate());
    }
    const variant = this.host.textVariant;
    if (variant) void loadVariant(this.namespace, variant, this.locale)?.then(() => this.host.requestUpdate());
  }

  t(key: keyof M & string, params?: Params): string {
    const locale = this.locale;
    const variant = this.host.textVariant;
    const layer = variant ? this.namespace.loadedVariants.get(`${variant}:${locale}`) : undefined;
    const message =
      this.host.strings?.[key] ??
      layer?.[key] ??
      this.namespace.loaded.get(locale)?.[key] ??
      this.namespace.source[key] ??
      key;
    return selectMessage(locale, message, params);
  }
}
