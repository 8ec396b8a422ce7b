/**
 * A survey's review step: every answer with a way back to change it. Loaded when a survey
 * reaches its last question (or a draft brings the citizen back to the review), so a poll's
 * first render does not pay for it. The citizen's own answers after voting reuse it.
 */
import { css, html, type TemplateResult } from 'lit';
import type { PollQuestion } from './api.js';
import type { Choice, Choices } from './answers.js';
import type { PollContext } from './parts.js';

export function answerText(ctx: PollContext, q: PollQuestion, choice: Choice | undefined): string {
  // answers.ts's isEmpty, written out: see results.ts on modules shared with the view.
  if (choice === undefined || (Array.isArray(choice) && !choice.length)) return ctx.text.t('noAnswer');
  if (typeof choice === 'number') return ctx.text.t('scaleValue', { value: choice });
  return q.options
    .filter((o) => choice.includes(o.id))
    .map((o) => o.label)
    .join(', ');
}

/** The answers before sending, each with an "edit" button that goes back to its question. */
export function renderReview(
  ctx: PollContext,
  questions: PollQuestion[],
  choices: Choices,
  sending: boolean,
  edit: (index: number) => void,
): TemplateResult {
  return html`<dl class="review">
    ${questions.map(
      (q, i) => html`<div>
        <dt>${q.text}</dt>
        <dd>
          <span>${answerText(ctx, q, choices[q.id])}</span>
          <button class="link" type="button" ?disabled=${sending} @click=${() => edit(i)}>
            ${ctx.text.t('edit')}<span class="visually-hidden">: ${q.text}</span>
          </button>
        </dd>
      </div>`,
    )}
  </dl>`;
}

/** The answers as they were counted, without edit buttons. */
export function renderSummary(ctx: PollContext, questions: PollQuestion[], choices: Choices): TemplateResult {
  return html`<dl class="review">
    ${questions.map((q) => html`<div><dt>${q.text}</dt><dd>${answerText(ctx, q, choices[q.id])}</dd></div>`)}
  </dl>`;
}

export const styles = [
  css`
  .review div {
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  dt {
    font-weight: 600;
  }
  dd {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
`,
];
