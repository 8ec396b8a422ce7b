/**
 * The donations section: charity funds with their totals, and per fund an amount form (minimum,
 * step, the balance as maximum, quick amounts) whose typing survives a reload. Donating opens
 * the spend flow.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { DraftController } from '../../core/draft-controller.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { checkAmount, maxDonation, quickAmounts } from './amount.js';
import type { Fund } from './api.js';
import { image, renderList } from './list.js';
import type { WalletContext } from './sections.js';

export { walletSectionMessages as sectionMessages } from './section-messages.js';

export class DonationForms {
  private amounts: Record<string, string>;
  private errors: Record<string, string> = {};
  private readonly draft: DraftController<{ amounts: Record<string, string> }>;

  constructor(private readonly ctx: WalletContext) {
    this.draft = new DraftController(ctx.host, { key: () => (ctx.api() ? `draft:wallet:${ctx.api()}` : undefined) });
    this.amounts = this.draft.load()?.value.amounts ?? {};
  }

  /** The donation went through: its amount is not a draft any more. */
  donated(fundId: string): void {
    const { [fundId]: _done, ...amounts } = this.amounts;
    this.amounts = amounts;
    this.draft.save({ amounts });
    this.ctx.host.requestUpdate();
  }

  /** The server refused the amount: its message at the field, and the citizen on it. */
  refused(fundId: string, message: string): Promise<boolean> {
    this.errors = { ...this.errors, [fundId]: message };
    return this.focusAmount(fundId);
  }

  /** Puts the citizen on the fund's amount field once it shows; false when there is none. */
  private async focusAmount(fundId: string): Promise<boolean> {
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    const field = this.ctx.host.renderRoot.querySelector<HTMLElement>(`#amount-${fundId}`);
    field?.focus();
    return !!field;
  }

  private setAmount(fund: Fund, value: string): void {
    if (this.ctx.spendQueued({ fund })) return;
    this.amounts = { ...this.amounts, [fund.id]: value };
    if (this.errors[fund.id]) this.errors = { ...this.errors, [fund.id]: this.problem(fund, value) ?? '' };
    this.draft.save({ amounts: this.amounts });
    this.ctx.host.requestUpdate();
  }

  private problem(fund: Fund, value: string): string | undefined {
    const problem = checkAmount(value, fund, this.ctx.balance());
    return problem && this.ctx.text.t(problem[0], problem[1]);
  }

  private async submit(event: SubmitEvent, fund: Fund): Promise<void> {
    event.preventDefault();
    if (this.ctx.spendQueued({ fund })) return;
    const value = this.amounts[fund.id] ?? '';
    const problem = this.problem(fund, value);
    this.errors = { ...this.errors, [fund.id]: problem ?? '' };
    if (problem) {
      await this.focusAmount(fund.id);
      return;
    }
    this.ctx.host.requestUpdate();
    const trigger = (event.submitter as HTMLElement | null) ?? (event.target as HTMLFormElement).querySelector<HTMLElement>('[part~="donate"]')!;
    this.ctx.confirm({ key: newIdempotencyKey(), fund, amount: Number(value.trim()) }, trigger);
  }

  render(): TemplateResult {
    const ctx = this.ctx;
    const { text, points } = ctx;
    const balance = ctx.balance();
    adoptStyles(ctx.host.renderRoot, donationStyles);
    return renderList(ctx, ctx.funds, '', (f) => {
      const max = maxDonation(f, balance);
      const value = this.amounts[f.id] ?? '';
      const error = this.errors[f.id];
      // A donation that waits for the connection is made already: the same amount again would be
      // a second donation, and a new one typed meanwhile would be lost when the first goes through.
      const queued = ctx.spendQueued({ fund: f });
      return html`<li class="card" part="fund">
        ${image(ctx, f.image)}
        <h3>${f.name}</h3>
        <p>${f.description}</p>
        <p class="muted">${text.t('raised', { points: points(f.raised) })} · ${text.t('donors', { count: f.donors })}</p>
        ${max < f.minDonation
          ? html`<p class="muted">${text.t('tooLittle', { points: points(f.minDonation) })}</p>`
          : html`<form novalidate @submit=${(e: SubmitEvent) => void this.submit(e, f)}>
              <label for="amount-${f.id}">${text.t('amount')}</label>
              <p class="hint" id="hint-${f.id}">${text.t('amountHint', { min: f.minDonation, max, step: f.step })}</p>
              ${error ? html`<p class="field-error" id="error-${f.id}">${error}</p>` : nothing}
              <input
                id="amount-${f.id}"
                type="number"
                inputmode="numeric"
                min=${f.minDonation}
                max=${max}
                step=${f.step}
                .value=${value}
                ?readonly=${queued}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby="hint-${f.id}${error ? ` error-${f.id}` : ''}"
                @input=${(e: Event) => this.setAmount(f, (e.target as HTMLInputElement).value)}
              />
              <div class="quick" role="group" aria-label=${text.t('quick')}>
                ${quickAmounts(f, balance).map(
                  (a) => html`<button class="chip" type="button" aria-pressed=${value === String(a) ? 'true' : 'false'} aria-disabled=${queued ? 'true' : 'false'} @click=${() => this.setAmount(f, String(a))}>
                    ${points(a)}
                  </button>`,
                )}
              </div>
              <button class="button ${queued ? '' : 'primary'}" part=${queued ? 'donate donate-queued' : 'donate'} aria-disabled=${queued ? 'true' : 'false'}>
                ${text.t(queued ? 'donateQueued' : 'donate')}<span class="visually-hidden">: ${f.name}</span>
              </button>
            </form>`}
      </li>`;
    });
  }
}

const donationStyles = css`
  .quick {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .chip {
    min-block-size: var(--_target);
    padding: 0.25em 0.75em;
    border: 2px solid var(--_border);
    border-radius: 1.5em;
    background: var(--_surface);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 700;
  }
`;
