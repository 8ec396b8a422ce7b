/**
 * An agency's public record: average rating as stars and number, count of ratings, the
 * distribution, on-time share, median days to resolve, open complaints, residents' reviews.
 * Also says why the rating form is not offered (signed out, no eligible case), so the form's
 * code loads only for a citizen who can rate.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../../core/css-props.js';
import { formatDate, formatNumber, formatPercent } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { meterStyles } from '../../core/meter-styles.js';
import { safeUrl } from '../../core/urls.js';
import type { Agency } from './api.js';
import type { RatingContext } from './parts.js';
import { partStyles, ratePanel, renderStars, starStyles } from './stars.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

export { agencyRatingPartMessages as partMessages } from './part-messages.js';

export function renderRecord(ctx: RatingContext, a: Agency): TemplateResult {
  adoptStyles(ctx.host.renderRoot, partStyles, meterStyles, starStyles, recordStyles);
  const { text, ratings } = ctx;
  const locale = text.locale;
  const avg = a.rating.average;
  const total = a.rating.count;
  const value = avg === null ? '' : formatNumber(locale, avg, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const site = safeUrl(a.website);
  const reviews = ratings.items.filter((r) => r.comment);
  return html`<article class="frame" part="base" aria-labelledby="title" lang=${locale}>
    <h2 id="title" part="title">${a.name}</h2>
    <p class="muted">${a.description}${site ? html` <a class="link" href=${site} rel="noopener">${text.t('website')}</a>` : nothing}</p>
    <p class="summary" part="summary">
      ${renderStars(avg, avg === null ? text.t('noRatings') : text.t('average', { value }))}
      ${avg === null ? nothing : html`<span class="number" aria-hidden="true">${value}</span>`}
      <span>${total ? text.t('ratings', { count: total }) : text.t('noRatings')}</span>
      <span class="muted">${text.t('rank', { rank: a.rank })}</span>
    </p>
    <dl class="facts" part="facts">
      <div><dt>${text.t('onTime')}</dt><dd>${a.onTimeShare === null ? text.t('noData') : formatPercent(locale, a.onTimeShare)}</dd></div>
      <div>
        <dt>${text.t('medianDays')}</dt>
        <dd>${a.medianDaysToResolve === null ? text.t('noData') : ctx.coreText.t('days', { count: a.medianDaysToResolve })}</dd>
      </div>
      <div><dt>${text.t('openNow')}</dt><dd>${formatNumber(locale, a.openComplaints)}</dd></div>
    </dl>
    <section class="distribution" part="distribution" aria-labelledby="dist">
      <h3 id="dist">${text.t('distribution')}</h3>
      <ul class="bars">
        ${[...a.distribution].reverse().map(
          ({ stars, count }) => html`<li>
            <span class="row"><span>${text.t('starsRow', { stars })}</span><span>${text.t('ratings', { count })}</span></span>
            <span class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': total ? count / total : 0 })}></span></span>
          </li>`,
        )}
      </ul>
    </section>
    ${ctx.renderRatingPanel()}
    <section class="reviews" part="reviews" aria-labelledby="reviews">
      <h3 id="reviews">${text.t('reviews')}</h3>
      ${ratings.status === 'ready' && !reviews.length ? html`<p class="muted">${text.t('noReviews')}</p>` : nothing}
      <ul class="review-list">
        ${reviews.map(
          (r) => html`<li class="review">
            <p class="review-head">
              ${renderStars(r.stars, text.t('starLabel', { value: r.stars }))}
              <span>${r.authorDisplayName}</span>
              <span class="muted">${formatDate(locale, r.createdAt)}</span>
            </p>
            <p>${r.comment}</p>
          </li>`,
        )}
      </ul>
      ${ratings.error
        ? ctx.renderError(ratings.error, ratings.status === 'error' ? () => void ratings.load().catch(() => undefined) : undefined)
        : nothing}
      ${ratings.next
        ? html`<button class="button" part="more" type="button" aria-disabled=${ratings.status === 'more' ? 'true' : 'false'} @click=${() => more(ctx)}>
            ${ratings.status === 'more' ? ctx.coreText.t('loading') : text.t('showMore')}
          </button>`
        : nothing}
    </section>
  </article>`;
}

/** The next page; a failure is reported by the element and shown next to the button by the list. */
function more(ctx: RatingContext): void {
  ctx.ratings.more().catch(() => undefined);
}

/** Why there is no form (or not yet): asking the backend, its code failed to load, signed out, no closed unrated complaint here. */
export function renderRatingNotice(ctx: RatingContext): TemplateResult {
  const { text } = ctx;
  const e = ctx.eligibility();
  if (ctx.formFailure()) return ratePanel(ctx, ctx.renderError(ctx.formFailure(), () => ctx.retryForm()));
  if (ctx.eligibilityError()) return ratePanel(ctx, ctx.renderError(ctx.eligibilityError(), () => ctx.checkEligibility()));
  if (e === 'signed-out') return ratePanel(ctx, html`<p class="muted">${text.t('signInToRate')}</p>${ctx.renderSignIn()}`);
  // Eligible: the form's code is on its way.
  if (!e || e.eligible) return ratePanel(ctx, html`<p class="muted" aria-busy="true">${ctx.coreText.t('loading')}</p>`);
  return ratePanel(ctx, html`<p class="status" part="status not-eligible">${text.t(e.reason === 'all-rated' ? 'allRated' : 'noClosedComplaint')}</p>`);
}

const recordStyles = css`
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
  .reviews {
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
`;
