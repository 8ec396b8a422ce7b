import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { VechePointsChangeDetail } from '../../core/events.js';
import { LocalizeController } from '../../core/localize.js';
import { LazyPart } from '../../core/lazy-part.js';
import { ApiError } from '../../core/problem.js';
import { signedInOnly } from '../../core/session.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { fetchWallet, type Wallet } from './api.js';
import type {} from './events.js';
import { walletMessages } from './messages.js';
import type { Tab, WalletHost } from './sections.js';
import { walletStyles } from './styles.js';

/**
 * What the wallet shows once it has the citizen's balance (the tabs), loaded with that first
 * request; and the sections the balance tab does not need, each loaded when its tab is first
 * shown (or pointed at), in parallel with the tab's list. Spending comes with rewards and donations.
 */
const parts = {
  tabs: () => import('./tabs.js'),
  history: () => import('./history.js'),
  rewards: () => import('./rewards.js'),
  donations: () => import('./donations.js'),
  spend: () => import('./spend.js'),
};
export type PointsWalletParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };

const TABS: Tab[] = ['balance', 'history', 'rewards', 'donations'];
const TAB_TEXT = { balance: 'tabBalance', history: 'tabHistory', rewards: 'tabRewards', donations: 'tabDonations' } as const;


/**
 * The citizen's points: balance and level with progress to the next one, the ledger with
 * filters, the rewards catalogue with redemption, and donations to charity funds. Every spend
 * is confirmed in a dialog and goes through the outbox with its own idempotency key, so a
 * retry after a lost answer never spends twice. Follows `veche-points-change` from other
 * widgets on the page, coalescing bursts into at most one refetch.
 * The tabs' code loads with the balance; history, rewards, donations and the spend flow on first use.
 *
 * @summary Lets a citizen see, spend and donate their participation points.
 * @tag veche-points-wallet
 * @status stable
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
 * @csspart redeem-queued - With `redeem`: a redemption of this reward waits for the connection, so it is not offered again.
 * @csspart out-of-stock - A reward's "out of stock" note, in place of its redeem button.
 * @csspart fund - One charity fund card.
 * @csspart donate - A fund's donate button.
 * @csspart donate-queued - With `donate`: a donation to this fund waits for the connection, so it is not offered again.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirmation - The result of a spend: voucher or receipt.
 * @csspart voucher - The voucher code.
 * @csspart receipt - The donation receipt line.
 * @csspart more - "Show more" buttons.
 * @csspart status - Notices: loading, sign-in, errors, refusals, queued spends.
 * @csspart empty - With `status`: an empty list (no history, no rewards…).
 * @csspart queued - With `status`: spends wait for the connection, with a button to send them now.
 * @csspart waiting - With `status`: in the dialog, this spend waits for the connection.
 * @csspart refused - With `status`: the server refused a spend, and why.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
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
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VechePointsWallet extends VecheElement {
  static override styles = [...baseStyles, walletStyles];

  static override properties: PropertyDeclarations = {
    tab: {},
    pageSize: { type: Number, attribute: 'page-size' },
    wallet: { state: true },
    signedOut: { state: true },
  };

  /** The section shown first: `balance` (default), `history`, `rewards` or `donations`. */
  tab: Tab = 'balance';
  /** Ledger entries per page of the history. */
  pageSize = 10;

  private wallet?: Wallet;
  private signedOut = false;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private lastClient?: unknown;

  private readonly text = new LocalizeController(this, walletMessages, () => this.config.value.locale);
  private readonly tabsPart = new LazyPart(this, () => this.importPart('tabs'), (error) => this.reportError(error));
  private walletTabs?: InstanceType<PointsWalletParts['tabs']['WalletTabs']>;

  private readonly task = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      if (client !== this.lastClient) {
        // Another backend or another citizen: nothing of the previous one may stay on screen.
        this.lastClient = client;
        this.walletTabs?.reset();
      }
      // The tabs' code comes in parallel with the session check and the balance, so it is here
      // when the balance is (a visitor who turns out to be signed out does not wait for it).
      void this.tabsPart.load({ prefetch: true });
      try {
        const wallet = await signedInOnly(client, () => {
          // Signed in: the tabs are needed now, and a failure to load them is shown.
          // Created with the next update, they send at once what an earlier visit left queued.
          void this.tabsPart.load();
          return fetchWallet(client, signal);
        });
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
    const status = this.tabs?.spendStatus;
    this.setState('sending', status === 'sending');
    this.setState('waiting', status === 'waiting');
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

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.task.run();
      this.walletTabs?.refreshHistory();
    }, (this.constructor as typeof VechePointsWallet).refreshDelayMs);
  }

  private points(count: number): string {
    return this.coreText.t('points', { count });
  }

  // ---------------------------------------------------------------- lazily loaded parts

  /** Imports a part's code. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof PointsWalletParts>(name: K): Promise<PointsWalletParts[K]> {
    return parts[name]() as Promise<PointsWalletParts[K]>;
  }

  /** The tabs, once their code is here. */
  private get tabs() {
    const part = this.tabsPart.value;
    return part && (this.walletTabs ??= new part.WalletTabs(this.hostContext()));
  }

  /** What the tabs use of the wallet. */
  private hostContext(): WalletHost {
    return {
      host: this,
      walletText: this.text,
      coreText: this.coreText,
      locale: () => this.config.value.locale,
      client: () => this.client,
      api: () => this.config.value.api,
      summary: () => this.wallet,
      tab: () => this.current,
      pageSize: () => this.pageSize,
      points: (count) => this.points(count),
      importPart: (name) => this.importPart(name),
      renderHow: () => this.renderHow(),
      setBalance: (balance) => {
        if (this.wallet) this.wallet = { ...this.wallet, balance };
      },
      refresh: () => void this.task.run(),
      scheduleRefresh: () => this.scheduleRefresh(),
      show: (tab) => (this.tab = tab),
      signOut: () => (this.signedOut = true),
      announce: (message, options) => this.announcer.announce(message, options),
      describeError: (error) => this.describeError(error),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
    };
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
          <span class="visually-hidden">${this.text.t('balance')}: </span>${this.points(wallet.balance - (this.tabs?.queuedCost ?? 0))}
        </p>
      </header>
      ${this.tabs?.renderQueued() ?? nothing}
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
            @pointerenter=${() => void this.tabs?.prepare(name, { prefetch: true })}
            @focus=${() => void this.tabs?.prepare(name, { prefetch: true })}
          >
            ${this.text.t(TAB_TEXT[name])}
          </button>`,
        )}
      </div>
      <div class="panel" role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${tab}" tabindex="0">
        ${this.tabs?.renderPanel(tab, wallet) ?? this.renderPart(this.tabsPart)}
      </div>
      ${this.tabs?.renderDialog() ?? nothing}
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
}
