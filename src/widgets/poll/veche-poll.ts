import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DraftController } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { LazyPart } from '../../core/lazy-part.js';
import { adoptStyles } from '../../core/adopt-styles.js';
import { LocalizeController } from '../../core/localize.js';
import { ApiError } from '../../core/problem.js';
import { choiceStyles } from '../../core/choice-styles.js';
import { meterStyles } from '../../core/meter-styles.js';
import { baseStyles } from '../../core/styles.js';
import { VecheElement } from '../../core/veche-element.js';
import { imageSource } from '../../core/urls.js';
import { castVote, fetchPoll, type Poll, type PollQuestion, type VoteResult } from './api.js';
import { checkAnswer, isEmpty, toAnswers, type Choice, type Choices } from './answers.js';
import type {} from './events.js';
import { pollMessages } from './messages.js';
import type { PollContext } from './parts.js';
import { pollStyles } from './styles.js';

/**
 * What an open poll's first render does not need, each its own module. A part starts loading as
 * soon as the poll's data or the citizen's progress says it will be needed; until it arrives its
 * place shows a skeleton, and a failed load shows the standard error with a retry.
 */
const parts = {
  /** The survey's review step (and the citizen's answers after voting). */
  review: () => import('./review.js'),
  /** The confirmation with the receipt check, and the results. */
  results: () => import('./results.js'),
};
/** The lazily loaded parts' modules by name. */
export type PollParts = { [K in keyof typeof parts]: Awaited<ReturnType<(typeof parts)[K]>> };
type Parts = PollParts;
type PartName = keyof Parts;

/** What survives a reload: the answers, where the citizen was, and the attempt's idempotency key. */
interface PollDraft {
  choices: Choices;
  step: number;
  /** The key of the attempt being sent; reused by every retry until the answers change. */
  key?: string;
  /** The citizen pressed "send" and no answer came: send again when online or on the next load. */
  pending?: boolean;
}

const SCALE = ['1', '2', '3', '4', '5'];
const STATES = ['loading', 'not-found', 'error', 'upcoming', 'open', 'voted', 'closed'] as const;

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
 * @csspart confirmation - The "vote counted" panel with the receipt.
 * @csspart receipt - The receipt code.
 * @csspart results - The results section.
 * @csspart result - One result row; `result-mine` marks the citizen's own choice.
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
 * @cssstate misconfigured - `api` or `poll` is missing or invalid.
 */
export class VechePoll extends VecheElement {
  static override styles = [...baseStyles, meterStyles, choiceStyles, pollStyles];

  static override properties: PropertyDeclarations = {
    poll: {},
    choices: { state: true },
    step: { state: true },
    errors: { state: true },
    sending: { state: true },
    sendError: { state: true },
    signIn: { state: true },
    waitingOnline: { state: true },
    outcome: { state: true },
    restoredAt: { state: true },
  };

  /** The poll's id, e.g. `42`. */
  poll?: string;

  private choices: Choices = {};
  /** The survey step: a question index, or `questions.length` for the review. */
  private step = 0;
  private errors: Record<string, string> = {};
  private sending = false;
  private sendError?: unknown;
  private signIn = false;
  private waitingOnline = false;
  private outcome?: VoteResult;
  private restoredAt?: number;
  private readonly parts: { [K in PartName]: LazyPart<Parts[K]> } = { review: this.lazyPart('review'), results: this.lazyPart('results') };
  private outcomeView?: InstanceType<Parts['results']['Outcome']>;
  private key?: string;
  private pending = false;
  private resume = false;
  private restoredFor?: string;
  private pollReported = false;

  private readonly text = new LocalizeController(this, pollMessages, () => this.config.value.locale);
  private readonly draft = new DraftController<PollDraft>(this, {
    key: () => (this.poll && this.config.value.api ? `draft:poll:${this.config.value.api}#${this.poll}` : undefined),
  });

  private readonly task = new Task(this, {
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      try {
        const poll = await fetchPoll(client, id, signal);
        // Started now, not when first rendered: a part arrives while the poll paints. A survey
        // ends in its review step, so that part is fetched while the citizen answers.
        if (poll.myVote || poll.results) void this.parts.results.load({ prefetch: true });
        else if (poll.status === 'open' && poll.questions.length > 1) void this.parts.review.load({ prefetch: true });
        this.restore(poll);
        return poll;
      } catch (error) {
        if (!(error instanceof ApiError && error.kind === 'aborted')) this.reportError(error);
        throw error;
      }
    },
    args: () => [this.client, this.poll] as const,
  });

  private readonly onOnline = () => {
    if (this.waitingOnline) void this.submit();
  };

  protected override get misconfigured(): boolean {
    return super.misconfigured || !this.poll;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('poll') && changed.get('poll') !== undefined) this.reset();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const phase = this.phase;
    for (const name of STATES) this.setState(name, phase === name);
    this.setState('sending', this.sending);
    this.setState('offline', this.waitingOnline);
    this.setState('signed-out', this.signIn);
    if (!this.poll && !this.pollReported) {
      this.pollReported = true;
      console.error('[veche] <veche-poll>: the "poll" attribute is required: the id of a poll, e.g. <veche-poll poll="42">.');
    }
    // Bar lengths go through the CSSOM: a strict CSP forbids style attributes in markup.
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('[data-share]')) {
      fill.style.setProperty('--_share', fill.dataset.share!);
    }
    if (this.resume && this.task.value) {
      this.resume = false;
      queueMicrotask(() => void this.submit());
    }
  }

  private get phase(): (typeof STATES)[number] | undefined {
    if (this.misconfigured) return undefined;
    if (this.task.status === TaskStatus.ERROR) {
      return (this.task.error as ApiError).kind === 'not-found' ? 'not-found' : 'error';
    }
    const poll = this.task.value;
    if (!poll) return 'loading';
    return this.outcome || poll.myVote ? 'voted' : poll.status;
  }

  private reset(): void {
    this.choices = {};
    this.step = 0;
    this.errors = {};
    this.key = undefined;
    this.pending = this.resume = this.signIn = this.waitingOnline = false;
    this.outcome = this.outcomeView = this.sendError = this.restoredAt = this.restoredFor = undefined;
  }

  /** Brings back a draft for an open poll the citizen has not voted in; forgets it otherwise. */
  private restore(poll: Poll): void {
    if (this.restoredFor === poll.id) return;
    this.restoredFor = poll.id;
    const saved = this.draft.load();
    if (!saved) return;
    if (poll.status !== 'open' || poll.myVote) return this.draft.clear();
    const { choices, step, key, pending } = saved.value;
    this.choices = choices ?? {};
    this.step = Math.min(step ?? 0, poll.questions.length > 1 ? poll.questions.length : 0);
    this.key = key;
    this.pending = this.resume = !!pending;
    if (Object.values(this.choices).some((c) => !isEmpty(c))) this.restoredAt = saved.savedAt;
  }

  private save(): void {
    this.draft.save({ choices: this.choices, step: this.step, key: this.key, pending: this.pending });
  }

  private discard(): void {
    this.draft.clear();
    this.choices = {};
    this.step = 0;
    this.errors = {};
    this.key = this.restoredAt = undefined;
  }

  private choose(question: PollQuestion, value: string): void {
    const previous = this.choices[question.id];
    let choice: Choice;
    if (question.type === 'scale') choice = Number(value);
    else if (question.type === 'single') choice = [value];
    else {
      const list = Array.isArray(previous) ? previous : [];
      choice = list.includes(value) ? list.filter((id) => id !== value) : [...list, value];
    }
    this.choices = { ...this.choices, [question.id]: choice };
    if (this.errors[question.id]) this.errors = { ...this.errors, [question.id]: this.problemText(question, choice) ?? '' };
    // Different answers are a different attempt: the server would refuse the old key with them.
    this.key = undefined;
    this.save();
  }

  private problemText(question: PollQuestion, choice: Choice | undefined): string | undefined {
    const problem = checkAnswer(question, choice);
    return problem && this.text.t(problem[0], { count: problem[1] ?? 0 });
  }

  /** Shows what is wrong with a question and puts the citizen on it; false when it is fine. */
  private flag(questions: PollQuestion[], index: number): boolean {
    const question = questions[index]!;
    const message = this.problemText(question, this.choices[question.id]);
    this.errors = { ...this.errors, [question.id]: message ?? '' };
    if (!message) return false;
    if (questions.length > 1) this.step = index;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('fieldset input:not(:disabled)')?.focus());
    return true;
  }

  private async go(step: number): Promise<void> {
    this.step = step;
    this.save();
    await this.updateComplete;
    // Focused in the next frame, whose layout it then uses, rather than forcing one in the click's
    // task: a step's render and its layout stay two shorter tasks.
    await new Promise(requestAnimationFrame);
    this.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  private async next(questions: PollQuestion[]): Promise<void> {
    if (!this.flag(questions, this.step)) await this.go(this.step + 1);
  }

  private onSubmit(event: Event, questions: PollQuestion[]): void {
    event.preventDefault();
    if (questions.length > 1 && this.step < questions.length) void this.next(questions);
    else void this.submit();
  }

  private async submit(): Promise<void> {
    const poll = this.task.value;
    const client = this.client;
    if (this.sending || !poll || !client || poll.status !== 'open' || this.outcome) return;
    // Checked synchronously: `sending` must be set before a second click can get here.
    if (poll.questions.some((_, i) => this.flag(poll.questions, i))) return;

    this.sending = true;
    // The confirmation is shown when the answer comes: load it while the vote travels.
    void this.parts.results.load({ prefetch: true });
    this.sendError = undefined;
    this.signIn = this.waitingOnline = false;
    this.key ??= newIdempotencyKey();
    this.pending = true;
    this.save();
    this.draft.flush();
    try {
      this.voted(poll, await castVote(client, poll.id, toAnswers(poll.questions, this.choices), this.key));
    } catch (error) {
      this.failed(error, poll);
    } finally {
      this.sending = false;
    }
  }

  private async voted(poll: Poll, result: VoteResult): Promise<void> {
    this.draft.clear();
    this.outcome = result;
    this.key = this.restoredAt = undefined;
    this.pending = false;
    emit(this, 'veche-vote', { poll: poll.id, answers: result.answers });
    const { awarded, spent, balance, reason } = result.points;
    if (awarded - spent) emit(this, 'veche-points-change', { delta: awarded - spent, balance, reason: reason ?? 'vote' });
    const points = awarded ? ` ${this.text.t('pointsEarned', { points: this.coreText.t('points', { count: awarded }) })}` : '';
    this.announcer.announce(this.text.t('thanks') + points);
    if (!(await this.parts.results.load())) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
    void this.outcomeView?.verify(result.receipt);
  }

  private failed(error: unknown, poll: Poll): void {
    const kind = error instanceof ApiError ? error.kind : undefined;
    this.pending = !!(error instanceof ApiError && error.transient);
    this.save();
    if (kind === 'auth') {
      this.signIn = this.requireSignIn('vote');
    } else if (kind === 'conflict' && (error as ApiError).slug === 'already-voted') {
      // Voted elsewhere (another tab, an earlier attempt whose answer was lost): show that vote.
      this.draft.clear();
      this.task.run();
    } else if (kind === 'network') {
      this.waitingOnline = true;
      this.announcer.announce(this.coreText.t('offline'));
    } else {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      for (const { field, message } of fields) {
        const question = poll.questions.find((q) => q.id === toAnswers(poll.questions, this.choices)[Number(field.split('.')[1])]?.questionId);
        if (question) this.errors = { ...this.errors, [question.id]: message };
      }
      this.sendError = error;
      this.reportError(error);
    }
  }

  // ---------------------------------------------------------------- lazily loaded parts

  /** A part that brings its styles into the poll's shadow root when it arrives; a failed import is reported. */
  private lazyPart<K extends PartName>(name: K): LazyPart<Parts[K]> {
    return new LazyPart(
      this,
      async () => {
        const part = await this.importPart(name);
        adoptStyles(this.renderRoot, ...part.styles);
        return part;
      },
      (error) => this.reportError(error),
    );
  }

  /** Imports a part's module. A seam for stories, which show a slow or failed import. */
  protected importPart<K extends PartName>(name: K): Promise<Parts[K]> {
    return parts[name]() as Promise<Parts[K]>;
  }

  /** A part's view once loaded; until then core's pending part (a skeleton, or the error with a retry). */
  private withPart<K extends PartName>(name: K, view: (part: Parts[K]) => unknown): unknown {
    const part = this.parts[name];
    return part.value ? view(part.value) : this.renderPart(part);
  }

  private outcomeOf(part: Parts['results']) {
    return (this.outcomeView ??= new part.Outcome(this.context));
  }

  private pollContext?: PollContext;
  /** What the parts use of the poll. */
  private get context(): PollContext {
    return (this.pollContext ??= {
      host: this,
      text: this.text,
      coreText: this.coreText,
      client: () => this.client,
      describeError: (error) => this.describeError(error),
      announce: (message) => this.announcer.announce(message),
    });
  }

  protected override render(): TemplateResult {
    if (this.misconfigured) return this.renderConfigError();
    return this.task.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.task.value && !this.resultsPending(this.task.value) ? this.renderPoll(this.task.value) : this.renderSkeleton()),
      complete: (poll) => (this.resultsPending(poll) ? this.renderSkeleton() : this.renderPoll(poll)),
      error: (error) =>
        this.renderLoadFailure(error, () => void this.task.run(), {
          title: this.text.t('notFound'),
          hint: this.text.t('notFoundHint'),
        }),
    });
  }

  /**
   * A poll first shown with its results (voted, live, closed) waits in its skeleton for the
   * results part, so that the page does not see it shrink and grow again as the part arrives.
   */
  private resultsPending(poll: Poll): boolean {
    const part = this.parts.results;
    if (this.outcome || !(poll.myVote || poll.results) || part.value || part.error) return false;
    // Asked for now, not as a prefetch: a failure shows the poll with the error and a retry.
    void part.load();
    return true;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="poll" part="base status" aria-busy="true">
      <span class="visually-hidden">${this.coreText.t('loading')}</span>
      ${[1, 2].map(() => html`<div class="skeleton line"></div>`)}
      ${[1, 2, 3, 4, 5].map(() => html`<div class="skeleton block"></div>`)}
    </div>`;
  }

  private renderPoll(poll: Poll): TemplateResult {
    const locale = this.text.locale;
    const mine = this.outcome ?? poll.myVote;
    const results = this.outcome ? this.outcome.results : poll.results;
    const date = (iso: string) => formatDate(locale, iso);
    let status: string;
    if (poll.status === 'upcoming') status = this.text.t('opensOn', { date: date(poll.opensAt) });
    else if (poll.status === 'open') status = this.text.t('openUntil', { date: date(poll.closesAt) });
    else status = this.text.t('closedOn', { date: date(poll.closesAt) });

    let body: unknown;
    if (poll.status === 'upcoming') {
      body = html`<p class="status" part="status">${this.text.t('upcoming', { date: date(poll.opensAt) })}</p>`;
    } else if (mine) {
      const ballot = { ...mine, awarded: this.outcome?.points.awarded, fresh: !!this.outcome };
      body = this.withPart('results', (part) => this.outcomeOf(part).renderVoted(poll, ballot, results, this.renderResultsNote(poll)));
    } else {
      body = html`${poll.status === 'closed' ? html`<p class="status" part="status">${this.text.t('closed')}</p>` : this.renderForm(poll.questions)}
      ${results ? this.withPart('results', (part) => this.outcomeOf(part).renderResults(poll, results, {})) : this.renderResultsNote(poll)}`;
    }

    return html`<article class="poll" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title" part="title">${poll.title}</h2>
      <p class="muted">
        ${status}${poll.status === 'open' && !mine && poll.points
          ? html` · ${this.text.t('reward', { points: this.coreText.t('points', { count: poll.points }) })}`
          : nothing}
      </p>
      ${poll.description ? html`<p>${poll.description}</p>` : nothing} ${body}
    </article>`;
  }

  private renderForm(questions: PollQuestion[]): TemplateResult {
    const survey = questions.length > 1;
    const review = survey && this.step >= questions.length;
    const question = questions[survey ? this.step : 0];
    const label = this.sendError ? this.coreText.t('retry') : this.text.t(survey ? 'send' : 'vote');
    return html`<form novalidate @submit=${(e: Event) => this.onSubmit(e, questions)}>
      ${this.restoredAt
        ? html`<div class="note" part="status draft">
            <p>${this.coreText.t('draftRestored', { date: formatDateTime(this.text.locale, this.restoredAt) })}</p>
            <button class="link" type="button" @click=${this.discard}>${this.coreText.t('draftDiscard')}</button>
          </div>`
        : nothing}
      ${survey
        ? html`<p class="progress" id="step" tabindex="-1">
              ${review ? this.text.t('review') : this.text.t('step', { index: this.step + 1, count: questions.length })}
            </p>
            <span class="track" aria-hidden="true"><span class="fill" data-share=${Math.min(1, (this.step + 1) / (questions.length + 1))}></span></span>`
        : nothing}
      ${review
        ? this.withPart('review', (part) => part.renderReview(this.context, questions, this.choices, this.sending, (i) => void this.go(i)))
        : question && this.renderQuestion(question)}
      ${this.signIn ? this.renderSignIn() : nothing}
      ${this.waitingOnline ? html`<p class="status" part="status offline">${this.coreText.t('offline')}</p>` : nothing}
      ${this.sendError ? this.renderError(this.sendError) : nothing}
      <div class="actions">
        ${survey && this.step > 0
          ? html`<button class="button" type="button" ?disabled=${this.sending} @click=${() => void this.go(this.step - 1)}>
              ${this.text.t('back')}
            </button>`
          : nothing}
        <button class="button primary" part="submit" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? this.text.t('sending') : survey && !review ? this.text.t('next') : label}
        </button>
      </div>
    </form>`;
  }

  private renderQuestion(q: PollQuestion): TemplateResult {
    const choice = this.choices[q.id];
    const error = this.errors[q.id];
    const list = Array.isArray(choice) ? choice : [];
    const { minChoices: min = 0, maxChoices: max } = q;
    let limits = '';
    if (q.type === 'multiple' && max) {
      limits = this.text.t(min === max ? 'chooseExactly' : 'chooseRange', { min: Math.max(min, 1), count: max });
    }
    const full = q.type === 'multiple' && !!max && list.length >= max;
    const hint = q.hint || limits;
    const describedBy = [hint && 'hint', q.scaleLabels && 'labels', error && 'error', full && 'count'].filter(Boolean).join(' ') || nothing;
    const input = (type: string, value: string, checked: boolean, disabled: boolean) =>
      html`<input
        type=${type}
        name=${q.id}
        .value=${value}
        .checked=${checked}
        ?disabled=${disabled}
        ?required=${type === 'radio' && q.required}
        aria-describedby=${describedBy}
        @change=${() => this.choose(q, value)}
      />`;

    return html`<fieldset class="question" part="question" ?disabled=${this.sending}>
      <legend>
        ${q.text}${q.required ? nothing : html` <span class="optional">(${this.text.t('optional')})</span>`}
      </legend>
      ${hint ? html`<p class="hint" id="hint">${[q.hint, limits].filter(Boolean).join(' ')}</p>` : nothing}
      ${error ? html`<p class="field-error" id="error">${error}</p>` : nothing}
      ${q.type === 'scale'
        ? html`<div class="scale">
              ${SCALE.map(
                (v) => html`<label class="point" part="option">${input('radio', v, choice === Number(v), false)}<span>${v}</span></label>`,
              )}
            </div>
            ${q.scaleLabels
              ? html`<p class="scale-labels hint" id="labels">
                  <span>1 — ${q.scaleLabels.min}</span><span>5 — ${q.scaleLabels.max}</span>
                </p>`
              : nothing}`
        : q.options.map((o) => {
            const on = list.includes(o.id);
            const image = o.image && imageSource(o.image.url, this.config.value.api);
            return html`<label class="option" part="option">
              ${input(q.type === 'multiple' ? 'checkbox' : 'radio', o.id, on, full && !on)}
              <span>${o.label}</span>
              ${o.description ? html`<span class="description">${o.description}</span>` : nothing}
              ${image ? html`<img part="option-image" src=${image} alt=${o.image!.alt} loading="lazy" />` : nothing}
            </label>`;
          })}
      ${q.type === 'multiple' && max
        ? html`<p class="hint" id="count" aria-live="polite">
            ${this.text.t('selected', { count: list.length, max })} ${full ? this.text.t('maxReached') : nothing}
          </p>`
        : nothing}
    </fieldset>`;
  }

  private renderResultsNote(poll: Poll): TemplateResult {
    const policy = poll.resultsPolicy;
    const note =
      policy === 'hidden'
        ? this.text.t('resultsHidden')
        : policy === 'after-close'
          ? this.text.t('resultsAfterClose', { date: formatDate(this.text.locale, poll.closesAt) })
          : this.text.t('resultsAfterVote');
    return html`<p class="muted" part="status results-note">${note}</p>`;
  }
}
