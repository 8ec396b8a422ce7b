import { css } from 'lit';

/** The board's own tokens read through fallback chains, so a theme on `:root` reaches them. */
export const ideaBoardStyles = css`
  :host {
    --_accent: var(--veche-idea-board-accent, var(--_primary));
    --_bar: var(--veche-idea-board-bar-color, var(--_accent));
    --_fund: var(--veche-idea-board-funding-color, var(--_success));
    --_match: var(--veche-idea-board-match-color, var(--veche-color-primary-strong, #143f72));
    --_bar-track: var(--veche-idea-board-bar-track, var(--_surface-alt));
    --_list-height: var(--veche-idea-board-list-height, 36em);
    --_card-surface: var(--veche-idea-board-card-surface, var(--_surface));
  }
  h3 {
    line-height: 1.3;
  }
  .board,
  .page,
  .filters,
  .funding {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .board {
    min-block-size: 20em;
  }
  .toolbar,
  .actions,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .toolbar {
    justify-content: space-between;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .tabs .button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-primary);
  }
  .filters {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-inline-size: 0;
  }
  label {
    font-weight: 600;
  }
  input:not([type='file']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.375em 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The virtualizer sets display, position, contain: size and overflow on .scroller (through
     the CSSOM) and places each card absolutely: the box needs a height of its own, and a card
     its width. */
  .scroller,
  .loading {
    block-size: min(var(--_list-height), 85vh);
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .loading {
    overflow: hidden;
  }
  /* A column flexbox rather than a one-column grid: the same stacking and gaps, but a grid sizes
     its auto rows from each child's intrinsic size first, laying the text out twice. A fling
     renders three or four new cards a frame, and this was a quarter of their layout time. */
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    inline-size: calc(100% - 1em);
    margin: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-surface);
    contain: layout paint;
  }
  .card:focus-visible {
    outline-offset: -3px;
  }
  .row-status {
    padding: 0.75em;
    text-align: center;
  }
  .success {
    padding: 0.75em;
    border-inline-start: 6px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .skeleton.card {
    block-size: 9em;
  }
  @media (forced-colors: active) {
    .tabs .button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
