import { readFileSync } from 'node:fs';
// Chunk file names use "/" on every platform.
import { basename, dirname, join, relative } from 'node:path/posix';
import { rolldown } from 'rolldown';
import { minifyTemplates } from './minify-templates.mjs';

/** `import css from 'x.css?inline'`: the stylesheet's text, to adopt into a shadow root. */
const inlineCss = {
  name: 'veche-inline-css',
  load(id) {
    if (!id.endsWith('.css?inline')) return null;
    return `export default ${JSON.stringify(readFileSync(id.slice(0, -'?inline'.length), 'utf8'))};`;
  },
};

/** The kit's own css`…`/html`…` templates lose comments and indentation (minify-templates.mjs). */
const templates = {
  name: 'veche-minify-templates',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id) || id.includes('/node_modules/')) return null;
    return { code: minifyTemplates(code, id), map: null };
  },
};

/**
 * Every chunk names all the chunks it needs, not only those it imports itself (what Rollup calls
 * hoisting transitive imports; rolldown does not do it yet). A browser learns a module's imports
 * only once it has fetched and parsed it, so a lazy part whose dependency had a dependency of its
 * own waited for three round trips one after another; now the part's whole closure is fetched at
 * once, in the second. The added imports come last and name modules already imported through the
 * others, so the order modules run in does not change.
 */
const hoistTransitiveImports = {
  name: 'veche-hoist-transitive-imports',
  generateBundle(_options, output) {
    const chunks = new Map(Object.values(output).filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const closure = (chunk, seen = new Set()) => {
      for (const name of chunk.imports) {
        if (seen.has(name)) continue;
        seen.add(name);
        closure(chunks.get(name), seen);
      }
      return seen;
    };
    for (const chunk of chunks.values()) {
      const transitive = [...closure(chunk)].filter((name) => !chunk.imports.includes(name));
      if (transitive.length === 0) continue;
      const from = dirname(chunk.fileName);
      const specifier = (name) => { const path = relative(from, name); return path.startsWith('.') ? path : `./${path}`; };
      chunk.code += transitive.map((name) => `import"${specifier(name)}";`).join('');
      chunk.imports.push(...transitive);
    }
    for (const chunk of chunks.values()) preloadLazyClosures(chunk, chunks, closure);
  },
};

/**
 * A lazy part's dependencies are asked for together with the part. The browser learns what a
 * module imports only once it has fetched and parsed it on the main thread, so a lazy part took
 * two round trips (the part, then the modules it names that were not loaded yet), and the second
 * left only when the main thread was free to parse the part: on the idea board at 4× CPU the
 * list's date formats left ~200 ms after the list itself. Each `import()` of a part is now
 * preceded by `import()`s of the modules in its static closure that are not certainly loaded
 * already where the call runs: the browser fetches them all at once (one round trip), and each
 * still runs only after its own imports, as before. Their failures are left to the part's own
 * import to report.
 * Not in the autoloader (src/loader.ts): its 2 KB would not hold every widget's list, and a
 * widget's entry names its closure itself (hoisting above).
 */
function preloadLazyClosures(chunk, chunks, closure) {
  if (chunk.isEntry && chunk.facadeModuleId?.endsWith('/src/loader.ts')) return;
  if (chunk.dynamicImports.length === 0) return;
  const from = dirname(chunk.fileName);
  const loaded = loadedWith(chunk, chunks, closure);
  let used = false;
  chunk.code = chunk.code.replace(/import\((["'`])(\.\.?\/[^"'`$]+)\1\)/g, (call, _quote, specifier) => {
    const part = chunks.get(join(from, specifier));
    if (!part) return call;
    const wanted = [...closure(part)].filter((name) => !loaded.has(name));
    // Written relative to one folder (all chunks share one), as bare names the helper completes.
    const folder = dirname(wanted[0] ?? '');
    if (wanted.length === 0 || wanted.some((name) => dirname(name) !== folder)) return call;
    used = true;
    const prefix = relative(from, folder);
    const names = wanted.map((name) => JSON.stringify(basename(name, '.js'))).join(',');
    return `(${PRELOAD}(${JSON.stringify(prefix ? `./${prefix}/` : './')},${names}),${call})`;
  });
  if (used) chunk.code += `function ${PRELOAD}(d,...n){for(const m of n)import(d+m+".js").catch(()=>{})}`;
}

/**
 * The modules certainly loaded whenever `chunk` runs: its own static closure, and what every way
 * of loading it brings along. An entry the page loads brings nothing more; a cycle of lazy parts
 * is cut short, which only lists a module more than needed.
 */
function loadedWith(chunk, chunks, closure, memo = new Map(), visiting = new Set()) {
  if (memo.has(chunk)) return memo.get(chunk);
  const own = new Set([chunk.fileName, ...closure(chunk)]);
  if (visiting.has(chunk)) return own;
  visiting.add(chunk);
  // Each way it can come: imported dynamically by a chunk (with whatever that chunk had loaded),
  // or in the closure of a chunk loaded by itself (an entry, a lazy part).
  const roots = [...chunks.values()].filter(
    (c) => c !== chunk && (c.dynamicImports.includes(chunk.fileName) || ((c.isEntry || c.isDynamicEntry) && closure(c).has(chunk.fileName))),
  );
  let common = null;
  for (const root of roots) {
    const there = loadedWith(root, chunks, closure, memo, visiting);
    common = common ? new Set([...common].filter((name) => there.has(name))) : there;
  }
  visiting.delete(chunk);
  const loaded = new Set([...own, ...(common ?? [])]);
  memo.set(chunk, loaded);
  return loaded;
}
const PRELOAD = '__vechePreload';

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): compile every function
 * of the file eagerly, while the script streams in on a background thread. Without it each function
 * is compiled on the main thread the first time it runs, and on a widget's first load that is most
 * of them (its connect, its first render): on the poll at 4× CPU the hint took the load task from
 * ~90 to ~55 ms CPU (bench/poll-survey.ts, same window). The kit's files are loaded when they are about to
 * run (an entry at load, a lazy part when its view is needed), which is the case the hint is for.
 * It must be the file's first line.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Bundles one entry into minified ES modules with rolldown (Vite 8's bundler, used directly
 * so no dev-server helpers end up in the kit). Returns the output chunks.
 *
 * With `split`, dynamic imports become their own chunks (the autoloader and lazy locales);
 * without it everything is inlined into one self-contained file.
 */
export async function bundle(file, { split = true, outDir, write = false, entryName = 'bundle' } = {}) {
  const build = await rolldown({
    input: { [entryName]: file },
    tsconfig: 'tsconfig.json',
    // Production builds drop dev-mode warnings (src/core/dev.ts) and Lit's dev mode.
    transform: { define: { __VECHE_DEV__: 'false' } },
    resolve: { conditionNames: ['import', 'browser', 'production', 'default'] },
    preserveEntrySignatures: 'strict',
    plugins: [inlineCss, templates],
    logLevel: 'silent',
  });
  const options = {
    format: 'es',
    minify: true,
    // Licences stay (Lit's BSD notice must ship with it); pure annotations only help a later
    // bundler, and these bundles are final.
    comments: { legal: true, annotation: false, jsdoc: false },
    postBanner: COMPILE_HINT,
    dir: outDir ?? '.cache/bundle',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    ...(split ? { plugins: [hoistTransitiveImports] } : { codeSplitting: false }),
  };
  const { output } = write ? await build.write(options) : await build.generate(options);
  await build.close();
  return output.filter((o) => o.type === 'chunk');
}

/** Gzip size of an entry chunk plus everything it imports statically (what loads before it runs). */
export function staticClosure(chunks, entry) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk)) return;
    seen.add(chunk);
    chunk.imports.forEach((name) => visit(byName.get(name)));
  };
  visit(entry);
  return [...seen];
}
