import { css } from 'lit';

/**
 * The wallet's frame, balance and tabs. The wallet's own tokens are read through fallback
 * chains, so a theme on `:root` reaches them. The tabs' content (tabs.ts) and the sections
 * loaded on use bring their own styles.
 */
export const walletStyles = css`
  :host {
    --_accent: var(--veche-wallet-accent, var(--_primary));
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
