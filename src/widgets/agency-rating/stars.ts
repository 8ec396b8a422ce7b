/** Star ratings drawn from text, and the rating panel's frame: shared by the record, the form and the ranking. */
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
  adoptStyles(ctx.host.renderRoot, panelStyles);
  return html`<section class="rate" part="form" aria-labelledby="rate"><h3 id="rate">${ctx.text.t('rateTitle')}</h3>${body}</section>`;
}

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
