import { css } from 'lit';

/**
 * What the element itself shows: the poll's own tokens read through fallback chains (so a theme
 * on `:root` reaches them), the container that reserves the final height, and the skeleton.
 * The parts bring their own rules (view.ts, questions.ts, review.ts, results.ts).
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
`;
