/**
 * What the kit needs only once something failed, loaded apart from every entry
 * (failure-handling.ts): reading the backend's problem document and retrying (api-failure.ts);
 * telling the citizen what went wrong, in the widget's language, with the Russian texts and the
 * control styles (the retry button, the sign-in link) that no first render carries; and telling
 * the webmaster, in the console, what is wrong with a widget's set-up.
 */
import type { ReactiveElement } from 'lit';
import ru from '../locales/ru/core-failure.js';
import { adoptStyles } from './adopt-styles.js';
import { controlStyles } from './control-styles.js';
import type { LocalizeController } from './localize.js';
import { addRussianCoreTexts, type CoreTexts } from './messages.js';
import { ApiError } from './problem.js';
// The offline message is one of the texts no entry carries (part-texts.ts).
import './part-texts.js';

export { fieldErrorsOf, readProblem, retry } from './api-failure.js';

// The Russian failure texts join the core source, which left them out so that no first render
// carries them; other locales have them in their core.ts.
addRussianCoreTexts(ru);

/**
 * Readies a widget for its error and sign-in states: the control styles join its own, for the
 * retry button and the sign-in link, where its styles left them out (`shellStyles`).
 */
export function prepare(widget: ReactiveElement): void {
  if (!(widget.constructor as typeof ReactiveElement).elementStyles.includes(controlStyles)) adoptStyles(widget.renderRoot, controlStyles);
}

/** The message to show a citizen for a failed request, in the widget's language. */
export function describeError(text: LocalizeController<CoreTexts>, error: unknown): string {
  if (!(error instanceof ApiError)) return text.t('errorUnknown');
  switch (error.kind) {
    // Not core's "offline" text: it promises that what was typed is kept and sent later, which
    // holds for a queued send (whose widget says so) but not for a read or a part that failed.
    case 'network':
      return text.t('errorNetwork');
    case 'not-found':
      return text.t('errorNotFound');
    case 'forbidden':
      return text.t('errorForbidden');
    case 'rate-limited':
      return text.t('errorRateLimited');
    case 'validation':
      return error.problem?.detail ?? text.t('errorValidation');
    case 'server':
    case 'unavailable':
      return text.t('errorServer');
    default:
      return error.problem?.detail ?? text.t('errorUnknown');
  }
}

/**
 * The citizen's click or send needs sign-in and nothing was sent: focus goes to the prompt once
 * it shows, which says why, and Tab reaches its link — if focus is still in the widget (they may
 * have moved on while the request travelled; a resend in the background never takes focus).
 */
export function focusSignIn(widget: ReactiveElement): void {
  if (!widget.matches(':focus-within')) return;
  widget.requestUpdate();
  void widget.updateComplete.then(() => widget.renderRoot.querySelector<HTMLElement>('[part~="sign-in"]')?.focus());
}

/** Tells the webmaster that a widget lacks an attribute it cannot work without (`example`: its value, e.g. `poll="42"`). */
export function reportMissingAttribute(widget: Element, attribute: string, example: string): void {
  console.error(`[veche] <${widget.localName}>: the "${attribute}" attribute is required, e.g. <${widget.localName} ${example}>.`);
}

/** Tells the webmaster that a widget's `strings` attribute is no JSON object of texts. */
export function reportBadStrings(value: string): void {
  console.error(`[veche] "strings" must be a JSON object of texts, e.g. {"submit": "Отправить"}; got ${value}`);
}

/** Widgets whose missing backend is waited for or was reported (then never again). */
const backendWatched = new WeakSet<Element>();

/**
 * Tells the webmaster once, at `reportAt`, that `widget` has no backend — unless it got one by
 * then (`missing()`) or left the page: a provider or a `veche.configure()` call may legitimately
 * arrive a little later.
 */
export function reportMissingBackend(widget: Element, missing: () => boolean, reportAt: number): void {
  if (backendWatched.has(widget)) return;
  backendWatched.add(widget);
  setTimeout(() => {
    if (widget.isConnected && missing()) {
      console.error(`[veche] <${widget.localName}>: no backend is configured. Set the "api" attribute, a <veche-provider api="…">, or veche.configure({ api: "…" }).`);
    } else {
      backendWatched.delete(widget);
    }
  }, reportAt - Date.now());
}
