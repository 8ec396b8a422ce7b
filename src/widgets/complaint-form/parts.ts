/**
 * What the form's lazily loaded parts (the steps after the first with the duplicate check, and
 * the result) use of the element: its draft, state and standard panels. Types only — a part
 * never pulls the element's module into its chunk (core's `adoptStyles` brings a part's styles).
 */
import type { ReactiveControllerHost, TemplateResult, nothing } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type { ResolvedConfig } from '../../core/config-controller.js';
import type { LocalizeController } from '../../core/localize.js';
import type { OutboxController } from '../../core/outbox.js';
import type formRu from '../../locales/ru/complaint-form.js';
import type { CoreTexts } from '../../core/messages.js';
import type { Category, ComplaintBackend, ComplaintCreate, Filed, GeoPoint, Me, NearbyComplaint, ServiceAttribute } from './api.js';
import type { RawValues } from './fields.js';
import type { PhotoController, SavedPhoto } from './photos.js';

export const [CATEGORY, DETAILS, LOCATION, PHOTOS, REVIEW] = [0, 1, 2, 3, 4];

/** Everything the citizen entered, autosaved: it survives reloads, crashes and lost connections. */
export interface ComplaintDraft {
  step: number;
  service?: string;
  values: RawValues;
  description: string;
  address: string;
  location?: GeoPoint | undefined;
  photos: SavedPhoto[];
  consent: boolean;
  /** The submission's idempotency key: every retry of this complaint is the same request. */
  key: string;
}

export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  readonly flavor: 'veche' | 'open311';
  readonly tileUrl?: string | undefined;
  readonly statusUrl?: string | undefined;
  form: ComplaintDraft;
  errors: Record<string, string>;
  geo?: 'locating' | 'denied' | 'timeout' | 'unavailable' | undefined;
  map?: 'loading' | 'open' | 'failed' | undefined;
  photoNotice: string;
  nearby?: NearbyComplaint[] | undefined;
  supporting?: string | undefined;
  supported?: { complaint: NearbyComplaint; supporters: number } | undefined;
  filed?: Filed | undefined;
  failure?: unknown;
  signIn: boolean;
  /** The idempotency key of supporting this nearby complaint: the same for each retry of it. */
  supportKey(complaintId: string): string;
  /** Created by the photos step; until then the draft's uploaded photos stand as they are. */
  photos?: PhotoController | undefined;
  readonly outbox: OutboxController<ComplaintCreate, unknown>;
  readonly coreTexts: LocalizeController<CoreTexts>;
  /** A text of the element's own dictionary (step names and the like, shared with the first step). */
  formText(key: keyof typeof formRu & string): string;
  readonly settings: ResolvedConfig;
  readonly apiClient: ApiClient | undefined;
  readonly backend?: ComplaintBackend | undefined;
  readonly category: Category | undefined;
  readonly questions: ServiceAttribute[];
  readonly attributesState: { pending: boolean; error?: unknown; retry(): void };
  readonly limit: number;
  readonly photoLimit: number;
  readonly me: Me | null | undefined;
  change(changes: Partial<ComplaintDraft>): void;
  recheck(field: string): void;
  save(): void;
  clearDraft(): void;
  go(step: number): Promise<void>;
  startOver(): void;
  /** The citizen supported a nearby complaint instead of filing a new one. */
  supportedDone(complaint: NearbyComplaint, supporters: number): Promise<void>;
  fieldError(field: string): TemplateResult | typeof nothing;
  deadline(category: Category): string;
  announce(message: string, options?: { assertive?: boolean }): void;
  describe(error: unknown): string;
  fail(error: unknown): void;
  errorPanel(error: unknown, retry?: () => void): TemplateResult;
  signInPanel(): TemplateResult;
  /** `focus`: the citizen's own action was refused, so the prompt takes focus. */
  askSignIn(action: string, focus?: boolean): boolean;
}

