import { readStored } from './storage.js';

/**
 * Whether an outbox (outbox.ts) holds anything under `storageKey`, read without loading the
 * outbox: a widget whose sending part loads lazily loads it at once when an earlier visit left
 * something queued, so that it is sent on this page load.
 */
export function hasQueued(storageKey: string | undefined): boolean {
  const stored = storageKey ? readStored<unknown[]>(storageKey) : undefined;
  return Array.isArray(stored) && stored.length > 0;
}
