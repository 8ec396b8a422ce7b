/** What the record, the form and the ranking share: star ratings drawn from text, the rating panel's frame, list resets. */
import { css, html, type TemplateResult } from 'lit';
import { cssProps } from '../../core/css-props.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { RatingContext } from './parts.js';

/** Stars filled to a share through a custom property; read as one image. */
export function renderStars(average: number | null, label: string): TemplateResult {
  return html`<span class="stars" role="img" aria-label=${label}>
    <span class="stars-fill" ${cssProps({ '--_fill': `${((average ?? 0) / 5) * 100}%` })}></span>
  </span>`;
}

/** The rating form's frame, whatever it holds: the form, a notice why it is not offered, the thanks. */
export function ratePanel(ctx: RatingContext, body: unknown): TemplateResult {
  adoptStyles(ctx.host.renderRoot, partStyles, panelStyles);
  return html`<section class="rate" part="form" aria-labelledby="rate"><h3 id="rate">${ctx.text.t('rateTitle')}</h3>${body}</section>`;
}

/** List resets in every part (headings and text come from core's textStyles), and the widget's star and bar tokens. */
export const partStyles = css`
  :host {
    --_star: var(--veche-agency-rating-star, #b35c00);
    --_star-empty: var(--veche-agency-rating-star-empty, var(--_border));
    --_bar: var(--veche-agency-rating-bar-color, var(--_primary));
    --_bar-track: var(--veche-agency-rating-bar-track, var(--_surface-alt));
  }
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
    padding: 0;
  }
`;

export const starStyles = css`
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
  @media (forced-colors: active) {
    .stars-fill {
      color: Highlight;
    }
  }
`;

const panelStyles = css`
  .rate {
    display: grid;
    gap: 0.5em;
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
