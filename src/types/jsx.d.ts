/**
 * Typed Veche tags in React 19 JSX. React 19 passes props to a custom element as properties when
 * the element has them (so `getToken={() => token}` and object props work) and binds
 * `on<event-name>` props as DOM listeners: `<veche-poll poll="42" onveche-vote={(e) => e.detail.poll} />`.
 *
 *   // once, e.g. in src/veche-env.d.ts of the React app:
 *   /// <reference types="veche/jsx" />
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { VecheConfigAttributes, VecheElementProperties, VecheEvent, VecheEventName, VecheTagNameMap } from './elements.js';

/** `onveche-vote`, `onveche-error`, …: React 19 listens to the event of that exact name. */
export type VecheReactEventProps = {
  [K in VecheEventName as `on${K}`]?: (event: VecheEvent<K>) => void;
};

export type VecheReactProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  VecheConfigAttributes &
  VecheElementProperties<E> &
  VecheReactEventProps;

type VecheIntrinsicElements = { [K in keyof VecheTagNameMap]: VecheReactProps<VecheTagNameMap[K]> };

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
    interface IntrinsicElements extends VecheIntrinsicElements {}
  }
}
