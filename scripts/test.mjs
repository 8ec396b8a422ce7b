#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in one command. Each step prints its runner's own output;
 * a failing step does not stop the others, so one run shows every problem. The last line
 * adds up the tests the runners reported.
 *
 *   npm test                 all steps
 *   npm test -- browser node only the named steps
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const find = (dir, pattern) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => pattern.test(f))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];

const steps = [
  { name: 'typecheck', run: 'npm run --silent typecheck' },
  { name: 'lint', run: 'npx eslint .' },
  {
    name: 'node',
    // Server, contract (reference server + mocks), theme and tooling tests: Node's own runner.
    // Node 20's runner takes no globs, so the files are listed here.
    run: () => {
      const files = ['test/server', 'test/contract', 'test/themes', 'test/node'].flatMap((dir) => find(dir, /\.test\.(ts|mjs)$/));
      return files.length ? `node --import tsx --test --test-concurrency=1 ${files.join(' ')}` : null;
    },
  },
  { name: 'browser', before: ensureChromium, run: 'npx web-test-runner' },
  { name: 'manifest', run: 'npm run --silent analyze && node scripts/check-manifest.mjs' },
  {
    name: 'storybook',
    before: ensureChromium,
    // The Docs pages' API tables are built from custom-elements.json: written first.
    run: () => (existsSync('.storybook/main.ts') ? 'npm run --silent analyze && npm run --silent build-storybook && node test/storybook/check-stories.mjs' : null),
  },
  {
    // Every story again in another city, dark, in Tatar and in kids mode, at desktop width: axe,
    // console errors and untranslated keys differ by theme, locale and wording (the Tatar kids
    // layer here; the standard Tatar wording in storybook-vision, the English kids one in
    // storybook-kids).
    name: 'storybook-themed',
    before: ensureChromium,
    run: () => (existsSync('.storybook/main.ts') ? 'node test/storybook/check-stories.mjs --globals "city:kazan;scheme:dark;locale:tt;kids:on"' : null),
  },
  {
    // And in English in kids mode with reduced motion, on a 320 px phone: every story renders
    // with its kids texts loaded, the kids palette passes axe, and no state scrolls sideways.
    // (A key a kids layer lacks falls back to the standard text by design;
    // test/node/locales.test.mjs checks the layers themselves.)
    name: 'storybook-kids',
    before: ensureChromium,
    run: () => (existsSync('.storybook/main.ts') ? 'node test/storybook/check-stories.mjs --width 320 --globals "locale:en;kids:on;motion:reduce"' : null),
  },
  {
    // And in the visually-impaired mode, in Tatar (the longest words), on a 320 px phone: the
    // largest type the kit shows at the narrowest width it promises, every state without
    // scrolling sideways (WCAG 1.4.10: 320 CSS px is a 640 px window at 200 % zoom), and the
    // mode's palette passing axe.
    name: 'storybook-vision',
    before: ensureChromium,
    run: () => (existsSync('.storybook/main.ts') ? 'node test/storybook/check-stories.mjs --width 320 --globals "locale:tt;vision:on"' : null),
  },
  {
    name: 'e2e',
    before: ensureChromium,
    run: () => {
      const files = find('test/e2e', /\.test\.ts$/);
      return files.length ? `node --import tsx --test --test-concurrency=1 ${files.join(' ')}` : null;
    },
  },
  { name: 'build', run: 'npm run --silent build' },
  { name: 'size', run: 'node scripts/size.mjs' },
];

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function count(raw) {
  const output = raw.replace(ANSI_COLOUR, '');
  // Node's runner: "# pass 12" / "# fail 0"; web-test-runner, the story check and the size
  // script: "12 passed, 0 failed".
  const node = [...output.matchAll(/^# (pass|fail) (\d+)$/gm)];
  if (node.length) {
    for (const [, kind, n] of node) totals[kind === 'pass' ? 'passed' : 'failed'] += Number(n);
    return;
  }
  const plain = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (plain) {
    totals.passed += Number(plain[1]);
    totals.failed += Number(plain[2]);
  }
}

function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const tee = (stream, target) =>
      stream.on('data', (chunk) => {
        output += chunk;
        target.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const started = Date.now();
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const command = typeof step.run === 'function' ? step.run() : step.run;
  if (!command) {
    console.log(`\n=== ${step.name}: nothing to run yet`);
    continue;
  }
  console.log(`\n=== ${step.name}: ${command}`);
  const t0 = Date.now();
  try {
    step.before?.();
  } catch (error) {
    console.error(String(error));
    failedSteps.push(step.name);
    continue;
  }
  const { code, output } = await run(command);
  count(output);
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) failedSteps.push(step.name);
}

console.log(`\nAll steps took ${((Date.now() - started) / 1000).toFixed(0)} s.${failedSteps.length ? ` Failed steps: ${failedSteps.join(', ')}.` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed + (failedSteps.length && !totals.failed ? failedSteps.length : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
