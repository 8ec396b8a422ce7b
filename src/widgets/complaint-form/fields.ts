/**
 * A service's own questions (Open311 attributes): one native control per datatype, the
 * citizen's raw input kept as typed, checked, and turned into the contract's answers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AttributeAnswers, ServiceAttribute } from './api.js';

/** Raw input by attribute code: text as typed, a list's chosen keys. */
export type RawValues = Record<string, string | string[]>;

export const fieldId = (attr: ServiceAttribute) => `attr-${attr.code}`;

const isEmpty = (value: string | string[] | undefined) => (Array.isArray(value) ? value.length === 0 : !value?.trim());
const toNumber = (value: string) => Number(value.trim().replace(',', '.'));

/** The message key for what is wrong with one answer, or undefined. */
export function checkAttribute(attr: ServiceAttribute, value: string | string[] | undefined): 'errorRequired' | 'errorNumber' | 'errorDate' | 'errorTooLong' | undefined {
  if (!attr.variable) return undefined;
  if (isEmpty(value)) return attr.required ? 'errorRequired' : undefined;
  if (typeof value !== 'string') return undefined;
  if (attr.datatype === 'number' && (value.trim() === '' || !Number.isFinite(toNumber(value)))) return 'errorNumber';
  if (attr.datatype === 'datetime' && Number.isNaN(Date.parse(value))) return 'errorDate';
  if (value.length > 4000) return 'errorTooLong';
  return undefined;
}

/** The contract's `attributes`: variable attributes only, empty ones left out. */
export function toAnswers(attributes: ServiceAttribute[], values: RawValues): AttributeAnswers {
  const answers: AttributeAnswers = {};
  for (const attr of attributes) {
    const value = values[attr.code];
    if (!attr.variable || isEmpty(value)) continue;
    if (attr.datatype === 'multivaluelist') answers[attr.code] = Array.isArray(value) ? value : [value!];
    else if (typeof value !== 'string') continue;
    else if (attr.datatype === 'number') answers[attr.code] = toNumber(value);
    // datetime-local has no zone; the contract wants one, and the citizen meant local time.
    else if (attr.datatype === 'datetime') answers[attr.code] = new Date(value).toISOString();
    else answers[attr.code] = value.trim();
  }
  return answers;
}

/** What the review shows for one answer. */
export function answerText(attr: ServiceAttribute, value: string | string[] | undefined, formatDateTime: (iso: string) => string): string {
  if (isEmpty(value)) return '';
  const names = (keys: string[]) => keys.map((k) => attr.values?.find((v) => v.key === k)?.name ?? k).join(', ');
  if (Array.isArray(value)) return names(value);
  if (attr.datatype === 'singlevaluelist') return names([value!]);
  if (attr.datatype === 'datetime') return formatDateTime(value!);
  return value!;
}

export interface FieldTexts {
  optional: string;
  error?: string;
}

export function renderAttribute(
  attr: ServiceAttribute,
  value: string | string[] | undefined,
  texts: FieldTexts,
  onChange: (value: string | string[]) => void,
): TemplateResult {
  const id = fieldId(attr);
  if (!attr.variable) return html`<p class="note" part="service-note">${attr.description}</p>`;
  const hint = attr.datatypeDescription;
  const described = [hint && `${id}-hint`, texts.error && `${id}-error`].filter(Boolean).join(' ') || nothing;
  const label = html`${attr.description}${attr.required ? nothing : html` <span class="optional">(${texts.optional})</span>`}`;
  const hintText = hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing;
  const errorText = texts.error ? html`<p class="field-error" id="${id}-error">${texts.error}</p>` : nothing;
  const invalid = texts.error ? 'true' : 'false';

  if (attr.datatype === 'singlevaluelist' || attr.datatype === 'multivaluelist') {
    const multiple = attr.datatype === 'multivaluelist';
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    return html`<fieldset class="field" id=${id} aria-describedby=${described}>
      <legend>${label}</legend>
      ${hintText} ${errorText}
      ${(attr.values ?? []).map(
        (v, i) => html`<label class="option">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            id=${i === 0 ? `${id}-first` : nothing}
            name=${id}
            .value=${v.key}
            .checked=${chosen.includes(v.key)}
            ?required=${!multiple && attr.required}
            @change=${() => onChange(multiple ? (chosen.includes(v.key) ? chosen.filter((k) => k !== v.key) : [...chosen, v.key]) : v.key)}
          /><span>${v.name}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  const text = typeof value === 'string' ? value : '';
  const input = (event: Event) => onChange((event.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hintText} ${errorText}
    ${attr.datatype === 'text'
      ? html`<textarea id=${id} rows="3" .value=${text} ?required=${attr.required} aria-invalid=${invalid} aria-describedby=${described} @input=${input}></textarea>`
      : html`<input
          id=${id}
          type=${attr.datatype === 'datetime' ? 'datetime-local' : 'text'}
          inputmode=${attr.datatype === 'number' ? 'decimal' : nothing}
          autocomplete="off"
          .value=${text}
          ?required=${attr.required}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${input}
        />`}
  </div>`;
}
