/**
 * What the board's lazily loaded parts (the idea page, the pledge flow, the "submit an idea"
 * form) use of the board: its texts, client, announcer, error rendering and navigation. Types
 * only, so a part never pulls the board's module into its chunk.
 */
import type { TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { Locale } from '../../core/config.js';
import type { LocalizeController, LocalizedHost } from '../../core/localize.js';
import type coreRu from '../../locales/ru/core.js';
import type ru from '../../locales/ru/idea-board.js';
import type { Funding, Idea, IdeaCategory, IdeaStatus, IdeaSummary } from './api.js';

export type Key = keyof typeof ru & string;

export const STATUS_KEY: Record<IdeaStatus, Key> = {
  moderation: 'statusModeration',
  published: 'statusPublished',
  review: 'statusReview',
  accepted: 'statusAccepted',
  implemented: 'statusImplemented',
  rejected: 'statusRejected',
};

/** Statuses an idea can be supported or funded in. */
export const OPEN: IdeaStatus[] = ['published', 'review', 'accepted'];

export interface BoardContext {
  readonly host: HTMLElement & LocalizedHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly text: LocalizeController<typeof ru>;
  readonly coreText: LocalizeController<typeof coreRu>;
  /** The locale the board is asked to render in (its texts may still be loading). */
  wantedLocale(): Locale;
  client(): ApiClient | undefined;
  /** The configured backend, for storage keys. */
  api(): string | undefined;
  /** The board's `category` filter: the form's default category. */
  category(): string | undefined;
  categories(): IdeaCategory[];
  paymentUrl(): string | undefined;
  announce(message: string, options?: { assertive?: boolean }): void;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
  /** Shows the sign-in call to action for `action` (unless the host handles sign-in itself). */
  needSignIn(action: string): void;
  clearSignIn(): void;
  signingIn(): boolean;
  /** Focuses the first element matching `selector` once the board has rendered. */
  focusLater(selector: string): void;
  money(amount: number): string;
  renderSupport(idea: IdeaSummary, page: boolean): TemplateResult;
  renderFunding(funding: Funding): TemplateResult;
  /** The pledge flow for the open idea's funding: its starters, form and confirmation. */
  renderPledge(idea: Idea, funding: Funding): TemplateResult;
  /** Updates an idea's funding wherever it is shown. */
  patchFunding(id: string, funding: Funding): void;
}
