/**
 * The one place in the kit that talks to the network. Widgets call `client.get()` /
 * `client.post()` / `client.upload()`; they never call `fetch` themselves.
 *
 * - Base URL from configuration; JSON in and out; RFC 9457 problems become `ApiError`s.
 * - Retries with full-jitter exponential backoff — only for GETs and for POSTs that carry an
 *   `Idempotency-Key` (the server replays the first response, so a retry cannot act twice).
 * - Honours `Retry-After` on 429 and 503.
 * - Identical GETs in flight share one request.
 * - Auth: a bearer token from `getToken()`, or the backend's cookie session when there is none.
 *
 * What only a failed request needs — reading the problem document, the backoff and `Retry-After`
 * waits (api-failure.ts) — loads with core's failure handling when a request starts, so it is
 * here by the time one fails, and is never part of an entry. Should it fail to load, an error
 * still comes out, typed from the status alone, and nothing is retried: the widget shows its
 * error with a retry button.
 */
import type { BackoffPolicy, Clock } from './backoff.js';
import type { TokenGetter } from './config.js';
import { loadFailureHandling, preloadFailureHandling } from './failure-handling.js';
import { ApiError, kindForStatus } from './problem.js';

export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>;

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Makes a POST safe to retry; keep the same key for every retry of one attempt. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Overrides the client's retry policy for this request (`{ retries: 0 }` to fail fast). */
  backoff?: Partial<BackoffPolicy>;
}

export interface UploadOptions extends RequestOptions {
  /** Called with 0…1 as the body is sent. */
  onProgress?: (fraction: number) => void;
}

export interface ApiClientOptions {
  baseUrl: string;
  getToken?: TokenGetter;
  backoff?: BackoffPolicy;
  clock?: Clock;
  /** Longest `Retry-After` the client waits for by itself; longer ones surface to the widget. */
  maxRetryAfterMs?: number;
  /**
   * How long one attempt may take to be answered whole (default 30 s; uploads with progress are
   * not bounded). A backend or proxy that never answers is then a network failure, retried like
   * one, instead of a skeleton or a "sending…" for good.
   */
  attemptTimeoutMs?: number;
}

export interface RawResponse {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  text: string;
}

interface SharedGet {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

const cancelled = () => new ApiError('aborted', 'The request was cancelled.');

export class ApiClient {
  readonly baseUrl: string;
  private readonly inFlight = new Map<string, SharedGet>();

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  url(path: string, query?: Query): string {
    const url = new URL(this.baseUrl + (path.startsWith('/') ? path : `/${path}`), document.baseURI);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, String(v)));
      else url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  /** GETs with identical URLs share one request while it is in flight. */
  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    let shared = this.inFlight.get(url);
    // A shared request every caller abandoned is being cancelled: a new caller starts afresh.
    if (!shared || shared.controller.signal.aborted) {
      const controller = new AbortController();
      const promise = this.withRetries<T>('GET', url, undefined, { ...options, signal: controller.signal }, true);
      shared = { promise, controller, waiting: 0 };
      const entry = shared;
      this.inFlight.set(url, entry);
      const forget = () => {
        if (this.inFlight.get(url) === entry) this.inFlight.delete(url);
      };
      promise.then(forget, forget);
    }
    return this.follow(shared, options.signal) as Promise<T>;
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    return this.withRetries<T>('POST', url, body, options, !!options.idempotencyKey);
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.withRetries<T>('DELETE', this.url(path, options.query), undefined, options, !!options.idempotencyKey);
  }

  /**
   * Sends a file with upload progress. `fetch` cannot report upload progress, so this one
   * path uses XMLHttpRequest (loaded on first use) behind the same retry, auth and errors.
   */
  upload<T>(path: string, body: Blob | FormData, options: UploadOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    return this.withRetries<T>('POST', url, body, options, !!options.idempotencyKey);
  }

  /** Joins a shared GET; aborting one caller only cancels the network request when nobody waits. */
  private follow(shared: SharedGet, signal?: AbortSignal): Promise<unknown> {
    shared.waiting++;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        shared.waiting--;
      };
      const onAbort = () => {
        leave();
        if (shared.waiting === 0) shared.controller.abort(signal!.reason);
        reject(cancelled());
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  private async withRetries<T>(
    method: string,
    url: string,
    body: unknown,
    options: RequestOptions & UploadOptions,
    retryable: boolean,
  ): Promise<T> {
    const attempt = () => this.once<T>(method, url, body, options);
    // Loaded while the request is out, once the page is idle; a failure asks for it at once.
    preloadFailureHandling();
    try {
      return await attempt();
    } catch (error) {
      // A cancelled request is nobody's failure: nothing to describe or retry.
      if (error instanceof ApiError && error.kind === 'aborted') throw error;
      // No error leaves before the failure handling settled: the widget can then describe it.
      const failure = await loadFailureHandling();
      if (!retryable || !failure || !(error instanceof ApiError)) throw error;
      return failure.retry(error, attempt, this.options, options);
    }
  }

  /** `json`: the body goes as JSON (anything but nothing, a file, a form or URL parameters). */
  private headers(options: RequestOptions, json: boolean, token: string | null | undefined): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (json) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    if (token) headers['Authorization'] = `Bearer ${token}`;
    return headers;
  }

  private async once<T>(method: string, url: string, body: unknown, options: RequestOptions & UploadOptions): Promise<T> {
    if (options.signal?.aborted) throw cancelled();
    // Awaited only when the getter is asynchronous: otherwise the request leaves at once, while
    // the widget renders its first frame, rather than after it.
    const pending = this.options.getToken?.();
    const token = typeof pending === 'object' && pending !== null ? await pending : pending;
    const json = !(body === undefined || body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams);
    const headers = this.headers(options, json, token);
    const payload = json ? JSON.stringify(body) : (body as BodyInit | undefined);
    let raw: RawResponse;
    try {
      raw = options.onProgress
        ? await (await import('./upload.js')).sendWithProgress(method, url, headers, payload, !token, options.onProgress, options.signal)
        : await sendWithFetch(method, url, headers, payload, !token, options.signal, this.options.attemptTimeoutMs ?? 30_000);
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      throw new ApiError('network', error instanceof Error ? error.message : 'Network error');
    }
    if (raw.status >= 200 && raw.status < 300) {
      if (!raw.text) return undefined as T;
      try {
        return JSON.parse(raw.text) as T;
      } catch {
        throw new ApiError('server', 'The backend sent a response that is not JSON.', raw.status);
      }
    }
    const problem = (await loadFailureHandling())?.readProblem(raw);
    throw new ApiError(kindForStatus(raw.status), problem?.message ?? `HTTP ${raw.status}`, raw.status, problem?.problem, problem?.retryAfterMs);
  }
}

async function sendWithFetch(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  withCookies: boolean,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<RawResponse> {
  // The caller's signal, or the attempt's time running out (AbortSignal.any is too new for old phones).
  const attempt = new AbortController();
  const abort = () => attempt.abort();
  const timer = setTimeout(abort, timeoutMs);
  signal?.addEventListener('abort', abort);
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body ?? null,
      // Without a token the backend's same-site cookie session identifies the citizen.
      credentials: withCookies ? 'include' : 'omit',
      signal: attempt.signal,
    });
    return {
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      retryAfter: response.headers.get('Retry-After'),
      text: response.status === 204 ? '' : await response.text(),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

const clients = new Map<string, WeakMap<object, ApiClient>>();
const NO_TOKEN = {};

/**
 * One client per backend and token getter, shared by every widget on the page, so two
 * widgets asking for the same thing at once cause one request.
 */
export function apiClientFor(baseUrl: string, getToken?: TokenGetter): ApiClient {
  let byGetter = clients.get(baseUrl);
  if (!byGetter) clients.set(baseUrl, (byGetter = new WeakMap()));
  const key = getToken ?? NO_TOKEN;
  let client = byGetter.get(key);
  if (!client) byGetter.set(key, (client = new ApiClient({ baseUrl, ...(getToken ? { getToken } : {}) })));
  return client;
}
