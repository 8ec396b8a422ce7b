/**
 * WAL checkpoints off the vote writer's commits (VECHE_WRITER=thread).
 *
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1000 pages: that
 * commit then copies the WAL into the database and fsyncs both, and the batch of votes waiting on it
 * stalls for tens of milliseconds (the p99 of the vote benchmark). With a writer thread, automatic
 * checkpoints are switched off on every connection and this thread does them instead, on its own
 * connection:
 *
 * - every `intervalMs` a PASSIVE checkpoint copies what the WAL holds into the database while the
 *   writer keeps writing (it never blocks anyone). Alone it cannot bound the WAL: the WAL is
 *   restarted from its beginning only once everything in it has been copied, and under sustained
 *   writes a new commit always lands before a PASSIVE checkpoint catches up.
 * - once the WAL holds `capFrames` pages, the next RESTART checkpoint is asked of the vote writer
 *   (a flag in shared memory it reads before each batch): between two batches it holds no lock, so
 *   the RESTART takes the write lock at once, copies the little the last PASSIVE left, and the
 *   writer's next commit starts the WAL over. No busy-wait sleeps on either side.
 * - if the writer does not take the request within `fallbackMs` (no votes coming, or the writer
 *   thread is gone), this thread runs the RESTART itself, waiting for the write lock like any writer.
 *
 * The WAL file therefore stays near `capFrames` pages (plus what is written in one interval).
 */
import { Worker } from 'node:worker_threads';

export interface CheckpointOptions {
  /** WAL size (bytes) from which a RESTART checkpoint is due. */
  walCapBytes: number;
  /**
   * Period of the PASSIVE checkpoints. A checkpoint copies only the newest version of each page,
   * so a longer period copies the pages every batch rewrites (table tails, counters, index right
   * edges) fewer times: 200 ms took about half the checkpointer CPU per vote of 50 ms. The WAL's
   * bound is `walCapBytes` either way (the RESTART is preceded by catch-up PASSIVEs).
   */
  intervalMs: number;
  /** How long a due RESTART waits for the vote writer before this thread runs it itself. */
  fallbackMs: number;
}
export const defaultCheckpointOptions: CheckpointOptions = { walCapBytes: 64 * 2 ** 20, intervalMs: 200, fallbackMs: 250 };

export interface CheckpointerSetup { dbFile: string; options: CheckpointOptions; signal: SharedArrayBuffer }

/** Slots of the shared Int32Array: RESTART wanted (0/1), RESTARTs run by the writer. */
export const RESTART_WANTED = 0;
export const RESTARTS_BY_WRITER = 1;
export const newCheckpointSignal = () => new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);

/**
 * Runs the RESTART checkpoint if the checkpointer asked for one (called by the vote writer between
 * batches, outside any transaction). Returns the time it took in ms, or -1 if none was due.
 */
export function restartIfWanted(signal: Int32Array, checkpoint: () => { busy: number }): number {
  if (Atomics.load(signal, RESTART_WANTED) === 0) return -1;
  const t0 = performance.now();
  const { busy } = checkpoint();
  // busy: a reader still used the WAL (or another connection held the write lock); try after the next batch.
  if (busy === 0) {
    Atomics.store(signal, RESTART_WANTED, 0);
    Atomics.add(signal, RESTARTS_BY_WRITER, 1);
  }
  return performance.now() - t0;
}

export type CheckpointerMessage = { type: 'ready'; tid: number | null } | { type: 'closed' };

export class Checkpointer {
  private worker: Worker;
  private ready: Promise<void>;
  private stopped = false;
  /** OS thread id of the checkpointer thread (Linux), known once started. */
  tid: number | null = null;
  readonly signal: SharedArrayBuffer;

  constructor(dbFile: string, options: CheckpointOptions, onDeath: (e: Error) => void) {
    this.signal = newCheckpointSignal();
    this.worker = new Worker(new URL('./checkpointer-thread.mjs', import.meta.url), { workerData: { dbFile, options, signal: this.signal } satisfies CheckpointerSetup });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (m: CheckpointerMessage) => {
        if (m.type !== 'ready') { reject(new Error(`checkpointer: unexpected ${m.type}`)); return; }
        this.tid = m.tid;
        resolve();
      });
      this.worker.once('error', reject);
    });
    let dead = false;
    const die = (e: Error) => {
      if (dead || this.stopped) return;
      dead = true;
      onDeath(e);
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`checkpointer exited (${code})`)));
  }

  start(): Promise<void> { return this.ready; }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const done = new Promise<void>((resolve) => {
      this.worker.on('message', (m: CheckpointerMessage) => { if (m.type === 'closed') resolve(); });
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ type: 'close' });
    await done;
    await this.worker.terminate();
  }
}
