// Every story of the static Storybook build renders in headless Chromium: no console error, no
// page error, no Storybook error display, a rendered story root, no axe violation (WCAG 2.2
// A/AA rules, shadow roots included), no message key on screen in place of its text (a text
// that did not reach the production bundle), and no loading skeleton the colour of what it
// stands on. Docs pages must render without console or page errors.
//
//   npm run test:storybook            builds storybook-static/ first when it is missing or stale
//   CHROME_PATH=/path/to/chrome …     another Chromium or Chrome
//   STORYBOOK_PAGES=1 …               one story at a time (default: two at once on two cores or more)
//   --globals 'city:kazan;scheme:dark' (or STORYBOOK_GLOBALS=…)   every story under other toolbar globals
//   --only idea-board                   only the entries whose id contains this, for a quick look
//   --width 320 (or STORYBOOK_WIDTH=…)  a phone-wide preview; every story must then also reflow:
//                                       nothing scrolls sideways, the page or any box in a widget
//
// A story whose console error is the point (a configuration error reported to the webmaster)
// lists it in `parameters.expectedConsoleErrors` (substrings); it must then appear.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/ensure-chromium.mjs';
import { newestMtime } from '../helpers/newest-mtime.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = join(root, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RENDER_TIMEOUT_MS = 20_000;
/** Previews checking stories at once (STORYBOOK_PAGES): one per core, at most two. */
const PAGES = Number(process.env.STORYBOOK_PAGES ?? Math.min(2, availableParallelism()));
if (!Number.isInteger(PAGES) || PAGES < 1) {
  console.error(`STORYBOOK_PAGES must be a whole number of at least 1, not "${process.env.STORYBOOK_PAGES}"`);
  process.exit(1);
}

function ensureBuild() {
  const built = existsSync(indexFile) ? statSync(indexFile).mtimeMs : 0;
  // The manifest too: the Docs pages' API tables are built from it.
  const sources = Math.max(...['.storybook', 'stories', 'src', 'package.json', 'custom-elements.json'].map((p) => newestMtime(join(root, p))));
  if (built > sources) return;
  console.log(built ? 'storybook-static/ is older than the sources: rebuilding' : 'storybook-static/ is missing: building');
  const result = spawnSync('npm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm run build-storybook failed');
    process.exit(1);
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A tiny static server for storybook-static/ on a free loopback port. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    // Chromium asks every origin for a favicon; a 404 for it would be a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The command line; a misspelt or malformed option stops the run instead of checking less. */
const { values: ARGS } = (() => {
  try {
    return parseArgs({ options: { globals: { type: 'string' }, width: { type: 'string' }, only: { type: 'string' } }, strict: true });
  } catch (error) {
    console.error(`${error.message}\nUsage: check-stories.mjs [--globals 'city:kazan;scheme:dark'] [--width 320] [--only <part of a story id>]`);
    process.exit(1);
  }
})();

/** The preview's width in CSS pixels (--width or STORYBOOK_WIDTH); undefined: Playwright's desktop default. */
function previewWidth() {
  const value = ARGS.width ?? process.env.STORYBOOK_WIDTH;
  if (value === undefined) return undefined;
  const width = Number(value);
  if (!Number.isInteger(width) || width < 200) {
    console.error(`--width must be a whole number of CSS pixels, at least 200, not "${value}"`);
    process.exit(1);
  }
  return width;
}
const WIDTH = previewWidth();

/** `city:kazan;scheme:dark` (--globals or STORYBOOK_GLOBALS) → { city: 'kazan', scheme: 'dark' }, as in Storybook's URL. */
function toolbarGlobals() {
  const pairs = (ARGS.globals ?? process.env.STORYBOOK_GLOBALS ?? '').split(';').filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => pair.split(':').map((part) => part.trim())));
}

/**
 * The message keys that never read as words (camelCase, like `draftRestored`), from the Russian
 * source texts: one of them on screen is a text that is missing from the build.
 */
function messageKeys() {
  const dir = join(root, 'src/locales/ru');
  const keys = new Set();
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    for (const [, key] of readFileSync(join(dir, file), 'utf8').matchAll(/^\s+([a-z]+[A-Z][A-Za-z0-9]*)\s*:/gm)) keys.add(key);
  }
  return keys;
}
const MESSAGE_KEYS = messageKeys();

const STORYBOOK_EVENTS = ['storyFinished', 'docsRendered', 'storyMissing', 'storyThrewException', 'storyErrored'];

/**
 * Loads the preview once; later stories are selected through Storybook's channel the way its
 * manager does, which saves reloading the whole preview bundle for every story. Axe runs here,
 * so the a11y addon's own run in the preview is switched off.
 */
async function openPreview(page, baseUrl) {
  await page.goto(`${baseUrl}/iframe.html`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue && window.__STORYBOOK_ADDONS_CHANNEL__, null, {
    timeout: RENDER_TIMEOUT_MS,
  });
  await page.evaluate(({ names, globals }) => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    window.__storyEvents = [];
    for (const name of names) channel.on(name, (payload) => window.__storyEvents.push({ name, payload }));
    channel.emit('updateGlobals', { globals: { ...globals, a11y: { manual: true } } });
  }, { names: STORYBOOK_EVENTS, globals: toolbarGlobals() });
}

/**
 * Selects a story or docs page and resolves with the event that ended its render. Storybook
 * reloads the whole preview when it cannot tear down the previous story (one still waiting for
 * code that never arrives, as the "part loading" stories do); the listeners are gone then, so the
 * preview is opened again and the entry selected once more.
 */
async function select(page, entry, reopened = false) {
  const ended = await selectOnce(page, entry);
  if (ended.name !== 'preview-reloaded') return ended;
  if (reopened) throw new Error('the preview reloaded twice while selecting this entry');
  await openPreview(page, page.url().replace(/\/iframe\.html.*$/, ''));
  return select(page, entry, true);
}

async function selectOnce(page, entry) {
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  await page.evaluate(
    ({ id, viewMode }) => {
      window.__storyEvents = [];
      window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode });
    },
    { id: entry.id, viewMode },
  );
  const handle = await page.waitForFunction(
    ({ id, viewMode }) =>
      (window.__storyEvents === undefined && { name: 'preview-reloaded' }) ||
      window.__storyEvents.find(({ name, payload }) =>
        name === 'storyFinished' ? payload?.storyId === id : name === 'docsRendered' ? viewMode === 'docs' : name !== 'storyFinished',
      ),
    { id: entry.id, viewMode },
    { timeout: RENDER_TIMEOUT_MS, polling: 20 },
  );
  const ended = await handle.jsonValue();
  if (ended.name === 'docsRendered') {
    // A docs page reports itself rendered while the stories it embeds may still be loading (the
    // mocks' loader, for one). Storybook cannot tear down a story that is mid-render: switching
    // away then reloads the whole preview, which would drop the listeners above and fail the next
    // entry. The docs page is checked once its stories have settled, too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForFunction(() => (window.__STORYBOOK_PREVIEW__?.storyRenders ?? []).every((render) => !render.isPending()), null, {
      timeout: RENDER_TIMEOUT_MS,
      polling: 20,
    });
  }
  return ended;
}

/** In the page: waits for every Lit element under the story root, then reports what rendered. */
async function inspectStory() {
  const storyRoot = document.querySelector('#storybook-root');
  const elements = [];
  const collect = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.localName.includes('-')) elements.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  if (storyRoot) collect(storyRoot);
  await Promise.all(elements.map((el) => el.updateComplete));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const undefinedTags = elements.filter((el) => !customElements.get(el.localName)).map((el) => el.localName);
  const emptyShadow = elements
    .filter((el) => customElements.get(el.localName) && el.shadowRoot && el.shadowRoot.querySelectorAll('*').length === 0)
    .map((el) => el.localName);
  // What the story shows and says: its text, shadow roots included, and the labels read aloud.
  const shown = [];
  const read = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) shown.push(child.data);
      else if (child.nodeType === Node.ELEMENT_NODE && !['SCRIPT', 'STYLE'].includes(child.nodeName)) {
        for (const name of ['aria-label', 'placeholder', 'title', 'alt']) if (child.hasAttribute(name)) shown.push(child.getAttribute(name));
        if (child.shadowRoot) read(child.shadowRoot);
        read(child);
      }
    }
  };
  if (storyRoot) read(storyRoot);
  // WCAG 1.4.10 reflow, checked on a phone-wide preview: nothing needs a sideways scroll or is
  // cut off at the side. The page does not scroll sideways; no box inside a widget does either
  // (a shadow root's own scroller hides it from the page); no box a citizen sees lies past the
  // screen's edges (clipped by a parent's `overflow: hidden`, it would not widen the page); and
  // no box cuts off its own content at the side. Not checked: what is meant to be unseen (the
  // visually hidden texts and headers, the dialogs that are closed), a map's tiles, which pan,
  // and a drawing that crops itself (stars filled to a share, inside a `role="img"`).
  const sideways = [];
  const describe = (el) => `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
  // The boxes that stick out, innermost first: the one to fix is usually the first named.
  const sticking = [];
  const unseen = (el) => !!el.closest('.visually-hidden, [role="application"], [role="img"] *, dialog:not([open]), [hidden]');
  // A loading state is seen: a skeleton is not the colour of what it stands on (the nearest box
  // under it with a background, up through shadow hosts), or else has an edge that is not, in
  // every theme and mode.
  const skeletonsUnseen = [];
  const painted = (color) => color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color);
  const above = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const behind = (el) => {
    for (let at = above(el); at; at = above(at)) if (painted(getComputedStyle(at).backgroundColor)) return getComputedStyle(at).backgroundColor;
    return 'rgb(255, 255, 255)';
  };
  const scan = (node, host) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) scan(el.shadowRoot, el);
      const box = el.getBoundingClientRect();
      const leaf = !el.querySelector('*');
      // One pixel or less: the visually-hidden pattern (a header read aloud but not shown).
      if (box.width <= 1 || box.height <= 1 || unseen(el)) continue;
      const out = box.left < -1 || box.right > window.innerWidth + 1;
      if (out && leaf) sticking.push(`${describe(el)}${host ? ` in <${host.localName}>` : ''}`);
      if (!host) continue;
      const style = getComputedStyle(el);
      if (el.classList.contains('skeleton')) {
        const under = behind(el);
        const edge = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && painted(style.outlineColor) && style.outlineColor !== under;
        if (style.backgroundColor === under && !edge) skeletonsUnseen.push(`${describe(el)} in <${host.localName}>`);
      }
      const { overflowX } = style;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        sideways.push(`${describe(el)} in <${host.localName}> scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
      } else if (out && leaf && document.documentElement.scrollWidth <= window.innerWidth) {
        sideways.push(`${describe(el)} in <${host.localName}> lies past the screen's edge (${Math.round(box.left)}–${Math.round(box.right)} px) and is cut off`);
      } else if ((overflowX === 'hidden' || overflowX === 'clip') && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && el.scrollWidth > el.clientWidth + 1) {
        sideways.push(`${describe(el)} in <${host.localName}> cuts off its content at the side (${el.scrollWidth} px in ${el.clientWidth})`);
      }
    }
  };
  if (storyRoot) scan(storyRoot, undefined);
  if (document.documentElement.scrollWidth > window.innerWidth) {
    sideways.unshift(`the page is ${document.documentElement.scrollWidth} px wide; sticking out: ${sticking.slice(0, 3).join(', ') || 'no leaf box (a margin or a wide parent)'}`);
  }
  return {
    sideways,
    skeletonsUnseen: [...new Set(skeletonsUnseen)],
    errorDisplay: document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'Storybook shows its error display').trim()
      : '',
    // The decorator's wrapper alone is not a rendered story.
    empty: !storyRoot?.querySelector('*:not(.veche-story)'),
    undefinedTags: [...new Set(undefinedTags)],
    emptyShadow: [...new Set(emptyShadow)],
    shownText: shown.join(' '),
    expectedConsoleErrors: window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.expectedConsoleErrors ?? [],
  };
}

/**
 * The widgets' API, as `npm run analyze` wrote it (custom-elements.json): tag → a declaration.
 * The autodocs tables come from it; without it they are silently empty, so it must exist.
 */
function widgetDeclarations() {
  const file = join(root, 'custom-elements.json');
  if (!existsSync(file)) throw new Error('custom-elements.json is missing: run `npm run analyze` before building Storybook');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const byTag = new Map();
  for (const module of manifest.modules ?? []) for (const d of module.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);
  return byTag;
}
const DECLARATIONS = widgetDeclarations();

/**
 * A widget's Docs page shows its API tables generated from custom-elements.json: an attribute, an
 * event, a part and a CSS property of the widget are named on the page. (`Widgets/Idea board` is
 * `<veche-idea-board>`.)
 */
async function checkApiTables(page, entry) {
  const tag = `veche-${entry.title.slice('Widgets/'.length).toLowerCase().replaceAll(' ', '-')}`;
  const declaration = DECLARATIONS.get(tag);
  if (!declaration) return [`no declaration of <${tag}> in custom-elements.json`];
  const wanted = [
    ['attribute', declaration.attributes?.[0]?.name],
    ['event', declaration.events?.[0]?.name],
    ['part', declaration.cssParts?.[0]?.name],
    ['CSS property', declaration.cssProperties?.[0]?.name],
  ];
  // The names in the first column of the docs' API tables (argTypes), exactly.
  const names = new Set(
    await page.evaluate(() =>
      [...document.querySelectorAll('#storybook-docs .docblock-argstable tbody tr td:first-child')].map((cell) => cell.textContent.trim().replace(/\*$/, '')),
    ),
  );
  return wanted.filter(([, name]) => !name || !names.has(name)).map(([what, name]) => `the Docs page's API tables lack the ${what} ${name ?? '(none in the manifest)'} of <${tag}>`);
}

async function runAxe(page) {
  // The preview page lives on from story to story: inject axe once.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const results = await window.axe.run(document.querySelector('#storybook-root'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map(
      (v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.flat().join(' ')).slice(0, 3).join(', ')}`,
    );
  });
}

/** Checks one entry on the shared preview page; returns what went wrong. */
async function check(preview, entry) {
  const { page, consoleErrors, pageErrors, mockedFailures } = preview;
  consoleErrors.length = 0;
  pageErrors.length = 0;
  mockedFailures.clear();
  const failures = [];
  // Chromium logs every 4xx/5xx response as a console error; the ones MSW answered on purpose
  // (a story showing a 401 or a 500) are the story's subject, not a fault. So is a network error
  // on the mocked backend (`/api/…`, a story that goes offline): nothing else answers there, and
  // an outbox's retry may fail after the story that queued it has ended.
  const mocked = ({ text, url }) =>
    text.startsWith('Failed to load resource') && (mockedFailures.has(url) || (text.includes('net::ERR_FAILED') && /^\/api\//.test(new URL(url, 'http://x').pathname)));
  const errors = () =>
    consoleErrors
      .filter((error) => !mocked(error))
      // The first line says what happened; a stack trace would bury the next failure.
      .map(({ text, url }) => `${text.split('\n')[0]}${url ? ` (${url})` : ''}`);
  let expected = [];
  try {
    const ended = await select(page, entry);
    if (ended.name !== 'storyFinished' && ended.name !== 'docsRendered') {
      const { message, title } = ended.payload ?? {};
      failures.push(`render failed (${ended.name}): ${message ?? title ?? JSON.stringify(ended.payload ?? '')}`);
    } else if (ended.payload?.status === 'error') failures.push('render failed: the story or its play function threw');
    if (entry.type === 'docs' && entry.title.startsWith('Widgets/')) failures.push(...(await checkApiTables(page, entry)));
    if (entry.type === 'story') {
      const state = await page.evaluate(inspectStory);
      expected = state.expectedConsoleErrors;
      if (state.errorDisplay) failures.push(`render failed: ${state.errorDisplay}`);
      if (state.empty) failures.push('the story root is empty');
      for (const tag of state.undefinedTags) failures.push(`<${tag}> is not defined`);
      for (const tag of state.emptyShadow) failures.push(`<${tag}> rendered nothing into its shadow root`);
      if (WIDTH) failures.push(...state.sideways.map((what) => `at ${WIDTH} px ${what}`));
      failures.push(...state.skeletonsUnseen.map((what) => `a skeleton the colour of what it stands on, unseen: ${what}`));
      const keys = [...new Set(state.shownText.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [])].filter((word) => MESSAGE_KEYS.has(word));
      if (keys.length) failures.push(`message keys shown instead of their texts: ${keys.join(', ')}`);
      if (!state.errorDisplay && !state.empty) failures.push(...(await runAxe(page)));
    }
  } catch (error) {
    failures.push(error.name === 'TimeoutError' ? `timed out after ${RENDER_TIMEOUT_MS} ms waiting for the render` : error.message);
    preview.broken = true;
  }
  const logged = errors();
  for (const text of expected) {
    if (!logged.some((line) => line.includes(text))) failures.push(`expected console error did not appear: ${text}`);
  }
  failures.push(...logged.filter((line) => !expected.some((text) => line.includes(text))).map((line) => `console error: ${line}`));
  failures.push(...pageErrors.map((message) => `page error: ${message}`));
  return failures;
}

/** A page showing the preview, with its console and network watched for the current story. */
async function newPreview(browser, baseUrl) {
  const page = await browser.newPage(WIDTH ? { viewport: { width: WIDTH, height: 800 } } : {});
  const preview = { page, consoleErrors: [], pageErrors: [], mockedFailures: new Set(), broken: false };
  page.on('console', (message) => {
    if (message.type() === 'error') preview.consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => preview.pageErrors.push(error.message));
  page.on('response', (response) => {
    // A widget's API call answered by MSW; a missing script, style or image still counts.
    const api = ['fetch', 'xhr'].includes(response.request().resourceType());
    if (api && response.fromServiceWorker() && response.status() >= 400) preview.mockedFailures.add(response.url());
  });
  await openPreview(page, baseUrl);
  return preview;
}

async function main() {
  ensureBuild();
  const index = JSON.parse(readFileSync(indexFile, 'utf8'));
  const only = ARGS.only ?? '';
  const entries = Object.values(index.entries).filter((e) => (e.type === 'story' || e.type === 'docs') && e.id.includes(only));
  if (entries.length === 0) {
    console.error(only ? `--only ${only}: no story or docs page id contains it` : 'storybook-static/index.json lists no stories');
    process.exit(1);
  }
  const server = await serve(staticDir);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
  });
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  // PAGES previews check at once, page i the entries i, i + PAGES, …: the same split every run,
  // so a story that fails after another on its page fails again. Each page is a browser context of
  // its own (browser.newPage): its own renderer, service worker (MSW) and storage.
  const checkSome = async (_, page) => {
    let preview = await newPreview(browser, baseUrl);
    for (const entry of entries.filter((__, i) => i % PAGES === page)) {
      if (preview.broken) {
        await preview.page.close();
        preview = await newPreview(browser, baseUrl);
      }
      const t0 = Date.now();
      const failures = await check(preview, entry);
      const label = `${entry.type === 'docs' ? 'docs ' : ''}${entry.title} › ${entry.name}`;
      if (failures.length === 0) {
        passed++;
        console.log(`  ✓ ${label} (${Date.now() - t0} ms)`);
      } else {
        failed++;
        console.log(`  ✗ ${label} [${entry.id}, page ${page + 1} of ${PAGES}]\n${failures.map((failure) => `      ${failure}`).join('\n')}`);
      }
    }
  };
  try {
    // Every page finishes (or fails) before the browser closes; a page that failed is reported.
    const crashed = (await Promise.allSettled(Array.from({ length: PAGES }, checkSome))).find((r) => r.status === 'rejected');
    if (crashed) throw crashed.reason;
  } finally {
    await browser.close();
    server.close();
  }
  const globals = new URLSearchParams(toolbarGlobals()).toString().replaceAll('&', ', ');
  const settings = [globals, WIDTH && `${WIDTH} px wide`].filter(Boolean).join(', ');
  console.log(`\nChecked ${entries.length} entries of storybook-static/${settings ? ` with ${settings}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (passed + failed !== entries.length) {
    console.log(`only ${passed + failed} of ${entries.length} entries were checked`);
    failed += entries.length - passed - failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
