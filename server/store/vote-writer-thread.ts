/**
 * The vote writer thread (VECHE_WRITER=thread, see vote-writer.ts). It owns its own SQLite
 * connection to the same file and runs `castVote` for batches of votes posted by the HTTP thread:
 * every vote of a batch in its own savepoint, one IMMEDIATE transaction and one commit per batch.
 * Each vote's Idempotency-Key is looked up here first (a stored response is handed back for replay,
 * so the HTTP thread does no SQLite read per vote); then the vote's response is rendered, checked
 * against the contract's response schema and stored under its key in the vote's own savepoint —
 * exactly as the inline path does. Business refusals (409 already voted, 422 …) are stored for
 * replay before the batch is answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IdempotencyConflict, type DomainOptions, type OperationContext, type OperationResult } from '../domain/context';
import { pollOperations } from '../domain/polls';
import { isStalePending, requestHash } from '../idempotency';
import { loadVecheContract, toFieldErrors } from '../openapi';
import { Problem } from '../problems';
import { restartIfWanted } from './checkpointer';
import { createSqliteStore, walCheckpoint } from './sqlite';
import { osThreadId } from './thread-id';
import type { IdempotencyRecord, Store } from './repository';
import type { VoteJob, VoteJobResult, WriterRequest, WriterResponse, WriterSetup } from './vote-writer';

const setup = workerData as WriterSetup;
const port = parentPort!;
const store = createSqliteStore(setup.dbFile, { autoCheckpoint: setup.checkpointSignal === null });
const checkpointSignal = setup.checkpointSignal ? new Int32Array(setup.checkpointSignal) : null;
const domain: DomainOptions = setup.domain;
// A poll's definition does not change while a batch is written (castVote takes the participant
// count from its own UPDATE, not from this row): one read of each poll's row per batch, not per vote.
const pollRows = new Map<string, ReturnType<Store['polls']['get']>>();
const polls: Store['polls'] = {
  ...store.polls,
  get: (id) => {
    let row = pollRows.get(id);
    if (row === undefined) { row = store.polls.get(id); pollRows.set(id, row); }
    return row;
  },
};
const castVote = pollOperations({ ...store, polls }, domain).castVote!;
const op = loadVecheContract().byId.get('castVote')!;

interface Finished { status: number; text: string; headers: Record<string, string> }
function finish(result: OperationResult, instance: string): Finished {
  let status = result.status;
  let body = result.body;
  if (setup.validateResponses && body !== null) {
    const validate = op.responses.get(status)?.();
    if (validate && !validate(body)) {
      const errors = toFieldErrors(validate.errors);
      console.error('veche: castVote response breaks the contract', status, errors);
      status = 500;
      body = new Problem(500, 'internal', `Ответ castVote (${result.status}) нарушает контракт: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`).toBody(instance);
    }
  }
  return { status, text: body === null ? '' : JSON.stringify(body), headers: result.headers ?? {} };
}

/**
 * The stored records of a batch's keys, read in one read transaction: a lookup outside a
 * transaction takes and drops SQLite's WAL read lock by itself (about 4× the cost of the read).
 */
const findKeys = store.db.transaction((jobs: VoteJob[]) => jobs.map((j) => (j.idem ? store.idempotency.find(j.idem.scope, j.idem.key) as IdempotencyRecord | null : null)));

async function run(job: VoteJob, existing: IdempotencyRecord | null): Promise<VoteJobResult> {
  const idem = job.idem ? { ...job.idem, hash: requestHash(job.method, job.instance, job.body) } : null;
  if (idem) {
    if (existing?.state === 'done') return { kind: 'stored', hash: existing.request_hash, status: existing.status, body: existing.body, headers: existing.headers };
    if (existing && !isStalePending(existing, idem.nowMs)) return { kind: 'in-flight' };
    // A reservation left by a process that died: free it, the sealed write takes its place.
    if (existing) store.idempotency.release(idem.scope, idem.key);
  }
  let sealed: { result: OperationResult; finished: Finished } | null = null;
  // The citizen row is written in the same shared transaction as the vote.
  void store.citizens.ensure(job.identity, new Date(job.nowMs).toISOString());
  const ctx: OperationContext = {
    params: job.params, query: {}, body: job.body, identity: job.identity, now: new Date(job.nowMs), instance: job.instance, contentType: 'application/json',
    seal: idem ? {
      key: idem,
      render: (result) => {
        const finished = finish(result, job.instance);
        if (finished.status >= 500) throw new Error(`response of castVote breaks the contract: ${finished.text}`);
        sealed = { result, finished };
        return { status: finished.status, body: finished.text, headers: JSON.stringify(finished.headers) };
      },
    } : null,
  };
  let result: OperationResult;
  try {
    result = await castVote(ctx);
  } catch (e) {
    if (e instanceof IdempotencyConflict) return { kind: 'conflict' };
    if (!(e instanceof Problem) || e.status >= 500) return { kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) };
    result = { status: e.status, body: e.toBody(job.instance), headers: e.headers };
  }
  const s = sealed as { result: OperationResult; finished: Finished } | null;
  if (s && s.result === result) return { kind: 'done', stored: true, ...s.finished };
  const finished = finish(result, job.instance);
  if (idem && finished.status < 500) {
    store.idempotency.complete(idem.scope, idem.key, idem.hash, finished.status, finished.text, JSON.stringify(finished.headers), idem.nowMs);
    return { kind: 'done', stored: true, ...finished };
  }
  return { kind: 'done', stored: false, ...finished };
}

// VECHE_WRITER_STATS=1 prints the number of batches and votes when the thread stops (tuning aid).
const stats = { batches: 0, votes: 0, maxBatch: 0, ms: 0, maxMs: 0, restarts: 0, restartMs: 0, maxRestartMs: 0 };
port.on('message', (msg: WriterRequest) => {
  if (msg.type === 'auto-checkpoint') {
    store.db.pragma('wal_autocheckpoint = 1000');
    return;
  }
  if (msg.type === 'close') {
    if (process.env.VECHE_WRITER_STATS === '1') {
      console.log(`veche: vote writer: ${stats.votes} votes in ${stats.batches} batches (mean ${(stats.votes / Math.max(1, stats.batches)).toFixed(1)}, max ${stats.maxBatch}); ${stats.ms.toFixed(0)} ms from receipt to answer (max ${stats.maxMs.toFixed(1)}); `
        + `${stats.restarts} RESTART checkpoints (mean ${(stats.restartMs / Math.max(1, stats.restarts)).toFixed(2)} ms, max ${stats.maxRestartMs.toFixed(1)})`);
    }
    store.close();
    port.postMessage({ type: 'closed' } satisfies WriterResponse);
    port.close();
    return;
  }
  const t0 = performance.now();
  // Between batches no transaction is open: the moment for a RESTART checkpoint the checkpointer asked for.
  if (checkpointSignal) {
    const ms = restartIfWanted(checkpointSignal, () => walCheckpoint(store.db, 'RESTART'));
    if (ms >= 0) {
      stats.restarts++;
      stats.restartMs += ms;
      if (ms > stats.maxRestartMs) stats.maxRestartMs = ms;
    }
  }
  pollRows.clear();
  const jobs = JSON.parse(msg.jobs) as VoteJob[];
  stats.batches++;
  stats.votes += jobs.length;
  if (jobs.length > stats.maxBatch) stats.maxBatch = jobs.length;
  const existing = findKeys(jobs);
  void Promise.all(jobs.map((job, i) => run(job, existing[i]!))).then((results) => {
    const texts = results.map((r) => {
      if (r.kind !== 'done') return '';
      const text = r.text;
      r.text = '';
      return text;
    });
    port.postMessage({ type: 'done', id: msg.id, results: JSON.stringify(results), texts } satisfies WriterResponse);
    const ms = performance.now() - t0;
    stats.ms += ms;
    if (ms > stats.maxMs) stats.maxMs = ms;
  });
});
port.postMessage({ type: 'ready', tid: osThreadId() } satisfies WriterResponse);
