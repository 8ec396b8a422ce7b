import { css } from 'lit';

/** The form's own tokens read through fallback chains, so a theme on `:root` reaches them. */
export const complaintFormStyles = css`
  :host {
    --_accent: var(--veche-complaint-form-accent, var(--_primary));
    --_reserve: var(--veche-complaint-form-reserve, 20em);
  }
  .form {
    display: grid;
    gap: 0.75em;
    min-block-size: var(--_reserve);
    align-content: start;
  }
  .loading {
    gap: 0.5em;
  }
  .skeleton.block {
    block-size: 3em;
  }
  ul,
  ol,
  dl,
  dd,
  fieldset {
    margin: 0;
    padding: 0;
  }
  .label {
    font-size: 1.125em;
  }
  .description {
    color: var(--_text-muted);
  }
  form,
  .field,
  .group,
  .done {
    display: grid;
    gap: 0.5em;
  }
  form {
    gap: 1em;
  }
  fieldset {
    border: 0;
    min-inline-size: 0;
    display: grid;
    gap: 0.5em;
  }
  legend,
  label:not(.option, .file) {
    padding: 0;
    font-weight: 700;
  }
  .group-title {
    margin-block-start: 0.5em;
    font-size: 1em;
  }
  #search {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5em 0.625em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  .option-text {
    display: grid;
  }
  .name {
    font-weight: 600;
  }
  .progress {
    font-weight: 700;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    list-style: none;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .steps li {
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
  }
  .steps .n {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border: 1px solid currentColor;
    border-radius: 50%;
  }
  .steps .current {
    color: var(--_text);
    font-weight: 700;
  }
  .steps .current .n,
  .steps .done .n {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-primary);
  }
  .track {
    block-size: 0.375em;
    border-radius: 1em;
  }
  .error-summary {
    display: grid;
    gap: 0.5em;
    padding: var(--_gap);
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .note,
  .chosen {
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .chosen {
    background: var(--_surface-alt);
  }
  .note {
    display: grid;
    gap: 0.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
  }
  .actions.start {
    justify-content: start;
  }
  .link {
    border: 0;
    padding: 0;
    background: none;
    font: inherit;
    cursor: pointer;
    min-block-size: 24px;
  }
  .review {
    display: grid;
    gap: 0.5em;
  }
  .review div {
    display: grid;
    gap: 0.125em;
    padding-block-end: 0.5em;
    border-block-end: 1px solid var(--_surface-alt);
  }
  .review dt {
    font-weight: 700;
  }
  .review dd {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    justify-content: space-between;
    white-space: pre-line;
  }
  .done h3:focus {
    outline: none;
  }
  #step:focus,
  #summary:focus {
    outline: 3px solid var(--_focus-outline);
    outline-offset: 2px;
  }
  code {
    font-size: 1.125em;
    font-weight: 700;
  }
`;
