/**
 * What the poll's lazily loaded parts (the view with its questions and voting; the survey's
 * review step; the confirmation, receipt check and results) use of the element. Types only,
 * so a part never pulls the element's module into its chunk.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { LazyPart } from '../../core/lazy-part.js';
import type { LocalizeController } from '../../core/localize.js';
import type { CoreTexts } from '../../core/messages.js';
import type ru from '../../locales/ru/poll.js';
import type { Poll } from './api.js';
import type { PollParts } from './veche-poll.js';

export interface PollContext {
  readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** The poll's texts; they load with the view, so a part never shows them in the wrong language. */
  readonly text: LocalizeController<typeof ru>;
  readonly coreText: LocalizeController<CoreTexts>;
  /** The review and results parts; the view shows them (or their skeleton or error) where they belong. */
  readonly parts: { readonly [K in Exclude<keyof PollParts, 'view'>]: LazyPart<PollParts[K]> };
  /**
   * Asks for a render in a task of its own, after the input event being handled: the event's task
   * stays short, and so does the render's.
   */
  renderLater(): void;
  /** The poll's id as the page set it (`poll`). */
  id(): string | undefined;
  /** The poll as last loaded. */
  poll(): Poll | undefined;
  /** Loads the poll again (a vote counted elsewhere). */
  reload(): void;
  client(): ApiClient | undefined;
  /** The resolved backend URL, for the draft's key and option pictures. */
  api(): string | undefined;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
  announce(message: string, options?: { assertive?: boolean }): void;
  /** Fires the cancelable `veche-auth-required`; true when the widget should show its sign-in prompt. */
  /** `focus`: the citizen's own action was refused, so the prompt takes focus. */
  requireSignIn(action: string, focus?: boolean): boolean;
  renderSignIn(): TemplateResult;
  renderError(error: unknown, retry?: () => void): TemplateResult;
  /** Core's pending part: a skeleton keeping its place, or the error with a retry. */
  renderPart(part: LazyPart<unknown>, options?: { retried?: () => void }): TemplateResult;
}
