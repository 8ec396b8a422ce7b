/**
 * An idea's page inside the board: full text, pictures, support, crowdfunding and the status
 * timeline. Loaded on the first `idea="…"` or the first idea opened from the list: the list's
 * first render does not pay for it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { ApiError } from '../../core/problem.js';
import { imageSource, safeUrl } from '../../core/urls.js';
import type { Funding, Idea, PledgeCreate } from './api.js';
import { renderFunding, renderSupport, useCardStyles } from './card.js';
import { OPEN, STATUS_KEY, type BoardContext } from './parts.js';
import { partStyles } from './part-styles.js';
import { partText, type ActionKey } from './part-text.js';

export function renderIdeaPage(ctx: BoardContext, page: { idea?: Idea; error?: unknown }, retry: () => void): TemplateResult {
  adoptStyles(ctx.host.renderRoot, partStyles, pageStyles);
  useCardStyles(ctx.host.renderRoot);
  if (page.idea) return renderIdea(ctx, page.idea);
  const error = page.error;
  if (error instanceof ApiError && error.kind === 'not-found') {
    const t = partText(ctx);
    return html`<div class="status" part="status not-found" tabindex="-1">
      <p class="status-title">${t('notFound')}</p>
      <p>${t('notFoundHint')}</p>
    </div>`;
  }
  return ctx.renderError(error, retry);
}

function renderIdea(ctx: BoardContext, idea: Idea): TemplateResult {
  const t = partText(ctx);
  const locale = ctx.text.locale;
  const client = ctx.client();
  const base = client?.baseUrl;
  const photos = [
    ...(idea.image ? [{ url: imageSource(idea.image.url, base), alt: idea.image.alt }] : []),
    ...idea.media.map((m) => ({ url: imageSource(m.url, base), alt: t('photoOf', { title: idea.title }) })),
  ].filter((p) => p.url);
  return html`<article class="page" part="idea" aria-labelledby="page-title">
    <p class="meta">
      <span class="category">${idea.category.name}</span>
      <span class="badge ${idea.status}" part="badge">${t(STATUS_KEY[idea.status])}</span>
    </p>
    <h3 id="page-title" part="title" tabindex="-1">${idea.title}</h3>
    <p class="muted">${t('by', { name: idea.author.displayName })} · ${formatDate(locale, idea.createdAt)}</p>
    <div class="text">${idea.text.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
    ${photos.length
      ? html`<section aria-label=${t('photos')} class="photos">
          ${photos.map((p) => html`<img src=${p.url!} alt=${p.alt} loading="lazy" />`)}
        </section>`
      : nothing}
    ${renderSupport(ctx, idea, true)}
    ${idea.funding
      ? html`<section class="funding" aria-labelledby="funding-title">
          <h4 id="funding-title">${t('funding')}</h4>
          ${renderFunding(ctx, idea.funding)} ${OPEN.includes(idea.status) ? renderPledge(ctx, idea, idea.funding) : nothing}
        </section>`
      : nothing}
    <section aria-labelledby="timeline-title">
      <h4 id="timeline-title">${t('timeline')}</h4>
      <ol class="timeline" part="timeline">
        ${idea.timeline.map((event, i) => {
          const last = i === idea.timeline.length - 1;
          const label =
            event.status === 'review'
              ? event.agency
                ? t('eventReview', { agency: event.agency.name })
                : t('eventReviewNoAgency')
              : t(`event${event.status[0]!.toUpperCase()}${event.status.slice(1)}` as ActionKey);
          return html`<li class=${last ? 'now' : ''} aria-current=${last ? 'step' : nothing}>
            <time datetime=${event.at}>${formatDateTime(locale, event.at)}</time> — ${label}
            ${event.note ? html`<br /><span class="muted">${event.note}</span>` : nothing}
          </li>`;
        })}
      </ol>
      ${idea.status === 'rejected' && idea.rejectionReason
        ? html`<p class="field-error">${t('rejectionReason', { reason: idea.rejectionReason })}</p>`
        : nothing}
    </section>
  </article>`;
}

/** The pledge a citizen last asked to start, by pledge part: a retry of the part's import starts it. */
const asked = new WeakMap<BoardContext['pledge'], PledgeCreate['kind']>();

/** The pledge flow for the open idea's funding: its starters, and once its code is here its form and confirmation. */
function renderPledge(ctx: BoardContext, idea: Idea, funding: Funding): TemplateResult {
  const t = partText(ctx);
  const part = ctx.pledge;
  const start = (kind: PledgeCreate['kind']) => {
    ctx.clearSignIn();
    asked.set(part, kind);
    // After a failed import the starters import again, as the error's retry does.
    void (part.error ? part.retry() : part.load()).then((flow) => flow?.start(kind));
  };
  const starters = html`<div class="actions">
    <button class="button primary" type="button" @click=${() => start('points')}>${t('pledgePoints')}</button>
    ${safeUrl(ctx.paymentUrl()) ? html`<button class="button" type="button" @click=${() => start('money')}>${t('pledgeMoney')}</button>` : nothing}
  </div>`;
  if (part.value) return part.value.render(idea, funding, starters);
  const kind = asked.get(part);
  return part.error ? html`${starters}${ctx.renderError(part.error, () => (kind ? start(kind) : void part.retry()))}` : starters;
}

const pageStyles = css`
  .text p + p {
    margin-block-start: 0.75em;
  }
  /* The photos never decide how wide the page is: a picture that fails to load shows its
     description instead, on one line, and would widen the page far past a phone's screen. */
  .photos {
    contain: inline-size;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    gap: 0.5em;
  }
  .photos img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .timeline {
    display: grid;
    gap: 0.5em;
    list-style: none;
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75em;
  }
  .timeline .now {
    font-weight: 700;
  }
`;
