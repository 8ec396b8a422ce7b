/**
 * Spending points: the confirmation dialog (focus trapped and given back, Escape closes), the
 * outbox that sends each spend exactly once with its own idempotency key, and what became of it
 * — the voucher, the donation receipt, or the server's refusal explained. Loaded with the
 * rewards or donations section, or at once when a spend from an earlier visit is still queued.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { formatDate } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { OutboxController, type OutboxItem } from '../../core/outbox.js';
import type { ApiError } from '../../core/problem.js';
import type { DonationCreate, DonationResult, RedemptionCreate, RedemptionResult } from './api.js';
import { DONATE_PATH, REDEEM_PATH, spendQueueKey } from './section-api.js';
import type {} from './events.js';
import type { Pending, SpendTarget, Tab, WalletContext } from './sections.js';

export { walletSectionMessages as sectionMessages } from './section-messages.js';

type Spend = RedemptionCreate | DonationCreate;
type SpendResult = RedemptionResult | DonationResult;
/** What a queued redemption keeps beside its request (the outbox item's note). */
interface RedemptionNote {
  cost: number;
}
type Outcome = { redeemed: RedemptionResult } | { donated: DonationResult } | { refused: string; tab: Tab };

export class SpendFlow implements ReactiveController {
  readonly outbox: OutboxController<Spend, SpendResult, RedemptionNote>;
  private pending?: Pending;
  private outcome?: Outcome;
  private returnFocus?: HTMLElement;
  /** The spend whose waiting message took focus (once per spend). */
  private saidWaitingFor?: string;

  constructor(private readonly ctx: WalletContext) {
    adoptStyles(ctx.host.renderRoot, spendStyles);
    ctx.host.addController(this);
    this.outbox = new OutboxController<Spend, SpendResult, RedemptionNote>(ctx.host, {
      storageKey: () => {
        const api = ctx.api();
        return api ? spendQueueKey(api) : undefined;
      },
      client: () => ctx.client(),
      onSent: (result) => void this.spent(result),
      onRejected: (error, item) => void this.refused(error, item),
      onAuthRequired: () => {
        this.dialog?.close();
        ctx.signOut();
      },
    });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.ctx.host.renderRoot.querySelector('dialog');
  }

  /** True while the dialog asks or a spend it started is on its way. */
  get busy(): boolean {
    return !!this.pending;
  }

  /**
   * The points that queued spends will take: the balance the server last gave still counts them,
   * and offering them again would let the citizen spend them twice.
   */
  queuedCost(): number {
    return this.outbox.items.reduce((sum, { body, note }) => {
      if ('amount' in body) return sum + body.amount;
      // A redemption keeps its cost as its note (the request names only the reward, and the
      // reward may not be in the catalogue shown); one queued without it: the catalogue's price.
      return sum + (note?.cost ?? this.ctx.rewards.items.find((r) => r.id === body.rewardId)?.cost ?? 0);
    }, 0);
  }

  /** Whether a spend on this reward or fund waits to be sent: spending again would be a second voucher or a second donation. */
  spendQueued(target: SpendTarget): boolean {
    return this.outbox.items.some(({ body }) => ('reward' in target ? 'rewardId' in body && body.rewardId === target.reward.id : 'fundId' in body && body.fundId === target.fund.id));
  }

  async open(pending: Pending, trigger: HTMLElement): Promise<void> {
    if (this.spendQueued(pending)) return;
    this.returnFocus = trigger;
    this.pending = pending;
    this.outcome = undefined;
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    const dialog = this.dialog!;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-primary]')?.focus();
  }

  private confirm(): void {
    const pending = this.pending;
    if (!pending || this.queued(pending)) return;
    if ('reward' in pending) {
      const note: RedemptionNote = { cost: pending.reward.cost };
      void this.outbox.send(REDEEM_PATH, { rewardId: pending.reward.id }, { key: pending.key, note });
    } else void this.outbox.send(DONATE_PATH, { fundId: pending.fund.id, amount: pending.amount }, { key: pending.key });
  }

  private queued(pending: Pending): boolean {
    return this.outbox.items.some((item) => item.key === pending.key);
  }

  /**
   * The spend the dialog confirmed could not be sent: focus goes to the message that says so,
   * inside the dialog, where a screen reader reads it (the regions of the widget's announcer are
   * outside the modal dialog, so inert while it is open).
   */
  hostUpdated(): void {
    const pending = this.pending;
    const waiting = !!pending && !!this.dialog?.open && this.queued(pending) && this.outbox.status === 'waiting';
    // Once per spend: later automatic retries pass through "sending" and back, and must not pull
    // the citizen's focus back each time.
    if (!waiting || this.saidWaitingFor === pending!.key) return;
    this.saidWaitingFor = pending!.key;
    this.dialog!.querySelector<HTMLElement>('#dialog-waiting')?.focus();
  }

  private onClose(): void {
    this.pending = undefined;
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = undefined;
    this.ctx.host.requestUpdate();
  }

  /** Keeps Tab and Shift+Tab inside the open dialog. */
  private trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...this.dialog!.querySelectorAll<HTMLElement>('button')];
    const active = (this.ctx.host.renderRoot as ShadowRoot).activeElement;
    const edge = event.shiftKey ? focusable[0] : focusable.at(-1);
    if (active === edge || !focusable.includes(active as HTMLElement)) {
      event.preventDefault();
      (event.shiftKey ? focusable.at(-1) : focusable[0])?.focus();
    }
  }

  /** Closes the dialog and shows the tab the spend came from, with what became of it at the top. */
  private leave(tab: Tab, outcome?: Outcome): void {
    this.outcome = outcome;
    this.returnFocus = undefined;
    this.dialog?.close();
    this.pending = undefined;
    this.ctx.show(tab);
    this.ctx.host.requestUpdate();
  }

  /** Shows what became of a spend on its tab and puts the citizen there. */
  private async finish(outcome: Outcome, tab: Tab): Promise<void> {
    this.leave(tab, outcome);
    await this.ctx.host.updateComplete;
    this.ctx.host.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private async spent(result: SpendResult): Promise<void> {
    const { ctx } = this;
    const { points } = result;
    ctx.setBalance(points.balance);
    const redeemed = 'redemption' in result;
    if (redeemed) {
      ctx.rewards.replace((r) => r.id === result.reward.id, result.reward);
      emit(ctx.host, 'veche-redeem', { reward: result.reward.id, redemption: result.redemption.id, cost: result.redemption.cost, balance: points.balance });
      ctx.announce(
        `${ctx.text.t('redeemed', { points: ctx.points(points.spent), title: result.redemption.rewardTitle })} ${ctx.text.t('voucher')} ${result.redemption.voucherCode}`,
      );
    } else {
      ctx.funds.replace((f) => f.id === result.fund.id, result.fund);
      ctx.donated(result.fund.id);
      emit(ctx.host, 'veche-donate', { fund: result.fund.id, donation: result.donation.id, amount: result.donation.amount, balance: points.balance });
      ctx.announce(ctx.text.t('thanks', { points: ctx.points(result.donation.amount), name: result.fund.name }));
    }
    const delta = points.awarded - points.spent;
    if (delta) emit(ctx.host, 'veche-points-change', { delta, balance: points.balance, reason: points.reason ?? (redeemed ? 'redemption' : 'donation') });
    // Totals, level and history catch up with one refetch, shared with any echo from other widgets.
    ctx.scheduleRefresh();
    await this.finish(redeemed ? { redeemed: result } : { donated: result }, redeemed ? 'rewards' : 'donations');
  }

  /** The server said no for good (out of stock, not enough points after all, …): say why and refresh. */
  private async refused(error: ApiError, item: OutboxItem<Spend, RedemptionNote>): Promise<void> {
    const { ctx } = this;
    const redeem = item.path === REDEEM_PATH;
    let message = ctx.describeError(error);
    if (error.slug === 'out-of-stock') {
      const id = (item.body as RedemptionCreate).rewardId;
      const title = ctx.rewards.items.find((r) => r.id === id)?.title ?? (this.pending && 'reward' in this.pending ? this.pending.reward.title : id);
      message = ctx.text.t('outOfStockRace', { title });
    } else if (error.slug === 'insufficient-points') {
      const missing = Number(error.problem?.missing);
      message = ctx.text.t('insufficientRace', { points: ctx.points(missing > 0 ? missing : 0) });
    }
    ctx.reportError(error);
    ctx.refresh();
    const reloaded = ctx.load(redeem ? ctx.rewards : ctx.funds);
    // The server's word on the amount shows at the fund's amount field (with the fund's limits
    // as they are now); the top of the tab keeps what names no field.
    const amount = redeem ? undefined : error.fields.amount;
    if (amount) {
      const unplaced = error.fieldErrors.some(({ field }) => field !== 'amount');
      this.leave('donations', unplaced ? { refused: message, tab: 'donations' } : undefined);
      await reloaded;
      if (await ctx.refuseAmount((item.body as DonationCreate).fundId, amount)) return ctx.announce(amount, { assertive: true });
    }
    ctx.announce(message, { assertive: true });
    await this.finish({ refused: message, tab: redeem ? 'rewards' : 'donations' }, redeem ? 'rewards' : 'donations');
  }

  /** Spends from this or an earlier visit that wait for the connection, with "send now". */
  renderQueued(): TemplateResult | typeof nothing {
    if (this.outbox.status !== 'waiting' || this.pending) return nothing;
    const count = this.outbox.items.length;
    if (!count) return nothing;
    return html`<div class="note" part="status queued">
      <p>${this.ctx.text.t('queued', { count })}</p>
      <button class="link" type="button" @click=${() => this.outbox.retryNow()}>${this.ctx.text.t('sendNow')}</button>
    </div>`;
  }

  /** The voucher, the receipt or the refusal, at the top of the tab the spend came from. */
  renderOutcome(tab: Tab): TemplateResult | typeof nothing {
    const { outcome, ctx } = this;
    const { text, points } = ctx;
    if (!outcome) return nothing;
    if ('refused' in outcome) {
      return outcome.tab === tab
        ? html`<div class="status error" part="status refused" id="outcome" tabindex="-1"><p class="status-title">${outcome.refused}</p></div>`
        : nothing;
    }
    if ('redeemed' in outcome && tab === 'rewards') {
      const r = outcome.redeemed.redemption;
      return html`<div class="done" part="confirmation" id="outcome" tabindex="-1">
        <p class="status-title">${text.t('redeemed', { points: points(r.cost), title: r.rewardTitle })}</p>
        <p>${text.t('voucher')} <code part="voucher">${r.voucherCode}</code></p>
        <p>${text.t('howToUse', { text: r.howToUse })}</p>
      </div>`;
    }
    if ('donated' in outcome && tab === 'donations') {
      const { donation, fund } = outcome.donated;
      return html`<div class="done" part="confirmation" id="outcome" tabindex="-1">
        <p class="status-title">${text.t('thanks', { points: points(donation.amount), name: donation.fundName })}</p>
        <p part="receipt">${text.t('receipt', { number: donation.receiptNumber, date: formatDate(text.locale, donation.createdAt) })}</p>
        <p>${fund.name}: ${text.t('raised', { points: points(fund.raised) })}</p>
      </div>`;
    }
    return nothing;
  }

  renderDialog(): TemplateResult {
    const { pending, ctx } = this;
    const { text, points } = ctx;
    const item = pending && this.outbox.items.find(({ key }) => key === pending.key);
    const queued = !!item;
    const sending = queued && this.outbox.status === 'sending';
    const waiting = queued && this.outbox.status === 'waiting';
    const cost = pending ? ('reward' in pending ? pending.reward.cost : pending.amount) : 0;
    // The balance left counts every queued spend, this one too once it is queued.
    const after = ctx.balance() - (queued ? 0 : cost);
    // The primary button stays one element through confirm, sending and send now, so focus stays on it.
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${() => this.onClose()} @keydown=${(e: KeyboardEvent) => this.trapFocus(e)}>
      ${pending
        ? html`<h3 id="dialog-title">
              ${'reward' in pending
                ? text.t('confirmRedeem', { points: points(cost), title: pending.reward.title })
                : text.t('confirmDonate', { points: points(cost), name: pending.fund.name })}
            </h3>
            <p>${text.t('after', { points: points(Math.max(0, after)) })}</p>
            ${waiting || (sending && item.attempts)
              ? html`<p class="note" part="status waiting" id="dialog-waiting" tabindex="-1">${text.t('waiting')}</p>`
              : nothing}
            <div class="actions">
              <button
                class="button primary"
                type="button"
                data-primary
                aria-disabled=${sending ? 'true' : 'false'}
                @click=${() => (waiting ? this.outbox.retryNow() : this.confirm())}
              >
                ${text.t(waiting ? 'sendNow' : sending ? 'sending' : 'confirm')}
              </button>
              <button class="button" type="button" @click=${() => this.dialog?.close()}>${text.t(queued ? 'close' : 'cancel')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }
}

const spendStyles = css`
  .note,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .note {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  /* "Send now" inside a notice reads as a link; core's .link gives it the colour and underline. */
  button.link {
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 24px;
    cursor: pointer;
  }
  .done {
    display: grid;
    gap: 0.75em;
    padding: var(--_gap);
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_success);
    background: var(--_surface-alt);
  }
  code {
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  dialog {
    inline-size: min(32em, calc(100vw - 2em));
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog[open] {
    display: grid;
    gap: 0.75em;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
`;
