/** The checkpointer thread (see checkpointer.ts): PASSIVE checkpoints on a timer, RESTART when the WAL is over its cap. */
import { parentPort, workerData } from 'node:worker_threads';
import { RESTART_WANTED, type CheckpointerSetup } from './checkpointer';
import { openDatabase, walCheckpoint } from './sqlite';
import { osThreadId } from './thread-id';

const setup = workerData as CheckpointerSetup;
const port = parentPort!;
const db = openDatabase(setup.dbFile, { autoCheckpoint: false });
const signal = new Int32Array(setup.signal);
const { intervalMs, fallbackMs } = setup.options;
// A WAL frame is a page plus its 24-byte header.
const pageSize = db.pragma('page_size', { simple: true }) as number;
const capFrames = Math.max(64, Math.floor(setup.options.walCapBytes / (pageSize + 24)));

// VECHE_WRITER_STATS=1 prints these when the thread stops (tuning aid).
const stats = { passive: 0, passiveMs: 0, maxPassiveMs: 0, maxFrames: 0, wanted: 0, own: 0, ownMs: 0, maxOwnMs: 0 };
let wantedSince = 0;
let lastCopied = 0;
let lastCheckpointed = 0;

function passive() {
  const t0 = performance.now();
  const r = walCheckpoint(db, 'PASSIVE');
  const ms = performance.now() - t0;
  // Frames copied by this call (the count restarts with the WAL).
  lastCopied = r.checkpointed >= lastCheckpointed ? r.checkpointed - lastCheckpointed : r.checkpointed;
  lastCheckpointed = r.checkpointed;
  stats.passive++;
  stats.passiveMs += ms;
  if (ms > stats.maxPassiveMs) stats.maxPassiveMs = ms;
  if (r.log > stats.maxFrames) stats.maxFrames = r.log;
  return r;
}
let timer: NodeJS.Timeout | null = null;

function tick(): void {
  timer = null;
  try {
    if (Atomics.load(signal, RESTART_WANTED) === 1) {
      // Waiting for the vote writer to run the RESTART between two batches; no PASSIVE meanwhile
      // (a running checkpoint would make the writer's RESTART fail at once).
      if (performance.now() - wantedSince < fallbackMs) return;
      const t0 = performance.now();
      const r = walCheckpoint(db, 'RESTART');
      const ms = performance.now() - t0;
      if (r.busy === 0) {
        Atomics.store(signal, RESTART_WANTED, 0);
        stats.own++;
        stats.ownMs += ms;
        if (ms > stats.maxOwnMs) stats.maxOwnMs = ms;
      }
      return;
    }
    let r = passive();
    if (r.log >= capFrames) {
      // Catch up first: each PASSIVE copies what arrived during the previous one, so the RESTART
      // the writer runs (and waits for) is left a few frames and two small fsyncs.
      for (let i = 0; i < 3 && lastCopied > 64; i++) r = passive();
      stats.wanted++;
      wantedSince = performance.now();
      Atomics.store(signal, RESTART_WANTED, 1);
    }
  } catch (e) {
    console.error('veche: checkpoint failed', e);
  } finally {
    if (db.open) timer = setTimeout(tick, intervalMs);
  }
}
timer = setTimeout(tick, intervalMs);

port.on('message', (msg: { type: string }) => {
  if (msg.type !== 'close') return;
  if (timer) clearTimeout(timer);
  if (process.env.VECHE_WRITER_STATS === '1') {
    console.log(`veche: checkpointer: ${stats.passive} passive (mean ${(stats.passiveMs / Math.max(1, stats.passive)).toFixed(2)} ms, max ${stats.maxPassiveMs.toFixed(1)}), WAL max ${stats.maxFrames} frames (cap ${capFrames}); ${stats.wanted} restarts due, ${Atomics.load(signal, 1)} run by the writer, ${stats.own} here (max ${stats.maxOwnMs.toFixed(1)} ms)`);
  }
  db.close();
  port.postMessage({ type: 'closed' });
  port.close();
});
port.postMessage({ type: 'ready', tid: osThreadId() });
