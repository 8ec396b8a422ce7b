/**
 * Idempotency-Key handling. A key is reserved as soon as the headers arrive (before the body is
 * read), so a retry sent while the first upload is still streaming sees it in flight (409). The
 * first completed response is stored with a hash of the request and replayed for 24 h; the same key
 * with a different request is 422. Server errors release the key so the client can retry.
 *
 * Two ways to hold a key while its request runs:
 * - most operations write a pending row at once and complete it after the operation commits;
 * - operations that "seal" (the vote) keep the reservation in the process's memory and write the
 *   finished response in the operation's own transaction, so the effect and its stored response
 *   commit together (one commit instead of three, and no window where a crash leaves a counted vote
 *   without its replayable response). If another process stored a response for the same key first,
 *   the insert conflicts, the operation is undone, and the stored response is replayed.
 */
import { createHash, hash } from 'node:crypto';
import type { IdempotencyRecord, Store } from './store/repository';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const STALE_PENDING_MS = 120_000;

export function requestHash(method: string, path: string, body: unknown): string {
  if (Buffer.isBuffer(body)) return createHash('sha256').update(method).update('\u0000').update(path).update('\u0000').update(body).digest('base64url');
  // The same digest as the streaming form above (UTF-8 of the parts in a row), in one call: no Hash object per vote.
  return hash('sha256', `${method}\u0000${path}\u0000${JSON.stringify(body ?? null)}`, 'base64url');
}

/** A pending reservation older than this belongs to a request that died with its process. */
export const isStalePending = (record: IdempotencyRecord, nowMs: number) => record.state === 'pending' && record.created_at < nowMs - STALE_PENDING_MS;

export class IdempotencyStore {
  constructor(private store: Store) {}
  reserve(scope: string, key: string, nowMs: number): Promise<IdempotencyRecord | null> {
    return Promise.resolve(this.store.idempotency.reserve(scope, key, nowMs, nowMs - STALE_PENDING_MS));
  }
  find(scope: string, key: string): Promise<IdempotencyRecord | null> {
    return Promise.resolve(this.store.idempotency.find(scope, key));
  }
  async complete(scope: string, key: string, hash: string, status: number, body: string, headers: Record<string, string>, nowMs: number): Promise<void> {
    await this.store.idempotency.complete(scope, key, hash, status, body, JSON.stringify(headers), nowMs);
  }
  async release(scope: string, key: string): Promise<void> { await this.store.idempotency.release(scope, key); }
  async purge(nowMs: number): Promise<number> { return this.store.idempotency.purge(nowMs - IDEMPOTENCY_TTL_MS); }
}
