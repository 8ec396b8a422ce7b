import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import type { VechePointsChangeDetail } from '../../core/events.js';
import { LocalizeController, loadMessages } from '../../core/localize.js';
import { PagedList } from '../../core/paged-list.js';
import { LazyPart } from '../../core/lazy-part.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { signedInOnly } from '../../core/session.js';
import { meterStyles } from '../../core/meter-styles.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { fetchFunds, fetchLedger, fetchRewards, fetchWallet, spendQueueKey, type Fund, type LedgerEntry, type LedgerKind, type Reward, type RewardCategory, type Wallet } from './api.js';
import type {} from './events.js';
import { walletMessages } from './messages.js';
import type { Pending, Tab, WalletContext } from './sections.js';
import { walletStyles } from './styles.js';

/**
 * The sections the balance tab does not need, each loaded when its tab is first shown (or
 * pointed at), in parallel with the tab's list. Spending comes with rewards and donations.
 */
const sections = {
  history: () => import('./history.js'),
  rewards: () => import('./rewards.js'),
  donations: () => import('./donations.js'),
  spend: () => import('./spend.js'),
};
export type PointsWalletParts = { [K in keyof typeof sections]: Awaited<ReturnType<(typeof sections)[K]>> };
type Sections = PointsWalletParts;

const TABS: Tab[] = ['balance', 'history', 'rewards', 'donations'];
const TAB_TEXT = { balance: 'tabBalance', history: 'tabHistory', rewards: 'tabRewards', donations: 'tabDonations' } as const;


/**
 * The citizen's points: balance and level with progress to the next one, the ledger with
 * filters, the rewards catalogue with redemption, and donations to charity funds. Every spend
 * is confirmed in a dialog and goes through the outbox with its own idempotency key, so a
 * retry after a lost answer never spends twice. Follows `veche-points-change` from other
 * widgets on the page, coalescing bursts into at most one refetch.
 * The balance shows at once; history, rewards, donations and the spend flow load on first use.
 *
 * @summary Lets a citizen see, spend and donate their participation points.
 * @tag veche-points-wallet
 * @status experimental
 * @since 0.1
 *
 * @fires veche-points-change - Points were spent or donated here. `detail: { delta, balance, reason }`.
 * @fires veche-redeem - A reward was redeemed. `detail: { reward, redemption, cost, balance }`; the voucher code stays in the widget.
 * @fires veche-donate - Points were donated. `detail: { fund, donation, amount, balance }`.
 * @fires veche-error - Loading failed or the server refused a spend. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - The citizen chose to sign in; cancel it to open your own sign-in flow instead of `login-url`.
 *
 * @csspart base - The wallet's container.
 * @csspart title - The "My points" heading.
 * @csspart balance - The balance.
 * @csspart level - The current level.
 * @csspart progress - The bar towards the next level.
 * @csspart tabs - The tab list; `tab` is one tab.
 * @csspart tab - One tab.
 * @csspart panel - The tab panel.
 * @csspart entry - One ledger entry.
 * @csspart reward - One reward card.
 * @csspart redeem - A reward's redeem button.
 * @csspart fund - One charity fund card.
 * @csspart donate - A fund's donate button.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirmation - The result of a spend: voucher or receipt.
 * @csspart voucher - The voucher code.
 * @csspart receipt - The donation receipt line.
 * @csspart more - "Show more" buttons.
 * @csspart status - Notices: loading, sign-in, errors, refusals, queued spends.
 *
 * @cssproperty --veche-wallet-accent - Balance, progress and earned amounts (default: `--veche-color-primary`).
 * @cssproperty --veche-wallet-bar-track - The empty part of the progress bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-wallet-reserve - Height reserved while loading (default: `20em`).
 *
 * @cssstate loading - The wallet is loading.
 * @cssstate ready - The wallet is shown.
 * @cssstate error - The wallet could not be loaded.
 * @cssstate signed-out - Nobody is signed in: a call to action and how points are earned.
 * @cssstate sending - A spend is on its way.
 * @cssstate waiting - A spend waits for the connection; it is resent with the same key.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VechePointsWallet extends VecheElement {
  static override styles = [...baseStyles, meterStyles, walletStyles];

  static override properties: PropertyDeclarations = {
    tab: {},
    pageSize: { type: Number, attribute: 'page-size' },
    wallet: { state: true },
    signedOut: { state: true },
    kind: { state: true },
    category: { state: true },
  };

  /** The section shown first: `balance` (default), `history`, `rewards` or `donations`. */
  tab: Tab = 'balance';
  /** Ledger entries per page of the history. */
  pageSize = 10;

  private wallet?: Wallet;
  private signedOut = false;
  private kind: LedgerKind | '' = '';
  private category: RewardCategory | '' = '';
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private lastClient?: unknown;

  private readonly text = new LocalizeController(this, walletMessages, () => this.config.value.locale);
  /** The sections' texts: created with the first section, so they load with it. */
  private sectionText?: WalletContext['text'];
  private readonly sections = {} as { [K in keyof Sections]: LazyPart<Sections[K]> };
  private donationForms?: InstanceType<Sections['donations']['DonationForms']>;
  private spendFlow?: InstanceType<Sections['spend']['SpendFlow']>;

  private readonly task = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      if (client !== this.lastClient) {
        // Another backend or another citizen: nothing of the previous one may stay on screen.
        this.lastClient = client;
        for (const list of [this.history, this.rewards, this.funds]) list.reset();
      }
      // A spend queued on an earlier visit goes out as soon as possible: its flow loads now.
      const api = this.config.value.api;
      if (api && hasQueued(spendQueueKey(api))) void this.spend();
      try {
        const wallet = await signedInOnly(client, () => fetchWallet(client, signal));
        this.wallet = wallet;
        this.signedOut = false;
        return wallet;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') {
          this.wallet = undefined;
          this.signedOut = true;
          return undefined;
        }
        if (!(error instanceof ApiError && error.kind === 'aborted')) this.reportError(error);
        throw error;
      }
    },
    args: () => [this.client] as const,
  });

  private readonly history = new PagedList<LedgerEntry>(
    this,
    (cursor, signal) => this.client && fetchLedger(this.client, this.kind, cursor, this.pageSize, signal),
  );
  private readonly rewards = new PagedList<Reward>(
    this,
    (cursor, signal) => this.client && fetchRewards(this.client, this.category, cursor, 20, signal),
  );
  private readonly funds = new PagedList<Fund>(this, (cursor, signal) => this.client && fetchFunds(this.client, cursor, 20, signal));

  /** Another widget awarded or spent points: take its balance now, refetch the rest once per burst. */
  private readonly onPointsChange = (event: CustomEvent<VechePointsChangeDetail>) => {
    if (event.composedPath().includes(this)) return;
    const { balance } = event.detail ?? {};
    if (this.wallet && typeof balance === 'number' && balance >= 0) this.wallet = { ...this.wallet, balance };
    this.scheduleRefresh();
  };

  /** How long a burst of `veche-points-change` events is collected into one refetch. */
  static refreshDelayMs = 800;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('veche-points-change', this.onPointsChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('veche-points-change', this.onPointsChange);
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of ['loading', 'ready', 'error', 'signed-out'] as const) this.setState(name, phase === name);
    const status = this.flow?.outbox.status;
    this.setState('sending', status === 'sending');
    this.setState('waiting', status === 'waiting');
    // A tab's section and list load when the tab is first shown (after this update, not inside it).
    const tab = this.current;
    const list = this.list;
    if (this.wallet && tab !== 'balance') {
      queueMicrotask(() => {
        void this.prepare(tab);
        if (list && !list.loaded) void this.load(list);
      });
    }
  }

  private get phase(): 'loading' | 'ready' | 'error' | 'signed-out' | undefined {
    if (this.misconfigured) return undefined;
    if (this.signedOut) return 'signed-out';
    if (this.wallet) return 'ready';
    return this.task.status === TaskStatus.ERROR ? 'error' : 'loading';
  }

  private get current(): Tab {
    return TABS.includes(this.tab) ? this.tab : 'balance';
  }

  private get list(): PagedList<unknown> | undefined {
    const tab = this.current;
    return tab === 'history' ? this.history : tab === 'rewards' ? this.rewards : tab === 'donations' ? this.funds : undefined;
  }

  private async load(list: PagedList<unknown>, more = false): Promise<void> {
    try {
      await (more ? list.more() : list.load());
    } catch (error) {
      this.reportError(error);
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.task.run();
      if (this.history.loaded) void this.load(this.history);
    }, (this.constructor as typeof VechePointsWallet).refreshDelayMs);
  }

  private points(count: number): string {
    return this.coreText.t('points', { count });
  }

  // ---------------------------------------------------------------- lazily loaded sections

  private section<K extends keyof Sections>(name: K): LazyPart<Sections[K]> {
    const parts = this.sections as Record<K, LazyPart<Sections[K]>>;
    return (parts[name] ??= new LazyPart(
      this,
      async () => {
        const section = await this.importPart(name);
        // The texts come before the section shows, so it never flashes in Russian.
        await loadMessages(section.sectionMessages, this.config.value.locale);
        this.sectionText ??= new LocalizeController(this, section.sectionMessages, () => this.config.value.locale);
        return section;
      },
      (error) => this.reportError(error),
    ));
  }

  /** Imports a section's code. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof Sections>(name: K): Promise<Sections[K]> {
    return sections[name]() as Promise<Sections[K]>;
  }

  /**
   * Starts loading what a tab needs: its section, and for rewards and donations the spend flow.
   * Pointing at a tab only prefetches: a failure there stays quiet until the tab is shown.
   */
  private prepare(tab: Tab, options?: { prefetch: boolean }): Promise<unknown> {
    if (tab === 'balance') return Promise.resolve();
    if (tab === 'history') return this.section('history').load(options);
    return Promise.all([this.section(tab).load(options), this.spend(options)]);
  }

  /** The spend flow, once its code is here; it owns the outbox, so creating it resends what is queued. */
  private get flow() {
    const section = this.sections.spend?.value;
    return section && (this.spendFlow ??= new section.SpendFlow(this.context));
  }

  private async spend(options?: { prefetch: boolean }) {
    await this.section('spend').load(options);
    return this.flow;
  }

  private async confirm(pending: Pending, trigger: HTMLElement): Promise<void> {
    const flow = await this.spend();
    if (flow) await flow.open(pending, trigger);
  }

  private _context?: WalletContext;
  /** What the sections use of the wallet. */
  private get context(): WalletContext {
    return (this._context ??= {
      host: this,
      // Sections are handed the context only after their texts were loaded with them.
      text: this.sectionText!,
      coreText: this.coreText,
      history: this.history,
      rewards: this.rewards,
      funds: this.funds,
      client: () => this.client,
      api: () => this.config.value.api,
      balance: () => this.wallet?.balance ?? 0,
      points: (count) => this.points(count),
      kind: () => this.kind,
      filterHistory: (kind) => {
        this.kind = kind;
        void this.load(this.history);
      },
      category: () => this.category,
      filterRewards: (category) => {
        this.category = category;
        void this.load(this.rewards);
      },
      load: (list, more) => this.load(list, more),
      confirm: (pending, trigger) => void this.confirm(pending, trigger),
      setBalance: (balance) => {
        if (this.wallet) this.wallet = { ...this.wallet, balance };
      },
      refresh: () => void this.task.run(),
      scheduleRefresh: () => this.scheduleRefresh(),
      show: (tab) => (this.tab = tab),
      signOut: () => (this.signedOut = true),
      donated: (fundId) => void this.section('donations').load().then(() => this.forms?.donated(fundId)),
      announce: (message, options) => this.announcer.announce(message, options),
      describeError: (error) => this.describeError(error),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
    });
  }

  private get forms() {
    const section = this.sections.donations?.value;
    return section && (this.donationForms ??= new section.DonationForms(this.context));
  }

  // ---------------------------------------------------------------- tabs

  private async select(tab: Tab, focus = false): Promise<void> {
    this.tab = tab;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  private onTabKey(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.current);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    void this.select(TABS[(target + TABS.length) % TABS.length]!, true);
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const phase = this.phase;
    const wallet = this.wallet;
    if (phase === 'signed-out') return this.renderSignedOut();
    if (!wallet) {
      return phase === 'error'
        ? html`<div class="wallet" part="base">${this.renderError(this.task.error, () => void this.task.run())}</div>`
        : html`<div class="wallet" part="base status" aria-busy="true">
            <span class="visually-hidden">${this.coreText.t('loading')}</span>
            ${[1, 2, 3].map(() => html`<div class="skeleton line"></div>`)}
            <div class="skeleton block"></div>
          </div>`;
    }
    const tab = this.current;
    return html`<article class="wallet" part="base" aria-labelledby="title" lang=${this.text.locale}>
      <header class="head">
        <h2 id="title" part="title">${this.text.t('title')}</h2>
        <p class="balance" part="balance">
          <span class="visually-hidden">${this.text.t('balance')}: </span>${this.points(wallet.balance)}
        </p>
      </header>
      ${this.flow?.renderQueued() ?? nothing}
      <div class="tabs" role="tablist" aria-label=${this.text.t('tabsLabel')} part="tabs" @keydown=${this.onTabKey}>
        ${TABS.map(
          (name) => html`<button
            role="tab"
            type="button"
            id="tab-${name}"
            part="tab"
            aria-selected=${name === tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${name === tab ? 0 : -1}
            @click=${() => void this.select(name)}
            @pointerenter=${() => void this.prepare(name, { prefetch: true })}
            @focus=${() => void this.prepare(name, { prefetch: true })}
          >
            ${this.text.t(TAB_TEXT[name])}
          </button>`,
        )}
      </div>
      <div class="panel" role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${tab}" tabindex="0">
        ${tab === 'balance' ? this.renderBalance(wallet) : this.renderSection(tab)}
      </div>
      ${this.flow?.renderDialog() ?? nothing}
    </article>`;
  }

  /**
   * A tab whose section loads on use: the list's skeleton until its code is here (same space,
   * nothing moves), the standard error with a retry if it could not be loaded.
   */
  private renderSection(tab: Exclude<Tab, 'balance'>): TemplateResult {
    const parts: LazyPart<unknown>[] = [this.section(tab), ...(tab === 'history' ? [] : [this.section('spend')])];
    const failed = parts.find((part) => part.error);
    if (failed) return this.renderError(failed.error, () => void Promise.all(parts.map((part) => part.error && part.retry())));
    const history = tab === 'history' && this.sections.history?.value;
    if (history) return history.renderHistory(this.context);
    const flow = this.flow;
    const rewards = tab === 'rewards' && this.sections.rewards?.value;
    if (flow && rewards) return html`${flow.renderOutcome(tab)}${rewards.renderRewards(this.context)}`;
    const forms = tab === 'donations' && this.forms;
    if (flow && forms) return html`${flow.renderOutcome(tab)}${forms.render()}`;
    return html`<div aria-busy="true"><span class="visually-hidden">${this.coreText.t('loading')}</span>
      <div class="skeleton block"></div><div class="skeleton block"></div></div>`;
  }

  private renderSignedOut(): TemplateResult {
    return html`<article class="wallet" part="base" aria-labelledby="title" lang=${this.text.locale}>
      <h2 id="title" part="title">${this.text.t('title')}</h2>
      <div @click=${this.onSignIn}>${this.renderSignIn()}</div>
      ${this.renderHow()}
    </article>`;
  }

  /** The sign-in link gives the host the first word: cancelling `veche-auth-required` keeps the page. */
  private onSignIn(event: Event): void {
    if ((event.target as Element).closest('a') && !this.requireSignIn('view-wallet')) event.preventDefault();
  }

  private renderHow(): TemplateResult {
    return html`<h3>${this.text.t('howTitle')}</h3>
      <p>${this.text.t('how')}</p>
      <p>${this.text.t('howSpend')}</p>`;
  }

  private renderBalance(wallet: Wallet): TemplateResult {
    const { level, nextLevel: next, earned } = wallet;
    const toNext = next && this.text.t('toNext', { name: next.name, points: this.points(wallet.pointsToNextLevel ?? next.threshold - earned) });
    const share = next ? Math.min(1, Math.max(0, (earned - level.threshold) / (next.threshold - level.threshold))) : 1;
    return html`<p class="level" part="level">${this.text.t('level', { name: level.name })}</p>
      ${next
        ? html`<div
              class="track"
              part="progress"
              role="progressbar"
              aria-label=${toNext!}
              aria-valuemin=${level.threshold}
              aria-valuemax=${next.threshold}
              aria-valuenow=${Math.min(Math.max(earned, level.threshold), next.threshold)}
              aria-valuetext=${this.text.t('progress', { earned, threshold: next.threshold })}
            >
              <span class="fill" ${cssProps({ '--_share': share })}></span>
            </div>
            <p>${toNext}</p>`
        : html`<p>${this.text.t('topLevel')}</p>`}
      <dl class="totals">
        ${(['earned', 'spent', 'donated'] as const).map(
          (key) => html`<div><dt>${this.text.t(key)}</dt><dd>${this.points(wallet[key])}</dd></div>`,
        )}
      </dl>
      <h3>${this.text.t('levels')}</h3>
      <ol class="levels">
        ${wallet.levels.map(
          (l) => html`<li class=${l.id === level.id ? 'mine' : ''}>
            ${l.name} — ${this.text.t('levelFrom', { points: this.points(l.threshold) })}${l.id === level.id
              ? html` (${this.text.t('yourLevel')})`
              : nothing}
          </li>`,
        )}
      </ol>
      ${this.renderHow()}`;
  }
}
