/**
 * What the board's lazily loaded parts (the list, the idea page, the pledge flow, the "submit an
 * idea" form) use of the board: its texts, client, announcer, error rendering and navigation. Types
 * only, so a part never pulls the board's module into its chunk.
 */
import type { TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { Locale } from '../../core/config.js';
import type { LocalizeController, LocalizedHost } from '../../core/localize.js';
import type { CoreTexts } from '../../core/messages.js';
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

/** What a card needs of the board: its texts, money format and the support of an idea. */
export interface CardContext {
  readonly text: LocalizeController<typeof ru>;
  money(amount: number): string;
  /** What went wrong with the citizen's last support of idea `id`, if anything. */
  supportError(id: string): string | undefined;
  toggleSupport(idea: IdeaSummary): void;
}

/** What the virtualized list (idea-list.ts) uses of the board: the loaded ideas and where the citizen is in them. */
export interface ListContext extends BoardContext {
  items(): IdeaSummary[];
  /** How many ideas the list has in all, when the backend says. */
  total(): number | undefined;
  /** The card in the tab order (roving tabindex). */
  active(): number;
  setActive(index: number): void;
  loadingPage(): boolean;
  /** Loads the next page; resolves once it is shown, or has failed (`listError`). */
  loadMore(): Promise<void>;
  /** Why the last page could not be loaded, if it could not. */
  listError(): unknown;
  /** Every idea of the list is loaded. */
  ended(): boolean;
  /** The virtualizer rendered up to card `last`: time to ask for more? */
  rendered(last: number): void;
  openIdea(id: string, index: number): void;
}

export interface BoardContext extends CardContext {
  readonly host: HTMLElement & LocalizedHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly coreText: LocalizeController<CoreTexts>;
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
  needSignIn(action: string, focus?: boolean): void;
  clearSignIn(): void;
  signingIn(): boolean;
  /** Focuses the first element matching `selector` once the board has rendered. */
  focusLater(selector: string): void;
  /** The pledge flow for the open idea's funding: its starters, form and confirmation. */
  renderPledge(idea: Idea, funding: Funding): TemplateResult;
  /** Updates an idea's funding wherever it is shown. */
  patchFunding(id: string, funding: Funding): void;
}
