#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark listed below, one after another (they share the machine,
 * so never in parallel), prints each one's own output, then a summary with the lines each
 * benchmark marks as its numbers. A benchmark is a script in bench/ that exits 0 when it ran
 * correctly; the goal it measures against is reported by the script, not enforced here.
 *
 *   npm run bench                  all benchmarks
 *   npm run bench -- votes         only the named ones
 *
 * To add one: append { name, script, args?, summary? } to BENCHMARKS. `summary` picks the lines of
 * its output shown in the final table (a RegExp tested against each line); without it the last
 * line is shown.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  {
    name: 'votes',
    script: 'votes.mjs',
    description: 'POST /polls/{id}/votes on the reference server — goal ≥ 5000 votes/s, p99 ≤ 20 ms (2 cores)',
    args: [],
    summary: /^(votes\/s:|cpu |goal |checks:)/,
  },
  {
    name: 'poll-survey',
    script: 'poll-survey.ts',
    description: '5-question survey with the production poll bundle, 4× CPU throttle — no task over 50 ms',
    args: [],
    summary: /^(survey first render|long tasks|longest task)/,
  },
  { name: 'idea-board', script: 'idea-board.mjs', description: '<veche-idea-board> over 100,000 fake ideas, 4× CPU throttle — first render ≤ 80 ms, ≤ 50 cards, no task over 50 ms', args: [], summary: /^\s+(first render|cards in the DOM|scrolled through|longest task)/ },
  { name: 'host-impact', script: 'host-impact.ts', description: 'demo portal with/without the kit, 4× CPU throttle, reference server — CLS 0.00, TBT ≤ 30 ms, longest task ≤ 50 ms', args: [], summary: /^(kit bytes|layout shift|total blocking|longest task)/ },
];

const only = process.argv.slice(2);
const unknown = only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = only.length ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;

const run = (bench) => new Promise((resolve) => {
  const started = Date.now();
  // TypeScript benchmarks (they import the mocks) run through tsx, like the tests.
  const loader = bench.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, fileURLToPath(new URL(bench.script, import.meta.url)), ...(bench.args ?? [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
  child.on('error', (e) => resolve({ bench, code: 1, out: String(e), seconds: 0 }));
  child.on('close', (code, signal) => resolve({ bench, code: code ?? (signal ? 1 : 0), out, seconds: (Date.now() - started) / 1000 }));
});

const results = [];
for (const bench of selected) {
  console.log(`\n=== bench: ${bench.name} — ${bench.description ?? bench.script}`);
  results.push(await run(bench));
}

console.log('\n=== summary');
for (const r of results) {
  const lines = r.out.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const picked = r.bench.summary ? lines.filter((l) => r.bench.summary.test(l)) : lines.slice(-1);
  console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.bench.name} (${r.seconds.toFixed(1)} s)${r.code === 0 ? '' : ` — exit ${r.code}`}`);
  for (const l of picked) console.log(`     ${l}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
