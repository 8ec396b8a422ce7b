/**
 * Host-page impact: the demo portal (demo/index.html) in headless Chromium with a 4× CPU
 * throttle, loaded with and without the kit, against the reference server on a temporary SQLite
 * file (seeded demo region), proxied under /api on the page's origin as `npm start` does. The
 * kit is the real CDN build (dist/cdn/veche.js and its chunks, gzip on the wire); the portal's
 * own code is bundled once with the same bundler and is there in both runs.
 *
 * The backend is a real server process on purpose: the `?mock` demo answers requests with MSW on
 * the page's main thread, which would be counted as the kit's blocking time.
 *
 * Prints: bytes the kit transferred, layout shift added (goal 0.00), total blocking time added
 * (goal ≤ 30 ms), the longest task caused by the kit (goal ≤ 50 ms: a task in a long animation
 * frame in which the kit's code ran; the page's own parse, script and first layout are not the
 * kit's), and the longest of all tasks with and without the kit — all over the load (until the
 * page has settled, SETTLE_MS after the widgets are in; until then the page is read without
 * Playwright's helpers, whose own script would be counted). Then the page is read down to the
 * bottom, half a screen at a time, and the longest task and blocking time while scrolling are
 * printed with and without the kit: work a widget defers until it comes into view is paid
 * there. Layout shift is over both.
 * Medians of RUNS loads each; bounded (a few seconds per load) and always exits 0 when it could
 * measure.
 *
 *   node --import tsx bench/host-impact.ts            RUNS=5 node --import tsx bench/host-impact.ts
 *   TRACE=1 node --import tsx bench/host-impact.ts    also traces one load with the kit and
 *                                                     prints what its long tasks were made of
 *                                                     (TRACE=file.json also keeps the trace)
 *   SHIFTS=1 node --import tsx bench/host-impact.ts   prints the largest layout shifts and what moved
 *   FRAMES=1 node --import tsx bench/host-impact.ts   prints the kit's long animation frames, the scripts and the long tasks in them
 *   PROFILE=1 node --import tsx bench/host-impact.ts  also profiles one load with the kit and prints
 *                                                     the kit's functions by self time (minified
 *                                                     names: methods keep theirs; PROFILE=file.cpuprofile
 *                                                     also keeps the profile)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bundle } from '../scripts/bundle.mjs';
import { chromiumLaunchOptions } from '../scripts/ensure-chromium.mjs';
import { startReferenceServer } from '../test/helpers/reference-server.js';
import { longTasks, printLongTasks, TRACE_CATEGORIES } from './long-tasks.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Math.max(1, Math.min(9, Number(process.env.RUNS ?? 3)));
const SETTLE_MS = 2500;
const SCROLL_STEP_MS = 150;
const SCROLL_SETTLE_MS = 1000;
const TIMEOUT_MS = 30_000;

process.chdir(root);
if (!existsSync('dist/cdn/veche.js')) {
  const built = spawnSync(process.execPath, ['scripts/build-cdn.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
// The host's own code, bundled like a portal would ship it.
const hostDir = join(root, '.cache/bench-host');
await bundle('./demo/portal.ts', { outDir: hostDir, write: true, entryName: 'portal' });

/** demo/index.html with the portal's script bundled and the kit from the CDN build — or without the kit. */
function page(withKit: boolean): string {
  let html = readFileSync('demo/index.html', 'utf8')
    .replace('src="./portal.ts"', 'src="/host/portal.js"')
    .replace('href="./portal.css"', 'href="/demo/portal.css"')
    .replace('href="../src/themes/index.css"', 'href="/src/themes/index.css"');
  const loader = /<script type="module" src="\.\.\/src\/loader\.ts"([^>]*)><\/script>/;
  if (!loader.test(html)) throw new Error('demo/index.html no longer has the loader <script>');
  html = html.replace(loader, withKit ? '<script type="module" src="/cdn/veche.js"$1></script>' : '');
  return html;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const ROUTES = [
  ['/cdn/', join(root, 'dist/cdn')],
  ['/host/', hostDir],
  ['/demo/', join(root, 'demo')],
  ['/src/themes/', join(root, 'src/themes')],
];

const backend = await startReferenceServer();
const backendUrl = new URL(backend.baseUrl);

const server = createServer((req, res) => {
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname.startsWith('/api/')) {
    // Same-origin /api, as the demo portal has it under `npm start`.
    const upstream = request(
      { host: backendUrl.hostname, port: backendUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: backendUrl.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
    return;
  }
  const send = (body, type) => {
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  };
  if (pathname === '/demo/' || pathname === '/demo/index.html') return send(page(!searchParams.has('nokit')), TYPES['.html']);
  for (const [prefix, dir] of ROUTES) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, pathname.slice(prefix.length)));
    if (file.startsWith(dir + sep) && existsSync(file)) return send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  ...chromiumLaunchOptions(),
});

/** One cold load in a fresh context; returns the page's own measurements and the kit's bytes. */
async function load(withKit: boolean, trace = false, profile = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  const urls = new Map();
  let kitBytes = 0;
  cdp.on('Network.responseReceived', ({ requestId, response }) => urls.set(requestId, response.url));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (new URL(urls.get(requestId) ?? base).pathname.startsWith('/cdn/')) kitBytes += encodedDataLength;
  });
  await page.addInitScript(() => {
    const m = (window.__hostImpact = { shift: 0, tasks: [], frames: [], shifts: [], resizes: [], attributes: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') });
    // Which widgets changed height, and when: a shift's cause is often above what moved.
    const heights = new Map();
    const resizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const el = entry.target;
        const height = Math.round(entry.borderBoxSize[0].blockSize);
        const before = heights.get(el);
        heights.set(el, height);
        if (before !== undefined && before !== height) {
          const name = `${el.localName}${[...el.attributes].map((a) => `[${a.name}=${a.value}]`).join('')}`;
          m.resizes.push(`${Math.round(performance.now())} ms ${name} at y ${Math.round(el.getBoundingClientRect().y)}: h ${before}→${height}`);
        }
      }
    });
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('body *')) if (!heights.has(el) && (el.localName.startsWith('veche-') || el.matches('header, #backend-status'))) {
        heights.set(el, undefined);
        resizes.observe(el);
      }
    }).observe(document, { childList: true, subtree: true });
    // What moved: the element, its section, and how far (to name the cause, not only the number).
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        m.shift += e.value;
        m.shifts.push({
          at: Math.round(e.startTime),
          value: e.value,
          // A text node is named by its text and its element; a rect leaving the viewport reads 0.
          sources: (e.sources ?? []).map((s) => {
            const node = s.node;
            const element = node instanceof Element ? node : node?.parentElement;
            const what = element ? `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''} in #${element.closest('section[id]')?.id ?? element.closest('[id]')?.id ?? '?'}` : '(node in a shadow root)';
            const text = node && !(node instanceof Element) && node.textContent ? ` text "${node.textContent.trim().slice(0, 30)}"` : '';
            return `${what}${text} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them (those over 5 ms): a frame in which
    // the kit's code ran is the kit's, with every task in it and the rendering its changes caused.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kit = e.scripts.some((s) => (s.sourceURL || '').includes('/cdn/') && s.duration > 0);
        m.frames.push({
          start: e.startTime,
          end: e.startTime + e.duration,
          kit,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => `${s.invokerType} ${s.invoker} ${(s.sourceURL || '').split('/').pop()}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''} ${Math.round(s.duration)} ms`),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${base}/demo/${withKit ? '' : '?nokit'}`, { waitUntil: 'load', timeout: TIMEOUT_MS });
  // Until the load is measured, the page is read by plain DevTools evaluations of a line each:
  // Playwright's page.evaluate and waitForFunction first inject its utility script, one task of
  // 40–45 ms at this throttle, which landed among the kit's renders and was counted as the kit's.
  const read = async (expression: string) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`host-impact: ${expression} threw ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  if (withKit) {
    const deadline = Date.now() + TIMEOUT_MS;
    const until = async (expression: string) => {
      while (!(await read(expression))) {
        if (Date.now() > deadline) throw new Error(`host-impact: the page never had ${expression}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await until('!!window.veche');
    await read('window.veche.ready().then(() => true)');
    await until(`[...document.querySelectorAll('veche-poll')].every((el) => el.shadowRoot?.querySelector('[part~="title"], [part~="status"]'))`);
  }
  await page.waitForTimeout(SETTLE_MS);
  const loadEnd = (await read('performance.now()')) as number;
  // Playwright's utility script comes in here, in both runs, between the load and the scroll.
  await page.evaluate(() => 0);
  await page.waitForTimeout(300);
  // Then a citizen reads down the page: what a widget defers until it is in view (its layout,
  // with content-visibility) comes back here. Half a screen every SCROLL_STEP_MS, after the
  // frame it caused, to the bottom.
  const scrollStart = (await read('performance.now()')) as number;
  const steps = await page.evaluate(async (stepMs) => {
    let steps = 0;
    while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
      scrollBy(0, innerHeight / 2);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      steps++;
    }
    return steps;
  }, SCROLL_STEP_MS);
  await page.waitForTimeout(SCROLL_SETTLE_MS);
  const measured = await page.evaluate(() => window.__hostImpact);
  const scrollTasks = measured.tasks.filter((t) => t.start >= scrollStart);
  // A frame's rendering (a widget's first layout as it comes into view) is in its animation frame.
  const scrollFrame = measured.frames.filter((f) => f.start >= scrollStart).reduce((max, f) => Math.max(max, f.end - f.start), 0);
  const allTasks = measured.tasks;
  measured.tasks = measured.tasks.filter((t) => t.start < loadEnd);
  if (profile) {
    const { profile: recorded } = await cdp.send('Profiler.stop');
    if (process.env.PROFILE !== '1') writeFileSync(process.env.PROFILE!, JSON.stringify(recorded));
    printProfile(recorded);
  }
  if (trace) {
    console.log('long tasks of one traced load with the kit, and its scroll to the bottom (4× throttle):');
    const traced = (await browser.stopTracing()).toString();
    if (process.env.TRACE !== '1') writeFileSync(process.env.TRACE!, traced);
    printLongTasks(longTasks(JSON.parse(traced)));
  }
  await context.close();
  const tbt = measured.tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  const longest = measured.tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  // The page's own tasks (its HTML parse, its script, its first layout) are long with or without
  // the kit; the kit's are the tasks inside frames where its code ran.
  const inKitFrame = (t) => measured.frames.some((f) => f.kit && t.start < f.end && t.start + t.duration > f.start);
  const longestKit = measured.tasks.filter(inKitFrame).reduce((max, t) => Math.max(max, t.duration), 0);
  if (withKit && process.env.SHIFTS) {
    for (const shift of measured.shifts.sort((a, b) => b.value - a.value).slice(0, 5)) {
      console.log(`  shift ${shift.value.toFixed(3)} at ${shift.at} ms: ${shift.sources.join('; ')}`);
    }
    for (const resize of measured.resizes) console.log(`  resize ${resize}`);
  }
  if (withKit && process.env.FRAMES) {
    for (const frame of measured.frames.filter((f) => f.kit)) {
      console.log(`  frame at ${Math.round(frame.start)} ms: ${Math.round(frame.end - frame.start)} ms (rendering ${Math.round(frame.render)} ms, blocking ${Math.round(frame.blocking)} ms)`);
      for (const script of frame.scripts) console.log(`    ${script}`);
      for (const task of allTasks.filter((t) => t.start < frame.end && t.start + t.duration > frame.start)) {
        console.log(`    long task at ${Math.round(task.start)} ms: ${Math.round(task.duration)} ms`);
      }
    }
  }
  const scrollTbt = scrollTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  const scrollLongest = scrollTasks.reduce((max, t) => Math.max(max, t.duration), 0);
  return { shift: measured.shift, tbt, longest, longestKit, attributes: measured.attributes, kitBytes, tasks: measured.tasks.length, scrollTbt, scrollLongest, scrollFrame, steps };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Self time of the kit's functions (and of each kit file) over one load, from a sampled CPU profile. */
function printProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const path = url ? new URL(url).pathname : '';
    if (!path.startsWith('/cdn/')) continue;
    const file = path.slice('/cdn/'.length);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, us]) => `  ${(us / 1000).toFixed(1).padStart(7)} ms  ${what}`).join('\n');
  console.log(`kit self time by file (one load and its scroll, 4× throttle):\n${top(byFile, 15)}`);
  console.log(`kit functions by self time:\n${top(byFunction, 30)}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const runs = { with: [], without: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.without.push(await load(false));
    runs.with.push(await load(true));
  }
  if (process.env.TRACE) await load(true, true);
  if (process.env.PROFILE) await load(true, false, true);
  const m = (side, key) => median(runs[side].map((r) => r[key]));
  const shiftAdded = Math.max(0, m('with', 'shift') - m('without', 'shift'));
  const tbtAdded = Math.max(0, m('with', 'tbt') - m('without', 'tbt'));
  console.log(`host-impact: demo portal, reference server (SQLite), 4× CPU throttle, median of ${RUNS} cold loads each`);
  console.log(`  without kit: CLS ${m('without', 'shift').toFixed(3)}, TBT ${m('without', 'tbt').toFixed(0)} ms, longest task ${m('without', 'longest').toFixed(0)} ms`);
  console.log(`  with kit:    CLS ${m('with', 'shift').toFixed(3)}, TBT ${m('with', 'tbt').toFixed(0)} ms, longest task ${m('with', 'longest').toFixed(0)} ms`);
  console.log(`kit bytes transferred: ${(m('with', 'kitBytes') / 1024).toFixed(1)} KB (gzip, dist/cdn)`);
  console.log(`layout shift added: ${shiftAdded.toFixed(2)} (goal 0.00)${shiftAdded > 0.005 ? ' OVER' : ''}`);
  console.log(`total blocking time added: ${tbtAdded.toFixed(0)} ms (goal ≤ 30 ms)${tbtAdded > 30 ? ' OVER' : ''}`);
  // A long task is the kit's when it ran in a long animation frame that lists a script of the kit:
  // the browser lists scripts over 5 ms, so a kit task shorter than that whose layout made a long
  // frame would be missed; at 4× every widget render is longer.
  const longestKit = m('with', 'longestKit');
  const [withKit, withoutKit] = [m('with', 'longest'), m('without', 'longest')];
  if (!runs.with.every((r) => r.attributes)) {
    console.log(`longest task with the kit: ${withKit.toFixed(0)} ms (goal ≤ 50 ms for the kit's own; this browser has no long animation frames to tell them apart; without the kit ${withoutKit.toFixed(0)} ms)${withKit > 50 ? ' OVER' : ''}`);
  } else {
    console.log(`longest task caused by the kit: ${longestKit.toFixed(0)} ms (goal ≤ 50 ms)${longestKit > 50 ? ' OVER' : ''}; longest of all with the kit ${withKit.toFixed(0)} ms, without it ${withoutKit.toFixed(0)} ms`);
    // A long frame of short kit scripts (each under the 5 ms the browser lists) and the layout
    // they caused would be nobody's: say so when the page got a longer task than it has alone.
    if (withKit > longestKit && withKit - withoutKit > 50) {
      console.log(`  note: the longest task with the kit is ${(withKit - withoutKit).toFixed(0)} ms longer than the page's own but in no frame with kit code: it may be the kit's too`);
    }
  }
  // While scrolling, a widget coming into view is laid out in frames where little or none of the
  // kit's script runs, so the frames cannot name it: compare the page with and without the kit.
  console.log(
    `while reading down to the bottom (half a screen every ${SCROLL_STEP_MS} ms, ${m('with', 'steps')} steps): longest task ${m('with', 'scrollLongest').toFixed(0)} ms with the kit, ${m('without', 'scrollLongest').toFixed(0)} ms without; longest animation frame ${m('with', 'scrollFrame').toFixed(0)} ms with, ${m('without', 'scrollFrame').toFixed(0)} ms without; blocking time ${m('with', 'scrollTbt').toFixed(0)} ms with, ${m('without', 'scrollTbt').toFixed(0)} ms without`,
  );
} finally {
  await browser.close();
  server.close();
  await backend.stop();
}
