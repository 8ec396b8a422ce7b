import { css } from 'lit';

/** The agency rating's own tokens read through fallback chains, so a theme on `:root` reaches them. */
export const agencyRatingStyles = css`
  :host {
    --_star: var(--veche-agency-rating-star, #b35c00);
    --_star-empty: var(--veche-agency-rating-star-empty, var(--_border));
    --_bar: var(--veche-agency-rating-bar-color, var(--_primary));
    --_bar-track: var(--veche-agency-rating-bar-track, var(--_surface-alt));
    --_reserve: var(--veche-agency-rating-reserve, 20em);
    container: veche-rating / inline-size;
  }
  .frame {
    display: grid;
    gap: 0.75em;
    min-block-size: var(--_reserve);
    align-content: start;
  }
  h2,
  h3,
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
  .muted,
  .hint {
    color: var(--_text-muted);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .number {
    font-size: 1.5em;
    font-weight: 700;
  }
  .stars {
    position: relative;
    display: inline-block;
    color: var(--_star-empty);
    letter-spacing: 0.1em;
    line-height: 1;
    white-space: nowrap;
  }
  .stars::before,
  .stars-fill::before {
    content: '★★★★★';
  }
  .stars-fill {
    position: absolute;
    inset: 0 auto 0 0;
    inline-size: var(--_fill, 0%);
    overflow: hidden;
    color: var(--_star);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
    gap: 0.5em;
  }
  .facts div {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  dt {
    color: var(--_text-muted);
  }
  dd {
    font-size: 1.25em;
    font-weight: 700;
  }
  .distribution,
  .reviews,
  .rate,
  form,
  .done {
    display: grid;
    gap: 0.5em;
  }
  .bars,
  .review-list {
    display: grid;
    gap: 0.5em;
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1em;
  }
  .bar {
    display: block;
    block-size: 0.5em;
    border-radius: 0.25em;
    background: var(--_bar-track);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--_share, 0) * 100%);
    background: var(--_bar);
  }
  .review {
    display: grid;
    gap: 0.25em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--_border);
  }
  .review-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
  }
  .rate {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  textarea,
  select {
    inline-size: 100%;
    max-inline-size: 100%;
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-block-size: var(--_target);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .over {
    color: var(--_danger);
  }
  .star-input {
    border: 0;
    min-inline-size: 0;
  }
  .star-row {
    display: flex;
    gap: 0.25em;
  }
  .star {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-inline-size: var(--_target);
    min-block-size: var(--_target);
    cursor: pointer;
  }
  .star input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .glyph {
    font-size: 2em;
    line-height: 1;
    color: var(--_star-empty);
  }
  .star.on .glyph {
    color: var(--_star);
  }
  .star input:focus-visible + .glyph {
    outline: 3px solid var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .note {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }
  .done {
    padding: var(--_gap);
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_success);
    background: var(--_surface-alt);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding-block-end: 0.5em;
  }
  th,
  td {
    padding: 0.5em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-weight: 600;
    white-space: nowrap;
  }
  .num {
    text-align: end;
  }
  tbody .name {
    font-weight: 600;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: 24px;
    padding: 0.25em;
    border: 0;
    background: none;
    color: var(--_primary-strong);
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  th[aria-sort='descending'] .sort {
    text-decoration: none;
    color: var(--_text);
  }
  td .stars {
    display: block;
  }
  /* Phones: each agency becomes a card; sorting stays as a row of buttons above them. */
  @container veche-rating (max-width: 36em) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
    }
    thead th {
      border: 0;
      padding: 0;
    }
    thead .place,
    thead .name {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .sort {
      min-block-size: var(--_target);
      padding-inline: 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    tbody tr {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5em;
      padding-block: 0.5em;
      border-block-end: 1px solid var(--_border);
    }
    tbody th,
    tbody td {
      border: 0;
      padding: 0.125em 0;
      text-align: start;
    }
    tbody .place {
      grid-row: 1;
    }
    tbody .name {
      grid-row: 1;
    }
    tbody .place::after {
      content: '.';
    }
    tbody td.num {
      grid-column: 1 / -1;
    }
    tbody td.num::before {
      content: attr(data-label) ': ';
      color: var(--_text-muted);
    }
    td .stars {
      display: inline-block;
    }
  }
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 8em;
  }
  @media (forced-colors: active) {
    .fill {
      background: CanvasText;
    }
    .stars-fill {
      color: Highlight;
    }
    .star.on .glyph {
      color: Highlight;
    }
  }
`;
