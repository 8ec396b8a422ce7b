/**
 * Public events of the kit. Every public event bubbles and is composed so the host page can
 * listen on `document`; names are `veche-` prefixed and contain no dots (jQuery would read a
 * dot as a namespace). Each one is declared in `GlobalEventHandlersEventMap` below, so
 * `addEventListener('veche-vote', e => e.detail.poll)` is typed in the host's TypeScript.
 *
 * A widget adds its own events in its folder following the same pattern: a detail interface,
 * a `VecheEvent` subclass or `vecheEvent()` call, and a `declare global` block.
 */

export class VecheEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail, init: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}

/** Dispatches a public event from `target`; returns false when a listener cancelled it. */
export function emit<K extends keyof VecheEventDetails>(
  target: EventTarget,
  type: K,
  detail: VecheEventDetails[K],
  init: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new VecheEvent(type, detail, init));
}

export interface VecheErrorDetail {
  /** Stable machine-readable code: `config`, `network`, `server`, `auth`, `not-found`, `validation`, … */
  code: string;
  /** Human-readable message in the widget's locale. */
  message: string;
  /** HTTP status when the error came from the backend. */
  status?: number;
  /** RFC 9457 problem type when the backend sent one. */
  type?: string;
}

export interface VecheAuthRequiredDetail {
  /** What the citizen tried to do, e.g. `vote`, `submit`, `support`. */
  action: string;
  /** The configured `login-url`, if any. Cancel the event to open your own sign-in flow. */
  loginUrl?: string;
}

export interface VechePointsChangeDetail {
  /** Points added (positive) or spent/donated (negative). */
  delta: number;
  /** The balance after the change when the backend reported it. */
  balance?: number;
  /** Why: `vote`, `complaint`, `idea`, `rating`, `redemption`, `donation`, `pledge`. */
  reason: string;
}

/**
 * The detail type of every public event, by name. Widgets extend it with
 * `declare module` blocks so `emit()` stays typed for their events too.
 */
export interface VecheEventDetails {
  'veche-error': VecheErrorDetail;
  'veche-auth-required': VecheAuthRequiredDetail;
  'veche-points-change': VechePointsChangeDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-error': CustomEvent<VecheErrorDetail>;
    'veche-auth-required': CustomEvent<VecheAuthRequiredDetail>;
    'veche-points-change': CustomEvent<VechePointsChangeDetail>;
  }
}
