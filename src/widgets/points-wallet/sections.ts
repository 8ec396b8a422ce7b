/**
 * What the wallet's lazily loaded sections (history, rewards, donations, the spend flow) use of
 * the wallet element. Types only, so a section never pulls the element's module into its chunk.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { LocalizeController } from '../../core/localize.js';
import type { PagedList } from '../../core/paged-list.js';
import type coreRu from '../../locales/ru/core.js';
import type sectionsRu from '../../locales/ru/wallet-sections.js';
import type { Fund, LedgerEntry, LedgerKind, Reward, RewardCategory } from './api.js';

export type Tab = 'balance' | 'history' | 'rewards' | 'donations';

/** What the confirmation dialog asks about. The key is made when it opens: a double click is one spend. */
export type Pending = { key: string; reward: Reward } | { key: string; fund: Fund; amount: number };

export interface WalletContext {
  readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly text: LocalizeController<typeof sectionsRu>;
  readonly coreText: LocalizeController<typeof coreRu>;
  readonly history: PagedList<LedgerEntry>;
  readonly rewards: PagedList<Reward>;
  readonly funds: PagedList<Fund>;
  client(): ApiClient | undefined;
  /** The configured backend, for storage keys and image URLs. */
  api(): string | undefined;
  balance(): number;
  /** "1 балл", "5 баллов": the core's plural of points. */
  points(count: number): string;
  kind(): LedgerKind | '';
  filterHistory(kind: LedgerKind | ''): void;
  category(): RewardCategory | '';
  filterRewards(category: RewardCategory | ''): void;
  /** Loads a list's first (or next) page; a failure is reported and shown by the list. */
  load(list: PagedList<unknown>, more?: boolean): Promise<void>;
  /** Opens the confirmation dialog for a spend; the spend flow loads first if it has not yet. */
  confirm(pending: Pending, trigger: HTMLElement): void;
  setBalance(balance: number): void;
  /** Refetches the wallet now (after a refusal: the balance changed elsewhere). */
  refresh(): void;
  /** Refetches the wallet and the history once, shared with echoes from other widgets. */
  scheduleRefresh(): void;
  show(tab: Tab): void;
  signOut(): void;
  /** A donation to this fund went through: its amount draft is done. */
  donated(fundId: string): void;
  announce(message: string, options?: { assertive?: boolean }): void;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
}
