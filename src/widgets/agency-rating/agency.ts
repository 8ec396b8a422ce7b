/**
 * One agency (the widget with `agency`): its record and reviews, and the rating panel — the form
 * for a citizen who can rate, else why not. The element asks for the record, the first reviews
 * and the citizen's eligibility while this code loads; this view loads the record's part (unless
 * compact) and the form's part when the citizen can rate or has a rating queued.
 */
import { html, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { PagedList } from '../../core/paged-list.js';
import { ApiError } from '../../core/problem.js';
import { hasQueued } from '../../core/queued.js';
import { signedInOnly } from '../../core/session.js';
import { fetchAgency, fetchEligibility, fetchRatings, type Agency, type Rating, type RatingEligibility, type RatingPage } from './api.js';
import type { RatingContext, RatingHost, RatingView } from './parts.js';
import { ratingQueueKey } from './rating-api.js';
import { reported } from './reported.js';
import type { AgencyRatingParts as Parts } from './veche-agency-rating.js';

export { agencyRatingPartMessages as partMessages } from './part-messages.js';

export class AgencyView implements RatingView {
  private ratingForm?: InstanceType<Parts['form']['RatingForm']>;
  private ratingsFor?: string;
  /** The agency the form was for. */
  private formFor?: string;

  private readonly record = new Task(this.host.host, {
    task: async ([client, id], { signal }) => {
      if (!client || !id) return initialState;
      return reported(this.host, this.host.early<Agency>('agency') ?? fetchAgency(client, id, signal));
    },
    args: () => [this.host.client(), this.host.host.agency] as const,
  });

  /** `'signed-out'` when the backend does not know the citizen (401): no event, they did not act yet. */
  private readonly eligibility = new Task(this.host.host, {
    task: async ([client, id], { signal }): Promise<RatingEligibility | 'signed-out'> => {
      if (!client || !id) return initialState as never;
      // A rating queued on an earlier visit goes out as soon as possible: the form loads now.
      const api = this.host.api();
      if (api && hasQueued(ratingQueueKey(api, id))) void this.formPart.load();
      try {
        const result = await (this.host.early<RatingEligibility>('eligibility') ?? signedInOnly(client, () => fetchEligibility(client, id, signal)));
        if (result.eligible) void this.formPart.load();
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'auth') return 'signed-out';
        throw error;
      }
    },
    args: () => [this.host.client(), this.host.host.agency] as const,
  });

  private readonly ratings = new PagedList<Rating>(this.host.host, (cursor, signal) => {
    const client = this.host.client();
    const id = this.host.host.agency;
    return client && id ? reported(this.host, (!cursor && this.host.early<RatingPage>('ratings')) || fetchRatings(client, id, cursor, signal)) : undefined;
  });

  /** What the record and the form use. */
  private readonly context: RatingContext = {
    ...this.host,
    agency: () => this.host.host.agency,
    complaint: () => this.host.host.complaint,
    ratings: this.ratings,
    eligibility: () => this.eligibility.value,
    eligibilityError: () => (this.eligibility.status === TaskStatus.ERROR ? this.eligibility.error : undefined),
    formFailure: () => this.formPart.error,
    retryForm: () => void this.formPart.retry(),
    checkEligibility: () => void this.eligibility.run(),
    refreshRecord: () => {
      void this.record.run();
      this.ratings.load().catch(() => undefined);
    },
    renderRatingPanel: () => this.renderRatingPanel(),
  };

  constructor(private readonly host: RatingHost) {
    host.host.addController(this);
  }

  private get formPart() {
    return this.host.part('form');
  }

  private get recordPart() {
    return this.host.part('record');
  }

  /** The rating form, once its code is here; it owns the outbox, so creating it resends what is queued. */
  private get form() {
    const part = this.formPart.value;
    return part && (this.ratingForm ??= new part.RatingForm(this.context));
  }

  /** Starts what the configuration asks for: the reviews' first page with the part that shows them. */
  hostUpdate(): void {
    const { agency, compact } = this.host.host;
    // Another agency: nothing of the previous form stays.
    if (this.formFor !== undefined && this.formFor !== agency) this.ratingForm?.reset();
    this.formFor = agency;
    const client = this.host.client();
    const at = client && agency ? `${client.baseUrl} ${agency}` : undefined;
    if (at && !compact && (this.ratingsFor !== at || !this.ratings.loaded)) {
      this.ratingsFor = at;
      void this.recordPart.load();
      // A failure is reported by the fetcher and kept by the list, which shows it.
      this.ratings.load().catch(() => undefined);
    }
    // Compact: the record's part only to explain why there is no form.
    if (compact && at && !this.form?.shows && (this.formPart.error || this.eligibility.status === TaskStatus.ERROR || this.formNotOffered)) {
      void this.recordPart.load();
    }
  }

  get phase(): string[] {
    const form = this.form;
    // The record's part shows the record; in compact mode it only explains a missing form.
    const shown = this.host.host.compact ? form?.shows || this.recordPart.value : this.recordPart.value;
    if (!this.record.value || !shown) return ['loading'];
    if (form?.shows) return ['record', form.phase];
    const e = this.eligibility.value;
    return ['record', e === 'signed-out' ? 'signed-out' : !e ? '' : e.eligible ? 'eligible' : 'not-eligible'];
  }

  private get formNotOffered(): boolean {
    const e = this.eligibility.value;
    return e === 'signed-out' || (!!e && !e.eligible);
  }

  get failure(): unknown {
    return this.record.status === TaskStatus.ERROR ? this.record.error : this.recordPart.error;
  }

  /** Loads again whatever failed: the data, or the part that shows it. */
  retry(): void {
    if (this.recordPart.error) void this.recordPart.retry();
    if (this.record.status === TaskStatus.ERROR) void this.record.run();
  }

  render(): TemplateResult {
    const agency = this.record.value;
    if (agency && this.host.host.compact) return html`<div class="frame compact" part="base">${this.renderRatingPanel()}</div>`;
    const record = this.recordPart.value;
    return agency && record ? record.renderRecord(this.context, agency) : this.host.renderLoading();
  }

  /** The form when the citizen can rate (or has rated, or waits to send), else why not. */
  private renderRatingPanel(): TemplateResult {
    const form = this.form;
    if (form?.shows) return form.render();
    const record = this.recordPart;
    if (record.error) return this.host.renderError(record.error, () => void record.retry());
    return record.value ? record.value.renderRatingNotice(this.context) : this.host.renderLoading();
  }
}
