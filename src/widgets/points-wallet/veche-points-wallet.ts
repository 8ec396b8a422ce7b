import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { cssProps } from '../../core/css-props.js';
import { DraftController } from '../../core/draft-controller.js';
import { emit, type VechePointsChangeDetail } from '../../core/events.js';
import { formatDate } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LocalizeController } from '../../core/localize.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { checkAmount, maxDonation, quickAmounts } from './amount.js';
import {
  DONATE_PATH,
  fetchFunds,
  fetchLedger,
  fetchRewards,
  fetchWallet,
  LEDGER_KINDS,
  REDEEM_PATH,
  REWARD_CATEGORIES,
  type DonationCreate,
  type DonationResult,
  type Fund,
  type LedgerEntry,
  type LedgerKind,
  type RedemptionCreate,
  type RedemptionResult,
  type Reward,
  type RewardCategory,
  type Wallet,
} from './api.js';
import type {} from './events.js';
import { walletMessages } from './messages.js';
import { PagedList } from '../../core/paged-list.js';
import { imageSource } from '../../core/urls.js';
import { signedInOnly } from '../../core/session.js';
import { walletStyles } from './styles.js';

type Tab = 'balance' | 'history' | 'rewards' | 'donations';
type Spend = RedemptionCreate | DonationCreate;
type SpendResult = RedemptionResult | DonationResult;
/** What the confirmation dialog asks about. The key is made when it opens: a double click is one spend. */
type Pending = { key: string; reward: Reward } | { key: string; fund: Fund; amount: number };
type Outcome = { redeemed: RedemptionResult } | { donated: DonationResult } | { refused: string; tab: Tab };

const TABS: Tab[] = ['balance', 'history', 'rewards', 'donations'];
const TAB_TEXT = { balance: 'tabBalance', history: 'tabHistory', rewards: 'tabRewards', donations: 'tabDonations' } as const;
const KIND_TEXT = { earned: 'kindEarned', spent: 'kindSpent', donated: 'kindDonated' } as const;
const ENTRY_TEXT = { earned: 'entryEarned', spent: 'entrySpent', donated: 'entryDonated' } as const;

/**
 * The citizen's points: balance and level with progress to the next one, the ledger with
 * filters, the rewards catalogue with redemption, and donations to charity funds. Every spend
 * is confirmed in a dialog and goes through the outbox with its own idempotency key, so a
 * retry after a lost answer never spends twice. Follows `veche-points-change` from other
 * widgets on the page, coalescing bursts into at most one refetch.
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
  static override styles = [...baseStyles, walletStyles];

  /** The section shown first: `balance` (default), `history`, `rewards` or `donations`. */
  @property() tab: Tab = 'balance';
  /** Ledger entries per page of the history. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  @state() private wallet?: Wallet;
  @state() private signedOut = false;
  @state() private kind: LedgerKind | '' = '';
  @state() private category: RewardCategory | '' = '';
  @state() private pending?: Pending;
  @state() private outcome?: Outcome;
  @state() private amounts: Record<string, string> = {};
  @state() private amountErrors: Record<string, string> = {};
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private returnFocus?: HTMLElement;
  private restored = false;
  private lastClient?: unknown;

  private readonly text = new LocalizeController(this, walletMessages, () => this.config.value.locale);
  private readonly draft = new DraftController<{ amounts: Record<string, string> }>(this, {
    key: () => (this.config.value.api ? `draft:wallet:${this.config.value.api}` : undefined),
  });
  private readonly outbox = new OutboxController<Spend, SpendResult>(this, {
    storageKey: () => (this.config.value.api ? `outbox:wallet:${this.config.value.api}` : undefined),
    client: () => this.client,
    onSent: (result) => void this.spent(result),
    onRejected: (error, item) => void this.refused(error, item),
    onAuthRequired: () => {
      this.dialog?.close();
      this.signedOut = true;
    },
  });

  private readonly task = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      if (client !== this.lastClient) {
        // Another backend or another citizen: nothing of the previous one may stay on screen.
        this.lastClient = client;
        for (const list of [this.history, this.rewards, this.funds]) list.reset();
      }
      try {
        const wallet = await signedInOnly(client, () => fetchWallet(client, signal));
        this.wallet = wallet;
        this.signedOut = false;
        this.restore();
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
    this.setState('sending', this.outbox.status === 'sending');
    this.setState('waiting', this.outbox.status === 'waiting');
    // A tab's list loads when the tab is first shown (after this update, not inside it).
    const list = this.list;
    if (this.wallet && list && !list.loaded) queueMicrotask(() => void (list.loaded || this.load(list)));
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

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
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

  private restore(): void {
    if (this.restored) return;
    this.restored = true;
    this.amounts = this.draft.load()?.value.amounts ?? {};
  }

  private points(count: number): string {
    return this.coreText.t('points', { count });
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

  // ---------------------------------------------------------------- spending

  private async open(pending: Pending, trigger: HTMLElement): Promise<void> {
    this.returnFocus = trigger;
    this.pending = pending;
    this.outcome = undefined;
    await this.updateComplete;
    const dialog = this.dialog!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-primary]')?.focus();
  }

  private confirm(): void {
    const pending = this.pending;
    if (!pending || this.queued(pending)) return;
    if ('reward' in pending) void this.outbox.send(REDEEM_PATH, { rewardId: pending.reward.id }, { key: pending.key });
    else void this.outbox.send(DONATE_PATH, { fundId: pending.fund.id, amount: pending.amount }, { key: pending.key });
  }

  private queued(pending: Pending): boolean {
    return this.outbox.items.some((item) => item.key === pending.key);
  }

  private onClose(): void {
    this.pending = undefined;
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = undefined;
  }

  /** Keeps Tab and Shift+Tab inside the open dialog. */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...this.dialog!.querySelectorAll<HTMLElement>('button')];
    const active = this.shadowRoot!.activeElement;
    const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
    if (active === edge || !focusable.includes(active as HTMLElement)) {
      event.preventDefault();
      (event.shiftKey ? focusable.at(-1) : focusable[0])?.focus();
    }
  }

  /** Shows what became of a spend on its tab and puts the citizen there. */
  private async finish(outcome: Outcome, tab: Tab): Promise<void> {
    this.outcome = outcome;
    this.tab = tab;
    this.returnFocus = undefined;
    this.dialog?.close();
    this.pending = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private async spent(result: SpendResult): Promise<void> {
    const { points } = result;
    if (this.wallet) this.wallet = { ...this.wallet, balance: points.balance };
    const redeemed = 'redemption' in result;
    if (redeemed) {
      this.rewards.replace((r) => r.id === result.reward.id, result.reward);
      emit(this, 'veche-redeem', { reward: result.reward.id, redemption: result.redemption.id, cost: result.redemption.cost, balance: points.balance });
      this.announcer.announce(`${this.text.t('redeemed', { points: this.points(points.spent), title: result.redemption.rewardTitle })} ${this.text.t('voucher')} ${result.redemption.voucherCode}`);
    } else {
      this.funds.replace((f) => f.id === result.fund.id, result.fund);
      const { [result.fund.id]: _done, ...amounts } = this.amounts;
      this.amounts = amounts;
      this.draft.save({ amounts });
      emit(this, 'veche-donate', { fund: result.fund.id, donation: result.donation.id, amount: result.donation.amount, balance: points.balance });
      this.announcer.announce(this.text.t('thanks', { points: this.points(result.donation.amount), name: result.fund.name }));
    }
    const delta = points.awarded - points.spent;
    if (delta) emit(this, 'veche-points-change', { delta, balance: points.balance, reason: points.reason ?? (redeemed ? 'redemption' : 'donation') });
    // Totals, level and history catch up with one refetch, shared with any echo from other widgets.
    this.scheduleRefresh();
    await this.finish(redeemed ? { redeemed: result } : { donated: result }, redeemed ? 'rewards' : 'donations');
  }

  /** The server said no for good (out of stock, not enough points after all, …): say why and refresh. */
  private async refused(error: ApiError, item: OutboxItem<Spend>): Promise<void> {
    const redeem = item.path === REDEEM_PATH;
    let message = this.describeError(error);
    if (error.slug === 'out-of-stock') {
      const id = (item.body as RedemptionCreate).rewardId;
      const title = this.rewards.items.find((r) => r.id === id)?.title ?? (this.pending && 'reward' in this.pending ? this.pending.reward.title : id);
      message = this.text.t('outOfStockRace', { title });
    } else if (error.slug === 'insufficient-points') {
      const missing = Number(error.problem?.missing);
      message = this.text.t('insufficientRace', { points: this.points(missing > 0 ? missing : 0) });
    }
    this.reportError(error);
    this.announcer.announce(message, { assertive: true });
    void this.task.run();
    void this.load(redeem ? this.rewards : this.funds);
    await this.finish({ refused: message, tab: redeem ? 'rewards' : 'donations' }, redeem ? 'rewards' : 'donations');
  }

  private setAmount(fund: Fund, value: string): void {
    this.amounts = { ...this.amounts, [fund.id]: value };
    if (this.amountErrors[fund.id]) this.amountErrors = { ...this.amountErrors, [fund.id]: this.amountProblem(fund, value) ?? '' };
    this.draft.save({ amounts: this.amounts });
  }

  private amountProblem(fund: Fund, value: string): string | undefined {
    const problem = checkAmount(value, fund, this.wallet?.balance ?? 0);
    return problem && this.text.t(problem[0], problem[1]);
  }

  private async onDonate(event: SubmitEvent, fund: Fund): Promise<void> {
    event.preventDefault();
    const value = this.amounts[fund.id] ?? '';
    const problem = this.amountProblem(fund, value);
    this.amountErrors = { ...this.amountErrors, [fund.id]: problem ?? '' };
    if (problem) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#amount-${fund.id}`)?.focus();
      return;
    }
    const trigger = (event.submitter as HTMLElement | null) ?? (event.target as HTMLFormElement).querySelector('[part~="donate"]')!;
    void this.open({ key: newIdempotencyKey(), fund, amount: Number(value.trim()) }, trigger);
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
    const waiting = this.outbox.status === 'waiting' && this.outbox.items.length > 0 && !this.pending;
    return html`<article class="wallet" part="base" aria-labelledby="title" lang=${this.text.locale}>
      <header class="head">
        <h2 id="title" part="title">${this.text.t('title')}</h2>
        <p class="balance" part="balance">
          <span class="visually-hidden">${this.text.t('balance')}: </span>${this.points(wallet.balance)}
        </p>
      </header>
      ${waiting
        ? html`<div class="note" part="status queued">
            <p>${this.text.t('queued', { count: this.outbox.items.length })}</p>
            <button class="link" type="button" @click=${() => this.outbox.retryNow()}>${this.text.t('sendNow')}</button>
          </div>`
        : nothing}
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
          >
            ${this.text.t(TAB_TEXT[name])}
          </button>`,
        )}
      </div>
      <div class="panel" role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${tab}" tabindex="0">
        ${tab === 'history'
          ? this.renderHistory()
          : tab === 'rewards'
            ? this.renderRewards(wallet.balance)
            : tab === 'donations'
              ? this.renderDonations(wallet.balance)
              : this.renderBalance(wallet)}
      </div>
      ${this.renderDialog(wallet.balance)}
    </article>`;
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

  private renderList<T>(list: PagedList<T>, empty: string, item: (x: T) => TemplateResult): TemplateResult {
    if (list.status === 'idle' || list.status === 'loading') {
      return html`<div aria-busy="true"><span class="visually-hidden">${this.coreText.t('loading')}</span>
        <div class="skeleton block"></div><div class="skeleton block"></div></div>`;
    }
    if (list.status === 'error') return this.renderError(list.error, () => void this.load(list as PagedList<unknown>));
    return html`${list.items.length ? html`<ul class="items">${list.items.map(item)}</ul>` : html`<p class="muted" part="status empty">${empty}</p>`}
      ${list.error ? this.renderError(list.error) : nothing}
      ${list.next
        ? html`<button class="button" part="more" type="button" aria-disabled=${list.status === 'more' ? 'true' : 'false'} @click=${() => void this.more(list)}>
            ${list.status === 'more' ? this.coreText.t('loading') : this.text.t('more')}
          </button>`
        : nothing}`;
  }

  /** Loads the next page and puts focus on its first item, where reading continues. */
  private async more<T>(list: PagedList<T>): Promise<void> {
    const shown = list.items.length;
    await this.load(list as PagedList<unknown>, true);
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.items > li')[shown]?.focus();
  }

  private renderHistory(): TemplateResult {
    const locale = this.text.locale;
    return html`<div class="toolbar">
        <label for="kind">${this.text.t('filter')}</label>
        <select id="kind" @change=${(e: Event) => this.filterHistory((e.target as HTMLSelectElement).value as LedgerKind | '')}>
          <option value="" ?selected=${!this.kind}>${this.text.t('all')}</option>
          ${LEDGER_KINDS.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${this.text.t(KIND_TEXT[k])}</option>`)}
        </select>
      </div>
      ${this.renderList(this.history, this.text.t(this.kind ? 'filterEmpty' : 'historyEmpty'), (e) => {
        const sign = e.amount > 0 ? '+' : '−';
        return html`<li class="entry ${e.kind}" part="entry" tabindex="-1">
          <span class="what">${e.description}</span>
          <span class="amount">${sign}${this.points(Math.abs(e.amount))}</span>
          <span class="muted">
            ${this.text.t(ENTRY_TEXT[e.kind])} · <time datetime=${e.createdAt}>${formatDate(locale, e.createdAt)}</time> ·
            ${this.text.t('afterEntry', { points: this.points(e.balanceAfter) })}
          </span>
        </li>`;
      })}`;
  }

  private filterHistory(kind: LedgerKind | ''): void {
    this.kind = kind;
    void this.load(this.history);
  }

  private renderOutcome(tab: Tab): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    const locale = this.text.locale;
    if (!outcome) return nothing;
    if ('refused' in outcome) {
      return outcome.tab === tab
        ? html`<div class="status error" part="status refused" id="outcome" tabindex="-1"><p class="status-title">${outcome.refused}</p></div>`
        : nothing;
    }
    if ('redeemed' in outcome && tab === 'rewards') {
      const r = outcome.redeemed.redemption;
      return html`<div class="done" part="confirmation" id="outcome" tabindex="-1">
        <p class="status-title">${this.text.t('redeemed', { points: this.points(r.cost), title: r.rewardTitle })}</p>
        <p>${this.text.t('voucher')} <code part="voucher">${r.voucherCode}</code></p>
        <p>${this.text.t('howToUse', { text: r.howToUse })}</p>
      </div>`;
    }
    if ('donated' in outcome && tab === 'donations') {
      const { donation, fund } = outcome.donated;
      return html`<div class="done" part="confirmation" id="outcome" tabindex="-1">
        <p class="status-title">${this.text.t('thanks', { points: this.points(donation.amount), name: donation.fundName })}</p>
        <p part="receipt">${this.text.t('receipt', { number: donation.receiptNumber, date: formatDate(locale, donation.createdAt) })}</p>
        <p>${fund.name}: ${this.text.t('raised', { points: this.points(fund.raised) })}</p>
      </div>`;
    }
    return nothing;
  }

  private image(image: { url: string; alt: string } | undefined): TemplateResult | typeof nothing {
    const url = image && imageSource(image.url, this.config.value.api);
    return url ? html`<img src=${url} alt=${image!.alt} loading="lazy" />` : nothing;
  }

  private renderRewards(balance: number): TemplateResult {
    return html`${this.renderOutcome('rewards')}
      <div class="toolbar">
        <label for="category">${this.text.t('category')}</label>
        <select id="category" @change=${(e: Event) => this.filterRewards((e.target as HTMLSelectElement).value as RewardCategory | '')}>
          <option value="" ?selected=${!this.category}>${this.text.t('allCategories')}</option>
          ${REWARD_CATEGORIES.map((c) => html`<option value=${c} ?selected=${this.category === c}>${this.text.t(c)}</option>`)}
        </select>
      </div>
      ${this.renderList(this.rewards, this.text.t('catalogueEmpty'), (r) => {
        const missing = r.cost - balance;
        return html`<li class="card" part="reward">
          ${this.image(r.image)}
          <h3>${r.title}</h3>
          <p class="muted">${this.text.t('partner', { name: r.partner })} · ${this.text.t(r.category)}</p>
          <p>${r.description}</p>
          <p>
            <strong>${this.points(r.cost)}</strong>${r.stock ? html` · <span class="stock">${this.text.t('stock', { count: r.stock })}</span>` : nothing}
          </p>
          ${r.stock === 0
            ? html`<p class="sold-out" part="out-of-stock">${this.text.t('outOfStock')}</p>`
            : html`<button
                class="button ${missing > 0 ? '' : 'primary'}"
                part="redeem"
                type="button"
                data-reward=${r.id}
                aria-disabled=${missing > 0 ? 'true' : 'false'}
                @click=${(e: Event) => missing > 0 || void this.open({ key: newIdempotencyKey(), reward: r }, e.currentTarget as HTMLElement)}
              >
                ${missing > 0 ? this.text.t('missing', { points: this.points(missing) }) : this.text.t('redeem')}<span class="visually-hidden">: ${r.title}</span>
              </button>`}
        </li>`;
      })}`;
  }

  private filterRewards(category: RewardCategory | ''): void {
    this.category = category;
    void this.load(this.rewards);
  }

  private renderDonations(balance: number): TemplateResult {
    return html`${this.renderOutcome('donations')}
    ${this.renderList(this.funds, '', (f) => {
      const max = maxDonation(f, balance);
      const value = this.amounts[f.id] ?? '';
      const error = this.amountErrors[f.id];
      return html`<li class="card" part="fund">
        ${this.image(f.image)}
        <h3>${f.name}</h3>
        <p>${f.description}</p>
        <p class="muted">${this.text.t('raised', { points: this.points(f.raised) })} · ${this.text.t('donors', { count: f.donors })}</p>
        ${max < f.minDonation
          ? html`<p class="muted">${this.text.t('tooLittle', { points: this.points(f.minDonation) })}</p>`
          : html`<form novalidate @submit=${(e: SubmitEvent) => void this.onDonate(e, f)}>
              <label for="amount-${f.id}">${this.text.t('amount')}</label>
              <p class="hint" id="hint-${f.id}">${this.text.t('amountHint', { min: f.minDonation, max, step: f.step })}</p>
              ${error ? html`<p class="field-error" id="error-${f.id}">${error}</p>` : nothing}
              <input
                id="amount-${f.id}"
                type="number"
                inputmode="numeric"
                min=${f.minDonation}
                max=${max}
                step=${f.step}
                .value=${value}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby="hint-${f.id}${error ? ` error-${f.id}` : ''}"
                @input=${(e: Event) => this.setAmount(f, (e.target as HTMLInputElement).value)}
              />
              <div class="quick" role="group" aria-label=${this.text.t('quick')}>
                ${quickAmounts(f, balance).map(
                  (a) => html`<button class="chip" type="button" aria-pressed=${value === String(a) ? 'true' : 'false'} @click=${() => this.setAmount(f, String(a))}>
                    ${this.points(a)}
                  </button>`,
                )}
              </div>
              <button class="button primary" part="donate">${this.text.t('donate')}<span class="visually-hidden">: ${f.name}</span></button>
            </form>`}
      </li>`;
    })}`;
  }

  private renderDialog(balance: number): TemplateResult {
    const pending = this.pending;
    const queued = !!pending && this.queued(pending);
    const sending = queued && this.outbox.status === 'sending';
    const waiting = queued && this.outbox.status === 'waiting';
    const cost = pending ? ('reward' in pending ? pending.reward.cost : pending.amount) : 0;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onClose} @keydown=${this.trapFocus}>
      ${pending
        ? html`<h3 id="dialog-title">
              ${'reward' in pending
                ? this.text.t('confirmRedeem', { points: this.points(cost), title: pending.reward.title })
                : this.text.t('confirmDonate', { points: this.points(cost), name: pending.fund.name })}
            </h3>
            <p>${this.text.t('after', { points: this.points(Math.max(0, balance - cost)) })}</p>
            ${waiting ? html`<p class="note" part="status waiting">${this.text.t('waiting')}</p>` : nothing}
            <div class="actions">
              ${waiting
                ? html`<button class="button primary" type="button" data-primary @click=${() => this.outbox.retryNow()}>${this.text.t('sendNow')}</button>`
                : html`<button class="button primary" type="button" data-primary aria-disabled=${sending ? 'true' : 'false'} @click=${this.confirm}>
                    ${sending ? this.text.t('sending') : this.text.t('confirm')}
                  </button>`}
              <button class="button" type="button" @click=${() => this.dialog?.close()}>${this.text.t(queued ? 'close' : 'cancel')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }
}
