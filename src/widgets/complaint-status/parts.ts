/**
 * What the status view's lazily loaded parts (the complaint card, the "mine" list, the
 * confirm / dispute panel) use of the element. Types only — so a part never pulls the
 * element's module into its chunk (core's `adoptStyles` brings a part's styles along).
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { ResolvedConfig } from '../../core/config-controller.js';
import type { LocalizeController, LocalizedHost } from '../../core/localize.js';
import type { CoreTexts } from '../../core/messages.js';
import type { Complaint } from './api.js';

export type StatusHost = ReactiveControllerHost &
  LocalizedHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean> };

export interface StatusContext {
  readonly host: StatusHost;
  readonly coreText: LocalizeController<CoreTexts>;
  config(): ResolvedConfig;
  client(): ApiClient | undefined;
  /** The element lists the citizen's complaints (`mine`) rather than showing one. */
  mine(): boolean;
  /** The complaints on screen, each as the server last returned it. */
  shown(): Complaint[];
  /** Shows a complaint as the server returned it after a confirmation or a refresh. */
  replace(complaint: Complaint): void;
  announce(message: string, options?: { assertive?: boolean }): void;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
  renderSignIn(): TemplateResult;
  /** Fires `veche-auth-required`; true when the element should show its sign-in prompt. */
  /** `focus`: the citizen's own action was refused, so the prompt takes focus. */
  requireSignIn(action: string, focus?: boolean): boolean;
  /** The confirm / dispute panel and rating offer of one complaint (a part of its own). */
  renderConfirmation(complaint: Complaint, level: number): TemplateResult | typeof import('lit').nothing;
}

