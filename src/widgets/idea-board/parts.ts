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
import type { LazyPart } from '../../core/lazy-part.js';
import type { IdeaStatus, IdeaSummary, Sort } from './api.js';
import type { ActionKey } from './part-text.js';
import type { PledgeFlow } from './pledge.js';

export type Key = keyof typeof ru & string;

export const STATUS_KEY: Record<IdeaStatus, ActionKey> = {
  moderation: 'statusModeration',
  published: 'statusPublished',
  review: 'statusReview',
  accepted: 'statusAccepted',
  implemented: 'statusImplemented',
  rejected: 'statusRejected',
};

/** Statuses an idea can be supported or funded in. */
export const OPEN: IdeaStatus[] = ['published', 'review', 'accepted'];

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
  /** Loads the list's first page again (after it failed). */
  reload(): void;
  /** The list's place while its first page is on its way. */
  renderListSkeleton(): TemplateResult;
  /** The search and filters as the controls show them (the sort is the one in effect), and whether the list is the citizen's own ideas. */
  filters(): { q?: string | undefined; category?: string | undefined; status?: IdeaStatus | undefined; sort: Sort; mine: boolean };
  /** Changes the search or a filter; the count of what the new list finds is said once it arrives. */
  setFilter(name: 'q' | 'category' | 'status' | 'sort', value: string | undefined): void;
  /** The citizen typed in the search box (the list follows once they pause). */
  search(text: string): void;
  openForm(): void;
}

export interface BoardContext {
  readonly host: HTMLElement & LocalizedHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly text: LocalizeController<typeof ru>;
  readonly coreText: LocalizeController<CoreTexts>;
  /** The locale the board is asked to render in (its texts may still be loading). */
  wantedLocale(): Locale;
  client(): ApiClient | undefined;
  /** The configured backend, for storage keys. */
  api(): string | undefined;
  /** The board's `category` filter: the form's default category. */
  category(): string | undefined;
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
  /** The pledge flow (pledge.ts), loaded when a citizen first starts a pledge. */
  readonly pledge: LazyPart<PledgeFlow>;
  /** Changes an idea wherever it is shown: its card in the list and its open page. */
  patchIdea(id: string, change: Partial<IdeaSummary>): void;
}
