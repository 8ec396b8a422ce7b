import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController, loadMessages } from '../../core/localize.js';
import { ApiError } from '../../core/problem.js';
import { signedInOnly } from '../../core/session.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { fetchAgency, fetchEligibility, fetchRanking, fetchRatings } from './api.js';
import type {} from './events.js';
import type { RatingHost, RatingView } from './parts.js';
import { agencyRatingStyles } from './styles.js';

/**
 * What the first render does not need, each loaded when it is known to be needed and started
 * together with the data's fetch: a page shows either one agency (its view, the record unless
 * compact, the form only to a citizen who can rate) or the ranking.
 */
const parts = {
  agency: () => import('./agency.js'),
  record: () => import('./agency-record.js'),
  form: () => import('./rating-form.js'),
  ranking: () => import('./ranking.js'),
};
export type AgencyRatingParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };
type Parts = AgencyRatingParts;

const STATES = ['loading', 'not-found', 'error', 'record', 'ranking', 'eligible', 'not-eligible', 'signed-out', 'queued', 'sent', 'refused'] as const;

/**
 * People's Control for one agency or all of them. With `agency`: the agency's public record
 * (average rating, distribution, on-time share, median days to resolve, open complaints,
 * residents' reviews) and the rating form, offered only to a citizen with a closed complaint
 * this agency handled and has not rated yet — and explaining why otherwise. Without `agency`:
 * the ranking of agencies as a sortable table that reflows into cards on narrow screens.
 * A rating goes through the outbox: kept across reloads and network cuts, sent exactly once.
 * The view the `agency` attribute asks for loads with its first requests (the other never
 * loads); the record and the form load when the data says they are needed.
 *
 * @summary An agency's rating and record, the rating form, or the ranking of agencies.
 * @tag veche-agency-rating
 * @status stable
 * @since 0.1
 *
 * @fires veche-rating - A rating was counted. `detail: { agency, complaint, stars }`, no personal data.
 * @fires veche-points-change - Points were awarded for rating. `detail: { delta, balance, reason }`.
 * @fires veche-error - Loading or rating failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Sending the rating needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The record's or the ranking's container.
 * @csspart title - The agency's name or the ranking's title.
 * @csspart summary - Average stars, number and count.
 * @csspart distribution - The distribution bars.
 * @csspart facts - On-time share, median days, open complaints.
 * @csspart reviews - Residents' reviews.
 * @csspart more - The "show more" button of the reviews.
 * @csspart form - The rating form.
 * @csspart star - One star of the rating input (its label).
 * @csspart submit - The send button.
 * @csspart status - Notices: loading, not found, not eligible, sign-in, queued, sent, refused.
 * @csspart not-eligible - With `status`: why the citizen cannot rate (nothing closed to rate, all rated).
 * @csspart sent - With `status`: the rating was counted, with the stars given.
 * @csspart refused - With `status`: the server refused the rating.
 * @csspart queued - With `status`: a rating waits in the outbox, with a button to send it now.
 * @csspart not-found - With `status`: no agency with this id.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
 * @csspart table - The ranking table.
 * @csspart sort - A sortable column's button.
 *
 * @cssproperty --veche-agency-rating-star - Filled stars (default: `#b35c00`).
 * @cssproperty --veche-agency-rating-star-empty - Empty stars (default: `--veche-color-border`).
 * @cssproperty --veche-agency-rating-bar-color - Distribution bars (default: `--veche-color-primary`).
 * @cssproperty --veche-agency-rating-bar-track - The empty part of a bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-agency-rating-reserve - Height reserved while loading (default: `20em`).
 *
 * @cssstate loading - Loading the record or the ranking.
 * @cssstate not-found - No agency with this id.
 * @cssstate error - Loading failed.
 * @cssstate record - Showing one agency's record.
 * @cssstate ranking - Showing the ranking.
 * @cssstate eligible - The rating form is offered.
 * @cssstate not-eligible - The citizen has no closed, unrated complaint with this agency.
 * @cssstate signed-out - Rating needs sign-in.
 * @cssstate queued - A rating waits in the outbox for the connection.
 * @cssstate sent - The rating was counted.
 * @cssstate refused - The server refused the rating (already rated, not eligible).
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` is missing or invalid.
 */
export class VecheAgencyRating extends VecheElement {
  static override styles = [...baseStyles, agencyRatingStyles];

  static override properties: PropertyDeclarations = {
    agency: {},
    complaint: {},
    compact: { type: Boolean, reflect: true },
  };

  /** The agency's id, e.g. `roads`. Without it the widget shows the ranking of agencies. */
  agency?: string;
  /** A closed complaint of the citizen to rate the agency for (preselected in the form). */
  complaint?: string;
  /** Only the rating form, without the record (as `<veche-complaint-status>` embeds it). */
  compact = false;

  /** The parts' texts: created with the first part, so they load with it. */
  private partText?: RatingHost['text'];
  private readonly loaded = {} as { [K in keyof Parts]: LazyPart<Parts[K]> };
  private readonly views: { agency?: InstanceType<Parts['agency']['AgencyView']>; ranking?: InstanceType<Parts['ranking']['AgencyRanking']> } = {};
  /** Requests started before the view's code was here, for the backend and agency they ask about. */
  private first?: { client: ApiClient; agency?: string; answers: Map<string, Promise<unknown>> };

  /** Starts what the configuration asks for: the view's code and its first requests, in parallel. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (!client || this.misconfigured) return;
    const { agency, ranking } = this.loaded;
    const part = this.usePart(this.agency ? 'agency' : 'ranking');
    if (!part.value && !part.error && (this.first?.client !== client || this.first.agency !== this.agency)) this.ask(client);
    void part.load();
    // Made before the update's controllers run, so that the view's requests start in this update.
    if (this.agency && agency?.value) this.views.agency ??= new agency.value.AgencyView(this.viewHost());
    if (!this.agency && ranking?.value) this.views.ranking ??= new ranking.value.AgencyRanking(this.viewHost());
  }

  /** The first requests a view makes, made now so that its code and its data come together. */
  private ask(client: ApiClient): void {
    const id = this.agency;
    const answers = new Map<string, Promise<unknown>>();
    this.first = { client, agency: id, answers };
    if (id) {
      answers.set('agency', fetchAgency(client, id));
      // The view, here by then, loads the form's code as soon as this says the citizen can rate.
      answers.set('eligibility', signedInOnly(client, () => fetchEligibility(client, id)));
      if (!this.compact) {
        answers.set('ratings', fetchRatings(client, id, null));
        // The record's code comes with the agency's view, not after it.
        void this.usePart('record').load({ prefetch: true });
      }
    } else {
      answers.set('ranking', fetchRanking(client, 'rating', null));
    }
    // Their failures are seen when the view takes them.
    for (const answer of answers.values()) answer.catch(() => undefined);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase.includes(name));
  }

  private get phase(): string[] {
    if (this.misconfigured) return [];
    const failure = this.failure;
    if (failure) return [failure instanceof ApiError && failure.kind === 'not-found' ? 'not-found' : 'error'];
    return this.view?.phase ?? ['loading'];
  }

  /** What keeps the widget from showing its view: the view's code failing to load, or the view's own failure. */
  private get failure(): unknown {
    return this.usePart(this.agency ? 'agency' : 'ranking').error ?? this.view?.failure;
  }

  /** The view the `agency` attribute asks for, once its code is here. */
  private get view(): RatingView | undefined {
    return this.agency ? this.views.agency : this.views.ranking;
  }

  private usePart<K extends keyof Parts>(name: K): LazyPart<Parts[K]> {
    const loaded = this.loaded as Record<K, LazyPart<Parts[K]>>;
    return (loaded[name] ??= new LazyPart(
      this,
      async () => {
        const part = await this.importPart(name);
        // The texts (and the kids layer) come before the part shows, so it never flashes in Russian.
        await loadMessages(part.partMessages, this.config.value.locale, this.textVariant);
        this.partText ??= new LocalizeController(this, part.partMessages, () => this.config.value.locale);
        return part;
      },
      (error) => this.reportError(error),
    ));
  }

  /** Imports a part's code. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    return parts[name]() as Promise<Parts[K]>;
  }

  /** Not named `host`: tools that walk the DOM read an element's `host` as a shadow root's. */
  private forViews?: RatingHost;
  /** What the views use of the element; made with the first view, whose texts came with it. */
  private viewHost(): RatingHost {
    return (this.forViews ??= {
      host: this,
      text: this.partText!,
      coreText: this.coreText,
      client: () => this.client,
      api: () => this.config.value.api,
      part: (name) => this.usePart(name),
      early: <T>(what: string) => {
        const first = this.first;
        if (!first || first.client !== this.client || first.agency !== this.agency) return undefined;
        const answer = first.answers.get(what);
        first.answers.delete(what);
        return answer as Promise<T> | undefined;
      },
      requireSignIn: (action, focus) => this.requireSignIn(action, focus),
      renderSignIn: () => this.renderSignIn(),
      renderLoading: () => this.renderLoading(),
      announce: (message, options) => this.announcer.announce(message, options),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
    });
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const failure = this.failure;
    if (failure) {
      // "Not found" comes from a view, whose texts came with it; before any part, only errors.
      const text = this.partText;
      const retry = () => this.retry();
      return text ? this.renderLoadFailure(failure, retry, { title: text.t('notFound'), hint: text.t('notFoundHint') }) : this.renderError(failure, retry);
    }
    return this.view?.render() ?? this.renderLoading();
  }

  /** Reserves the widget's space while data or the code that shows it loads: nothing moves when it arrives. */
  private renderLoading(): TemplateResult {
    return html`<div class="frame" part="base status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <span class="skeleton line"></span><span class="skeleton line"></span><span class="skeleton block"></span>
    </div>`;
  }

  /** Loads again whatever failed: what the view could not load, or (no view yet) the view's code. */
  private retry(): void {
    void (this.view ?? this.usePart(this.agency ? 'agency' : 'ranking')).retry();
  }
}
