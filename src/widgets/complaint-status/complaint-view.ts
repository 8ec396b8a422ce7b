/**
 * One complaint as the citizen follows it: status badge, deadline countdown, timeline, the
 * agency's answer and the photos. Loaded in parallel with the complaint (or the list) itself;
 * the confirm / dispute panel inside it is a part of its own (`confirmation.ts`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime } from '../../core/format.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import type { Locale } from '../../core/config.js';
import { LocalizeController, loadMessages, type TextVariant } from '../../core/localize.js';
import { imageSource } from '../../core/urls.js';
import { OPEN, type Complaint } from './api.js';
import { complaintStatusMessages } from './messages.js';
import type { StatusContext } from './parts.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

const DAY = 86_400_000;
const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

type PhotoLabel = 'answerPhoto' | 'complaintPhoto' | 'disputePhoto' | 'confirmationPhoto';

/** Resolves once the view's texts are in memory for `locale`, so the part never shows half a language. */
export const ready = (locale: Locale, variant?: TextVariant) => loadMessages(complaintStatusMessages, locale, variant);

export class ComplaintView {
  readonly text: LocalizeController<typeof complaintStatusMessages.source>;

  constructor(private readonly ctx: StatusContext) {
    adoptStyles(ctx.host.renderRoot, viewStyles);
    this.text = new LocalizeController(ctx.host, complaintStatusMessages, () => ctx.config().locale);
  }

  get notFound(): { title: string; hint: string } {
    return { title: this.text.t('notFound'), hint: this.text.t('notFoundHint') };
  }

  renderSingle(c: Complaint): TemplateResult {
    return html`<article class="frame" part="base" aria-labelledby="title-${c.id}" lang=${this.text.locale}>${this.renderComplaint(c, 2)}</article>`;
  }

  /** `level` is the heading level of the complaint's title: 2 alone, 3 in the list. */
  renderComplaint(c: Complaint, level: 2 | 3): TemplateResult {
    const t = this.text;
    const title = t.t('tracking', { number: c.trackingNumber });
    const details = html`${c.address ? html`<p>${t.t('address', { address: c.address })}</p>` : nothing}
      <p class="description">${c.description}</p>
      ${this.renderPhotos(c.media, 'complaintPhoto')}
      ${c.supporters ? html`<p class="muted">${t.t('supporters', { people: this.ctx.coreText.t('people', { count: c.supporters }) })}</p>` : nothing}
      ${this.renderTimeline(c, level + 1)} ${c.answer ? this.renderAnswer(c, level + 1) : nothing}`;
    return html`<div class="head">
        ${level === 2
          ? html`<h2 id="title-${c.id}" part="title" tabindex="-1">${title}</h2>`
          : html`<h3 id="title-${c.id}" part="title" tabindex="-1">${title}</h3>`}
        <span class="badge ${c.status}" part="badge">${t.t(`status_${c.status}`)}</span>
      </div>
      <p class="service">${c.serviceName}</p>
      <p class="muted">${t.t('agency', { agency: c.agency.name })} · ${t.t('filed', { date: formatDate(t.locale, c.createdAt) })}</p>
      ${this.renderCountdown(c)} ${this.ctx.renderConfirmation(c, level + 1)}
      ${level === 3
        ? html`<details class="more">
            <summary>${t.t('details')}<span class="visually-hidden">: ${title}</span></summary>
            <div class="details">${details}</div>
          </details>`
        : html`<div class="details">${details}</div>`}`;
  }

  private renderCountdown(c: Complaint): TemplateResult | typeof nothing {
    if (!OPEN.has(c.status)) return nothing;
    const t = this.text;
    const now = Date.now();
    const due = Date.parse(c.dueAt);
    const calendar = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
    const overdue = due <= now;
    const days = (count: number) => this.ctx.coreText.t('days', { count });
    const text = overdue
      ? t.t('overdue', { days: days(Math.max(1, -calendar)) })
      : calendar <= 0
        ? t.t('dueToday')
        : t.t('daysLeft', { count: calendar, days: days(calendar) });
    return html`<p class="countdown ${overdue ? 'overdue' : ''}" part="countdown">
      <strong>${text}</strong> <span class="muted">(${t.t('dueOn', { date: formatDate(t.locale, c.dueAt) })})</span>
    </p>`;
  }

  private renderTimeline(c: Complaint, level: number): TemplateResult {
    const t = this.text;
    const confirmation = c.confirmation;
    // The author's photos belong to the entry their confirmation or dispute made.
    const photosOf = (event: Complaint['history'][number]) =>
      confirmation && event.actor === 'citizen' && event.at === confirmation.at
        ? this.renderPhotos(confirmation.media, confirmation.outcome === 'disputed' ? 'disputePhoto' : 'confirmationPhoto')
        : nothing;
    return html`<div class="section">
      ${heading(level, `timeline-${c.id}`, t.t('timeline'))}
      <ol class="timeline" part="timeline">
        ${c.history.map(
          (event) => html`<li class=${event.status}>
            <span class="event-status">${t.t(`status_${event.status}`)}</span>
            <time datetime=${event.at}>${formatDateTime(t.locale, event.at)}</time>
            <span class="muted">${t.t(`actor_${event.actor}`)}</span>
            ${event.note ? html`<span class="note-text">${event.note}</span>` : nothing} ${photosOf(event)}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderAnswer(c: Complaint, level: number): TemplateResult {
    const answer = c.answer!;
    return html`<div class="answer" part="answer">
      ${heading(level, `answer-${c.id}`, this.text.t('answer'))}
      <p class="muted"><time datetime=${answer.at}>${formatDateTime(this.text.locale, answer.at)}</time></p>
      <p>${answer.text}</p>
      ${this.renderPhotos(answer.media, 'answerPhoto')}
    </div>`;
  }

  private renderPhotos(media: Complaint['media'], label: PhotoLabel): TemplateResult | typeof nothing {
    const photos = media.flatMap((m) => imageSource(m.url, this.ctx.config().api) ?? []);
    if (!photos.length) return nothing;
    return html`<ul class="photos">
      ${photos.map(
        (src, i) => html`<li><a href=${src} target="_blank" rel="noopener"><img part="photo" src=${src} alt=${this.text.t(label, { index: i + 1 })} loading="lazy" /></a></li>`,
      )}
    </ul>`;
  }
}

/** A heading inside an `article` whose level depends on where the complaint is shown. */
export const heading = (level: number, id: string, text: string): TemplateResult =>
  html`<p class="h" role="heading" aria-level=${level} id=${id}>${text}</p>`;

const viewStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .service {
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
  .details,
  .answer,
  .section {
    display: grid;
    gap: 0.5em;
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
  .answer {
    padding: var(--_gap);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-inline-start: 6px solid var(--_accent);
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
  .timeline .photos {
    margin-block-start: 0.25em;
  }
  @media (forced-colors: active) {
    .timeline li::before {
      background: CanvasText;
    }
  }
`;
