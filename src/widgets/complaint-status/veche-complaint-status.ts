import { css, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ApiClient } from '../../core/api-client.js';
import { LazyPart } from '../../core/lazy-part.js';
import { PagedList } from '../../core/paged-list.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { signedInOnly } from '../../core/session.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { confirmable, fetchComplaint, fetchMine, outboxKey, type Complaint } from './api.js';
import type { ComplaintView } from './complaint-view.js';
import type {} from './events.js';
import type { StatusContext } from './parts.js';

const STATES = ['loading', 'not-found', 'error', 'complaint', 'list', 'empty', 'signed-out', 'confirmable', 'queued'] as const;

const isAuth = (error: unknown) => error instanceof ApiError && error.kind === 'auth';

/**
 * Follows one complaint (`complaint="ID"`) or lists the signed-in citizen's own (`mine`): a
 * timeline of statuses with dates, the agency's answer and photos, and a countdown to the
 * deadline. When the agency marks a complaint resolved, its author confirms the fix or disputes
 * it (a comment and up to five photos, shown in the timeline afterwards) while the confirmation period lasts; after confirming, the agency
 * rating form is offered (`<veche-agency-rating>`, loaded only then). Confirmations go through
 * the outbox: kept across reloads and network cuts, sent exactly once.
 *
 * @summary Lets a citizen follow a complaint, confirm or dispute the fix, and rate the agency.
 * @tag veche-complaint-status
 * @status stable
 * @since 0.1
 *
 * @fires veche-complaint-confirmed - The citizen confirmed the fix; the complaint is closed. `detail: { complaint, trackingNumber, agency, outcome }`.
 * @fires veche-complaint-disputed - The citizen disputed the fix; it went back to the agency. Same detail.
 * @fires veche-points-change - From the embedded rating form, when rating the agency earned points.
 * @fires veche-rating - From the embedded rating form, when the agency was rated.
 * @fires veche-error - Loading, uploading or confirming failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Confirming needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The complaint's or the list's container.
 * @csspart title - The complaint's tracking number or the list's title.
 * @csspart badge - The status badge.
 * @csspart countdown - Days left or overdue.
 * @csspart timeline - The list of status changes.
 * @csspart answer - The agency's answer.
 * @csspart photo - A photo (the citizen's, the agency's, or one attached to a dispute).
 * @csspart confirm - The confirm / dispute panel.
 * @csspart submit - The confirm and dispute buttons.
 * @csspart status - Notices: loading, not found, empty, sign-in, queued, outcome.
 * @csspart outcome - With `status`: the result of confirming or disputing.
 * @csspart queued - With `status`: a confirmation waits in the outbox, with a button to send it now.
 * @csspart empty - With `status`: the citizen has no complaints.
 * @csspart not-found - With `status`: no complaint with this id.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
 * @csspart more - The "show more" button of the list.
 *
 * @cssproperty --veche-complaint-status-accent - Timeline dots and the open badge (default: `--veche-color-primary`).
 * @cssproperty --veche-complaint-status-overdue - The overdue countdown (default: `--veche-color-danger`).
 * @cssproperty --veche-complaint-status-done - Closed and resolved badges (default: `--veche-color-success`).
 * @cssproperty --veche-complaint-status-reserve - Height reserved while loading (default: `16em`).
 *
 * @cssstate loading - Loading.
 * @cssstate not-found - No complaint with this id.
 * @cssstate error - Loading failed.
 * @cssstate complaint - Showing one complaint.
 * @cssstate list - Showing the citizen's complaints.
 * @cssstate empty - The citizen has no complaints.
 * @cssstate signed-out - `mine` needs sign-in.
 * @cssstate confirmable - A shown complaint waits for the citizen to confirm or dispute.
 * @cssstate queued - A confirmation waits in the outbox for the connection.
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` is missing, or neither `complaint` nor `mine` is set.
 */
export class VecheComplaintStatus extends VecheElement {
  static override styles = [...baseStyles, css`
    :host {
      --_accent: var(--veche-complaint-status-accent, var(--_primary));
      --_overdue: var(--veche-complaint-status-overdue, var(--_danger));
      --_done: var(--veche-complaint-status-done, var(--_success));
      --_reserve: var(--veche-complaint-status-reserve, 16em);
    }
    .frame {
      display: grid;
      gap: 0.75em;
      min-block-size: var(--_reserve);
      align-content: start;
    }
    ul,
    ol {
      margin: 0;
      padding: 0;
    }
    h3,
    .h {
      font-size: 1.125em;
      font-weight: 700;
    }
    .skeleton {
      block-size: 1.5em;
    }
    .skeleton.block {
      block-size: 8em;
    }
  `];

  static override properties: PropertyDeclarations = {
    complaint: {},
    mine: { type: Boolean, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    fresh: { state: true },
  };

  /** The complaint's id, e.g. `c0001`. */
  complaint?: string;
  /** Lists the signed-in citizen's complaints instead of one. */
  mine = false;
  /** How many complaints the list loads at a time (1–100). */
  pageSize = 10;

  /** Complaints as the server returned them after a confirmation or a refresh, by id. */
  private fresh = new Map<string, Complaint>();
  /** The client `fresh` was filled through. */
  private freshFor?: ApiClient;
  /**
   * What "mine" was loaded for: the client (a new one when the citizen signs in or out, so the
   * list never keeps showing the previous citizen's complaints) and the page size.
   */
  private listFor?: { client: ApiClient; limit: number };
  private reported = false;

  /*
   * The parts the first render does not need, each loaded in parallel with the data and with
   * its texts: the complaint card (one complaint), the list of "mine" (which brings the card),
   * and the confirm / dispute panel with the rating offer, when a shown complaint needs it.
   */
  private readonly cardPart = new LazyPart(
    this,
    async () => {
      const part = await import('./complaint-view.js');
      await part.ready(this.config.value.locale, this.textVariant);
      return new part.ComplaintView(this.context);
    },
    (error) => this.reportError(error),
  );

  private readonly listPart = new LazyPart(
    this,
    async () => {
      const part = await import('./mine-list.js');
      await part.ready(this.config.value.locale, this.textVariant);
      const card = this.cardPart.value ?? new part.ComplaintView(this.context);
      return { card, list: new part.MineList(this.context, card) };
    },
    (error) => this.reportError(error),
  );

  private readonly confirmationPart = new LazyPart(
    this,
    async () => {
      const part = await import('./confirmation.js');
      await part.ready(this.config.value.locale, this.textVariant);
      return new part.Confirmation(this.context);
    },
    (error) => this.reportError(error),
  );

  private readonly single = new Task(this, {
    task: async ([client, id, mine], { signal }) => {
      if (!client || !id || mine) return initialState;
      return this.reporting(fetchComplaint(client, id, signal));
    },
    args: () => [this.client, this.complaint, this.mine] as const,
  });

  /** The citizen's complaints, newest first, a page at a time. Signed out, it fails as a 401 without asking. */
  private readonly list = new PagedList<Complaint>(this, (cursor, signal) => {
    const client = this.client;
    return client && signedInOnly(client, () => fetchMine(client, this.limit(this.pageSize), cursor ?? undefined, signal));
  });

  // A complaint filed with a <veche-complaint-form> on the same page shows up in "mine" at once.
  private readonly onComplaintFiled = () => {
    if (this.mine) this.loadList();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('veche-complaint-submitted', this.onComplaintFiled);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('veche-complaint-submitted', this.onComplaintFiled);
    this.listFor = undefined;
  }

  private limit(size: number): number {
    return Math.min(100, Math.max(1, Math.round(size) || 10));
  }

  private async reporting<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (!(error instanceof ApiError && (error.kind === 'aborted' || error.kind === 'not-found'))) this.reportError(error);
      throw error;
    }
  }

  private loadList(): void {
    this.list.load().catch((error: unknown) => {
      if (!isAuth(error)) this.reportError(error);
    });
  }

  protected override get misconfigured(): boolean {
    return super.misconfigured || (!this.complaint && !this.mine);
  }

  /** Starts what the configuration needs — the data and the part that shows it, together. */
  protected override update(changed: PropertyValues<this>): void {
    // Complaints as a confirmation returned them were the previous citizen's view (mine, their answer).
    if (this.client !== this.freshFor) {
      this.freshFor = this.client;
      if (this.fresh.size) this.fresh = new Map();
    }
    if (!this.misconfigured) {
      void this.shownPart.load();
      const api = this.config.value.api;
      // An answer queued by an earlier visit is sent on this load, whatever is shown.
      if (hasQueued(outboxKey(api))) void this.confirmationPart.load();
      const client = this.mine ? this.client : undefined;
      const limit = this.limit(this.pageSize);
      if (client !== this.listFor?.client || limit !== this.listFor?.limit) {
        // Another citizen (or none): nothing of the previous one stays on screen while loading.
        if (client !== this.listFor?.client) this.list.reset();
        this.listFor = client && { client, limit };
        if (client) this.loadList();
      }
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const shown = this.shown;
    if (shown.some((c) => this.needsConfirmation(c))) void this.confirmationPart.load();
    this.confirmationPart.value?.restore(shown);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase.includes(name));
    if (!this.complaint && !this.mine && !this.reported) {
      this.reported = true;
      console.error('[veche] <veche-complaint-status>: set "complaint" to a complaint id (complaint="c0001") or the "mine" attribute to list the citizen\'s complaints.');
    }
  }

  // ---------------------------------------------------------------- lazily loaded parts

  /** The part that shows what the element is set to: the list of "mine", or one complaint's card. */
  private get shownPart(): LazyPart<unknown> {
    return this.mine ? this.listPart : this.cardPart;
  }

  /** The card, once here (on its own, or with the list). */
  private get card(): ComplaintView | undefined {
    return this.mine ? this.listPart.value?.card : this.cardPart.value;
  }

  /** The complaint shows something of the confirmation part: the panel, the outcome, the rating offer. */
  private needsConfirmation(c: Complaint): boolean {
    return !!c.confirmation || (c.mine && (c.status === 'resolved' || (c.status === 'closed' && !this.mine)));
  }

  private _context?: StatusContext;
  /** What the parts use of the element. */
  private get context(): StatusContext {
    return (this._context ??= {
      host: this,
      coreText: this.coreText,
      config: () => this.config.value,
      client: () => this.client,
      mine: () => this.mine,
      shown: () => this.shown,
      replace: (complaint) => (this.fresh = new Map(this.fresh).set(complaint.id, complaint)),
      announce: (message, options) => this.announcer.announce(message, options),
      describeError: (error) => this.describeError(error),
      reportError: (error) => this.reportError(error),
      renderError: (error, retry) => this.renderError(error, retry),
      renderSignIn: () => this.renderSignIn(),
      requireSignIn: (action, focus) => this.requireSignIn(action, focus),
      renderConfirmation: (c, level) => this.renderConfirmation(c, level),
    });
  }

  // ---------------------------------------------------------------- state

  /** What the data says: loading, a failure, signed out, or the complaints to show. */
  private get data(): { error?: unknown; signedOut?: boolean; complaints?: Complaint[] } {
    if (this.mine) {
      const list = this.list;
      if (list.status === 'error') return isAuth(list.error) ? { signedOut: true } : { error: list.error };
      // A reload of the list (a complaint was just filed) keeps showing what is there.
      if (list.status === 'idle' || (list.status === 'loading' && !list.items.length)) return {};
      return { complaints: list.items };
    }
    if (this.single.status === TaskStatus.ERROR) return { error: this.single.error };
    return this.single.value ? { complaints: [this.single.value] } : {};
  }

  private get shown(): Complaint[] {
    return (this.data.complaints ?? []).map((c) => this.fresh.get(c.id) ?? c);
  }

  private get phase(): string[] {
    if (this.misconfigured) return [];
    const { error, signedOut, complaints } = this.data;
    if (error) return [error instanceof ApiError && error.kind === 'not-found' ? 'not-found' : 'error'];
    if (signedOut) return ['signed-out'];
    const part = this.shownPart;
    if (!complaints || !part.value) return part.error ? ['error'] : ['loading'];
    const shown = this.shown;
    const extra = [...(shown.some((c) => confirmable(c)) ? ['confirmable'] : []), ...(this.confirmationPart.value?.queued ? ['queued'] : [])];
    if (!this.mine) return ['complaint', ...extra];
    return [shown.length ? 'list' : 'empty', ...extra];
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const { error, signedOut, complaints } = this.data;
    if (signedOut) return this.renderSignIn();
    const part = this.shownPart;
    const view = this.card;
    if (error) {
      const retry = () => (this.mine ? this.loadList() : void this.single.run());
      // "Not found" is said in the view's words once it is here; until then, the standard error.
      return view ? this.renderLoadFailure(error, retry, view.notFound) : this.renderError(error, retry);
    }
    if (complaints && part.error) return this.renderPart(part);
    if (!complaints || !part.value || !view) {
      return html`<div class="frame" part="base status" aria-busy="true">
        <span class="visually-hidden">${this.coreText.t('loading')}</span>
        <span class="skeleton"></span><span class="skeleton"></span><span class="skeleton block"></span>
      </div>`;
    }
    return this.mine ? this.listPart.value!.list.render(this.list, this.shown) : view.renderSingle(this.shown[0]!);
  }

  /** The confirmation part's piece of a complaint; its loading state keeps the panel's space. */
  private renderConfirmation(c: Complaint, level: number): TemplateResult | typeof nothing {
    const confirmation = this.confirmationPart.value;
    if (confirmation) return confirmation.render(c, level);
    if (!this.needsConfirmation(c)) return nothing;
    return this.renderPart(this.confirmationPart, {
      loading: html`<div class="skeleton ${confirmable(c) ? 'block' : ''}" aria-busy="true"><span class="visually-hidden">${this.coreText.t('loading')}</span></div>`,
    });
  }
}
