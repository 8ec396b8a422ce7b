/**
 * Where votes are written: on the HTTP thread (`inline`) or on a dedicated writer thread (`thread`).
 *
 *   VECHE_WRITER=thread   a worker thread owns a second SQLite connection and, for batches of votes,
 *                         looks up each vote's Idempotency-Key and runs castVote (one commit per
 *                         batch); HTTP, auth and request validation stay on the main thread. Each
 *                         gets a core.
 *   VECHE_WRITER=inline   every write on the HTTP thread's connection (group commit per event-loop
 *                         turn), one thread in all.
 *   VECHE_WRITER=auto     (default) `thread` when the machine has at least 2 CPUs, else `inline`.
 *
 * Batching is adaptive and double-buffered: up to two batches are with the writer at a time, so
 * while it commits one, the next is already waiting in its queue and the thread never idles on a
 * round trip to the HTTP thread (with one batch at a time the two threads took turns and each sat
 * half idle). Votes that arrive meanwhile wait for the next batch, so batches grow with the load
 * and a commit is shared by more votes, while a lone vote is sent at once. A batch crosses the
 * thread boundary as one JSON string each way (cheaper than structured-cloning every object).
 *
 * Guarantees are those of the inline path: the vote, its tallies, its ledger award and its stored
 * Idempotency-Key response commit together in the vote's savepoint; the unique (poll, citizen)
 * constraint decides who voted; a vote's response leaves only after its batch committed. Other
 * writes (complaints, spends, …) stay on the main connection; SQLite's write lock (busy_timeout)
 * orders them against the writer's batches. If the writer thread dies, pending votes fail with 500
 * (their keys are freed) and later votes are written inline.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DomainOptions, Identity } from '../domain/context';

export type WriterMode = 'inline' | 'thread';
export const writerMode = (value: string | undefined): WriterMode => {
  const v = (value ?? 'auto').trim().toLowerCase();
  if (v === 'inline' || v === '0' || v === 'off') return 'inline';
  if (v === 'thread' || v === '1' || v === 'on') return 'thread';
  return availableParallelism() >= 2 ? 'thread' : 'inline';
};

export interface WriterSetup {
  dbFile: string; domain: DomainOptions; validateResponses: boolean;
  /** With a checkpointer thread (store/checkpointer.ts): its shared flags; the writer then makes no automatic checkpoints and runs a due RESTART between batches. */
  checkpointSignal: SharedArrayBuffer | null;
}
export interface VoteJob {
  params: Record<string, string>; body: unknown; identity: Identity; nowMs: number; instance: string;
  /** The request hash stored with the key is computed by the writer (from the method, `instance` and `body`): one SHA-256 less on the HTTP thread. */
  idem: { scope: string; key: string; nowMs: number } | null;
  method: string;
}
export type VoteJobResult =
  | { kind: 'done'; stored: boolean; status: number; text: string; headers: Record<string, string> }
  /** the key already has a stored response (to replay, or 422 for another request) */
  | { kind: 'stored'; hash: string | null; status: number | null; body: string | null; headers: string | null }
  /** the key is held by a live pending reservation (another process's request) */
  | { kind: 'in-flight' }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };
/**
 * `jobs` is a JSON array of VoteJob; `results` a JSON array of VoteJobResult whose response texts
 * (`text` of a 'done') travel apart in `texts`, as plain strings: inside the JSON each ~1 KB text
 * would be escaped by the writer and unescaped again by the HTTP thread.
 */
export type WriterRequest = { type: 'batch'; id: number; jobs: string } | { type: 'close' }
  /** the checkpointer thread stopped: automatic checkpoints on the writer's connection again */
  | { type: 'auto-checkpoint' };
export type WriterResponse = { type: 'ready'; tid: number | null } | { type: 'closed' } | { type: 'done'; id: number; results: string; texts: string[] };

/** Batches with the writer at once: one being committed, one waiting (see above). */
const MAX_IN_FLIGHT = 2;

interface Pending { job: VoteJob; resolve: (r: VoteJobResult) => void; reject: (e: unknown) => void }

export class VoteWriter {
  private worker: Worker;
  private queue: Pending[] = [];
  /** Batches posted to the thread and not yet answered, oldest first (answers come in order). */
  private inFlight: { id: number; batch: Pending[] }[] = [];
  private batchId = 0;
  private scheduled = false;
  private dead: Error | null = null;
  private ready: Promise<void>;
  private closed: Promise<void> | null = null;
  /** OS thread id of the writer thread (Linux), known once started. */
  tid: number | null = null;

  constructor(setup: WriterSetup) {
    this.worker = new Worker(new URL('./vote-writer-thread.mjs', import.meta.url), { workerData: setup });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (m: WriterResponse) => {
        if (m.type !== 'ready') { reject(new Error(`vote writer: unexpected ${m.type}`)); return; }
        this.tid = m.tid;
        resolve();
      });
      this.worker.once('error', reject);
    });
    this.worker.on('message', (m: WriterResponse) => { if (m.type === 'done') this.settle(m.id, m.results, m.texts); });
    const fail = (e: Error) => {
      if (this.dead) return;
      this.dead = e;
      if (this.closed === null) console.error('veche: vote writer thread stopped; votes are written inline from now on', e);
      for (const p of [...this.inFlight.flatMap((b) => b.batch), ...this.queue]) p.reject(e);
      this.inFlight = [];
      this.queue = [];
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`vote writer exited (${code})`)));
  }

  /** Resolves once the thread has opened the database; rejects if it could not start. */
  start(): Promise<void> { return this.ready; }
  get alive(): boolean { return this.dead === null && this.closed === null; }

  cast(job: VoteJob): Promise<VoteJobResult> {
    if (!this.alive) return Promise.reject(this.dead ?? new Error('vote writer closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (this.inFlight.length < MAX_IN_FLIGHT && !this.scheduled) {
        // Everything parsed in this event-loop turn goes in one batch.
        this.scheduled = true;
        setImmediate(() => { this.scheduled = false; this.send(); });
      }
    });
  }

  private send(): void {
    if (this.inFlight.length >= MAX_IN_FLIGHT || this.queue.length === 0 || this.dead) return;
    const batch = this.queue;
    this.queue = [];
    const id = ++this.batchId;
    this.inFlight.push({ id, batch });
    this.worker.postMessage({ type: 'batch', id, jobs: JSON.stringify(batch.map((p) => p.job)) } satisfies WriterRequest);
  }

  private settle(id: number, json: string, texts: string[]): void {
    if (this.inFlight[0]?.id !== id) return;
    const { batch } = this.inFlight.shift()!;
    const results = JSON.parse(json) as VoteJobResult[];
    for (let i = 0; i < results.length; i++) { const r = results[i]!; if (r.kind === 'done') r.text = texts[i]!; }
    // The next batch leaves before this one's responses are written to sockets (a no-op when it
    // is already with the writer).
    this.send();
    for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i]!);
  }

  /** The checkpointer thread stopped: the writer's own commits checkpoint again (SQLite's default). */
  autoCheckpoint(): void { if (this.alive) this.worker.postMessage({ type: 'auto-checkpoint' } satisfies WriterRequest); }

  /** Stops the thread at once, as a crash would (tests use it to check the fall-back to inline writes). */
  async terminate(): Promise<void> { await this.worker.terminate(); }

  /** Waits for queued votes, then closes the thread's connection and stops it. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closed = (async () => {
      while (!this.dead && (this.inFlight.length > 0 || this.queue.length > 0)) await new Promise((r) => setTimeout(r, 5));
      if (this.dead) return;
      const done = new Promise<void>((resolve) => {
        this.worker.on('message', (m: WriterResponse) => { if (m.type === 'closed') resolve(); });
        this.worker.once('exit', () => resolve());
      });
      this.worker.postMessage({ type: 'close' } satisfies WriterRequest);
      await done;
      await this.worker.terminate();
    })();
    return this.closed;
  }
}
