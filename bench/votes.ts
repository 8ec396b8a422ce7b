/**
 * Vote throughput of the reference server: POST /polls/{id}/votes by many distinct citizens with
 * concurrent keep-alive clients on loopback. Bounded by count and time. Goal (2 cores): ≥ 5,000
 * votes/s with p99 ≤ 20 ms.   npx tsx bench/votes.ts [--votes 40000] [--seconds 15] [--concurrency 32]
 */
import { Agent, request } from 'node:http';
import { startReferenceServer } from '../test/helpers/reference-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const maxVotes = arg('votes', 40_000);
const maxSeconds = arg('seconds', 15);
const concurrency = arg('concurrency', 32);
const warmup = 1_000;

const server = await startReferenceServer({ env: { VECHE_LOG: '0' } });
try {
  const url = new URL(`${server.apiUrl}/polls/42/votes`);
  const body = JSON.stringify({ answers: [{ questionId: 'q1', optionIds: ['o2'] }] });
  const tokens: string[] = [];
  for (let i = 0; i < maxVotes + warmup; i++) tokens.push(await server.token({ sub: `bench-${i}` }));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const vote = (token: string) => new Promise<number>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });

  let next = 0;
  const run = async (limit: number, deadline: number, latencies: number[] | null, statuses: Map<number, number>) => {
    const worker = async () => {
      while (next < limit && performance.now() < deadline) {
        const token = tokens[next++]!;
        const t = performance.now();
        const status = await vote(token);
        latencies?.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmup, performance.now() + 10_000, null, new Map());
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const start = performance.now();
  await run(warmup + maxVotes, start + maxSeconds * 1000, latencies, statuses);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const ok = statuses.get(201) ?? 0;
  console.log(`votes: ${latencies.length} in ${seconds.toFixed(2)} s, concurrency ${concurrency}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`throughput: ${Math.round(ok / seconds)} votes/s   latency p50 ${q(0.5).toFixed(2)} ms   p99 ${q(0.99).toFixed(2)} ms   max ${latencies.at(-1)!.toFixed(2)} ms`);
  console.log(`goal ≥ 5000 votes/s with p99 ≤ 20 ms: ${ok / seconds >= 5000 && q(0.99) <= 20 ? 'met' : 'NOT met'}`);
  agent.destroy();
  if (ok !== latencies.length) process.exitCode = 1;
} finally {
  await server.stop();
}
