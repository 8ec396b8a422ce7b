import { css } from 'lit';

/** The complaint status view's own tokens read through fallback chains, so a theme on `:root` reaches them. */
export const complaintStatusStyles = css`
  :host {
    --_accent: var(--veche-complaint-status-accent, var(--_primary));
    --_overdue: var(--veche-complaint-status-overdue, var(--_danger));
    --_done: var(--veche-complaint-status-done, var(--_success));
    --_reserve: var(--veche-complaint-status-reserve, 16em);
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
  ol {
    margin: 0;
    padding: 0;
  }
  h2 {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3,
  .h {
    font-size: 1.125em;
    font-weight: 700;
  }
  .muted,
  .hint {
    color: var(--_text-muted);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .service,
  .label {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 0.125em 0.625em;
    border: 2px solid var(--_accent);
    border-radius: 1em;
    color: var(--_primary-strong);
    font-size: 0.875em;
    font-weight: 700;
  }
  .badge.resolved,
  .badge.closed {
    border-color: var(--_done);
    color: var(--_done);
  }
  .badge.rejected,
  .badge.disputed {
    border-color: var(--_overdue);
    color: var(--_overdue);
  }
  .countdown.overdue strong {
    color: var(--_overdue);
  }
  .cards {
    display: grid;
    gap: 0.75em;
    list-style: none;
  }
  .card > article,
  .details,
  .answer,
  .confirm,
  .dispute,
  .rate,
  .section {
    display: grid;
    gap: 0.5em;
  }
  .card > article {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  details summary {
    min-block-size: 24px;
    color: var(--_primary-strong);
    text-decoration: underline;
    cursor: pointer;
  }
  details[open] summary {
    margin-block-end: 0.5em;
  }
  .timeline {
    display: grid;
    gap: 0.5em;
    list-style: none;
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 1em;
  }
  .timeline li {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(-1em - 8px);
    inset-block-start: 0.45em;
    inline-size: 13px;
    block-size: 13px;
    border-radius: 50%;
    background: var(--_accent);
  }
  .event-status {
    font-weight: 700;
  }
  .note-text {
    flex-basis: 100%;
  }
  .answer,
  .confirm {
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .answer {
    border-inline-start: 6px solid var(--_accent);
  }
  .confirm {
    border: 2px solid var(--_accent);
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
  }
  img {
    display: block;
    inline-size: 8em;
    max-inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .attached,
  .uploads {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
  }
  .attached li {
    display: grid;
    gap: 0.25em;
    justify-items: start;
  }
  .uploads {
    flex-direction: column;
  }
  .uploads li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
    overflow-wrap: anywhere;
  }
  .uploads progress {
    flex: 1 1 8em;
  }
  .timeline .photos {
    margin-block-start: 0.25em;
  }
  textarea {
    inline-size: 100%;
    padding: 0.5em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input[type='file'] {
    max-inline-size: 100%;
    min-block-size: var(--_target);
  }
  progress {
    display: block;
    inline-size: 100%;
    accent-color: var(--_accent);
  }
  .over {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .outcome {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_done);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .outcome.not-confirmable {
    border-color: var(--_overdue);
  }
  q {
    overflow-wrap: anywhere;
  }
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 8em;
  }
  @media (forced-colors: active) {
    .timeline li::before {
      background: CanvasText;
    }
  }
`;
