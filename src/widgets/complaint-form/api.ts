/**
 * The complaint form's calls to the backend contract (`api/openapi.yaml`), through core's client.
 * The Open311 flavour lives in `open311.ts` and is loaded only when a page asks for it.
 */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Service = S['Service'];
export type ServiceAttribute = S['ServiceAttribute'];
export type ComplaintCreate = S['ComplaintCreate'];
export type ComplaintCreated = S['ComplaintCreated'];
export type NearbyComplaint = S['NearbyComplaint'];
export type ComplaintSupport = S['ComplaintSupport'];
export type GeoPoint = S['GeoPoint'];
export type Media = S['Media'];
export type Me = S['Me'];
export type PointsChange = S['PointsChange'];
export type AttributeAnswers = S['AttributeAnswers'];

/**
 * A category as the form shows it. An Open311 server knows neither the agency nor the deadline
 * of a service, and sends attributes only on request, so those are optional here.
 */
export interface Category extends Omit<Service, 'agency' | 'deadlineDays' | 'attributes'> {
  agency?: Service['agency'];
  deadlineDays?: number;
  /** Undefined until loaded (Open311 `services/{code}.json`). */
  attributes?: ServiceAttribute[];
}

/** What the result step shows, whichever flavour of backend filed the complaint. */
export interface Filed {
  id: string;
  trackingNumber: string;
  service: string;
  agency?: string;
  dueAt?: string;
  points?: PointsChange;
}

/** The backend a form talks to: the Veche contract or an Open311 GeoReport v2 server. */
export interface ComplaintBackend {
  /** Where filed complaints are POSTed (queued in the outbox). */
  readonly submitPath: string;
  /** What the outbox posts through; for Open311 it speaks form encoding. */
  readonly client: ApiClient;
  /** Whether photos, the duplicate check and `/me` are available. */
  readonly full: boolean;
  services(signal: AbortSignal): Promise<Category[]>;
  attributes(category: Category, signal?: AbortSignal): Promise<ServiceAttribute[]>;
  filed(result: unknown, body: ComplaintCreate): Filed | Promise<Filed>;
}

export class VecheBackend implements ComplaintBackend {
  readonly submitPath = '/complaints';
  readonly full = true;
  constructor(readonly client: ApiClient) {}

  /** Every category, following the cursor (a region has dozens, not thousands). */
  async services(signal: AbortSignal): Promise<Category[]> {
    const all: Category[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await this.client.get<S['ServicePage']>('/services', { query: { limit: 100, cursor }, signal });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async attributes(category: Category): Promise<ServiceAttribute[]> {
    return category.attributes ?? [];
  }

  filed(result: unknown): Filed {
    const { complaint, points } = result as ComplaintCreated;
    return {
      id: complaint.id,
      trackingNumber: complaint.trackingNumber,
      service: complaint.serviceCode,
      agency: complaint.agency.name,
      dueAt: complaint.dueAt,
      points,
    };
  }
}

export const fetchMe = (client: ApiClient, signal: AbortSignal) => client.get<Me>('/me', { signal });

export const fetchNearby = (client: ApiClient, serviceCode: string, at: GeoPoint, signal?: AbortSignal) =>
  client.get<S['NearbyComplaintPage']>('/complaints/nearby', { query: { serviceCode, lat: at.lat, long: at.long, limit: 5 }, signal });

export const supportComplaint = (client: ApiClient, id: string, idempotencyKey: string) =>
  client.post<ComplaintSupport>(`/complaints/${encodeURIComponent(id)}/supports`, undefined, { idempotencyKey });

export const uploadPhoto = (client: ApiClient, blob: Blob, idempotencyKey: string, onProgress: (f: number) => void) =>
  client.upload<Media>('/media', blob, { idempotencyKey, onProgress });
