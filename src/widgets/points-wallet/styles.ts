import { css } from 'lit';

/**
 * The wallet's frame, balance and tabs. The wallet's own tokens are read through fallback
 * chains, so a theme on `:root` reaches them. Sections loaded on use bring their own styles.
 */
export const walletStyles = css`
  :host {
    --_accent: var(--veche-wallet-accent, var(--_primary));
    --_bar-track: var(--veche-wallet-bar-track, var(--_surface-alt));
    --_reserve: var(--veche-wallet-reserve, 20em);
  }
  .wallet,
  .panel {
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
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 4em;
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border-block-end-color: Highlight;
    }
  }
`;
