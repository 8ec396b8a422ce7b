/**
 * What the wallet's lazily loaded parts use of the wallet element: the tabs (WalletHost) and
 * the sections they load (history, rewards, donations, the spend flow: WalletContext). Types
 * only, so a part never pulls the element's module into its chunk.
 */
import type { TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { Locale } from '../../core/config.js';
import type { LocalizedHost, LocalizeController } from '../../core/localize.js';
import type walletRu from '../../locales/ru/wallet.js';
import type { PagedList } from '../../core/paged-list.js';
import type { CoreTexts } from '../../core/messages.js';
import type sectionsRu from '../../locales/ru/wallet-sections.js';
import type { Fund, LedgerEntry, LedgerKind, Reward, RewardCategory, Wallet } from './api.js';
import type { PointsWalletParts } from './veche-points-wallet.js';

export type Tab = 'balance' | 'history' | 'rewards' | 'donations';

/** What the confirmation dialog asks about. The key is made when it opens: a double click is one spend. */
export type Pending = { key: string; reward: Reward } | { key: string; fund: Fund; amount: number };
/** What a spend goes to: one reward or one fund. */
export type SpendTarget = { reward: Reward } | { fund: Fund };

/** The sections the tabs load on use. */
export type SectionName = Exclude<keyof PointsWalletParts, 'tabs'>;

/** What the wallet element hands its tabs (tabs.ts). */
export interface WalletHost {
  readonly host: LocalizedHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** The texts of the wallet's first view (balance, level, tabs). */
  readonly walletText: LocalizeController<typeof walletRu>;
  readonly coreText: LocalizeController<CoreTexts>;
  locale(): Locale;
  client(): ApiClient | undefined;
  /** The configured backend, for storage keys and image URLs. */
  api(): string | undefined;
  /** The wallet as last fetched (the balance may be newer, from a spend or an event). */
  summary(): Wallet | undefined;
  /** The tab shown. */
  tab(): Tab;
  pageSize(): number;
  /** "1 балл", "5 баллов": the core's plural of points. */
  points(count: number): string;
  /** Imports a section's code (the element's seam for stories). */
  importPart<K extends SectionName>(name: K): Promise<PointsWalletParts[K]>;
  /** How points are earned and spent: under the balance, and for a visitor who is signed out. */
  renderHow(): TemplateResult;
  setBalance(balance: number): void;
  /** Refetches the wallet now (after a refusal: the balance changed elsewhere). */
  refresh(): void;
  /** Refetches the wallet and the history once, shared with echoes from other widgets. */
  scheduleRefresh(): void;
  show(tab: Tab): void;
  signOut(): void;
  announce(message: string, options?: { assertive?: boolean }): void;
  describeError(error: unknown): string;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
}

/** What the sections use: the wallet's, and the tabs' lists and filters. */
export interface WalletContext extends Omit<WalletHost, 'walletText'> {
  readonly text: LocalizeController<typeof sectionsRu>;
  readonly history: PagedList<LedgerEntry>;
  readonly rewards: PagedList<Reward>;
  readonly funds: PagedList<Fund>;
  /** The balance less the spends that wait for the connection: what the citizen may still spend. */
  balance(): number;
  kind(): LedgerKind | '';
  filterHistory(kind: LedgerKind | ''): void;
  category(): RewardCategory | '';
  filterRewards(category: RewardCategory | ''): void;
  /** Loads a list's first (or next) page; a failure is reported and shown by the list. */
  load(list: PagedList<unknown>, more?: boolean): Promise<void>;
  /** Opens the confirmation dialog for a spend; the spend flow loads first if it has not yet. */
  confirm(pending: Pending, trigger: HTMLElement): void;
  /** Whether a spend on this reward or fund waits for the connection (it is not offered again). */
  spendQueued(target: SpendTarget): boolean;
  /** A donation to this fund went through: its amount draft is done. */
  donated(fundId: string): void;
  /**
   * The server refused the amount given to this fund: its message shows at the fund's amount
   * field, which takes focus; false when the fund offers no amount field now.
   */
  refuseAmount(fundId: string, message: string): Promise<boolean>;
}
