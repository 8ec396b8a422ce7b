/**
 * What the agency rating's lazily loaded parts use of the element: the views (one agency's,
 * agency.ts; the ranking's, ranking.ts: RatingHost) and what they show (the record, the rating
 * form, the ranking: RatingContext). Types only, so a part never pulls the element's module
 * into its chunk.
 */
import type { TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { LazyPart } from '../../core/lazy-part.js';
import type { LocalizeController } from '../../core/localize.js';
import type { PagedList } from '../../core/paged-list.js';
import type { CoreTexts } from '../../core/messages.js';
import type partsRu from '../../locales/ru/agency-rating-parts.js';
import type { AgencySummary, Rating, RankingSort, RatingEligibility } from './api.js';
import type { AgencyRatingParts, VecheAgencyRating } from './veche-agency-rating.js';

/** What the element hands the view its `agency` attribute asks for. */
export interface RatingHost {
  /** The element: its `agency`, `complaint` and `compact` say what to show. */
  readonly host: VecheAgencyRating;
  /** The parts' texts, loaded with the view. */
  readonly text: LocalizeController<typeof partsRu>;
  readonly coreText: LocalizeController<CoreTexts>;
  client(): ApiClient | undefined;
  api(): string | undefined;
  part<K extends keyof AgencyRatingParts>(name: K): LazyPart<AgencyRatingParts[K]>;
  /**
   * The answer to a request the element started before the view's code was here (`what`:
   * `agency`, `eligibility`, `ratings` or `ranking`), once; undefined when there is none for
   * this backend and agency.
   */
  early<T>(what: string): Promise<T> | undefined;
  /** Fires the cancelable `veche-auth-required`; true when the widget should show its sign-in prompt. */
  /** `focus`: the citizen's own action was refused, so the prompt takes focus. */
  requireSignIn(action: string, focus?: boolean): boolean;
  renderSignIn(): TemplateResult;
  /** The widget's skeleton: its space reserved while data or code loads. */
  renderLoading(): TemplateResult;
  announce(message: string, options?: { assertive?: boolean }): void;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
}

/** A view: one agency's (record, form) or the ranking. */
export interface RatingView {
  /** The widget's custom states. */
  readonly phase: string[];
  /** What keeps the view from showing: its data's or a needed part's failure. */
  readonly failure: unknown;
  retry(): void;
  render(): TemplateResult;
}

/** What the record and the form use. */
export interface RatingContext extends Omit<RatingHost, 'part' | 'early' | 'renderLoading'> {
  agency(): string | undefined;
  /** The complaint the host page asked to rate (`complaint`). */
  complaint(): string | undefined;
  /** Residents' reviews of the agency shown. */
  readonly ratings: PagedList<Rating>;
  /** `'signed-out'` when the backend does not know the citizen; undefined while it is asked. */
  eligibility(): RatingEligibility | 'signed-out' | undefined;
  eligibilityError(): unknown;
  checkEligibility(): void;
  /** The form's code could not be loaded (offline): shown in the form's place with a retry. */
  formFailure(): unknown;
  retryForm(): void;
  /** Loads the record and its reviews again (a rating was counted). */
  refreshRecord(): void;
  /** The rating panel as it stands: the form, or why it is not offered. */
  renderRatingPanel(): TemplateResult;
}

/** What the ranking uses. */
export interface RankingContext extends Pick<RatingHost, 'host' | 'text' | 'coreText' | 'announce' | 'renderError'> {
  readonly ranking: PagedList<AgencySummary>;
  sort(): RankingSort;
  sortBy(sort: RankingSort): void;
}
