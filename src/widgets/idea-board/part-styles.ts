import { css } from 'lit';

/**
 * What the board's lazily loaded parts share and the list does not use: sub-headings and lists,
 * notes, buttons that look like links, invalid fields. Each part adopts it (once per board).
 */
export const partStyles = css`
  h4,
  ol,
  ul {
    margin: 0;
    padding: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .note {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    min-block-size: 24px;
    cursor: pointer;
  }
`;
