import { css } from 'lit';

/**
 * The poll's own tokens read through fallback chains, so a theme on `:root` reaches them.
 * The lazily loaded parts (review.ts, results.ts) bring their own rules.
 */
export const pollStyles = css`
  :host {
    --_accent: var(--veche-poll-accent, var(--_primary));
    --_bar: var(--veche-poll-bar-color, var(--_accent));
    --_bar-track: var(--veche-poll-bar-track, var(--_surface-alt));
    --_reserve: var(--veche-poll-reserve, 24em);
  }
  .poll {
    display: grid;
    gap: 0.75em;
    min-block-size: var(--_reserve);
    align-content: start;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
    padding: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
  }
  h4 {
    font-size: 1em;
  }
  .muted,
  .hint,
  .description {
    color: var(--_text-muted);
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
  form,
  .question {
    display: grid;
    gap: 0.75em;
  }
  .question {
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.5em;
    font-size: 1.125em;
    font-weight: 700;
  }
  .option:has(:disabled) {
    cursor: not-allowed;
    color: var(--_text-muted);
  }
  .option .description,
  .option img {
    grid-column: 2;
  }
  .scale {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 0.25em;
  }
  .point {
    position: relative;
  }
  .point input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .link {
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 24px;
    cursor: pointer;
  }
  .note {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .progress {
    font-weight: 600;
  }
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.line:first-of-type {
    inline-size: 70%;
    block-size: 1.75em;
  }
  .skeleton.block {
    block-size: var(--_target);
  }
  @media (forced-colors: active) {
    .point input:checked + span {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
