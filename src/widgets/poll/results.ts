/**
 * What a poll shows once answering is over: the "vote counted" confirmation with the receipt
 * and its check, the results bars, and the citizen's own answers. Loaded when the poll says it
 * is needed (voted, closed, live results) or when the citizen sends a vote, so an open poll's
 * first render does not pay for it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../../core/css-props.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../core/format.js';
import { ApiError } from '../../core/problem.js';
import { checkReceipt, type Answer, type Poll, type PollResults, type ReceiptCheck } from './api.js';
import type { Choice, Choices } from './answers.js';
import type { PollContext } from './parts.js';
import { renderSummary, styles as reviewStyles } from './review.js';

// Only the results read the answers the backend counted: the helper lives with them.

/** The citizen's choices from the answers the backend counted. */
export function fromAnswers(answers: Answer[]): Choices {
  const choices: Choices = {};
  for (const a of answers) choices[a.questionId] = a.value ?? a.optionIds ?? [];
  return choices;
}

/** Whether `optionId` (or a scale value as a string, as in results) is among the choice. */
const chosen = (choice: Choice | undefined, optionId: string): boolean =>
  Array.isArray(choice) ? choice.includes(optionId) : choice !== undefined && String(choice) === optionId;

const SCALE = ['1', '2', '3', '4', '5'];

/** A vote as the poll shows it: the citizen's earlier vote, or the one just counted. */
export interface Ballot {
  receipt: string;
  votedAt: string;
  answers: Answer[];
  /** Points awarded, when the vote was just counted. */
  awarded?: number;
  /** The vote was counted in this visit (not loaded with the poll). */
  fresh?: boolean;
}

/** One poll's outcome view; holds the receipt check's state. */
export class Outcome {
  private check?: ReceiptCheck | ApiError | 'checking';

  constructor(private readonly ctx: PollContext) {}

  /** Asks the backend whether the vote with this receipt was counted (`GET /votes/{receipt}`). */
  async verify(receipt: string): Promise<void> {
    const { ctx } = this;
    const client = ctx.client();
    if (!client || this.check === 'checking') return;
    this.check = 'checking';
    ctx.host.requestUpdate();
    try {
      this.check = await checkReceipt(client, receipt);
      ctx.announce(ctx.text.t('receiptCounted', { date: formatDateTime(ctx.text.locale, this.check.countedAt) }));
    } catch (error) {
      this.check = error instanceof ApiError ? error : new ApiError('client', String(error));
    }
    ctx.host.requestUpdate();
  }

  /** The confirmation, then the results when the policy shows them, else the citizen's answers. */
  renderVoted(poll: Poll, ballot: Ballot, results: PollResults | null | undefined, note: unknown): TemplateResult {
    const { text } = this.ctx;
    const choices = fromAnswers(ballot.answers);
    return html`${this.renderDone(ballot)}
    ${results
      ? this.renderResults(poll, results, choices)
      : html`<h3>${text.t('yourAnswers')}</h3>
          ${renderSummary(this.ctx, poll.questions, choices)} ${note}`}`;
  }

  private renderDone({ receipt, votedAt, awarded, fresh }: Ballot): TemplateResult {
    const { text, coreText } = this.ctx;
    const locale = text.locale;
    const check = this.check;
    return html`<div class="done" part="confirmation">
      <h3 id="done" tabindex="-1">${fresh ? text.t('thanks') : text.t('votedOn', { date: formatDate(locale, votedAt) })}</h3>
      ${awarded ? html`<p>${text.t('pointsEarned', { points: coreText.t('points', { count: awarded }) })}</p>` : nothing}
      <p>${text.t('receipt')} <code part="receipt">${receipt}</code></p>
      <p class="hint">${text.t('receiptHint')}</p>
      ${check && check !== 'checking'
        ? html`<p class=${check instanceof ApiError ? 'field-error' : ''} id="check">
            ${check instanceof ApiError
              ? this.ctx.describeError(check)
              : text.t('receiptCounted', { date: formatDateTime(locale, check.countedAt) })}
          </p>`
        : html`<div>
            <button class="button" type="button" aria-disabled=${check ? 'true' : 'false'} @click=${() => void this.verify(receipt)}>
              ${check ? coreText.t('loading') : text.t('checkReceipt')}
            </button>
          </div>`}
    </div>`;
  }

  /** Accessible bars with percent and count per option; the citizen's own choice marked. */
  renderResults(poll: Poll, results: PollResults, mine: Choices): TemplateResult {
    const { text } = this.ctx;
    const locale = text.locale;
    const survey = poll.questions.length > 1;
    return html`<section class="results" part="results" aria-labelledby="results">
      <h3 id="results">${text.t(results.final ? 'finalResults' : 'results')}</h3>
      <p>${text.t('participants', { count: results.participants })}</p>
      ${results.questions.map((r) => {
        const q = poll.questions.find((x) => x.id === r.questionId);
        if (!q) return nothing;
        const rows = q.type === 'scale' ? SCALE.map((v) => ({ id: v, label: v })) : q.options;
        return html`${survey ? html`<h4>${q.text}</h4>` : nothing}
          <ul class="bars">
            ${rows.map(({ id, label }) => {
              const result = r.options.find((o) => o.optionId === id);
              const share = result?.share ?? 0;
              const own = chosen(mine[q.id], id);
              return html`<li class=${own ? 'mine' : ''} part=${own ? 'result result-mine' : 'result'}>
                <span class="row">
                  <span class="label">${label}${own ? html` (${text.t('yourChoice')})` : nothing}</span>
                  <span>${formatPercent(locale, share)} · ${text.t('votes', { count: result?.count ?? 0 })}</span>
                </span>
                <span class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': share })}></span></span>
              </li>`;
            })}
          </ul>
          ${r.average != null
            ? html`<p>${text.t('average', { value: formatNumber(locale, r.average, { maximumFractionDigits: 1 }) })}</p>`
            : nothing}`;
      })}
    </section>`;
  }
}

export const styles = [
  ...reviewStyles,
  css`
    .results,
    .done {
      display: grid;
      gap: 0.75em;
    }
    /* The bars grow from their start by a transform, which the compositor animates: growing
       their inline size laid the page out again in every frame of it, off screen too (4–6 ms
       per frame at 4× CPU on the demo portal, for the 0.6 s of it). */
    @media (prefers-reduced-motion: no-preference) {
      .bar .fill {
        transform-origin: 0 0;
        animation: veche-poll-grow 0.6s ease-out;
      }
      .bar .fill:dir(rtl) {
        transform-origin: 100% 0;
      }
    }
    @keyframes veche-poll-grow {
      from {
        transform: scaleX(0);
      }
    }
    .bars {
      display: grid;
      gap: 0.625em;
      list-style: none;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 1em;
    }
    .mine .label {
      font-weight: 700;
    }
    .mine .label::before {
      content: '✓ ';
      color: var(--_accent);
    }
    .done {
      padding: var(--_gap);
      border-radius: var(--_radius);
      border-inline-start: 6px solid var(--_success);
      background: var(--_surface-alt);
    }
    code {
      font-size: 1.125em;
      font-weight: 700;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
    }
  `,
];
