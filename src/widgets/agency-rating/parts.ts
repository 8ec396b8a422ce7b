/**
 * What the agency rating's lazily loaded parts (the agency's record, the rating form, the
 * ranking) use of the element. Types only, so a part never pulls the element's module into
 * its chunk.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { LocalizeController } from '../../core/localize.js';
import type { PagedList } from '../../core/paged-list.js';
import type coreRu from '../../locales/ru/core.js';
import type partsRu from '../../locales/ru/agency-rating-parts.js';
import type { AgencySummary, Rating, RankingSort, RatingEligibility } from './api.js';

export interface RatingContext {
  readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly text: LocalizeController<typeof partsRu>;
  readonly coreText: LocalizeController<typeof coreRu>;
  /** Residents' reviews of the agency shown (with `agency`). */
  readonly ratings: PagedList<Rating>;
  /** The agencies' ranking (without `agency`). */
  readonly ranking: PagedList<AgencySummary>;
  agency(): string | undefined;
  /** The complaint the host page asked to rate (`complaint`). */
  complaint(): string | undefined;
  client(): ApiClient | undefined;
  api(): string | undefined;
  /** `'signed-out'` when the backend does not know the citizen; undefined while it is asked. */
  eligibility(): RatingEligibility | 'signed-out' | undefined;
  eligibilityError(): unknown;
  checkEligibility(): void;
  /** The form's code could not be loaded (offline): shown in the form's place with a retry. */
  formFailure(): unknown;
  retryForm(): void;
  /** Loads the record and its reviews again (a rating was counted). */
  refreshRecord(): void;
  sort(): RankingSort;
  sortBy(sort: RankingSort): void;
  /** The rating panel as it stands: the form, or why it is not offered. */
  renderRatingPanel(): TemplateResult;
  /** Fires the cancelable `veche-auth-required`; true when the widget should show its sign-in prompt. */
  requireSignIn(action: string): boolean;
  renderSignIn(): TemplateResult;
  announce(message: string, options?: { assertive?: boolean }): void;
  reportError(error: unknown): void;
  renderError(error: unknown, retry?: () => void): TemplateResult;
}
