import { css } from 'lit';

/** The wallet's own tokens read through fallback chains, so a theme on `:root` reaches them. */
export const walletStyles = css`
  :host {
    --_accent: var(--veche-wallet-accent, var(--_primary));
    --_bar-track: var(--veche-wallet-bar-track, var(--_surface-alt));
    --_reserve: var(--veche-wallet-reserve, 20em);
  }
  .wallet,
  .panel,
  .items,
  form,
  .card,
  .done {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .wallet {
    min-block-size: var(--_reserve);
  }
  h2,
  h3,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .head,
  .toolbar,
  .actions,
  .quick,
  .note,
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .head {
    justify-content: space-between;
  }
  .balance {
    font-size: 1.5em;
    font-weight: 700;
    color: var(--_accent);
  }
  .muted,
  .hint {
    color: var(--_text-muted);
  }
  .note {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .tabs {
    gap: 0.25em;
    border-block-end: 2px solid var(--_border);
  }
  [role='tab'] {
    min-block-size: var(--_target);
    padding: 0.5em 0.75em;
    border: 0;
    border-block-end: 4px solid transparent;
    background: none;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    font-weight: 700;
  }
  .panel {
    padding-block: 0.5em;
  }
  .level {
    font-weight: 700;
  }
  .track {
    block-size: 0.75em;
    border-radius: 0.375em;
    background: var(--_bar-track);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--_share, 0) * 100%);
    background: var(--_accent);
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
    gap: 0.5em;
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    font-weight: 700;
  }
  .levels {
    padding-inline-start: 1.5em;
  }
  .mine {
    font-weight: 700;
  }
  .entry {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 1em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  .entry .muted {
    grid-column: 1 / -1;
    font-size: 0.875em;
  }
  .amount {
    font-weight: 700;
    white-space: nowrap;
  }
  .earned .amount {
    color: var(--_success);
  }
  .items {
    gap: 0.75em;
  }
  .card {
    gap: 0.5em;
    justify-items: start;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card img {
    inline-size: 100%;
    max-inline-size: 20em;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .sold-out {
    font-weight: 700;
    color: var(--_danger);
  }
  select,
  input {
    min-block-size: var(--_target);
    max-inline-size: 100%;
    padding: 0.25em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  label {
    font-weight: 600;
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
  .link {
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 24px;
    cursor: pointer;
  }
  .done {
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
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 4em;
  }
  @media (forced-colors: active) {
    .fill {
      background: CanvasText;
    }
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
  }
`;
