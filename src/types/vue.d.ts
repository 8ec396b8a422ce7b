/**
 * Typed Veche tags in Vue 3 templates and `h()`. Vue sets a prop as a DOM property when the
 * element has it (`:get-token` / `.getToken` work), and `@veche-vote` / `onVecheVote` listen to
 * `veche-vote` (Vue hyphenates the rest of an `on…` prop).
 *
 *   // once, e.g. in env.d.ts of the Vue app:
 *   /// <reference types="veche/vue" />
 *   // and in vite.config: vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('veche-') } } })
 */
import type { DefineComponent } from 'vue';
import type { PascalCase, VecheConfigAttributes, VecheElementProperties, VecheEvent, VecheEventName, VecheTagNameMap } from './elements.js';

/** `onVecheVote`, `onVecheAuthRequired`, …: listeners for the kit's events. */
export type VecheVueEventProps = {
  [K in VecheEventName as `on${PascalCase<K>}`]?: (event: VecheEvent<K>) => void;
};

export type VecheVueProps<E extends HTMLElement> = VecheConfigAttributes & VecheElementProperties<E> & VecheVueEventProps;

type VecheGlobalComponents = { [K in keyof VecheTagNameMap]: DefineComponent<VecheVueProps<VecheTagNameMap[K]>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface GlobalComponents extends VecheGlobalComponents {}
}
