/**
 * What the wallet shows once it knows the citizen's balance: the balance tab (level, progress,
 * totals, levels) and the other tabs' sections with their lists, filters and the spend flow.
 * Loaded together with the wallet's first requests, so it is here when the balance is.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { adoptStyles } from '../../core/adopt-styles.js';
import { cssProps } from '../../core/css-props.js';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController, loadMessages } from '../../core/localize.js';
import { meterStyles } from '../../core/meter-styles.js';
import { PagedList } from '../../core/paged-list.js';
import { hasQueued } from '../../core/queued.js';
import type { Fund, LedgerEntry, LedgerKind, Reward, RewardCategory, Wallet } from './api.js';
import { fetchFunds, fetchLedger, fetchRewards, spendQueueKey } from './section-api.js';
import type { Pending, SectionName, Tab, WalletContext, WalletHost } from './sections.js';
import type { PointsWalletParts as Sections } from './veche-points-wallet.js';

export class WalletTabs implements ReactiveController {
  private readonly parts = {} as { [K in SectionName]: LazyPart<Sections[K]> };
  /** The sections' texts: created with the first section, so they load with it. */
  private text?: WalletContext['text'];
  private kind: LedgerKind | '' = '';
  private category: RewardCategory | '' = '';
  private spendFlow?: InstanceType<Sections['spend']['SpendFlow']>;
  private donationForms?: InstanceType<Sections['donations']['DonationForms']>;
  private readonly history: PagedList<LedgerEntry>;
  private readonly rewards: PagedList<Reward>;
  private readonly funds: PagedList<Fund>;

  constructor(private readonly wallet: WalletHost) {
    const { host, client } = wallet;
    this.history = new PagedList(host, (cursor, signal) => client() && fetchLedger(client()!, this.kind, cursor, wallet.pageSize(), signal));
    this.rewards = new PagedList(host, (cursor, signal) => client() && fetchRewards(client()!, this.category, cursor, 20, signal));
    this.funds = new PagedList(host, (cursor, signal) => client() && fetchFunds(client()!, cursor, 20, signal));
    host.addController(this);
    this.sendQueued();
  }

  /** A spend queued on an earlier visit goes out as soon as possible: its flow loads now. */
  private sendQueued(): void {
    const api = this.wallet.api();
    if (api && hasQueued(spendQueueKey(api))) void this.spend();
  }

  /** A tab's section and list load when the tab is first shown (after the update, not inside it). */
  hostUpdated(): void {
    const tab = this.wallet.tab();
    const list = this.list(tab);
    if (this.wallet.summary() && tab !== 'balance') {
      queueMicrotask(() => {
        void this.prepare(tab);
        if (list && !list.loaded) void this.load(list);
      });
    }
  }

  /** Another backend or another citizen: nothing of the previous one may stay on screen; what it queued goes out. */
  reset(): void {
    for (const list of [this.history, this.rewards, this.funds]) list.reset();
    this.sendQueued();
  }

  /** Points changed elsewhere: the history, if shown once, catches up too. */
  refreshHistory(): void {
    if (this.history.loaded) void this.load(this.history);
  }

  private list(tab: Tab): PagedList<unknown> | undefined {
    return tab === 'history' ? this.history : tab === 'rewards' ? this.rewards : tab === 'donations' ? this.funds : undefined;
  }

  private async load(list: PagedList<unknown>, more = false): Promise<void> {
    try {
      await (more ? list.more() : list.load());
    } catch (error) {
      this.wallet.reportError(error);
    }
  }

  private section<K extends SectionName>(name: K): LazyPart<Sections[K]> {
    const parts = this.parts as Record<K, LazyPart<Sections[K]>>;
    const { host, locale } = this.wallet;
    return (parts[name] ??= new LazyPart(
      host,
      async () => {
        const section = await this.wallet.importPart(name);
        // The texts (and the kids layer) come before the section shows, so it never flashes in Russian.
        await loadMessages(section.sectionMessages, locale(), host.textVariant);
        this.text ??= new LocalizeController(host, section.sectionMessages, locale);
        return section;
      },
      this.wallet.reportError,
    ));
  }

  /**
   * Starts loading what a tab needs: its section, and for rewards and donations the spend flow.
   * Pointing at a tab only prefetches: a failure there stays quiet until the tab is shown.
   */
  prepare(tab: Tab, options?: { prefetch: boolean }): Promise<unknown> {
    if (tab === 'balance') return Promise.resolve();
    if (tab === 'history') return this.section('history').load(options);
    return Promise.all([this.section(tab).load(options), this.spend(options)]);
  }

  /** The spend flow, once its code is here; it owns the outbox, so creating it resends what is queued. */
  private get flow() {
    const section = this.parts.spend?.value;
    return section && (this.spendFlow ??= new section.SpendFlow(this.context));
  }

  /** Whether a spend is on its way or waits for the connection. */
  get spendStatus(): string | undefined {
    return this.flow?.outbox.status;
  }

  /** The points that queued spends will take, until they are sent. */
  get queuedCost(): number {
    return this.flow?.queuedCost() ?? 0;
  }

  async spend(options?: { prefetch: boolean }) {
    await this.section('spend').load(options);
    return this.flow;
  }

  private get forms() {
    const section = this.parts.donations?.value;
    return section && (this.donationForms ??= new section.DonationForms(this.context));
  }

  private _context?: WalletContext;
  /** What the sections use of the wallet. */
  private get context(): WalletContext {
    const wallet = this.wallet;
    return (this._context ??= {
      ...wallet,
      // Sections are handed the context only after their texts were loaded with them.
      text: this.text!,
      history: this.history,
      rewards: this.rewards,
      funds: this.funds,
      // What the citizen may still spend: a spend that waits for the connection is spent already.
      balance: () => (wallet.summary()?.balance ?? 0) - this.queuedCost,
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
      confirm: (pending: Pending, trigger) => void this.spend().then((flow) => flow?.open(pending, trigger)),
      spendQueued: (target) => !!this.flow?.spendQueued(target),
      donated: (fundId) => void this.section('donations').load().then(() => this.forms?.donated(fundId)),
      refuseAmount: (fundId, message) => this.section('donations').load().then(() => this.forms?.refused(fundId, message) ?? false),
    });
  }

  renderQueued(): TemplateResult | typeof nothing {
    return this.flow?.renderQueued() ?? nothing;
  }

  renderDialog(): TemplateResult | typeof nothing {
    return this.flow?.renderDialog() ?? nothing;
  }

  renderPanel(tab: Tab, wallet: Wallet): TemplateResult {
    return tab === 'balance' ? this.renderBalance(wallet) : this.renderSection(tab);
  }

  /**
   * A tab whose section loads on use: the list's skeleton until its code is here (same space,
   * nothing moves), the standard error with a retry if it could not be loaded.
   */
  private renderSection(tab: Exclude<Tab, 'balance'>): TemplateResult {
    const parts: LazyPart<unknown>[] = [this.section(tab), ...(tab === 'history' ? [] : [this.section('spend')])];
    const failed = parts.find((part) => part.error);
    if (failed) return this.wallet.renderError(failed.error, () => void Promise.all(parts.map((part) => part.error && part.retry())));
    const history = tab === 'history' && this.parts.history?.value;
    if (history) return history.renderHistory(this.context);
    const flow = this.flow;
    const rewards = tab === 'rewards' && this.parts.rewards?.value;
    if (flow && rewards) return html`${flow.renderOutcome(tab)}${rewards.renderRewards(this.context)}`;
    const forms = tab === 'donations' && this.forms;
    if (flow && forms) return html`${flow.renderOutcome(tab)}${forms.render()}`;
    return html`<div aria-busy="true"><span class="visually-hidden">${this.wallet.coreText.t('loading')}</span>
      <div class="skeleton block"></div><div class="skeleton block"></div></div>`;
  }

  private renderBalance(wallet: Wallet): TemplateResult {
    const { walletText: text, points, host } = this.wallet;
    adoptStyles(host.renderRoot, meterStyles, balanceStyles);
    const { level, nextLevel: next, earned } = wallet;
    const toNext = next && text.t('toNext', { name: next.name, points: points(wallet.pointsToNextLevel ?? next.threshold - earned) });
    const share = next ? Math.min(1, Math.max(0, (earned - level.threshold) / (next.threshold - level.threshold))) : 1;
    return html`<p class="level" part="level">${text.t('level', { name: level.name })}</p>
      ${next
        ? html`<div
              class="track"
              part="progress"
              role="progressbar"
              aria-label=${toNext!}
              aria-valuemin=${level.threshold}
              aria-valuemax=${next.threshold}
              aria-valuenow=${Math.min(Math.max(earned, level.threshold), next.threshold)}
              aria-valuetext=${text.t('progress', { earned, threshold: next.threshold })}
            >
              <span class="fill" ${cssProps({ '--_share': share })}></span>
            </div>
            <p>${toNext}</p>`
        : html`<p>${text.t('topLevel')}</p>`}
      <dl class="totals">
        ${(['earned', 'spent', 'donated'] as const).map((key) => html`<div><dt>${text.t(key)}</dt><dd>${points(wallet[key])}</dd></div>`)}
      </dl>
      <h3>${text.t('levels')}</h3>
      <ol class="levels">
        ${wallet.levels.map(
          (l) => html`<li class=${l.id === level.id ? 'mine' : ''}>
            ${l.name} — ${text.t('levelFrom', { points: points(l.threshold) })}${l.id === level.id ? html` (${text.t('yourLevel')})` : nothing}
          </li>`,
        )}
      </ol>
      ${this.wallet.renderHow()}`;
  }
}

const balanceStyles = css`
  :host {
    --_bar-track: var(--veche-wallet-bar-track, var(--_surface-alt));
  }
  ol,
  dl,
  dd {
    margin: 0;
  }
  .level,
  dd,
  .mine {
    font-weight: 700;
  }
  .track {
    block-size: 0.75em;
    border-radius: 0.375em;
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
    gap: 0.5em;
  }
  dt {
    color: var(--_text-muted);
  }
  .levels {
    padding-inline-start: 1.5em;
  }
`;
