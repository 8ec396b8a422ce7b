/**
 * What the API client needs only once a request failed: the problem document read (its message,
 * per-field errors and `Retry-After`), and the retries with their backoff and `Retry-After` waits.
 * Part of core's failure handling (failure.ts), which a request asks for when it starts, so that a
 * first render which succeeds never pays for it.
 */
import type { ApiClientOptions, RawResponse, RequestOptions } from './api-client.js';
import { DEFAULT_BACKOFF, fullJitterDelay, realClock } from './backoff.js';
import { ApiError, type FieldError, type Problem } from './problem.js';

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Tries `attempt` again after `error` while the policy allows and the failure may pass (no
 * connection, 408, 429, 5xx), waiting a full-jitter backoff or the `Retry-After` the server
 * asked for — unless that is longer than the client waits by itself: then the error surfaces.
 */
export async function retry<T>(
  error: ApiError,
  attempt: () => Promise<T>,
  client: ApiClientOptions,
  options: RequestOptions,
): Promise<T> {
  const policy = { ...(client.backoff ?? DEFAULT_BACKOFF), ...options.backoff };
  const clock = client.clock ?? realClock;
  const maxWait = client.maxRetryAfterMs ?? 30_000;
  for (let done = 0; ; done++) {
    if (done >= policy.retries) throw error;
    // 409 idempotency-in-flight: an earlier attempt with this key (one whose answer was lost) is
    // still being handled; the next one, after its Retry-After, gets that attempt's answer.
    const inFlight = error.status === 409 && error.slug === 'idempotency-in-flight';
    const retryStatus = error.kind === 'network' || (error.status !== undefined && RETRYABLE_STATUS.has(error.status)) || inFlight;
    if (!retryStatus) throw error;
    let delay = fullJitterDelay(done, policy, clock.random);
    if (error.retryAfterMs !== undefined) {
      if (error.retryAfterMs > maxWait) throw error;
      delay = Math.max(delay, error.retryAfterMs);
    }
    try {
      await clock.sleep(delay, options.signal);
    } catch {
      throw new ApiError('aborted', 'The request was cancelled.');
    }
    try {
      return await attempt();
    } catch (next) {
      if (!(next instanceof ApiError)) throw next;
      error = next;
    }
  }
}

/** What a response that is not a success says: its problem document, its message, when to come back. */
export function readProblem(raw: RawResponse): { problem: Problem; message: string; retryAfterMs: number | undefined } {
  const problem = parseProblem(raw.status, raw.contentType, raw.text);
  return {
    problem,
    message: problem.detail ?? problem.title ?? `HTTP ${raw.status}`,
    retryAfterMs: raw.status === 429 || raw.status === 503 || raw.status === 409 ? parseRetryAfter(raw.retryAfter) : undefined,
  };
}

/**
 * Reads a problem document, tolerating a backend that sends plain JSON or nothing, or a JSON
 * object under another content type (a proxy that rewrote it): read as text, its slug and field
 * errors were lost (an `already-voted` shown as raw JSON).
 */
export function parseProblem(status: number, contentType: string | null, text: string): Problem {
  if (text && (/json/i.test(contentType ?? '') || /^\s*\{/.test(text))) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { status, ...(parsed as Problem) };
    } catch {
      // A broken body from a proxy: fall through to a problem built from the status.
    }
  }
  return { status, title: text && text.length < 200 && !/</.test(text) ? text : `HTTP ${status}` };
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function pointerToField(pointer: string): string {
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** The problem's `errors` as per-field messages (`ApiError.fieldErrors`). */
export function fieldErrorsOf(problem: Problem | undefined): FieldError[] {
  if (!Array.isArray(problem?.errors)) return [];
  return problem.errors
    .filter((e) => e && typeof e === 'object')
    .map((e) => ({
      field: typeof e.pointer === 'string' ? pointerToField(e.pointer) : '',
      message: typeof e.detail === 'string' ? e.detail : '',
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
    }));
}
