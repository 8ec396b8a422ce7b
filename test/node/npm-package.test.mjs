// The npm package as its users get it: `npm run build` writes dist/npm/ and custom-elements.json,
// and package.json's `exports` must lead to them — one entry per line of scripts/entries.mjs
// (`veche/poll` registers <veche-poll> and nothing else), each with its declarations, so an app
// that imports one widget ships one widget and its editor knows the tag, its properties and its
// events, in React 19 and Vue 3 templates too.
// When the output is missing or older than the sources, the npm build runs first (tsc and the
// manifest analyzer: some 15 s).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { entries } from '../../scripts/entries.mjs';
import { newestMtime } from '../helpers/newest-mtime.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const MANIFEST = join(root, 'custom-elements.json');

function ensureBuild() {
  const outputs = [join(root, 'dist/npm/veche.js'), MANIFEST];
  const built = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'custom-elements-manifest.config.mjs', 'scripts/build-npm.mjs'];
  if (built > Math.max(...inputs.map((p) => newestMtime(join(root, p))))) return;
  const result = spawnSync(process.execPath, ['scripts/build-npm.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `the npm build failed:\n${result.stdout}\n${result.stderr}`);
}

before(ensureBuild);

/** `veche-poll` → './widgets/poll/define.js', as src/registry.ts lists them (paths relative to src/). */
const registry = new Map(
  [...readFileSync(join(root, 'src/registry.ts'), 'utf8').matchAll(/'(veche-[a-z-]+)'\s*:\s*\(\)\s*=>\s*import\('([^']+)'\)/g)].map(([, tag, path]) => [tag, path]),
);
/** The built module and declarations of a source entry: './src/widgets/poll/define.ts' → './dist/npm/widgets/poll/define.js'. */
const built = (file) => {
  const js = file.replace(/^\.\/src\//, './dist/npm/').replace(/\.ts$/, '.js');
  return { types: js.replace(/\.js$/, '.d.ts'), default: js };
};
/** Every (condition path, target) pair of an exports value: a string, or nested conditions. */
const targets = (value, path = []) =>
  typeof value === 'string' ? [[path, value]] : Object.entries(value).flatMap(([condition, inner]) => targets(inner, [...path, condition]));
const specifier = (subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);

test('every entry of scripts/entries.mjs has an export of its name: its own built module with its declarations', () => {
  const wrong = entries.flatMap((entry) => {
    const exported = pkg.exports[`./${entry.name}`];
    if (!exported) return [`${entry.name}: no "./${entry.name}" in package.json exports`];
    // The `core` row measures VecheElement alone; `veche/core` exports all of core for building on the kit.
    if (entry.measureOnly) return [];
    const expected = built(entry.file);
    return JSON.stringify(exported) === JSON.stringify(expected) ? [] : [`${entry.name}: ${JSON.stringify(exported)}, expected ${JSON.stringify(expected)}`];
  });
  assert.deepEqual(wrong, []);
});

test('every exports target, every `types` path and main/module/types/customElements exist after the build', () => {
  const missing = [];
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    for (const [conditions, target] of targets(value)) {
      const at = `exports["${subpath}"]${conditions.map((c) => `.${c}`).join('')} → ${target}`;
      if (target.includes('*')) {
        // A pattern: its folder must exist and hold something it can match.
        const folder = join(root, target.slice(0, target.indexOf('*')));
        if (!existsSync(folder) || readdirSync(folder).length === 0) missing.push(at);
      } else if (!existsSync(join(root, target))) missing.push(at);
    }
    // A JavaScript module needs its declarations beside it, or TypeScript users get `any` (or an error).
    const js = targets(value).filter(([conditions, target]) => target.endsWith('.js') && !conditions.includes('types'));
    if (js.length && !targets(value).some(([conditions]) => conditions.includes('types'))) missing.push(`exports["${subpath}"] has no "types"`);
  }
  for (const field of ['main', 'module', 'types', 'customElements']) if (!existsSync(join(root, pkg[field]))) missing.push(`${field} → ${pkg[field]}`);
  assert.ok(pkg.files.includes(pkg.customElements), `"files" must ship ${pkg.customElements}`);
  assert.deepEqual(missing, []);
});

test('Node resolves every JavaScript export, and TypeScript every declaration, through the package name', () => {
  const wrong = [];
  const containing = join(root, 'app.ts');
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    if (subpath.includes('*')) continue;
    const name = specifier(subpath);
    const own = Object.fromEntries(targets(value).map(([conditions, target]) => [conditions.at(-1) ?? 'default', join(root, target)]));
    if (own.default) {
      let resolved;
      try {
        resolved = fileURLToPath(import.meta.resolve(name));
      } catch (error) {
        resolved = String(error);
      }
      if (resolved !== own.default) wrong.push(`Node: ${name} → ${resolved}, expected ${own.default}`);
    }
    if (own.types) {
      for (const moduleResolution of [ts.ModuleResolutionKind.Bundler, ts.ModuleResolutionKind.NodeNext]) {
        const options = { module: moduleResolution === ts.ModuleResolutionKind.Bundler ? ts.ModuleKind.ESNext : ts.ModuleKind.NodeNext, moduleResolution };
        const resolved = ts.resolveModuleName(name, containing, options, ts.sys, undefined, undefined, ts.ModuleKind.ESNext).resolvedModule?.resolvedFileName;
        if (resolved !== own.types) wrong.push(`TypeScript (${ts.ModuleResolutionKind[moduleResolution]}): ${name} → ${resolved}, expected ${own.types}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('custom-elements.json lists every tag of src/registry.ts, in modules the package ships', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
  assert.ok(registry.size > 0, 'no tag found in src/registry.ts: this test looks for nothing');
  const wrong = [...registry.keys()].flatMap((tag) => {
    const element = declarations.find((d) => d.tagName === tag);
    if (!element) return [`no <${tag}>`];
    const shipped = pkg.files.some((folder) => element.path.startsWith(`${folder}/`)) && existsSync(join(root, element.path));
    return shipped ? [] : [`<${tag}> is declared in ${element.path}, which the package does not ship`];
  });
  assert.deepEqual(wrong, []);
});

const parsed = new Map();
const parse = (file) => {
  if (!parsed.has(file)) parsed.set(file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest));
  return parsed.get(file);
};

/** The modules of the kit a built module runs before it (its static relative imports, theirs, …), itself first. */
function closure(file, seen = new Set()) {
  seen.add(file);
  const source = parse(file);
  for (const statement of source.statements) {
    const from = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && !statement.isTypeOnly ? statement.moduleSpecifier : undefined;
    if (!from || !ts.isStringLiteral(from) || !from.text.startsWith('.')) continue;
    const dep = join(dirname(file), from.text);
    if (!seen.has(dep)) closure(dep, seen);
  }
  return seen;
}

/** The tags a built module registers: `defineElement('veche-…', …)` and `customElements.define('…', …)` calls. */
function definedTags(file) {
  const tags = [];
  const source = parse(file);
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const [first] = node.arguments;
      if ((name === 'defineElement' || name === 'define') && first) {
        if (ts.isStringLiteralLike(first)) tags.push(first.text);
        // core/define.js is the one place that defines a tag it is handed; everything else names it.
        else if (!file.endsWith(join('core', 'define.js'))) tags.push(`(a computed tag in ${relative(root, file)})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return tags;
}

test('each export registers, before it runs, only its own tag: a widget its widget, `veche` all of them, the loader none', () => {
  const registers = (subpath) => {
    assert.ok(pkg.exports[subpath], `no "${subpath}" in package.json exports`);
    const file = join(root, targets(pkg.exports[subpath]).find(([conditions]) => conditions.at(-1) === 'default')[1]);
    return [...new Set([...closure(file)].flatMap(definedTags))].sort();
  };
  const tagOf = (entry) => [...registry].find(([, path]) => `./src/${path.slice(2).replace(/\.js$/, '.ts')}` === entry.file)?.[0];
  const checked = [];
  for (const entry of entries.filter((e) => !e.measureOnly)) {
    const expected = entry.loader ? [] : [tagOf(entry)];
    assert.ok(expected.every(Boolean), `${entry.file} is not in src/registry.ts`);
    assert.deepEqual(registers(`./${entry.name}`), expected, `"veche/${entry.name}"`);
    checked.push(entry.name);
  }
  assert.ok(checked.length > 2, 'too few entries checked');
  assert.deepEqual(registers('.'), [...registry.keys()].sort(), '"veche"');
});

test('the package names that README.md, src/veche.ts and the framework declarations show are exports', () => {
  const docs = ['README.md', 'src/veche.ts', ...readdirSync(join(root, 'src/types')).map((f) => `src/types/${f}`)];
  const shown = new Set();
  const wrong = [];
  for (const doc of docs) {
    const text = readFileSync(join(root, doc), 'utf8');
    // `veche/poll`, 'veche', "veche/jsx": the package name, alone or with a subpath, quoted whole.
    for (const [, name] of text.matchAll(/[`'"](veche(?:\/[a-z][a-z-]*)?)[`'"]/g)) {
      shown.add(name);
      const subpath = name === pkg.name ? '.' : `./${name.slice(pkg.name.length + 1)}`;
      if (!pkg.exports[subpath]) wrong.push(`${doc} shows "${name}", which package.json does not export`);
    }
  }
  assert.ok(['veche', 'veche/poll', 'veche/jsx', 'veche/vue'].every((name) => shown.has(name)), `found only ${[...shown].join(', ')}`);
  assert.deepEqual(wrong, []);
});

test('an app that installed the package gets typed tags, properties and events from the exports, in TypeScript, React 19 and Vue 3', () => {
  // A consumer in a folder of its own, with the package (and its peers' types) under node_modules,
  // written as the README tells users to write it.
  const app = mkdtempSync(join(tmpdir(), 'veche-consumer-'));
  try {
    const link = (name, target) => {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      symlinkSync(target, join(app, 'node_modules', name), 'dir');
    };
    link(pkg.name, root);
    link('@types/react', join(root, 'node_modules/@types/react'));
    link('vue', join(root, 'node_modules/vue'));
    const widgets = entries.filter((e) => !e.measureOnly && !e.loader);
    writeFileSync(
      join(app, 'app.ts'),
      [
        '/// <reference types="veche/jsx" />',
        '/// <reference types="veche/vue" />',
        "import type { JSX } from 'react';",
        "import type { GlobalComponents } from 'vue';",
        "import type { VechePoll, VecheVoteDetail } from 'veche/poll';",
        ...widgets.map((e) => `import '${specifier(`./${e.name}`)}';`),
        "export const poll: VechePoll | null = document.querySelector('veche-poll');",
        "document.addEventListener('veche-vote', (event) => { const detail: VecheVoteDetail = event.detail; return detail.poll; });",
        "export const react: JSX.IntrinsicElements['veche-poll'] = { poll: '42', getToken: () => 'token', 'onveche-vote': (event) => event.detail.answers.length };",
        '// @ts-expect-error the poll id is a string',
        "export const wrongId: JSX.IntrinsicElements['veche-poll'] = { poll: 42 };",
        '// @ts-expect-error the detail of veche-vote has no `points`',
        "export const wrongDetail: JSX.IntrinsicElements['veche-poll'] = { 'onveche-vote': (event) => event.detail.points };",
        ...widgets.map((e, i) => {
          const tag = [...registry].find(([, path]) => `./src/${path.slice(2).replace(/\.js$/, '.ts')}` === e.file)[0];
          return `export type Tag${i} = [HTMLElementTagNameMap['${tag}'], JSX.IntrinsicElements['${tag}'], GlobalComponents['${tag}']];`;
        }),
        '// @ts-expect-error no such tag',
        "export type NoSuchTag = JSX.IntrinsicElements['veche-pol'];",
      ].join('\n'),
    );
    const program = ts.createProgram([join(app, 'app.ts')], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const at = d.file ? `${relative(app, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
      return at + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    assert.deepEqual(problems, []);
    // Through the package, not through src/ (which the package also ships for source maps).
    const veche = program.getSourceFiles().map((f) => relative(root, f.fileName)).filter((f) => !f.startsWith('..') && !f.startsWith('node_modules'));
    assert.ok(veche.length > 0 && veche.every((f) => f.startsWith('dist/npm/')), `the app read ${veche.filter((f) => !f.startsWith('dist/npm/')).join(', ')}`);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
