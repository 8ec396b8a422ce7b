/**
 * What the framework declarations (jsx.d.ts, vue.d.ts) share: every `veche-*` tag the program
 * has registered — each define module augments `HTMLElementTagNameMap`, so a tag appears here as
 * soon as its widget is imported — with its properties, attributes and events.
 */
import type { LitElement } from 'lit';
import type { VecheEventDetails } from '../core/events.js';

/** `veche-poll` → VechePoll, for every registered Veche tag. */
export type VecheTagNameMap = {
  [K in keyof HTMLElementTagNameMap as K extends `veche-${string}` ? K : never]: HTMLElementTagNameMap[K];
};
export type VecheTagName = keyof VecheTagNameMap;

/** The element's own public properties (`poll`, `api`, `getToken`, `strings`, …). */
export type VecheElementProperties<E> = Partial<Omit<E, keyof LitElement>>;

/** Configuration attributes as a webmaster writes them in HTML. */
export interface VecheConfigAttributes {
  api?: string;
  locale?: 'ru' | 'en' | 'tt' | (string & {});
  theme?: string;
  'login-url'?: string;
  'privacy-url'?: string;
  /** JSON text overrides, e.g. `{"vote": "Голосую"}`. */
  strings?: string | Record<string, unknown>;
}

/** Every public Veche event: they bubble, so any tag (a provider too) may listen to all of them. */
export type VecheEventName = keyof VecheEventDetails & string;
export type VecheEvent<K extends VecheEventName> = CustomEvent<VecheEventDetails[K]>;

/** `veche-auth-required` → `VecheAuthRequired`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;
