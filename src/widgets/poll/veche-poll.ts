import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { loadFailureHandling } from '../../core/failure-handling.js';
import { LazyPart } from '../../core/lazy-part.js';
import { LocalizeController, loadMessages } from '../../core/localize.js';
import { ApiError } from '../../core/problem.js';
import { shellStyles } from '../../core/styles.js';
import { newTask } from '../../core/render-queue.js';
import { VecheElement } from '../../core/veche-element.js';
import type { ApiClient } from '../../core/api-client.js';
import { fetchPoll, type Poll } from './api.js';
import type {} from './events.js';
import type { PollContext } from './parts.js';
import { pollStyles } from './styles.js';

/**
 * Everything but the element itself loads as parts, so that a page pays at first only for the
 * request and the skeleton. The view starts loading when the poll is asked for, in parallel with
 * it; the review and the results when the poll or the citizen's progress says they will be
 * needed. Until a part arrives its place shows a skeleton; a failed load shows the standard
 * error with a retry.
 */
const parts = {
  /** What a loaded poll shows in every state: heading, questions, voting, and the poll's texts. */
  view: () => import('./view.js'),
  /** The survey's review step (and the citizen's answers after voting). */
  review: () => import('./review.js'),
  /** The confirmation with the receipt check, and the results. */
  results: () => import('./results.js'),
};
/** The lazily loaded parts' modules by name. */
export type PollParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };
type Parts = PollParts;

const STATES = ['loading', 'not-found', 'error', 'upcoming', 'open', 'voted', 'closed', 'sending', 'offline', 'signed-out'];

const notFound = (error: unknown) => (error as ApiError).kind === 'not-found';

/**
 * A poll or a multi-question survey: single choice, multiple choice with a minimum and maximum,
 * and 1–5 scales; results as the poll's policy allows; a receipt to check the vote was counted.
 * Answers are autosaved and survive reloads; a vote is sent once, also across retries.
 *
 * @summary Lets a citizen answer a poll or survey and see its results.
 * @tag veche-poll
 * @status experimental
 * @since 0.1
 *
 * @fires veche-vote - The vote was counted. `detail: { poll, answers }`, no personal data.
 * @fires veche-points-change - Points were awarded for voting. `detail: { delta, balance, reason }`.
 * @fires veche-error - Loading or voting failed. `detail: { code, message, status?, type? }`.
 * @fires veche-auth-required - Voting needs a signed-in citizen; cancel it to open your own sign-in flow.
 *
 * @csspart base - The poll's container.
 * @csspart title - The poll's title.
 * @csspart question - One question (a fieldset).
 * @csspart option - One answer option (its label).
 * @csspart option-image - An option's picture.
 * @csspart submit - The vote / send / next button.
 * @csspart status - Notices: loading, not found, upcoming, closed, offline, error, sign-in.
 * @csspart draft - With `status`: the restored draft notice and its discard button.
 * @csspart offline - With `status`: the vote waits for the connection to come back.
 * @csspart results-note - With `status`: when the results will be shown (after voting, after closing, never).
 * @csspart not-found - With `status`: no poll with this id.
 * @csspart sign-in - With `status`: the call to sign in.
 * @csspart sign-in-link - The link to the portal's sign-in page (`login-url`).
 * @csspart error - With `status`: what failed, in the citizen's words.
 * @csspart retry - The retry button of an error.
 * @csspart confirmation - The "vote counted" panel with the receipt.
 * @csspart receipt - The receipt code.
 * @csspart results - The results section.
 * @csspart result - One result row.
 * @csspart result-mine - With `result`: the row of the citizen's own choice.
 *
 * @cssproperty --veche-poll-accent - Selected options and the scale (default: `--veche-color-primary`).
 * @cssproperty --veche-poll-bar-color - Result and progress bars (default: the accent).
 * @cssproperty --veche-poll-bar-track - The empty part of a bar (default: `--veche-color-surface-alt`).
 * @cssproperty --veche-poll-reserve - Height reserved while loading, so the page does not jump (default: `24em`).
 *
 * @cssstate loading - The poll is loading.
 * @cssstate not-found - No poll with this id.
 * @cssstate error - The poll could not be loaded.
 * @cssstate upcoming - The poll has not opened yet.
 * @cssstate open - The citizen can answer.
 * @cssstate voted - The citizen has voted.
 * @cssstate closed - The poll is closed and the citizen did not vote.
 * @cssstate sending - A vote is on its way.
 * @cssstate offline - The vote waits for the connection to come back.
 * @cssstate signed-out - Voting needs sign-in.
 * @cssstate rendering - Before the first render, while the widget holds its reserved height.
 * @cssstate reduced-motion - Animations are off: the theme, or the page's switch, is `reduced-motion` or `vision`.
 * @cssstate misconfigured - `api` or `poll` is missing or invalid.
 */
export class VechePoll extends VecheElement {
  // Its first render has no controls: the view brings them (view.ts), the error states with core.
  static override styles = [...shellStyles, pollStyles];

  static override properties: PropertyDeclarations = {
    poll: {},
  };

  /** The poll's id, e.g. `42`. */
  poll?: string;

  private readonly parts = {
    view: new LazyPart(
      this,
      async () => {
        const part = await this.load('view');
        // The texts (and the kids layer) come before the view shows, so it never flashes in Russian.
        await loadMessages(part.pollMessages, this.config.value.locale, this.textVariant);
        this.text ??= new LocalizeController(this, part.pollMessages, () => this.config.value.locale);
        this.view ??= new part.PollView(this.context);
        return part;
      },
      (error) => this.reportError(error),
    ),
    review: new LazyPart(this, () => this.load('review'), (error) => this.reportError(error)),
    results: new LazyPart(this, () => this.load('results'), (error) => this.reportError(error)),
  };
  private text?: PollContext['text'];
  private view?: InstanceType<Parts['view']['PollView']>;
  private pollReported = false;

  // One request with a cancel and a retry: these few lines do what @lit/task would, which costs
  // the entry 0.6 KB of its 16 KB budget.
  /** The poll as last loaded; kept while it loads again, so a reload never flashes the skeleton. */
  private loaded?: Poll;
  /** Why the last load failed; cleared when a new one starts. */
  private loadError?: unknown;
  /** The backend and id the poll was last asked for: a change of either loads it afresh. */
  private loadedFrom?: readonly [ApiClient | undefined, string | undefined];
  /** The load under way; a newer one cancels it. */
  private loading?: AbortController;

  /**
   * Loads the poll from `loadedFrom`, showing the loading state meanwhile (within an update — the
   * first load leaves during the update that asked for it — that is the update under way).
   */
  private async loadPoll(): Promise<void> {
    const [client, id] = this.loadedFrom!;
    this.loading?.abort();
    this.loading = undefined;
    this.loadError = undefined;
    this.requestUpdate();
    if (!client || !id) return;
    const loading = (this.loading = new AbortController());
    try {
      const poll = await fetchPoll(client, id, loading.signal);
      if (loading !== this.loading) return;
      this.loaded = poll;
      if (poll.myVote || poll.results) void this.parts.results.load({ prefetch: true });
    } catch (error) {
      if (loading !== this.loading) return;
      this.loaded = undefined;
      this.loadError = error;
      if ((error as ApiError).kind !== 'aborted') this.reportError(error);
    }
    this.requestUpdate();
  }

  protected override get misconfigured(): boolean {
    return super.misconfigured || !this.poll;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const from = [this.client, this.poll] as const;
    if (from[0] !== this.loadedFrom?.[0] || from[1] !== this.loadedFrom?.[1]) {
      this.loadedFrom = from;
      void this.loadPoll();
    }
    const view = this.view;
    if (changed.has('poll') && changed.get('poll') !== undefined) view?.reset();
    const poll = this.loaded;
    // The citizen's draft comes back as soon as both the poll and the view are here, in either order.
    if (poll && poll.id === this.poll) view?.restore(poll);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const on = this.states;
    for (const name of STATES) this.setState(name, on.includes(name));
    if (!this.poll && !this.pollReported) {
      this.pollReported = true;
      // The message comes with the failure handling (failure.ts): no entry carries its text.
      void loadFailureHandling().then((failure) => failure?.reportMissingAttribute(this, 'poll', 'poll="42"'));
    }
    this.view?.updated();
  }

  /** The custom states that hold now: what is shown (loading, open, voted, …) and what is under way. */
  private get states(): string[] {
    if (this.misconfigured) return [];
    const { loadError: error, loaded: poll } = this;
    if (error !== undefined) return [notFound(error) ? 'not-found' : 'error'];
    if (this.parts.view.error) return ['error'];
    return poll && this.view?.ready(poll) ? this.view.states(poll) : ['loading'];
  }

  /**
   * Imports a part's module in a task of its own: in the one-file bundle the import is otherwise
   * evaluated inside the task that asked for it (a render), making it longer.
   */
  private async load<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    await newTask();
    return this.importPart(name);
  }

  /** Imports a part's module. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends keyof Parts>(name: K): Promise<Parts[K]> {
    return parts[name]() as Promise<Parts[K]>;
  }

  private _context?: PollContext;
  /** What the parts use of the element. */
  private get context(): PollContext {
    return (this._context ??= {
      host: this,
      // The view is created only once its texts were loaded.
      text: this.text!,
      coreText: this.coreText,
      parts: this.parts,
      renderLater: () => this.requestUpdateInNewTask(),
      id: () => this.poll,
      poll: () => this.loaded,
      reload: () => void this.loadPoll(),
      client: () => this.client,
      api: () => this.config.value.api,
      describeError: (error) => this.describeError(error),
      reportError: (error) => this.reportError(error),
      announce: (message, options) => this.announcer.announce(message, options),
      requireSignIn: (action, focus) => this.requireSignIn(action, focus),
      renderSignIn: () => this.renderSignIn(),
      renderError: (error, retry) => this.renderError(error, retry),
      renderPart: (part, options) => this.renderPart(part, options),
    });
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    const { loadError: error, loaded: poll, text, view } = this;
    // A failed request needs no part, except to say "not found" in the poll's own words.
    if (error !== undefined && (text || !notFound(error))) {
      return this.renderLoadFailure(error, () => void this.loadPoll(), {
        title: text?.t('notFound') ?? '',
        hint: text?.t('notFoundHint') ?? '',
      });
    }
    // The first render asks for the view: it loads while the poll's request travels.
    if (!view) return this.renderPart(this.parts.view, { loading: this.renderSkeleton() });
    return poll && view.ready(poll) ? view.render(poll) : this.renderSkeleton();
  }

  /** Reserves the poll's height while it or the code that shows it loads: nothing moves when it arrives. */
  private renderSkeleton(): TemplateResult {
    // One template, written out: the first render of the page prepares it, and each one costs.
    return html`<div class="poll" part="base status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      <div class="skeleton line"></div><div class="skeleton line"></div>
      <div class="skeleton block"></div><div class="skeleton block"></div><div class="skeleton block"></div>
      <div class="skeleton block"></div><div class="skeleton block"></div>
    </div>`;
  }
}
