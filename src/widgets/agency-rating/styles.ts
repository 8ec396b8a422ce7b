import { css } from 'lit';

/**
 * The agency rating's frame and loading state. Its own tokens are read through fallback
 * chains, so a theme on `:root` reaches them; the parts loaded on use bring their own styles.
 */
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
  .skeleton.line {
    block-size: 1.5em;
  }
  .skeleton.block {
    block-size: 8em;
  }
`;
