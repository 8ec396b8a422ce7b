/**
 * Entry point: configuration from the environment, start, graceful shutdown on SIGTERM/SIGINT.
 *
 * VECHE_WRITER=auto|thread|inline — where votes are written (store/vote-writer.ts): `thread` gives
 * the SQLite writes of POST /polls/{id}/votes their own thread and connection (one commit per batch)
 * so HTTP and SQLite each use a core; `inline` keeps everything on one thread. `auto` (default)
 * picks `thread` on a machine with 2 or more CPUs.
 *
 * VECHE_REQUEST_TIMEOUT_MS (default 30000) — how long a request may take to arrive whole; a client
 * that stalls mid-body gets a 408 and loses its connection (and its Idempotency-Key reservation).
 *
 * VECHE_WAL_CAP_MB (default 64) — with the writer thread, WAL checkpoints run on a checkpointer
 * thread instead of inside commits (store/checkpointer.ts); the WAL is restarted once it reaches this size.
 */
import { createServer } from './app';
import { writerMode } from './store/vote-writer';

const env = process.env;
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const int = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);

const server = await createServer({
  dbFile: env.VECHE_DB ?? 'data/veche.db',
  corsOrigins: list(env.VECHE_CORS_ORIGINS),
  jwtSecret: env.VECHE_JWT_SECRET || null,
  jwksUrl: env.VECHE_JWKS_URL || null,
  demo: env.VECHE_DEMO === '1',
  rateLimit: { perIp: int(env.VECHE_RATE_LIMIT_IP, 3000), perCitizen: int(env.VECHE_RATE_LIMIT_CITIZEN, 600), windowMs: int(env.VECHE_RATE_LIMIT_WINDOW_MS, 60_000) },
  ...(env.VECHE_POINT_RULES ? { pointRules: JSON.parse(env.VECHE_POINT_RULES) as Record<string, number> } : {}),
  ...(env.VECHE_REQUEST_TIMEOUT_MS ? { requestTimeout: int(env.VECHE_REQUEST_TIMEOUT_MS, 30_000) } : {}),
  logger: env.VECHE_LOG === '1',
  trustProxy: env.VECHE_TRUST_PROXY === '1',
  writer: writerMode(env.VECHE_WRITER),
  ...(env.VECHE_WAL_CAP_MB ? { checkpoints: { walCapBytes: int(env.VECHE_WAL_CAP_MB, 64) * 2 ** 20 } } : {}),
});
if (!env.VECHE_JWT_SECRET && !env.VECHE_JWKS_URL && env.VECHE_DEMO !== '1') {
  console.warn('veche: neither VECHE_JWT_SECRET nor VECHE_JWKS_URL is set — nobody can sign in');
}
const url = await server.listen(int(env.PORT, 8787), env.HOST ?? '127.0.0.1');
// Test helpers and benchmarks read this line to learn the port when PORT=0.
console.log(`veche reference server listening on ${url}`);
// VECHE_THREAD_IDS=1: which OS thread is which, for tools that measure CPU per thread (bench/votes.ts).
if (env.VECHE_THREAD_IDS === '1') console.log(`veche: threads ${JSON.stringify(server.threads())}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`veche: ${signal}, finishing in-flight requests`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
