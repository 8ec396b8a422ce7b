import { css } from 'lit';

/**
 * The board's own tokens read through fallback chains, so a theme on `:root` reaches them; those
 * only cards use come with the cards' styles (card.ts), but for the cards' surface, which the
 * list's skeleton cards show before the cards' code is here.
 */
export const ideaBoardStyles = css`
  :host {
    --_accent: var(--veche-idea-board-accent, var(--_primary));
    --_list-height: var(--veche-idea-board-list-height, 36em);
    --_card-surface: var(--veche-idea-board-card-surface, var(--_surface));
  }
  h3 {
    line-height: 1.3;
  }
  .board,
  .page,
  .filters {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }
  .board {
    min-block-size: 20em;
  }
  .toolbar,
  .actions {
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
  /* .label: a field's label in the list's skeleton (veche-idea-board.ts, renderSkeleton). */
  label,
  .label {
    font-weight: 600;
  }
  /* The count of ideas found keeps its line while it is not known yet (list-view.ts). */
  .found {
    min-block-size: calc(var(--_line-height) * 1em);
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
  .success {
    padding: 0.75em;
    border-inline-start: 6px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  /* The row under the list: "show more", more loading, the end or what went wrong. As tall as
     its button whatever it holds, so that the list's skeleton can hold its place. */
  .row-status {
    /* The button's own height (control-styles.ts: 0.5em padding, a 1.25 line, 2px borders) at
       large type, the target size otherwise; and the row's padding. */
    min-block-size: calc(max(var(--_target), 2.25em + 4px) + 1.5em);
    padding: 0.75em;
    text-align: center;
  }
  /* A card on its way: the cards' own box (card.ts) never reaches it, so it looks the same before
     and after the list's code has come. */
  .card-skeleton {
    block-size: 9em;
    margin: 0.5em;
  }
  /* In the list's box, which has core's skeleton colour, a card on its way has a card's. */
  .loading .skeleton.card-skeleton {
    background: var(--_card-surface);
  }
  @media (forced-colors: active) {
    .tabs .button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
