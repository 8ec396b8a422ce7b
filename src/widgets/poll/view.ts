/**
 * What a loaded poll shows, in every state: its heading and dates, the questions (one survey step
 * at a time, with progress, back/next and the review), voting, and the notices around it
 * (upcoming, closed, results policy, sign-in, offline, errors). It owns the citizen's answers:
 * autosaved as a draft that survives reloads, sent once with one idempotency key per attempt
 * that survives retries and reloads, and sent again when the connection returns.
 *
 * A part of its own, loaded in parallel with the poll's request: the element's first render (the
 * skeleton) does not wait for it, and the texts travel with it.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { adoptStyles } from '../../core/adopt-styles.js';
import { controlStyles } from '../../core/control-styles.js';
import { cssProps } from '../../core/css-props.js';
import { DraftController, type StoredDraft } from '../../core/draft-controller.js';
import { emit } from '../../core/events.js';
import { formatDate, formatDateTime } from '../../core/format.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { meterStyles } from '../../core/meter-styles.js';
import { ApiError } from '../../core/problem.js';
import { signedInCitizen } from '../../core/session.js';
import { castVote, type Poll, type PollQuestion, type VoteResult } from './api.js';
import { checkAnswer, isEmpty, toAnswers, type Choice, type Choices } from './answers.js';
import type {} from './events.js';
import type { PollContext } from './parts.js';
import { renderQuestion, styles as questionStyles } from './questions.js';
import type { PollParts } from './veche-poll.js';
import { newTask } from '../../core/render-queue.js';
// Texts it shows that no entry carries (drafts, offline sending, deadlines).
import '../../core/part-texts.js';

export { pollMessages } from './messages.js';

/** What survives a reload: the answers, where the citizen was, and the attempt's idempotency key. */
interface PollDraft {
  choices: Choices;
  step: number;
  /** Changing an answer from the review: the way on leads back there (see `editing`). */
  editing?: boolean;
  /** The key of the attempt being sent; reused by every retry until the answers change. */
  key?: string;
  /** The citizen pressed "send" and no answer came: send again when online or on the next load. */
  pending?: boolean;
  /**
   * Who pressed "send" (the session's citizen). On a shared computer the next citizen signed in
   * neither sees another's ballot nor sends it as his own vote.
   */
  voter?: string;
}

type Outcome = InstanceType<PollParts['results']['Outcome']>;

export class PollView implements ReactiveController {
  private choices: Choices = {};
  /** The survey step: a question index, or `questions.length` for the review. */
  private step = 0;
  /**
   * The citizen came to this question from the review to change an answer: the primary action
   * returns to the review rather than walking through the questions after it again. Kept on
   * "back" (the citizen may change an earlier answer too); ends on the review.
   */
  private editing = false;
  private errors: Record<string, string> = {};
  private sending = false;
  private sendError?: unknown;
  private signIn = false;
  private waitingOnline = false;
  private outcome?: VoteResult;
  private outcomeView?: Outcome;
  private restoredAt?: number;
  private restoredFor?: string;
  /** The poll whose body (questions, results) is shown, and whether showing it is under way. */
  private shownFor?: string;
  private showing = false;
  private key?: string;
  private pending = false;
  private voter?: string;
  private resume = false;
  private readonly draft: DraftController<PollDraft>;
  /** The draft as read when the view arrived, and the poll it was read for. */
  private early?: [string | undefined, StoredDraft<PollDraft> | undefined];
  private readonly onOnline = () => {
    if (this.waitingOnline) void this.submit();
  };

  constructor(private readonly ctx: PollContext) {
    adoptStyles(ctx.host.renderRoot, ...styles);
    this.draft = new DraftController<PollDraft>(ctx.host, {
      key: () => {
        const api = ctx.api();
        const id = ctx.id();
        return api && id ? `draft:poll:${api}#${id}` : undefined;
      },
    });
    ctx.host.addController(this);
    // Read while the poll's request travels, in a task of its own: a page's first storage access
    // opens the storage synchronously, which would otherwise lengthen the task that shows the poll.
    void newTask().then(() => {
      if (!this.restoredFor) this.early = [ctx.id(), this.draft.load()];
    });
  }

  hostConnected(): void {
    addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.onOnline);
  }

  private get text() {
    return this.ctx.text;
  }

  /** The element's custom states while this poll is shown. */
  states(poll: Poll): string[] {
    if (this.shownFor !== poll.id) return ['loading'];
    const on: string[] = [this.outcome || poll.myVote ? 'voted' : poll.status];
    if (this.sending) on.push('sending');
    if (this.waitingOnline) on.push('offline');
    if (this.signIn) on.push('signed-out');
    return on;
  }

  /**
   * Whether the poll can be shown. One first shown with its results (voted, live, closed) waits in
   * the skeleton for the results part, so that the page does not see it shrink and grow again.
   */
  ready(poll: Poll): boolean {
    const part = this.ctx.parts.results;
    if (this.outcome || !(poll.myVote || poll.results) || part.value || part.error) return true;
    // Asked for now, not as a prefetch: a failure shows the poll with the error and a retry.
    void this.loadResults();
    return false;
  }

  /** The results part (the review's summary comes with it, requested in the same round trip). */
  private loadResults(options?: { prefetch: boolean }) {
    return this.ctx.parts.results.load(options);
  }

  /** Another poll: nothing of this one's answers carries over. */
  reset(): void {
    this.choices = {};
    this.step = 0;
    this.errors = {};
    this.key = this.voter = undefined;
    this.pending = this.resume = this.editing = this.signIn = this.waitingOnline = false;
    this.outcome = this.outcomeView = this.sendError = this.restoredAt = this.restoredFor = this.shownFor = undefined;
  }

  /** Brings back a draft for an open poll the citizen has not voted in, once per poll; forgets it otherwise. */
  restore(poll: Poll): void {
    if (this.restoredFor === poll.id) return;
    this.restoredFor = poll.id;
    const [id, early] = this.early ?? [];
    this.early = undefined;
    const saved = id === poll.id ? early : this.draft.load();
    if (!saved) return;
    if (saved.value.voter) return void this.restoreVoters(poll, saved);
    this.apply(poll, saved);
  }

  /** A ballot that was being sent comes back only for its voter, once the session has said who is signed in. */
  private async restoreVoters(poll: Poll, saved: StoredDraft<PollDraft>): Promise<void> {
    const client = this.ctx.client();
    // Unanswered, nobody: the draft stays for its voter's next visit.
    const citizen = client ? await signedInCitizen(client).catch(() => undefined) : undefined;
    if (citizen !== saved.value.voter || this.restoredFor !== poll.id || this.ctx.poll()?.id !== poll.id) return;
    this.apply(poll, saved);
    this.changed();
  }

  private apply(poll: Poll, saved: StoredDraft<PollDraft>): void {
    if (poll.status !== 'open' || poll.myVote) return this.draft.clear();
    const { choices, step, editing, key, pending, voter } = saved.value;
    this.choices = choices ?? {};
    this.step = Math.min(step ?? 0, poll.questions.length > 1 ? poll.questions.length : 0);
    this.editing = !!editing && this.step < poll.questions.length;
    this.key = key;
    this.voter = voter;
    this.pending = this.resume = !!pending;
    if (Object.values(this.choices).some((c) => !isEmpty(c))) this.restoredAt = saved.savedAt;
    this.nearReview(poll.questions);
  }

  /** On a survey's last question, its review or the way back to it: the review's code loads while the citizen answers. */
  private nearReview(questions: PollQuestion[]): void {
    if (questions.length > 1 && (this.editing || this.step >= questions.length - 1)) void this.ctx.parts.review.load({ prefetch: true });
  }

  /** After the element rendered: a vote that was pending at the last reload goes out now. */
  updated(): void {
    if (this.resume && this.ctx.poll()) {
      this.resume = false;
      queueMicrotask(() => void this.submit());
    }
  }

  private changed(): void {
    this.ctx.host.requestUpdate();
  }

  private save(): void {
    this.draft.save({ choices: this.choices, step: this.step, editing: this.editing, key: this.key, pending: this.pending, ...(this.voter ? { voter: this.voter } : {}) });
  }

  private discard(): void {
    this.ctx.renderLater();
    this.draft.clear();
    this.choices = {};
    this.step = 0;
    this.editing = false;
    this.errors = {};
    this.key = this.restoredAt = undefined;
    this.changed();
  }

  private choose(question: PollQuestion, value: string): void {
    this.ctx.renderLater();
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
    this.changed();
    // Who is answering, asked while the network is likely up: a vote sent in a network cut is
    // still marked with its voter (`submit`). One request per page and backend.
    const client = this.ctx.client();
    if (client) void signedInCitizen(client).catch(() => undefined);
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
    this.changed();
    if (!message) return false;
    if (questions.length > 1) this.step = index;
    void this.ctx.host.updateComplete.then(() => this.ctx.host.renderRoot.querySelector<HTMLElement>('fieldset input:not(:disabled)')?.focus());
    return true;
  }

  /** Shows a survey step; `editing`: on the way from the review and back to it. */
  private async go(step: number, questions: PollQuestion[], editing = false): Promise<void> {
    this.ctx.renderLater();
    this.step = step;
    this.editing = editing;
    this.save();
    this.changed();
    this.nearReview(questions);
    await this.ctx.host.updateComplete;
    // Focused in the next frame, whose layout it then uses, rather than forcing one in the click's
    // task: a step's render and its layout stay two shorter tasks.
    await new Promise(requestAnimationFrame);
    this.ctx.host.renderRoot.querySelector<HTMLElement>('#step')?.focus();
  }

  private onSubmit(event: Event, questions: PollQuestion[]): void {
    event.preventDefault();
    this.ctx.renderLater();
    if (questions.length > 1 && this.step < questions.length) {
      if (this.flag(questions, this.step)) return;
      // Back to the review only with every answer valid (the citizen may have emptied another on
      // the way): the first that is not is shown instead, with its error.
      if (!this.editing) void this.go(this.step + 1, questions);
      else if (!questions.some((_, i) => this.flag(questions, i))) void this.go(questions.length, questions);
    } else void this.submit();
  }

  private async submit(): Promise<void> {
    const { ctx } = this;
    const poll = ctx.poll();
    const client = ctx.client();
    if (this.sending || !poll || !client || poll.status !== 'open' || this.outcome) return;
    // Checked synchronously: `sending` must be set before a second click can get here.
    if (poll.questions.some((_, i) => this.flag(poll.questions, i))) return;

    this.sending = true;
    // The confirmation is shown when the answer comes: load it while the vote travels.
    void this.loadResults({ prefetch: true });
    this.sendError = undefined;
    this.signIn = this.waitingOnline = false;
    this.key ??= newIdempotencyKey();
    this.pending = true;
    this.save();
    this.draft.flush();
    this.changed();
    // Marked with its voter once the session says who that is (it is asked once per page) — by
    // this element only while it is on the page: one taken off meanwhile must not write its draft
    // back over what the element now showing the poll did with it (sent it, cleared it).
    void signedInCitizen(client).then(
      (voter) => {
        if (!this.pending || !voter || this.voter === voter || !ctx.host.isConnected) return;
        this.voter = voter;
        this.save();
        this.draft.flush();
      },
      () => undefined,
    );
    try {
      await this.voted(poll, await castVote(client, poll.id, toAnswers(poll.questions, this.choices), this.key));
    } catch (error) {
      this.failed(error, poll);
    } finally {
      this.sending = false;
      this.changed();
    }
  }

  private async voted(poll: Poll, result: VoteResult): Promise<void> {
    const { ctx } = this;
    this.draft.clear();
    this.outcome = result;
    this.key = this.restoredAt = undefined;
    this.pending = false;
    this.changed();
    emit(ctx.host, 'veche-vote', { poll: poll.id, answers: result.answers });
    const { awarded, spent, balance, reason } = result.points;
    if (awarded - spent) emit(ctx.host, 'veche-points-change', { delta: awarded - spent, balance, reason: reason ?? 'vote' });
    const points = awarded ? ` ${this.text.t('pointsEarned', { points: ctx.coreText.t('points', { count: awarded }) })}` : '';
    ctx.announce(this.text.t('thanks') + points);
    void this.confirm(result);
  }

  /** Moves focus to the confirmation once its part is here, and checks the receipt. */
  private async confirm(result: VoteResult): Promise<void> {
    const { host } = this.ctx;
    if (!(await this.loadResults())) return;
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('#done')?.focus();
    void this.outcomeView?.verify(result.receipt);
  }

  private failed(error: unknown, poll: Poll): void {
    const { ctx } = this;
    const kind = error instanceof ApiError ? error.kind : undefined;
    this.pending = !!(error instanceof ApiError && error.transient);
    this.save();
    if (kind === 'auth') {
      this.signIn = ctx.requireSignIn('vote', true);
    } else if (kind === 'conflict' && (error as ApiError).slug === 'already-voted') {
      // Voted elsewhere (another tab, an earlier attempt whose answer was lost): show that vote.
      this.draft.clear();
      ctx.reload();
    } else if (kind === 'network') {
      this.waitingOnline = true;
      ctx.announce(ctx.coreText.t('offline'));
    } else {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      const answers = toAnswers(poll.questions, this.choices);
      for (const { field, message } of fields) {
        const question = poll.questions.find((q) => q.id === answers[Number(field.split('.')[1])]?.questionId);
        if (question) this.errors = { ...this.errors, [question.id]: message };
      }
      this.sendError = error;
      ctx.reportError(error);
    }
  }

  /** A part's view once loaded (its styles brought in); until then core's skeleton, or the error with a retry. */
  private withPart<K extends 'review' | 'results'>(name: K, view: (part: PollParts[K]) => unknown): unknown {
    const part = this.ctx.parts[name];
    if (!part.value) return this.ctx.renderPart(part);
    adoptStyles(this.ctx.host.renderRoot, ...part.value.styles);
    return view(part.value);
  }

  private outcomeOf(part: PollParts['results']): Outcome {
    return (this.outcomeView ??= new part.Outcome(this.ctx));
  }

  render(poll: Poll): TemplateResult {
    const { text, coreText } = this.ctx;
    const locale = text.locale;
    const mine = this.outcome ?? poll.myVote;
    const results = this.outcome ? this.outcome.results : poll.results;
    const date = (iso: string) => formatDate(locale, iso);
    let status: string;
    if (poll.status === 'upcoming') status = text.t('opensOn', { date: date(poll.opensAt) });
    else if (poll.status === 'open') status = text.t('openUntil', { date: date(poll.closesAt) });
    else status = text.t('closedOn', { date: date(poll.closesAt) });

    // The heavy parts (the question, the results) come a task after the rest: see `showSoon`.
    const later = this.shownFor !== poll.id;
    if (later) this.showSoon(poll);
    let body: unknown;
    if (poll.status === 'upcoming') {
      body = html`<p class="status" part="status" role="status">${text.t('upcoming', { date: date(poll.opensAt) })}</p>`;
    } else if (mine) {
      const ballot = { ...mine, awarded: this.outcome?.points.awarded, fresh: !!this.outcome };
      body = later
        ? this.renderPlaceholder()
        : this.withPart('results', (part) => this.outcomeOf(part).renderVoted(poll, ballot, results, this.renderResultsNote(poll)));
    } else if (later) {
      // Only the skeleton until the question comes: anything shown below it (the buttons, the
      // results note) would be pushed down when the question takes its place — a layout shift.
      body = this.renderPlaceholder();
    } else {
      body = html`${poll.status === 'closed' ? html`<p class="status" part="status" role="status">${text.t('closed')}</p>` : this.renderForm(poll.questions)}
      ${results
        ? this.withPart('results', (part) => this.outcomeOf(part).renderResults(poll, results, {}))
        : this.renderResultsNote(poll)}`;
    }

    return html`<article class="poll" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title" part="title">${poll.title}</h2>
      <p class="muted">
        ${status}${poll.status === 'open' && !mine && poll.points
          ? html` · ${text.t('reward', { points: coreText.t('points', { count: poll.points }) })}`
          : nothing}
      </p>
      ${poll.description ? html`<p>${poll.description}</p>` : nothing} ${body}
    </article>`;
  }

  /**
   * A poll's first render shows all but its heavy parts (the question, the results), whose places
   * a skeleton keeps; they follow in the next task. Their first render (Lit prepares each template
   * the first time it meets it) and their layout then do not lengthen one long task. Always the
   * next task, not core's render queue alone: the queue decides before a render, by the time spent
   * so far, and the heavy render would follow a light first one in the same task. The state itself
   * waits (not only the render), so that no other update in this task shows them early.
   */
  private showSoon(poll: Poll): void {
    if (this.showing) return;
    this.showing = true;
    void newTask().then(() => {
      this.showing = false;
      this.shownFor = poll.id;
      this.changed();
    });
  }

  private renderPlaceholder(): TemplateResult {
    return html`<div class="part-loading" aria-busy="true">
      <span class="visually-hidden">${this.ctx.coreText.t('loading')}</span>
      <div class="skeleton block"></div><div class="skeleton block"></div>
      <div class="skeleton block"></div><div class="skeleton block"></div>
    </div>`;
  }

  private renderForm(questions: PollQuestion[]): TemplateResult {
    const { text, coreText } = this.ctx;
    const survey = questions.length > 1;
    const review = survey && this.step >= questions.length;
    const question = questions[survey ? this.step : 0];
    const label = this.sendError ? coreText.t('retry') : text.t(survey ? 'send' : 'vote');
    return html`<form novalidate @submit=${(e: Event) => this.onSubmit(e, questions)}>
      ${this.restoredAt
        ? html`<div class="note" part="status draft">
            <p>${coreText.t('draftRestored', { date: formatDateTime(text.locale, this.restoredAt) })}</p>
            <button class="link" type="button" @click=${() => this.discard()}>${coreText.t('draftDiscard')}</button>
          </div>`
        : nothing}
      ${survey
        ? html`<p class="progress" id="step" tabindex="-1">
              ${review ? text.t('review') : text.t('step', { index: this.step + 1, count: questions.length })}
            </p>
            <span class="track" aria-hidden="true"><span class="fill" ${cssProps({ '--_share': Math.min(1, (this.step + 1) / (questions.length + 1)) })}></span></span>`
        : nothing}
      ${review
        ? this.withPart('review', (part) => part.renderReview(this.ctx, questions, this.choices, this.sending, (i) => void this.go(i, questions, true)))
        : question &&
          renderQuestion(this.ctx, question, {
            choice: this.choices[question.id],
            error: this.errors[question.id],
            sending: this.sending,
            choose: (value) => this.choose(question, value),
          })}
      ${this.signIn ? this.ctx.renderSignIn() : nothing}
      ${this.waitingOnline ? html`<p class="status" part="status offline">${coreText.t('offline')}</p>` : nothing}
      ${this.sendError ? this.ctx.renderError(this.sendError) : nothing}
      <div class="actions">
        ${survey && this.step > 0
          ? html`<button class="button" type="button" ?disabled=${this.sending} @click=${() => void this.go(this.step - 1, questions, this.editing)}>
              ${text.t('back')}
            </button>`
          : nothing}
        <button class="button primary" part="submit" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? text.t('sending') : survey && !review ? text.t(this.editing ? 'toReview' : 'next') : label}
        </button>
      </div>
    </form>`;
  }

  private renderResultsNote(poll: Poll): TemplateResult {
    const { text } = this.ctx;
    const policy = poll.resultsPolicy;
    const note =
      policy === 'hidden'
        ? text.t('resultsHidden')
        : policy === 'after-close'
          ? text.t('resultsAfterClose', { date: formatDate(text.locale, poll.closesAt) })
          : text.t('resultsAfterVote');
    return html`<p class="muted" part="status results-note">${note}</p>`;
  }
}

// The controls first: the element's own styles leave them out (veche-poll.ts), and these override them.
export const styles = [
  controlStyles,
  meterStyles,
  ...questionStyles,
  css`
    h4,
    ul,
    dl,
    dd,
    fieldset {
      margin: 0;
      padding: 0;
    }
    h4 {
      font-size: 1em;
    }
    form {
      display: grid;
      gap: 0.75em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .link {
      background: none;
      border: 0;
      padding: 0;
      min-block-size: 24px;
      cursor: pointer;
    }
    .note {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      padding: 0.5em 0.75em;
      border-radius: var(--_radius);
      background: var(--_warning-surface);
    }
    .progress {
      font-weight: 600;
    }
  `,
];
