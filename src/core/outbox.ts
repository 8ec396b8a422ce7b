/**
 * The outbox: submissions that must reach the server exactly once, whatever the network does.
 *
 * An item is written to storage before the first attempt and removed only when the server
 * answered for good. It keeps its own idempotency key, so every retry — after a 5xx, on
 * `online`, on the next page load, from another tab — is the same request to the server,
 * which replays its first answer instead of acting twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from './api-client.js';
import { fullJitterDelay, realClock, type BackoffPolicy, type Clock } from './backoff.js';
import { newIdempotencyKey } from './ids.js';
import { ApiError } from './problem.js';
import { signedInCitizen } from './session.js';
import { readStored, writeStored } from './storage.js';

export interface OutboxItem<B, N = unknown> {
  /** The idempotency key, also the item's identity. */
  key: string;
  path: string;
  body: B;
  createdAt: number;
  attempts: number;
  lastError?: string;
  /** Who queued it (see `citizenOf`); another citizen signing in on this browser never sends it. */
  owner?: string;
  /** Queued before the session answered: its owner is whoever the session names on the first pass. */
  claim?: true;
  /**
   * What the widget keeps about the submission beyond its request, persisted with it (e.g. what
   * a queued redemption costs: the request names only the reward).
   */
  note?: N;
}

/** `waiting`: queued, and will be sent again (offline, 5xx, or 401 until the citizen signs in). */
export type OutboxStatus = 'idle' | 'sending' | 'waiting';

export interface OutboxOptions<B, R, N = unknown> {
  /** Where the queue is kept, e.g. `outbox:complaints:https://region.example/api`. */
  storageKey: () => string | undefined;
  client: () => ApiClient | undefined;
  /** The server confirmed; the item is gone from the queue. */
  onSent: (result: R, item: OutboxItem<B, N>) => void;
  /** The server refused for good (4xx other than 401); the item is gone: show the error. */
  onRejected: (error: ApiError, item: OutboxItem<B, N>) => void;
  /** 401: the item stays queued and is sent again after sign-in (`retryNow()`) or on the next load. */
  onAuthRequired?: (item: OutboxItem<B, N>) => void;
  /**
   * Who is signed in on `client` (`undefined`: nobody). Items remember who queued them and are
   * only sent (and listed in `items`) while that citizen is signed in: on a shared library PC
   * the next resident's token must not spend one resident's points, nor file her complaint with
   * her name and phone under his account. By default the backend's session (`/session`, asked
   * once per page and backend); a backend without citizens' sessions (Open311) answers
   * `undefined`, and then whatever is queued is sent as before.
   */
  citizenOf?: (client: ApiClient) => Promise<string | undefined>;
  /** Waits between automatic retries; tests pass a fake clock. */
  backoff?: BackoffPolicy;
  clock?: Clock;
}

const OUTBOX_BACKOFF: BackoffPolicy = { retries: Infinity, baseMs: 2000, capMs: 60_000 };

function isTransient(error: ApiError): boolean {
  // A retry that overlapped the first attempt: the first one is still being processed.
  const inFlight = error.kind === 'conflict' && error.slug === 'idempotency-in-flight';
  return error.transient || inFlight;
}

export class OutboxController<B, R, N = unknown> implements ReactiveController {
  private queue: OutboxItem<B, N>[] = [];
  private loadedFrom?: string;
  /** The storage key whose queue was resumed (sent on load); reading `items` earlier does not count. */
  private resumedFrom?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;
  private _status: OutboxStatus = 'idle';
  private _nextAttemptAt?: number;
  private readonly onOnline = () => this.retryNow();
  /** The pass over the queue that is running (it may be waiting for the session before it sends). */
  private pass?: Promise<void>;
  /** Who the session of `client` says is signed in (`undefined`: signed out), once it answered. */
  private session?: { client: ApiClient; citizen: string | undefined };
  /** The client whose session was asked for last (a pass asks again when it did not answer). */
  private asked?: ApiClient;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: OutboxOptions<B, R, N>,
  ) {
    host.addController(this);
  }

  /** What is queued for the current citizen. */
  get items(): readonly OutboxItem<B, N>[] {
    this.load();
    return this.queue.filter((item) => this.mine(item));
  }

  /**
   * An item queued while signed out (a 401 asked for sign-in) is whoever signs in next; one
   * with an owner is hers alone, and nobody's while the session is not known yet.
   */
  private mine(item: OutboxItem<B, N>): boolean {
    return item.owner === undefined || item.owner === this.citizen();
  }

  private citizen(): string | undefined {
    return this.citizenKnown() ? this.session!.citizen : undefined;
  }

  private citizenKnown(): boolean {
    return this.session !== undefined && this.session.client === this.options.client();
  }

  /** Items queued before the session answered become their citizen's once it has. */
  private claimItems(): void {
    if (!this.citizenKnown() || !this.queue.some((item) => item.claim)) return;
    const owner = this.citizen();
    for (const item of this.queue) {
      if (!item.claim) continue;
      delete item.claim;
      if (owner) item.owner = owner;
    }
    this.persist();
  }

  /**
   * Learns who is signed in on `client` (one shared request per page and backend; the widgets
   * that send ask it anyway). Unanswered (offline), items with an owner wait for the next pass.
   */
  private async learnCitizen(client: ApiClient): Promise<void> {
    if (this.session?.client === client) return;
    this.asked = client;
    try {
      const citizen = await (this.options.citizenOf ?? signedInCitizen)(client);
      this.session = { client, citizen };
      this.host.requestUpdate();
      // A citizen signing in finds what she queued earlier sent (within a pass, this is that pass).
      if (this.items.length) void this.pump();
    } catch {
      // Left unknown: asked again on the next pass.
    }
  }

  get status(): OutboxStatus {
    return this._status;
  }

  get nextAttemptAt(): number | undefined {
    return this._nextAttemptAt;
  }

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.onOnline);
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }

  hostUpdated(): void {
    // On the next page load, what was queued goes out as soon as the backend is known.
    const key = this.options.storageKey();
    const client = this.options.client();
    if (key && key !== this.resumedFrom && client) {
      this.resumedFrom = key;
      this.load();
      // After this update has finished: sending changes the status, which renders again. The
      // whole queue, not `items`: whose items are whose is known only once the session answers.
      if (this.queue.length) queueMicrotask(() => void this.pump());
    }
    // Known before the citizen sends anything, so that what she queues is marked hers; asked
    // again when the backend or the token getter changes (a sign-in, a sign-out).
    if (client && client !== this.asked) void this.learnCitizen(client);
  }

  /** Queues a submission (persisted first, with its `note`), then sends it. Resolves when this attempt ends. */
  async send(path: string, body: B, options: { key?: string; note?: N } = {}): Promise<void> {
    this.load();
    const key = options.key ?? newIdempotencyKey();
    if (!this.queue.some((item) => item.key === key)) {
      const owner = this.citizen();
      const whose = owner ? { owner } : this.citizenKnown() ? {} : { claim: true as const };
      const note = options.note;
      this.queue = [...this.queue, { key, path, body, createdAt: Date.now(), attempts: 0, ...whose, ...(note === undefined ? {} : { note }) }];
      this.persist();
    }
    await this.pump();
  }

  /** Sends what is queued now (a "send now" button, after sign-in, or when back online). */
  retryNow(): void {
    clearTimeout(this.timer);
    this._nextAttemptAt = undefined;
    void this.pump();
  }

  private load(): void {
    const key = this.options.storageKey();
    if (!key || key === this.loadedFrom) return;
    this.loadedFrom = key;
    const stored = readStored<OutboxItem<B, N>[]>(key);
    this.queue = Array.isArray(stored) ? stored.filter((item) => item && typeof item.key === 'string') : [];
  }

  private persist(): void {
    const key = this.options.storageKey();
    if (key) writeStored(key, this.queue);
  }

  private setStatus(status: OutboxStatus): void {
    this._status = status;
    this.host.requestUpdate();
  }

  /** One pass at a time; a send during a pass waits for it (the pass takes the new item in turn). */
  private pump(): Promise<void> {
    // An element taken off the page (a reload in a single-page portal, a closed dialog) leaves its
    // queue to the element that replaces it: two senders would race for the same items.
    if (!this.connected) return Promise.resolve();
    if (this.pass) return this.pass;
    const client = this.options.client();
    if (!client) return Promise.resolve();
    const pass = (async () => {
      await this.learnCitizen(client);
      // Taken off the page while the session answered: the queue is the successor's to write.
      if (!this.connected) return;
      this.claimItems();
      await this.sendQueued(client);
    })();
    this.pass = pass;
    return pass.finally(() => {
      this.pass = undefined;
      // Queued between the pass's last look at the queue and its end.
      if (this._status === 'idle' && this.items.length) void this.pump();
    });
  }

  /** Sends the current citizen's items in order, until one has to wait. */
  private async sendQueued(client: ApiClient): Promise<void> {
    for (let item = this.items[0]; item && this.connected; item = this.items[0]) {
      this.setStatus('sending');
      try {
        const result = await client.post<R>(item.path, item.body, { idempotencyKey: item.key, backoff: { retries: 0 } });
        this.remove(item);
        this.options.onSent(result, item);
      } catch (caught) {
        const error = caught instanceof ApiError ? caught : new ApiError('network', String(caught));
        if (error.kind === 'auth') {
          this.setStatus('waiting');
          this.options.onAuthRequired?.(item);
          return;
        }
        if (isTransient(error)) {
          item.attempts += 1;
          item.lastError = error.message;
          this.persist();
          this.schedule(item, error);
          return;
        }
        this.remove(item);
        this.options.onRejected(error, item);
      }
    }
    this.setStatus('idle');
  }

  private remove(item: OutboxItem<B, N>): void {
    this.queue = this.queue.filter((queued) => queued.key !== item.key);
    this.persist();
  }

  private schedule(item: OutboxItem<B, N>, error: ApiError): void {
    const clock = this.options.clock ?? realClock;
    const policy = this.options.backoff ?? OUTBOX_BACKOFF;
    const delay = Math.max(fullJitterDelay(item.attempts - 1, policy, clock.random), error.retryAfterMs ?? 0);
    this._nextAttemptAt = Date.now() + delay;
    this.setStatus('waiting');
    clearTimeout(this.timer);
    if (!this.connected) return;
    this.timer = setTimeout(() => {
      this._nextAttemptAt = undefined;
      void this.pump();
    }, delay);
  }
}
