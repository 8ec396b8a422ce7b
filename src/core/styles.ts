/**
 * Styles every widget shares.
 *
 * Tokens come in three tiers: a reference palette (`--veche-ref-*`, set by city presets),
 * system roles (`--veche-color-primary`, `--veche-font-size`, …) and per-widget tokens
 * (`--veche-poll-accent`). Inside a shadow root each value is read through a fallback chain
 * into a private `--_name`, so a theme set on `:root` or any wrapper reaches every widget,
 * and nothing is declared publicly on `:host` (that would block inheritance from the page).
 *
 * Shadow DOM stops the host page's selectors but not inherited properties, so `:host` resets
 * everything text-related from tokens. Sizes are px or em — never rem, because Bootstrap 3
 * portals set `html { font-size: 10px }`.
 */
import { css } from 'lit';
import { controlStyles } from './control-styles.js';

export { controlStyles };

export const tokenStyles = css`
  :host {
    /* system-ui is the platform's own face (Segoe UI, San Francisco, Roboto) in every browser
       that runs the kit; the rest are for glyphs it lacks. */
    --_font: var(--veche-font-family, system-ui, 'PT Sans', Arial, sans-serif);
    --_font-size: var(--veche-font-size, 16px);
    --_line-height: var(--veche-line-height, 1.5);
    --_text: var(--veche-color-text, var(--veche-ref-neutral-900, #1b1f24));
    --_text-muted: var(--veche-color-text-muted, var(--veche-ref-neutral-600, #4f5966));
    --_surface: var(--veche-color-surface, var(--veche-ref-neutral-0, #ffffff));
    --_surface-alt: var(--veche-color-surface-alt, var(--veche-ref-neutral-50, #f2f4f7));
    --_border: var(--veche-color-border, var(--veche-ref-neutral-400, #7d8794));
    --_primary: var(--veche-color-primary, var(--veche-ref-primary-600, #1f5fa8));
    --_primary-strong: var(--veche-color-primary-strong, var(--veche-ref-primary-800, #143f72));
    --_on-primary: var(--veche-color-on-primary, #ffffff);
    --_danger: var(--veche-color-danger, var(--veche-ref-red-700, #b3261e));
    --_success: var(--veche-color-success, var(--veche-ref-green-700, #1e6b34));
    --_warning-surface: var(--veche-color-warning-surface, #fff4d6);
    --_focus: var(--veche-color-focus, #ffbf47);
    --_focus-outline: var(--veche-color-focus-outline, #0b0c0c);
    --_radius: var(--veche-radius, 8px);
    --_gap: var(--veche-space, 1em);
    --_target: var(--veche-target-size, 44px);
    /* The visually-impaired mode hides decorative pictures and underlines every link. */
    --_decorative-images: var(--veche-decorative-images, block);
    --_link-decoration: var(--veche-link-decoration, underline);
    /* Where the surfaces are one colour (the high-contrast palettes), a skeleton shows by its edge. */
    --_skeleton-edge: var(--veche-color-skeleton-edge, transparent);
  }
`;

export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  /* Also on the top-level shadow children: a page rule like \`* { letter-spacing: 2px }\`
     matches the host element itself and beats \`:host\`, but cannot reach inside. */
  :host,
  :host > * {
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    font-variant: normal;
    line-height: var(--_line-height);
    color: var(--_text);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: anywhere;
    cursor: auto;
    visibility: visible;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Before the first render (which may wait for its turn, see VecheElement.scheduleUpdate): the
     widget's reserved height, as the page's :not(:defined) rule held it. */
  :host(:state(rendering)) {
    min-block-size: var(--_reserve, 20em);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus-outline);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus);
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* The citizen's setting, or the page's or widget's theme word \`reduced-motion\` or \`vision\`.
     :is() forgives what an engine cannot parse: without :state() the widget's own words still work. */
  :host(:is(:state(reduced-motion), [data-veche-theme~='reduced-motion'], [data-veche-theme~='vision'])) *,
  :host(:is(:state(reduced-motion), [data-veche-theme~='reduced-motion'], [data-veche-theme~='vision'])) *::before,
  :host(:is(:state(reduced-motion), [data-veche-theme~='reduced-motion'], [data-veche-theme~='vision'])) *::after {
    animation-duration: 0.01ms !important;
    animation-iteration-count: 1 !important;
    transition-duration: 0.01ms !important;
    scroll-behavior: auto !important;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;

/**
 * How a skeleton (a place held while something loads) is drawn, for core's `.skeleton` and for a
 * widget's own that cannot take the class (a pseudo-element); each sets its background. It pulses
 * by its opacity, which the compositor animates: a highlight sweeping the background
 * (background-position) was painted on the main thread in every frame, and a dozen skeletons kept
 * it busy 0.5 s of every 3 s at 4× CPU (1.3 s on a loaded machine), against 0.02 s this way. Its
 * edge shows where a palette makes the surfaces one colour (contrast.css). The keyframes are
 * `statusStyles`'.
 */
export const skeletonLook = css`
  border-radius: var(--_radius);
  outline: 2px solid var(--_skeleton-edge);
  outline-offset: -2px;
  animation: veche-pulse 1.4s ease-in-out infinite alternate;
`;

/** Status panels (loading, error, sign-in, configuration error) shared by all widgets. */
export const statusStyles = css`
  .status {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .status.error {
    border-inline-start: 6px solid var(--_danger);
  }
  .status-title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .status p {
    margin: 0;
  }
  .skeleton {
    background: var(--_surface-alt);
    ${skeletonLook}
  }
  /* A lazily loaded part on its way (VecheElement.renderPart); widgets may size .block otherwise. */
  .part-loading {
    display: grid;
    gap: 0.5em;
  }
  .skeleton.block {
    block-size: 3em;
  }
  @keyframes veche-pulse {
    to {
      opacity: 0.45;
    }
  }
`;

/** Headings and text: the widgets' own rhythm, neither the browser's margins nor the host's. */
export const textStyles = css`
  h2,
  h3,
  p {
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
`;

export const baseStyles = [tokenStyles, hostStyles, controlStyles, statusStyles, textStyles];

/**
 * `baseStyles` without the native controls, for a widget whose first render has none (the poll:
 * a skeleton, or the configuration error). Its controls come later, and `controlStyles` with
 * them: its lazily loaded parts adopt them first, and core's error and sign-in states through
 * the failure handling (failure.ts) — only where it could not load are their buttons unstyled.
 */
export const shellStyles = [tokenStyles, hostStyles, statusStyles, textStyles];
