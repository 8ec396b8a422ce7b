import { css } from 'lit';

/**
 * Meters — a poll's result bars, a wallet's level, a form's step progress, an idea's support and
 * funding: `<span class="bar|track"><span class="fill">` with `--_share` (0…1) set by cssProps.
 * The fill reads the widget's `--_bar`, else its `--_accent`; the track its `--_bar-track`.
 * A widget adds the sheet to its styles when it shows one, and may resize the track after it.
 * A module of its own: a `css` sheet is never tree-shaken, and not every widget shows a meter.
 */
export const meterStyles = css`
  .bar,
  .track {
    display: block;
    block-size: 0.5em;
    border-radius: 0.25em;
    background: var(--_bar-track, var(--_surface-alt));
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--_share, 0) * 100%);
    background: var(--_bar, var(--_accent, var(--_primary)));
  }
  @media (forced-colors: active) {
    .fill {
      background: CanvasText;
    }
  }
`;
