/**
 * One question as native controls in a fieldset: a radio group (single choice), checkboxes with
 * their limits explained and enforced (multiple choice), or a 1–5 scale of radios operated with
 * the arrow keys. Options may carry a picture with its alt text and a description.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { choiceStyles } from '../../core/choice-styles.js';
import { imageSource } from '../../core/urls.js';
import type { PollQuestion } from './api.js';
import type { Choice } from './answers.js';
import type { PollContext } from './parts.js';

const SCALE = ['1', '2', '3', '4', '5'];

export interface QuestionState {
  choice: Choice | undefined;
  error: string | undefined;
  /** A vote is on its way: nothing can change. */
  sending: boolean;
  /** The citizen picked (or, for a checkbox, toggled) an option or a scale value. */
  choose(value: string): void;
}

export function renderQuestion(ctx: PollContext, q: PollQuestion, { choice, error, sending, choose }: QuestionState): TemplateResult {
  const { text } = ctx;
  const list = Array.isArray(choice) ? choice : [];
  const { minChoices: min = 0, maxChoices: max } = q;
  let limits = '';
  if (q.type === 'multiple' && max) {
    limits = text.t(min === max ? 'chooseExactly' : 'chooseRange', { min: Math.max(min, 1), count: max });
  }
  const full = q.type === 'multiple' && !!max && list.length >= max;
  const hint = q.hint || limits;
  const describedBy = [hint && 'hint', q.scaleLabels && 'labels', error && 'error', full && 'count'].filter(Boolean).join(' ') || nothing;
  // The control and its label in one template: each option is then one template instance.
  const option = (kind: 'option' | 'point', type: string, value: string, label: string, checked: boolean, disabled: boolean, extra: unknown = nothing) =>
    html`<label class=${kind === 'point' ? 'point drawn-choice' : kind} part="option"
      ><input
        type=${type}
        name=${q.id}
        .value=${value}
        .checked=${checked}
        ?disabled=${disabled}
        ?required=${type === 'radio' && q.required}
        aria-describedby=${describedBy}
        @change=${() => choose(value)} /><span>${label}</span>${extra}</label
    >`;

  return html`<fieldset class="question" part="question" ?disabled=${sending}>
    <legend>${q.text}${q.required ? nothing : html` <span class="optional">(${text.t('optional')})</span>`}</legend>
    ${hint ? html`<p class="hint" id="hint">${[q.hint, limits].filter(Boolean).join(' ')}</p>` : nothing}
    ${error ? html`<p class="field-error" id="error">${error}</p>` : nothing}
    ${q.type === 'scale'
      ? html`<div class="scale">${SCALE.map((v) => option('point', 'radio', v, v, choice === Number(v), false))}</div>
          ${q.scaleLabels
            ? html`<p class="scale-labels hint" id="labels"><span>1 — ${q.scaleLabels.min}</span><span>5 — ${q.scaleLabels.max}</span></p>`
            : nothing}`
      : q.options.map((o) => {
          const on = list.includes(o.id);
          const image = o.image && imageSource(o.image.url, ctx.api());
          const extra =
            o.description || image
              ? html`${o.description ? html`<span class="description">${o.description}</span>` : nothing}${image
                  ? html`<img part="option-image" src=${image} alt=${o.image!.alt} loading="lazy" />`
                  : nothing}`
              : nothing;
          return option('option', q.type === 'multiple' ? 'checkbox' : 'radio', o.id, o.label, on, full && !on, extra);
        })}
    ${q.type === 'multiple' && max
      ? html`<p class="hint" id="count" aria-live="polite">${text.t('selected', { count: list.length, max })} ${full ? text.t('maxReached') : nothing}</p>`
      : nothing}
  </fieldset>`;
}

export const styles = [
  choiceStyles,
  css`
    .question {
      display: grid;
      gap: 0.75em;
      border: 0;
      min-inline-size: 0;
    }
    legend {
      padding: 0;
      margin-block-end: 0.5em;
      font-size: 1.125em;
      font-weight: 700;
    }
    .description {
      color: var(--_text-muted);
    }
    .option:has(:disabled) {
      cursor: not-allowed;
      color: var(--_text-muted);
    }
    .option .description,
    .option img {
      grid-column: 2;
    }
    .option img {
      display: block;
      inline-size: 100%;
      max-inline-size: 16em;
      aspect-ratio: 16 / 9;
      object-fit: cover;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .scale {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 0.25em;
    }
    .point span {
      display: grid;
      place-items: center;
      min-block-size: var(--_target);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: 700;
    }
    .point input:checked + span {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-primary);
    }
    .point input:focus-visible + span {
      outline: 3px solid var(--_focus-outline);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_focus);
    }
    .scale-labels {
      display: flex;
      justify-content: space-between;
      gap: 1em;
    }
    @media (forced-colors: active) {
      .point input:checked + span {
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];
