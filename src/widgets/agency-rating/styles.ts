import { css } from 'lit';

/**
 * The agency rating's frame and loading state. Its own tokens are read through fallback
 * chains, so a theme on `:root` reaches them; the parts loaded on use bring their own styles
 * (what they share: stars.ts).
 */
export const agencyRatingStyles = css`
  :host {
    --_reserve: var(--veche-agency-rating-reserve, 20em);
    container: veche-rating / inline-size;
  }
  .frame {
    display: grid;
    gap: 0.75em;
    min-block-size: var(--_reserve);
    align-content: start;
  }
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 8em;
  }
`;
