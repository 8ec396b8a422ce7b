/**
 * Crowdfunding an idea: points from the wallet (balance checked, confirmed in a dialog) or a
 * money pledge intent paid on the host's payment page. Loaded when a citizen first starts a
 * pledge, or when a pledge queued earlier is answered.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { emit } from '../../core/events.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { OutboxController, OutboxItem } from '../../core/outbox.js';
import { ApiError } from '../../core/problem.js';
import { safeUrl } from '../../core/urls.js';
import type { ApiClient } from '../../core/api-client.js';
import { ideaPath, type Funding, type Idea, type PledgeCreate, type PledgeResult, type Wallet } from './api.js';
import type {} from './events.js';
import { money } from './card.js';
import type { BoardContext } from './parts.js';
import { partStyles } from './part-styles.js';
import { partText } from './part-text.js';

const fetchWallet = (client: ApiClient) => client.get<Wallet>('/wallet');
const pledgesPath = (id: string) => `${ideaPath(id)}/pledges`;

interface PledgeState {
  kind: PledgeCreate['kind'];
  amount: string;
  error?: string;
  balance?: number | 'loading';
  /** Set once the citizen confirmed: the idempotency key of this pledge. */
  key?: string;
  sending?: boolean;
  queued?: boolean;
  done?: { text: string; payUrl?: string };
}

export class PledgeFlow {
  private state?: PledgeState;

  constructor(
    private readonly ctx: BoardContext,
    private readonly outbox: OutboxController<PledgeCreate, PledgeResult>,
  ) {
    adoptStyles(ctx.host.renderRoot, partStyles, pledgeStyles);
  }

  private set(state: PledgeState | undefined): void {
    this.state = state;
    this.ctx.host.requestUpdate();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.ctx.host.renderRoot.querySelector('dialog');
  }

  /** Another idea was opened: forget the unfinished pledge. */
  reset(): void {
    this.state = undefined;
  }

  async start(kind: PledgeCreate['kind']): Promise<void> {
    const ctx = this.ctx;
    ctx.clearSignIn();
    this.set({ kind, amount: '' });
    ctx.focusLater('#amount');
    const client = ctx.client();
    if (kind !== 'points' || !client) return;
    this.set({ ...this.state!, balance: 'loading' });
    try {
      const wallet = await fetchWallet(client);
      if (this.state?.kind === 'points') this.set({ ...this.state, balance: wallet.balance });
    } catch (error) {
      if (this.state?.kind !== 'points') return;
      const { balance: _unknown, ...rest } = this.state;
      this.set(rest);
      if (error instanceof ApiError && error.kind === 'auth') {
        this.set(undefined);
        ctx.needSignIn('pledge', true);
      }
    }
  }

  /**
   * A pledge to this idea on its way or waiting to be sent (or for sign-in): the form holds it
   * read-only, since another amount confirmed now would be a second pledge.
   */
  private held(idea: Idea): boolean {
    return this.outbox.items.some((item) => item.path === pledgesPath(idea.id));
  }

  private check(event: Event, idea: Idea): void {
    event.preventDefault();
    const { ctx, state } = this;
    if (!state || state.sending || this.held(idea)) return;
    const value = state.amount.trim();
    const amount = Number(value);
    let error: string | undefined;
    if (!/^\d+$/.test(value) || amount < 1 || amount > 10_000_000) error = partText(ctx)('amountInvalid');
    else if (state.kind === 'points' && typeof state.balance === 'number' && amount > state.balance) {
      error = partText(ctx)('insufficient', { count: amount - state.balance });
    }
    this.set({ ...state, error });
    if (error) {
      ctx.announce(error, { assertive: true });
      ctx.focusLater('#amount');
      return;
    }
    this.dialog?.showModal();
  }

  private async confirm(idea: Idea): Promise<void> {
    const state = this.state;
    if (!state || state.sending) return;
    const key = state.key ?? newIdempotencyKey();
    this.set({ ...state, key, sending: true });
    this.dialog?.close();
    await this.outbox.send(pledgesPath(idea.id), { kind: state.kind, amount: Number(state.amount) }, { key });
    if (this.state?.key === key && this.outbox.items.some((item) => item.key === key)) {
      const signingIn = this.ctx.signingIn();
      this.set({ ...this.state, sending: false, queued: !signingIn });
      if (!signingIn) this.ctx.announce(partText(this.ctx)('pledgeQueued'));
    }
  }

  private paymentLink(reference: string, amount: number, idea: string): string | undefined {
    const base = safeUrl(this.ctx.paymentUrl());
    if (!base) return undefined;
    const url = new URL(base);
    url.searchParams.set('reference', reference);
    url.searchParams.set('amount', String(amount));
    url.searchParams.set('idea', idea);
    return url.href;
  }

  /** The server confirmed a pledge (this one, or one queued earlier). */
  pledged(result: PledgeResult, item: OutboxItem<PledgeCreate>): void {
    const { ctx } = this;
    const { pledge, funding, points } = result;
    ctx.patchIdea(pledge.ideaId, { funding });
    const payUrl = pledge.paymentReference ? this.paymentLink(pledge.paymentReference, pledge.amount, pledge.ideaId) : undefined;
    emit(ctx.host, 'veche-pledge', {
      idea: pledge.ideaId,
      kind: pledge.kind,
      amount: pledge.amount,
      status: pledge.status,
      ...(pledge.paymentReference ? { paymentReference: pledge.paymentReference } : {}),
      ...(payUrl ? { paymentUrl: payUrl } : {}),
      funding,
    });
    if (points && points.spent - points.awarded) {
      emit(ctx.host, 'veche-points-change', { delta: points.awarded - points.spent, balance: points.balance, reason: points.reason ?? 'pledge' });
    }
    const text =
      pledge.kind === 'points'
        ? partText(ctx)('pledgeDone', { points: ctx.coreText.t('points', { count: pledge.amount }) })
        : partText(ctx)('moneyIntent', { amount: money(ctx, pledge.amount) });
    ctx.announce(text);
    if (this.state?.key === item.key || !this.state) {
      this.set({ kind: pledge.kind, amount: '', done: { text, ...(payUrl ? { payUrl } : {}) } });
      ctx.focusLater('#pledge-done');
    }
  }

  /** The server refused a pledge for good (4xx other than 401). */
  rejected(error: ApiError, item: OutboxItem<PledgeCreate>): void {
    const { ctx } = this;
    const missing = error.problem?.['missing'];
    const message =
      error.slug === 'insufficient-points' && typeof missing === 'number'
        ? partText(ctx)('insufficient', { count: missing })
        : ctx.describeError(error);
    ctx.reportError(error);
    ctx.announce(message, { assertive: true });
    if (this.state?.key === item.key) {
      const { key: _key, ...rest } = this.state;
      this.set({ ...rest, sending: false, error: message });
      ctx.focusLater('#amount');
    }
  }

  render(idea: Idea, funding: Funding, starters: TemplateResult): TemplateResult {
    const { ctx, state } = this;
    const t = partText(ctx);
    if (!state) return starters;
    if (state.done) {
      return html`<div class="success" id="pledge-done" tabindex="-1" part="status">
          <p>${state.done.text}</p>
          ${state.done.payUrl ? html`<p><a class="button primary" href=${state.done.payUrl}>${t('payNow')}</a></p>` : nothing}
        </div>
        ${starters}`;
    }
    const points = state.kind === 'points';
    const amount = Number(state.amount) || 0;
    const described = ['amount-hint', state.error ? 'amount-error' : ''].filter(Boolean).join(' ');
    const held = this.held(idea);
    return html`<form class="pledge" novalidate @submit=${(e: Event) => this.check(e, idea)}>
      <div class="field">
        <label for="amount">${t(points ? 'pledgeAmountPoints' : 'pledgeAmountMoney')}</label>
        <p class="hint" id="amount-hint">
          ${points
            ? html`${t('pledgeRate', { value: money(ctx, funding.pointValue) })}
              ${state.balance === 'loading'
                ? t('balanceLoading')
                : typeof state.balance === 'number'
                  ? t('balance', { points: ctx.coreText.t('points', { count: state.balance }) })
                  : nothing}`
            : nothing}
        </p>
        ${state.error ? html`<p class="field-error" id="amount-error">${state.error}</p>` : nothing}
        <input
          id="amount"
          inputmode="numeric"
          autocomplete="off"
          .value=${state.amount}
          aria-describedby=${described}
          aria-invalid=${state.error ? 'true' : 'false'}
          ?readonly=${held}
          @input=${(e: Event) => this.set({ ...state, amount: (e.target as HTMLInputElement).value, error: undefined, key: undefined })}
        />
      </div>
      ${state.queued
        ? html`<div class="note" part="status offline">
            <p>${t('pledgeQueued')}</p>
            <button class="link" type="button" @click=${() => this.outbox.retryNow()}>${t('sendNow')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button class="button primary" type="submit" aria-disabled=${state.sending || held ? 'true' : 'false'}>
          ${state.sending ? t('sending') : held ? t('pledgeWaiting') : t('pledgeNext')}
        </button>
        <button class="button" type="button" @click=${() => this.set(undefined)}>${t('cancel')}</button>
      </div>
      <dialog aria-labelledby="confirm-title" @close=${() => ctx.host.renderRoot.querySelector<HTMLElement>('.pledge [type="submit"]')?.focus()}>
        <h4 id="confirm-title">${t('confirmTitle')}</h4>
        <p>
          ${points
            ? t('confirmPoints', { points: ctx.coreText.t('points', { count: amount }), title: idea.title })
            : t('confirmMoney', { amount: money(ctx, amount), title: idea.title })}
        </p>
        <div class="actions">
          <button class="button primary" type="button" id="confirm" @click=${() => void this.confirm(idea)}>${t('confirm')}</button>
          <button class="button" type="button" @click=${() => this.dialog?.close()}>${t('cancel')}</button>
        </div>
      </dialog>
    </form>`;
  }
}

const pledgeStyles = css`
  .pledge {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  dialog {
    max-inline-size: min(28em, calc(100vw - 2em));
    padding: var(--_gap);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
`;
