/** The complaint status view's calls to the backend contract (`api/openapi.yaml`), through core's client. */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Complaint = S['Complaint'];
export type ComplaintPage = S['ComplaintPage'];
export type ComplaintStatus = S['ComplaintStatus'];
export type ComplaintConfirmation = S['ComplaintConfirmation'];
export type Media = S['Media'];

/** The longest comment the contract accepts (`ComplaintConfirmation.comment.maxLength`). */
export const COMMENT_LIMIT = 2000;
/** The most photos a dispute may carry (`ComplaintConfirmation.mediaIds.maxItems`). */
export const MAX_DISPUTE_PHOTOS = 5;
/** The largest photo `POST /media` accepts. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

const at = (id: string) => `/complaints/${encodeURIComponent(id)}`;

export const fetchComplaint = (client: ApiClient, id: string, signal: AbortSignal) => client.get<Complaint>(at(id), { signal });

export const fetchMine = (client: ApiClient, limit: number, cursor: string | undefined, signal?: AbortSignal) =>
  client.get<ComplaintPage>('/complaints', { query: { mine: true, limit, cursor }, ...(signal ? { signal } : {}) });

/** Where a confirmation is posted; the outbox sends it with its own idempotency key. */
export const confirmationPath = (id: string) => `${at(id)}/confirmation`;

/** Raw image bytes with their own content type; one key per photo, so a retry never stores it twice. */
export const uploadPhoto = (client: ApiClient, file: File, idempotencyKey: string, onProgress: (fraction: number) => void) =>
  client.upload<Media>('/media', file, { idempotencyKey, onProgress, headers: { 'Content-Type': file.type } });

/** Statuses whose deadline still runs. */
export const OPEN = new Set<ComplaintStatus>(['submitted', 'in_progress', 'disputed']);

/** The author may still confirm or dispute the agency's fix. */
export const confirmable = (c: Complaint, now = Date.now()): boolean =>
  c.mine && c.status === 'resolved' && !!c.confirmableUntil && Date.parse(c.confirmableUntil) > now;

/** Where answers wait for the connection (shared by every status view of one backend). */
export const outboxKey = (api: string | undefined) => (api ? `outbox:complaint-confirmation:${api}` : undefined);
