/**
 * Idempotency-Key handling. A key is reserved as soon as the headers arrive (before the body is
 * read), so a retry sent while the first upload is still streaming sees it in flight (409). The
 * first completed response is stored with a hash of the request and replayed for 24 h; the same key
 * with a different request is 422. Server errors release the key so the client can retry.
 */
import { createHash } from 'node:crypto';
import type { IdempotencyRecord, Store } from './store/repository';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A pending reservation older than this belongs to a request that died with its process. */
const STALE_PENDING_MS = 120_000;

export function requestHash(method: string, path: string, body: unknown): string {
  const h = createHash('sha256').update(method).update('\u0000').update(path).update('\u0000');
  if (Buffer.isBuffer(body)) h.update(body);
  else h.update(JSON.stringify(body ?? null));
  return h.digest('base64url');
}

export class IdempotencyStore {
  constructor(private store: Store) {}
  reserve(scope: string, key: string, nowMs: number): Promise<IdempotencyRecord | null> {
    return Promise.resolve(this.store.idempotency.reserve(scope, key, nowMs, nowMs - STALE_PENDING_MS));
  }
  async complete(scope: string, key: string, hash: string, status: number, body: string, headers: Record<string, string>): Promise<void> {
    await this.store.idempotency.complete(scope, key, hash, status, body, JSON.stringify(headers));
  }
  async release(scope: string, key: string): Promise<void> { await this.store.idempotency.release(scope, key); }
  async purge(nowMs: number): Promise<number> { return this.store.idempotency.purge(nowMs - IDEMPOTENCY_TTL_MS); }
}
