/**
 * Vote throughput of the reference server: POST /api/polls/{id}/votes by many distinct citizens,
 * each vote with its own bearer token and Idempotency-Key (as the poll widget sends it), over
 * concurrent keep-alive connections on loopback. Bounded by count and by time.
 * Goal (2 cores, client included): ≥ 5,000 votes/s with p99 ≤ 20 ms.
 *
 *   node bench/votes.mjs [--votes 60000] [--seconds 10] [--connections 16] [--pipeline 2] [--warmup 3000]
 *   BENCH_CPU_PROF=/tmp/prof node bench/votes.mjs      also writes a CPU profile of the server
 *
 * The server runs in its own process (`server/main.ts`, a temporary SQLite file, WAL). The client
 * is kept as cheap as it can be so that it steals as little of the 2 cores as possible: requests
 * are pre-built bytes (tokens signed before the clock starts), written straight to sockets,
 * optionally pipelined; responses are parsed only for the status line and Content-Length. The
 * CPU used during the measured window is printed as milliseconds per vote for each server thread
 * (HTTP, vote writer, checkpointer, the rest: GC helpers and such — the server names its threads'
 * OS ids when VECHE_THREAD_IDS=1) and for the client, with the load average: on this shared
 * machine votes/s and latency follow whatever else runs, CPU per vote much less, so builds are
 * compared by CPU per vote (run each at least twice).
 *
 * After the run it checks the outcome through the API: the poll's participant count grew by exactly
 * the number of 201s, a replayed Idempotency-Key returns the stored response, and a second vote by
 * the same citizen is 409. Exits 0 when every measured vote was a 201 and the checks hold (the goal
 * itself is reported, not enforced: the numbers depend on the machine and its load).
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
};
const maxVotes = arg('votes', 60_000);
const maxSeconds = arg('seconds', 10);
const connections = Math.max(1, arg('connections', 16));
const pipeline = Math.max(1, arg('pipeline', 2));
const warmup = arg('warmup', 3_000);
const POLL = '42';

// ---------------------------------------------------------------- server process
const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'veche-bench-'));
const secret = randomBytes(32).toString('base64url');
// BENCH_CPU_PROF=dir writes a V8 CPU profile of the server process there (open it in Chrome DevTools).
const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
// BENCH_SERVER=file runs another entry point instead (e.g. a bare Fastify route, to measure the HTTP floor).
const entry = process.env.BENCH_SERVER ?? join(root, 'server/main.ts');
const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry], {
  cwd: root,
  env: {
    ...process.env, PORT: '0', HOST: '127.0.0.1', VECHE_DB: join(dir, 'veche.db'), VECHE_JWT_SECRET: secret, VECHE_DEMO: '1', VECHE_LOG: '0',
    // One address sends every vote; the per-IP limit is raised as for a load balancer's health of many clients.
    VECHE_RATE_LIMIT_IP: '100000000', VECHE_RATE_LIMIT_CITIZEN: '600',
    // The server names its threads' OS ids (HTTP, vote writer, checkpointer) so CPU is reported per thread.
    VECHE_THREAD_IDS: '1',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverOut = '';
child.stdout.on('data', (d: Buffer) => { serverOut += d.toString(); });
child.stderr.on('data', (d: Buffer) => { serverOut += d.toString(); });
const stopServer = async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
};

const port = await new Promise<number>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverOut}`)), 60_000);
  const check = () => {
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(serverOut);
    if (m) { clearTimeout(timer); resolve(Number(m[1])); }
  };
  child.stdout.on('data', check);
  child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${serverOut}`)); });
});

/** user+system CPU seconds of a process, from /proc (Linux); null elsewhere. */
const procCpu = (pid: number): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch { return null; }
};
/** user+system CPU seconds per thread of a process (Linux): tid → [name, seconds]. */
const threadCpu = (pid: number): Map<string, [string, number]> => {
  const out = new Map<string, [string, number]>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        out.set(tid, [name, (Number(fields[11]) + Number(fields[12])) / 100]);
      } catch { /* thread ended */ }
    }
  } catch { /* not Linux */ }
  return out;
};
/**
 * CPU seconds per thread from /proc/<pid>/task/<tid>/schedstat (nanoseconds: far finer than the
 * 10 ms ticks of /proc/.../stat, so short runs and small per-vote differences are still visible).
 */
const threadSched = (pid: number): Map<string, number> => {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try { out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9); } catch { /* thread ended */ }
    }
  } catch { /* not Linux */ }
  return out;
};
/** The server's own account of which OS thread is which (VECHE_THREAD_IDS=1). */
const serverThreads = (): { http: number; voteWriter: number | null; checkpointer: number | null } | null => {
  const m = /^veche: threads (\{.*\})$/m.exec(serverOut);
  return m ? JSON.parse(m[1]!) : null;
};
/** bytes a process caused to be written to storage (Linux /proc/pid/io write_bytes); null elsewhere. */
const procWritten = (pid: number): number | null => {
  try { return Number(/^write_bytes: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1]); } catch { return null; }
};
/** whole-machine busy and total jiffies, to show how loaded the machine was by everyone. */
const machineCpu = (): { busy: number; total: number } | null => {
  try {
    const n = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = n[3]! + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch { return null; }
};

// ---------------------------------------------------------------- tokens and requests, built before the clock starts
const b64 = (s: string) => Buffer.from(s).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const token = (sub: string) => {
  const payload = b64(JSON.stringify({ name: `Житель ${sub}`, roles: ['citizen'], sub, iat: now, exp: now + 3600 }));
  return `${header}.${payload}.${createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url')}`;
};
const runId = randomBytes(3).toString('hex');
const bodies = ['o1', 'o2', 'o3'].map((o) => JSON.stringify({ answers: [{ questionId: 'q1', optionIds: [o] }] }));
const requestBytes = (i: number, sub = `bench-${runId}-${i}`, key = `vote-${runId}-${i}`) => {
  const body = bodies[i % bodies.length]!;
  return Buffer.from(`POST /api/polls/${POLL}/votes HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token(sub)}\r\n`
    + `Content-Type: application/json\r\nIdempotency-Key: ${key}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
const total = warmup + maxVotes;
const requests: Buffer[] = new Array(total);
for (let i = 0; i < total; i++) requests[i] = requestBytes(i);

// ---------------------------------------------------------------- a minimal HTTP/1.1 client
const CRLFCRLF = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
interface Conn { socket: Socket; sent: number[]; buf: Buffer | null; need: number; status: number }
interface Phase { next: number; limit: number; deadline: number; latencies: Float64Array; count: number; statuses: Map<number, number>; done: () => void; inflight: number; record: boolean }

/** Small requests over one connection at a time; returns status, headers and body (checks after the run). */
const oneRequest = (raw: Buffer) => new Promise<{ status: number; head: string; body: string }>((resolve, reject) => {
  const s = connect(port, '127.0.0.1');
  let buf = Buffer.alloc(0);
  s.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    const end = buf.indexOf(CRLFCRLF);
    if (end < 0) return;
    const head = buf.subarray(0, end).toString('latin1');
    const len = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
    if (buf.length < end + 4 + len) return;
    s.destroy();
    resolve({ status: Number(head.slice(9, 12)), head, body: buf.subarray(end + 4, end + 4 + len).toString('utf8') });
  });
  s.on('error', reject);
  s.write(raw);
});
const get = async (path: string, bearer?: string) => {
  const r = await oneRequest(Buffer.from(`GET /api${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${bearer ? `Authorization: Bearer ${bearer}\r\n` : ''}\r\n`));
  return { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> };
};

const sockets: Socket[] = [];
const open = () => new Promise<Conn>((resolve, reject) => {
  const socket = connect(port, '127.0.0.1', () => resolve(conn));
  socket.setNoDelay(true);
  const conn: Conn = { socket, sent: [], buf: null, need: 0, status: 0 };
  socket.on('error', reject);
  sockets.push(socket);
});
const conns = await Promise.all(Array.from({ length: connections }, open));
let phase: Phase;

const send = (c: Conn, p: Phase) => {
  if (p.next >= p.limit || performance.now() >= p.deadline) return false;
  const i = p.next++;
  c.sent.push(performance.now());
  p.inflight++;
  c.socket.write(requests[i]!);
  return true;
};
const finished = (c: Conn, status: number) => {
  const p = phase;
  const t0 = c.sent.shift()!;
  p.inflight--;
  if (p.record) { p.latencies[p.count++] = performance.now() - t0; p.statuses.set(status, (p.statuses.get(status) ?? 0) + 1); }
  if (!send(c, p) && p.inflight === 0) p.done();
};
for (const c of conns) {
  c.socket.on('data', (chunk: Buffer) => {
    const buf = c.buf ? Buffer.concat([c.buf, chunk]) : chunk;
    let at = 0;
    for (;;) {
      if (c.need > 0) { // skipping a body
        const take = Math.min(c.need, buf.length - at);
        c.need -= take;
        at += take;
        if (c.need > 0) break;
        finished(c, c.status);
        continue;
      }
      const end = buf.indexOf(CRLFCRLF, at);
      if (end < 0) break;
      const head = buf.toString('latin1', at, end);
      c.status = (buf[at + 9]! - 48) * 100 + (buf[at + 10]! - 48) * 10 + (buf[at + 11]! - 48);
      const m = CONTENT_LENGTH.exec(head);
      if (!m) throw new Error(`response without Content-Length:\n${head}`);
      c.need = Number(m[1]);
      at = end + 4;
      if (c.need === 0) finished(c, c.status);
    }
    c.buf = at < buf.length ? buf.subarray(at) : null;
  });
}

const run = (from: number, limit: number, seconds: number, record: boolean) => new Promise<Phase>((resolve) => {
  const p: Phase = { next: from, limit, deadline: performance.now() + seconds * 1000, latencies: new Float64Array(limit - from), count: 0, statuses: new Map(), inflight: 0, record, done: () => resolve(p) };
  phase = p;
  let started = 0;
  for (let k = 0; k < pipeline; k++) for (const c of conns) if (send(c, p)) started++;
  if (started === 0) resolve(p);
});

let exitCode = 0;
try {
  // Results (and the participant count) of an after-vote poll are visible to a citizen who voted.
  const observer = `bench-${runId}-observer`;
  const observed = await oneRequest(requestBytes(0, observer, `vote-${runId}-observer`));
  if (observed.status !== 201) throw new Error(`observer vote: ${observed.status} ${observed.body}`);
  const participantsBefore = (await get(`/polls/${POLL}`, token(observer))).body.participants as number;
  await run(0, warmup, 30, false);

  const serverCpu0 = procCpu(child.pid!);
  const threads0 = threadCpu(child.pid!);
  const sched0 = threadSched(child.pid!);
  const load0 = loadavg();
  const machine0 = machineCpu();
  const written0 = procWritten(child.pid!);
  const client0 = process.cpuUsage();
  // The WAL file's size through the run: checkpoints must keep it bounded under sustained writes.
  const walSize = () => { try { return statSync(join(dir, 'veche.db-wal')).size; } catch { return 0; } };
  let walMax = walSize();
  const walTimer = setInterval(() => { walMax = Math.max(walMax, walSize()); }, 100);
  const t0 = performance.now();
  const p = await run(warmup, total, maxSeconds, true);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(walTimer);
  walMax = Math.max(walMax, walSize());
  const clientCpu = process.cpuUsage(client0);
  const serverCpu1 = procCpu(child.pid!);
  const threads1 = threadCpu(child.pid!);
  const sched1 = threadSched(child.pid!);
  const load1 = loadavg();
  const machine1 = machineCpu();
  const written1 = procWritten(child.pid!);

  const lat = p.latencies.subarray(0, p.count).sort();
  const q = (x: number) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))] ?? NaN;
  const ok = p.statuses.get(201) ?? 0;
  const errors = p.count - ok;
  const rate = ok / seconds;
  const clientShare = (clientCpu.user + clientCpu.system) / 1e6 / seconds;
  const serverShare = serverCpu0 !== null && serverCpu1 !== null ? (serverCpu1 - serverCpu0) / seconds : null;
  const cores = cpus().length;
  const machineShare = machine0 && machine1 ? ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * cores : null;
  const ms = (v: number) => `${v.toFixed(2)} ms`;

  console.log(`votes: ${p.count} measured (after ${warmup} warm-up) in ${seconds.toFixed(2)} s over ${connections} connections × pipeline ${pipeline}; statuses ${JSON.stringify(Object.fromEntries(p.statuses))}`);
  console.log(`votes/s: ${Math.round(rate)}   p50 ${ms(q(0.5))}   p95 ${ms(q(0.95))}   p99 ${ms(q(0.99))}   max ${ms(lat[lat.length - 1] ?? NaN)}   errors: ${errors}`);
  console.log(`cpu (cores busy during the run, of ${cores}): client ${clientShare.toFixed(2)}   server ${serverShare?.toFixed(2) ?? '?'}   whole machine ${machineShare?.toFixed(2) ?? '?'} (others: ${machineShare !== null && serverShare !== null ? Math.max(0, machineShare - clientShare - serverShare).toFixed(2) : '?'})`);
  // CPU per vote of each server thread (the HTTP thread and the vote writer each have one core at
  // most: on a quiet machine the busier of the two bounds the rate) and of the client.
  const ids = serverThreads();
  const schedDelta = (tid: string) => (sched1.get(tid) ?? 0) - (sched0.get(tid) ?? 0);
  const perVote = (cpuSeconds: number) => `${((cpuSeconds / ok) * 1000).toFixed(3)}`;
  if (ok > 0 && sched1.size > 0) {
    const named = new Map<string, string>();
    if (ids) {
      named.set(String(ids.http), 'http');
      if (ids.voteWriter !== null) named.set(String(ids.voteWriter), 'vote writer');
      if (ids.checkpointer !== null) named.set(String(ids.checkpointer), 'checkpointer');
    } else named.set(String(child.pid), 'http');
    const parts: string[] = [];
    let rest = 0;
    let all = 0;
    for (const tid of new Set([...sched0.keys(), ...sched1.keys()])) {
      const d = schedDelta(tid);
      all += d;
      if (!named.has(tid)) rest += d;
    }
    for (const [tid, name] of named) parts.push(`${name} ${perVote(schedDelta(tid))} (${(schedDelta(tid) / seconds).toFixed(2)} cores)`);
    parts.push(`other server threads ${perVote(rest)}`);
    const clientSeconds = (clientCpu.user + clientCpu.system) / 1e6;
    console.log(`cpu ms per vote: ${parts.join('   ')}`);
    console.log(`cpu ms per vote: server ${perVote(all)} + client ${perVote(clientSeconds)} = ${perVote(all + clientSeconds)} (goal on 2 cores: ≤ 0.3 in all)`);
  } else {
    const busiest = [...threads1].map(([tid, [name, t]]) => ({ tid, name, share: (t - (threads0.get(tid)?.[1] ?? 0)) / seconds })).filter((t) => t.share >= 0.02).sort((a, b) => b.share - a.share).slice(0, 4);
    if (busiest.length) console.log(`server threads (cores): ${busiest.map((t) => `${t.tid === String(child.pid) ? 'main' : `${t.name}#${t.tid}`} ${t.share.toFixed(2)} (${((t.share / rate) * 1000).toFixed(3)} ms/vote)`).join('   ')}`);
    if (serverShare) console.log(`server cpu per vote: ${((serverShare / rate) * 1000).toFixed(3)} ms   client cpu per vote: ${((clientShare / rate) * 1000).toFixed(3)} ms`);
  }
  console.log(`load average (1/5/15 min): ${load0.map((x) => x.toFixed(2)).join(' ')} before, ${load1.map((x) => x.toFixed(2)).join(' ')} after — other work on the machine skews votes/s and latency, less so CPU per vote`);
  // SQLite's WAL and checkpoints: on a slow virtual disk the bytes per vote bound the rate too.
  if (written0 !== null && written1 !== null && ok > 0) console.log(`server disk writes: ${((written1 - written0) / ok / 1024).toFixed(1)} KiB/vote, ${((written1 - written0) / seconds / 2 ** 20).toFixed(1)} MiB/s`);
  console.log(`WAL file: largest ${(walMax / 2 ** 20).toFixed(1)} MiB during the run (sampled every 100 ms)`);
  console.log(`goal ≥ 5000 votes/s with p99 ≤ 20 ms: ${rate >= 5000 && q(0.99) <= 20 ? 'met' : 'NOT met'}`);

  // ---- the outcome is right: every 201 counted once, keys replay, one vote per citizen
  const after = await get(`/polls/${POLL}`, token(observer));
  const expected = participantsBefore + warmup + ok;
  const problems: string[] = [];
  if (after.body.participants !== expected) problems.push(`participants ${String(after.body.participants)} ≠ expected ${expected}`);
  const sample = warmup + Math.floor(p.count / 2);
  const replay = await oneRequest(requests[sample]!);
  if (replay.status !== 201 || !/\r\nidempotency-replayed: true/i.test(replay.head)) problems.push(`replayed key gave ${replay.status} without Idempotency-Replayed`);
  const again = await oneRequest(requestBytes(sample, `bench-${runId}-${sample}`, `vote-${runId}-again`));
  if (again.status !== 409) problems.push(`second vote by one citizen gave ${again.status}, expected 409`);
  console.log(`checks: ${problems.length ? `FAILED — ${problems.join('; ')}` : `participants +${warmup + ok} as counted, key replay 201 (Idempotency-Replayed), second vote 409 — ok`}`);
  if (errors > 0 || problems.length > 0) exitCode = 1;
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  for (const s of sockets) s.destroy();
  await stopServer();
  // Tuning lines the server prints on exit (VECHE_WRITER_STATS=1: batch sizes of the vote writer, checkpoints).
  for (const line of serverOut.split('\n')) if (line.startsWith('veche: vote writer:') || line.startsWith('veche: checkpointer:')) console.log(line);
}
process.exit(exitCode);
