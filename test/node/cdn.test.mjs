// The CDN output (dist/cdn/, made by `npm run build` through scripts/build-cdn.mjs) is what a
// webmaster pastes: the autoloader within budget, SRI hashes that match, standalone bundles that
// need nothing else, Lit and core shipped once, a page that loads only what its tags need and
// takes its configuration from the script tag, and a page that pastes the script twice still
// works, with one warning.
// When dist/cdn/ is missing or older than the sources, the CDN build runs first (a few seconds).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { init, parse } from 'es-module-lexer';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/ensure-chromium.mjs';
import { COMPILE_HINT } from '../../scripts/bundle.mjs';
import { newestMtime } from '../helpers/newest-mtime.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cdn = join(root, 'dist/cdn');
const LOADER_BUDGET = 2 * 1024;

function ensureBuild() {
  const built = existsSync(join(cdn, 'sri.json')) ? statSync(join(cdn, 'sri.json')).mtimeMs : 0;
  const sources = Math.max(...['src', 'package.json', 'scripts/build-cdn.mjs', 'scripts/bundle.mjs', 'scripts/entries.mjs'].map((p) => newestMtime(join(root, p))));
  if (built > sources) return;
  const result = spawnSync(process.execPath, ['scripts/build-cdn.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `the CDN build failed:\n${result.stdout}\n${result.stderr}`);
}

const files = (dir) => readdirSync(join(cdn, dir), { recursive: true }).map(String).filter((f) => /\.(js|css)$/.test(f));
const read = (file) => readFileSync(join(cdn, file));

/**
 * The imports of a built module: `specifier` is the path when it is a literal (a string or a
 * template without `${}`, as rolldown writes dynamic imports), undefined when computed at run time.
 */
function importsOf(file) {
  const source = read(file).toString();
  const [imports] = parse(source);
  return imports
    .filter((i) => i.d !== -2) // import.meta
    .map((i) => {
      const raw = i.d > -1 ? source.slice(i.s, i.e).trim() : undefined;
      const literal = i.n ?? (raw && /^`[^`$]*`$/.test(raw) ? raw.slice(1, -1) : undefined);
      // A query names the same file (and, to the browser, another module).
      return { dynamic: i.d > -1, specifier: literal?.replace(/[?#].*$/, ''), text: source.slice(i.ss, i.se).replace(/\s+/g, ' ') };
    });
}

/** The modules a built file imports statically, as paths under dist/cdn. */
const staticImports = (file) => importsOf(file).filter((i) => !i.dynamic).map((i) => join(dirname(file), i.specifier));

/** Every module a built file needs before it runs: its static imports, theirs, and so on. */
function staticClosure(file, seen = new Set()) {
  for (const dep of staticImports(file)) if (!seen.has(dep)) { seen.add(dep); staticClosure(dep, seen); }
  return seen;
}

/** Every module a built file can ever load: its static and dynamic imports, theirs, and so on. */
function reachable(file, seen = new Set()) {
  for (const i of importsOf(file)) {
    const dep = i.specifier && join(dirname(file), i.specifier);
    if (dep && !seen.has(dep)) { seen.add(dep); reachable(dep, seen); }
  }
  return seen;
}

/** tag → the chunk veche.js imports for it, read from the `"veche-…":()=>import(…)` pairs of the build. */
function widgetChunks() {
  const source = read('veche.js').toString();
  const [imports] = parse(source);
  const chunks = new Map();
  for (const i of imports.filter((i) => i.d > -1)) {
    const tag = [...source.slice(0, i.ss).matchAll(/["'`](veche-[a-z-]+)["'`]\s*:/g)].at(-1)?.[1];
    const specifier = (i.n ?? source.slice(i.s, i.e).trim().slice(1, -1)).replace(/[?#].*$/, '');
    if (tag) chunks.set(tag, join('.', specifier));
  }
  return chunks;
}

/** The files under dist/cdn/chunks that carry Lit: its version registries, one per package. */
const LIT_MARKERS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'];
const litChunks = () => files('chunks').filter((f) => LIT_MARKERS.some((marker) => read(`chunks/${f}`).includes(marker))).map((f) => `chunks/${f}`);

before(async () => {
  ensureBuild();
  await init;
});

test('veche.js, with what it imports before it runs, is within 2 KB gzip', () => {
  const closure = new Set();
  const visit = (file) => {
    if (closure.has(file)) return;
    closure.add(file);
    for (const { specifier } of importsOf(file).filter((i) => !i.dynamic)) {
      assert.match(specifier, /^\.\.?\//, `${file} imports "${specifier}": the CDN build must not leave bare imports`);
      visit(join(file, '..', specifier));
    }
  };
  visit('veche.js');
  const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
  assert.ok(gzip(read('veche.js')) <= LOADER_BUDGET, `veche.js is ${gzip(read('veche.js'))} B gzip`);
  // Measured like the size table (scripts/size.mjs): the static closure as one text.
  const size = gzip(Buffer.concat([...closure].map(read)));
  assert.ok(size <= LOADER_BUDGET, `the autoloader is ${size} B gzip (${[...closure].join(' + ')}), over ${LOADER_BUDGET} B`);
});

test('sri.json lists every file with a hash that matches it', () => {
  const sri = JSON.parse(read('sri.json').toString());
  const onDisk = files('.').sort();
  assert.deepEqual(Object.keys(sri).sort(), onDisk, 'sri.json and the files in dist/cdn/ differ');
  for (const [file, integrity] of Object.entries(sri)) {
    const [algorithm, hash] = integrity.split('-');
    assert.equal(algorithm, 'sha384', file);
    assert.equal(hash, createHash('sha384').update(read(file)).digest('base64'), `${file}: the SRI hash does not match`);
  }
  assert.ok(onDisk.includes('veche.js') && onDisk.some((f) => f.startsWith('themes/')));
});

test('every script file starts with V8\'s compile hint, so its functions compile off the main thread', () => {
  const scripts = files('.').filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length > 10, `only ${scripts.length} scripts in dist/cdn`);
  const unhinted = scripts.filter((f) => !read(f).toString('utf8').startsWith(`${COMPILE_HINT}\n`));
  assert.deepEqual(unhinted, [], 'files without the compile hint on their first line');
});

test('every chunk imports its whole static closure itself: all its modules are asked for as soon as it is parsed', () => {
  const late = [];
  for (const file of files('.').filter((f) => f.endsWith('.js') && !f.startsWith('standalone'))) {
    const direct = new Set(staticImports(file));
    late.push(...[...staticClosure(file)].filter((d) => !direct.has(d)).map((d) => `${file} → ${d}`));
  }
  assert.deepEqual(late, [], 'modules found only once a dependency was fetched');
});

test('texts a module adds to a namespace when it runs are in the build (a module kept only for that is easily dropped)', () => {
  // The Russian texts only later views show: src/core/part-texts.ts adds them to core's texts.
  const source = readFileSync(join(root, 'src/locales/ru/core-parts.ts'), 'utf8');
  const texts = [...source.matchAll(/'([^']*[а-яё][^']*)'/gi)].map(([, text]) => text);
  assert.ok(texts.length >= 5, `only ${texts.length} texts found in core-parts.ts`);
  const built = files('chunks').map((f) => read(`chunks/${f}`).toString('utf8')).join('\n');
  assert.deepEqual(texts.filter((text) => !built.includes(text)), [], 'texts missing from dist/cdn/chunks');
  for (const bundle of ['poll.js', 'complaint-form.js']) {
    const code = read(`standalone/${bundle}`).toString('utf8');
    assert.ok(code.includes(texts[0]), `standalone/${bundle} lacks "${texts[0]}"`);
  }
});

test('every standalone bundle is self-contained: no static or dynamic import of anything', () => {
  const bundles = files('standalone').filter((f) => f.endsWith('.js'));
  assert.ok(bundles.includes('poll.js'), `standalone/ has ${bundles.join(', ')}`);
  // A computed import() hides a bare specifier from the bundler (e.g. `import(/* @vite-ignore */ NAME)`),
  // which a page without an import map cannot resolve: it counts too.
  const leftovers = bundles.flatMap((file) => importsOf(`standalone/${file}`).map((i) => `standalone/${file}: ${i.text}`));
  assert.deepEqual(leftovers, []);
});

test('the autoloader imports only chunks that exist', () => {
  const imports = importsOf('veche.js');
  assert.ok(imports.filter((i) => i.dynamic).length >= 2, 'veche.js loads widgets with dynamic import()');
  for (const { specifier, text } of imports) {
    assert.ok(specifier, `every import of veche.js is a literal path: ${text}`);
    assert.ok(existsSync(join(cdn, specifier)), `veche.js imports ${specifier}, which is not in dist/cdn/`);
  }
});

test('Lit is in exactly one chunk, and that chunk is part of the core every widget shares', () => {
  const lit = litChunks();
  assert.equal(lit.length, 1, `Lit found in ${lit.join(', ') || 'no chunk'}`);
  for (const marker of LIT_MARKERS) assert.ok(read(lit[0]).includes(marker), `${lit[0]} lacks ${marker}`);
  const widgets = widgetChunks();
  assert.ok(widgets.size >= 7 && widgets.has('veche-poll'), `veche.js maps ${[...widgets.keys()].join(', ')}`);
  for (const [tag, chunk] of widgets) assert.ok(staticClosure(chunk).has(lit[0]), `<${tag}> (${chunk}) does not load Lit from ${lit[0]}`);
});

// ---- In Chromium: the script pasted twice (and a standalone bundle next to it).

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const PAGES = {
  // A CMS that pastes the script twice, with a cache-buster: two copies of the loader module.
  '/twice.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>twice</title>
    <script type="module" src="/cdn/veche.js" data-api="/api"></script>
    <script type="module" src="/cdn/veche.js?v=2" data-api="/api"></script></head>
    <body><veche-poll poll="42"></veche-poll></body></html>`,
  // A page with a standalone bundle (e.g. from an npm build) and the autoloader.
  '/mixed.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>mixed</title>
    <script type="module" src="/cdn/standalone/poll.js"></script>
    <script type="module" src="/cdn/veche.js" data-api="/api"></script></head>
    <body><veche-poll poll="42"></veche-poll><div id="later"></div></body></html>`,
  // Only a poll, configured from the script tag alone, against a backend that has the poll.
  '/poll-only.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>poll only</title>
    <script type="module" src="/cdn/veche.js" data-api="/region/api" data-theme="kazan dark"></script></head>
    <body><veche-poll poll="42"></veche-poll></body></html>`,
  // Two widgets that share the core.
  '/two.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>two</title>
    <script type="module" src="/cdn/veche.js" data-api="/api"></script></head>
    <body><veche-poll poll="42"></veche-poll><veche-points-wallet></veche-points-wallet></body></html>`,
  // The widgets' lazy parts, loaded through the autoloader (see the lazy-part round-trip test).
  '/lazy.html': `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>lazy</title>
    <script type="module" src="/cdn/veche.js" data-api="/api"></script></head>
    <body><veche-poll poll="42"></veche-poll></body></html>`,
};

/**
 * The lazy parts' requests are held until every module the part needs that was not requested
 * yet has been asked for too (or HOLD_MS passed). A part whose dependencies the browser learns
 * only from the part itself therefore waits out the hold, and is listed in `lateParts`. Generous,
 * for a busy machine: a part whose modules are asked for with it is not held at all.
 */
const HOLD_MS = 5000;
const lazy = { requested: new Set(), parts: null, closures: new Map(), lateParts: [], holding: 0 };

function lazyPartsAndClosures() {
  // Parts: what a chunk other than the autoloader imports dynamically (its widgets' entries are
  // left out on purpose: see preloadLazyClosures in scripts/bundle.mjs).
  const parts = new Set();
  for (const file of files('.').filter((f) => f.endsWith('.js') && !f.startsWith('standalone') && f !== 'veche.js')) {
    for (const i of importsOf(file)) if (i.dynamic && i.specifier) parts.add(join(dirname(file), i.specifier));
  }
  lazy.parts = parts;
  for (const part of parts) lazy.closures.set(part, staticClosure(part));
  // What earlier pages asked for is in their own contexts' caches, not in the next page's.
  lazy.requested.clear();
}

async function serveLazyPart(file) {
  const started = Date.now();
  const missing = () => [...lazy.closures.get(file)].filter((dep) => !lazy.requested.has(dep));
  lazy.holding++;
  while (missing().length > 0 && Date.now() - started < HOLD_MS) await new Promise((resolve) => setTimeout(resolve, 10));
  if (missing().length > 0) lazy.lateParts.push(`${file} → ${missing().join(', ')}`);
  lazy.holding--;
}

/** The one poll of /region/api (poll-only.html): open, a single choice, so the poll renders its questions. */
const REGION_POLL = {
  id: '42', kind: 'poll', title: 'Где разбить новый сквер?', status: 'open',
  opensAt: '2026-01-01T09:00:00Z', closesAt: '2099-01-01T09:00:00Z', resultsPolicy: 'after-vote',
  questionCount: 1, participants: 12, points: 10, votedByMe: false, myVote: null, results: null,
  questions: [{ id: 'q1', type: 'single', text: 'Ваш выбор?', required: true, options: [{ id: 'o1', label: 'У реки' }, { id: 'o2', label: 'В центре' }] }],
};

let server;
let browser;
let baseUrl;

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (PAGES[path]) return void res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(PAGES[path]);
    if (path === '/region/api/polls/42') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(REGION_POLL));
    if (path.startsWith('/api/') || path.startsWith('/region/api/')) {
      // The backend is not the subject here: anything but the region's poll is "not found".
      const problem = { type: 'https://veche.dev/problems/not-found', title: 'Not found', status: 404 };
      return void res.writeHead(404, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify(problem));
    }
    const file = normalize(join(cdn, path.replace(/^\/cdn\//, '/')));
    if (!path.startsWith('/cdn/') || !file.startsWith(cdn + sep) || !existsSync(file)) return void res.writeHead(404).end();
    const send = () => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    const name = path.slice('/cdn/'.length);
    lazy.requested.add(name);
    if (lazy.parts?.has(name)) return void serveLazyPart(name).then(send);
    send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    ...chromiumLaunchOptions(),
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page, counting customElements.define calls per tag, console warnings and errors, and the paths it requested. */
async function open(path) {
  const page = await browser.newPage();
  const log = { warnings: [], errors: [], requests: [] };
  page.on('request', (request) => log.requests.push(new URL(request.url()).pathname));
  page.on('console', (message) => {
    if (message.type() === 'warning') log.warnings.push(message.text());
    // The mocked 404 of the poll is the browser's own resource error, not the kit's.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  await page.addInitScript(() => {
    window.defines = {};
    const define = customElements.define.bind(customElements);
    customElements.define = (name, ...rest) => {
      window.defines[name] = (window.defines[name] ?? 0) + 1;
      return define(name, ...rest);
    };
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(() => customElements.get('veche-poll') && document.querySelector('veche-poll').shadowRoot?.querySelector('*'));
  return { page, log };
}

test('veche.js pasted twice: the poll is defined once, renders, and the console has one warning', async () => {
  const { page, log } = await open('/twice.html');
  try {
    await page.evaluate(() => window.veche.ready());
    assert.equal(await page.evaluate(() => window.defines['veche-poll']), 1);
    assert.deepEqual(log.warnings, ['[veche] veche.js is included twice on this page; the second copy does nothing.']);
    assert.deepEqual(log.errors, []);
    // Still watching the page: a tag added later is loaded by the one working copy.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<veche-provider api="/api"></veche-provider>'));
    await page.waitForFunction(() => customElements.get('veche-provider'));
    assert.equal(await page.evaluate(() => window.defines['veche-provider']), 1);
  } finally {
    await page.close();
  }
});

test('a standalone bundle and the autoloader on one page: one definition, at most one warning, no errors', async () => {
  const { page, log } = await open('/mixed.html');
  try {
    await page.evaluate(() => window.veche.ready());
    assert.equal(await page.evaluate(() => window.defines['veche-poll']), 1);
    assert.deepEqual(log.errors, []);
    // Both copies stay at work: a provider added later is loaded by the autoloader, another poll is
    // upgraded by the bundle's definition. Still at most one warning for the whole page.
    await page.evaluate(() => document.getElementById('later').insertAdjacentHTML('beforeend', '<veche-poll poll="7"></veche-poll><veche-provider api="/api"></veche-provider>'));
    await page.waitForFunction(() => customElements.get('veche-provider'));
    await page.evaluate(() => window.veche.ready());
    assert.ok(log.warnings.length <= 1, `more than one warning:\n${log.warnings.join('\n')}`);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

/** Chunks under dist/cdn requested by a page, as paths relative to dist/cdn. */
const chunkRequests = (log) => log.requests.filter((p) => p.startsWith('/cdn/')).map((p) => p.slice('/cdn/'.length));

/** Waits until the page's network has been quiet (the widgets' lazy parts have arrived). */
const settled = (page) => page.waitForLoadState('networkidle');

test('a page with only <veche-poll> fetches no other widget\'s chunks and no leaflet', async () => {
  const { page, log } = await open('/poll-only.html');
  try {
    // The poll's questions, not an error: the whole poll view with its lazy parts was needed.
    await page.waitForFunction(() => document.querySelector('veche-poll').shadowRoot.querySelector('input[type="radio"]'));
    await settled(page);
    const requested = chunkRequests(log);
    const widgets = widgetChunks();
    const poll = new Set([widgets.get('veche-poll'), ...reachable(widgets.get('veche-poll')), 'veche.js', ...staticClosure('veche.js')]);
    const others = [...widgets].filter(([tag]) => tag !== 'veche-poll').map(([, chunk]) => chunk);
    assert.deepEqual(requested.filter((f) => others.includes(f)), [], 'other widgets\' define chunks fetched');
    assert.deepEqual(requested.filter((f) => /leaflet/i.test(f)), [], 'leaflet fetched for a poll');
    assert.deepEqual(requested.filter((f) => !poll.has(f)), [], 'chunks the poll can never need');
    assert.ok(requested.includes(widgets.get('veche-poll')), `the poll's chunk was not fetched: ${requested.join(', ')}`);
    assert.deepEqual(log.errors, []);
  } finally {
    await page.close();
  }
});

test('veche.js applies data-api and data-theme from its own script tag', async () => {
  const { page, log } = await open('/poll-only.html');
  try {
    const deadline = Date.now() + 10_000;
    while (!log.requests.includes('/region/api/polls/42') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(log.requests.includes('/region/api/polls/42'), `the poll asked for ${log.requests.filter((p) => !p.startsWith('/cdn/')).join(', ')}`);
    assert.equal(await page.evaluate(() => document.querySelector('veche-poll').getAttribute('data-veche-theme')), 'kazan dark');
  } finally {
    await page.close();
  }
});

test('two widgets on one page: the core chunks, Lit among them, are fetched once', async () => {
  const { page, log } = await open('/two.html');
  try {
    await page.waitForFunction(() => customElements.get('veche-points-wallet') && document.querySelector('veche-points-wallet').shadowRoot?.querySelector('*'));
    await settled(page);
    const requested = chunkRequests(log);
    const widgets = widgetChunks();
    // The core: what every widget's chunk needs before it runs.
    const closures = [...widgets].filter(([tag]) => tag !== 'veche-provider').map(([, chunk]) => staticClosure(chunk));
    const core = [...closures[0]].filter((f) => closures.every((c) => c.has(f)));
    const [lit] = litChunks();
    assert.ok(core.includes(lit), `Lit (${lit}) is not in the shared core: ${core.join(', ')}`);
    for (const chunk of core) assert.equal(requested.filter((f) => f === chunk).length, 1, `${chunk} fetched ${requested.filter((f) => f === chunk).length} times`);
    const twice = requested.filter((f, i) => requested.indexOf(f) !== i);
    assert.deepEqual(twice, [], 'files fetched more than once');
    assert.ok(requested.includes(widgets.get('veche-poll')) && requested.includes(widgets.get('veche-points-wallet')));
  } finally {
    await page.close();
  }
});

test('a lazy part and every module it needs are requested together: one round trip, not one after the other', async () => {
  lazyPartsAndClosures();
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}/lazy.html`);
    // The poll loads its failure handling when it connects, and its view with the poll's request
    // (answered "not found" here): two parts, whose requests are awaited, then their answers.
    const requestedParts = () => [...lazy.parts].filter((part) => lazy.requested.has(part));
    const deadline = Date.now() + 15_000;
    while (requestedParts().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    while (lazy.holding > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(requestedParts().length >= 2, `lazy parts requested: ${requestedParts().join(', ')}`);
    assert.deepEqual(lazy.lateParts, [], 'parts whose modules were asked for only after the part arrived');
  } finally {
    await page.close();
  }
});
