// Every dictionary against the Russian source of its namespace (src/locales/ru/*.ts): the other
// locales and every kids layer (src/locales/<locale>/kids/*.ts). TypeScript checks only that a
// key exists; a renamed {placeholder} would print "{count}" to a citizen, a missing plural
// category would pick the wrong form, and a kids override equal to the locale's own text is a
// byte for nothing. Runs with or without `--import tsx` (the dictionaries load through tsx's API).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tsImport } from 'tsx/esm/api';

const root = new URL('../../', import.meta.url);
const load = async (path) => (await tsImport(new URL(path, root).href, import.meta.url)).default;
const tsFiles = (path) => (existsSync(new URL(path, root)) ? readdirSync(new URL(path, root)).filter((f) => f.endsWith('.ts')) : []);

const { LOCALES, DEFAULT_LOCALE } = await tsImport(new URL('src/core/config.ts', root).href, import.meta.url);
const others = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

// A Russian file no other locale has is a part of the namespace it is named after: core's texts
// only a failure or a later view needs (core-failure.ts, core-parts.ts) join `core` when their
// module loads, and the other locales keep them in their core.ts (src/core/messages.ts).
const namespaceOf = (file) => {
  const name = file.replace(/\.ts$/, '');
  return others.every((locale) => existsSync(new URL(`src/locales/${locale}/${file}`, root))) ? name : name.replace(/-[^-]+$/, '');
};

/** namespace → the Russian source, its parts merged; the files each key came from. */
const source = new Map();
const sourceProblems = [];
for (const file of tsFiles(`src/locales/${DEFAULT_LOCALE}/`)) {
  const namespace = namespaceOf(file);
  const texts = await load(`src/locales/${DEFAULT_LOCALE}/${file}`);
  const merged = source.get(namespace) ?? {};
  for (const key of Object.keys(texts)) if (key in merged) sourceProblems.push(`${DEFAULT_LOCALE}/${file}: ${key} is in another part of ${namespace} too`);
  source.set(namespace, { ...merged, ...texts });
}

/** locale → namespace → that locale's own dictionary (for Russian, the source). */
const dictionaries = new Map([[DEFAULT_LOCALE, source]]);
for (const locale of others) {
  const own = new Map();
  for (const namespace of source.keys()) {
    if (existsSync(new URL(`src/locales/${locale}/${namespace}.ts`, root))) own.set(namespace, await load(`src/locales/${locale}/${namespace}.ts`));
  }
  dictionaries.set(locale, own);
}

/** locale → namespace → its kids layer. */
const kidsLayers = new Map();
for (const locale of LOCALES) {
  const layers = new Map();
  for (const file of tsFiles(`src/locales/${locale}/kids/`)) layers.set(file.replace(/\.ts$/, ''), await load(`src/locales/${locale}/kids/${file}`));
  kidsLayers.set(locale, layers);
}

/**
 * The plural categories a locale's plural messages carry: Intl's for the locale — Russian's
 * include `other`, the form for fractions ("1,5 балла"). Intl has no plural rules for Tatar (it
 * answers with the default locale's); a language without rules has CLDR's root ones, `other`
 * alone, and selectMessage falls back to `other` whatever category the browser picks.
 */
const pluralCategories = (locale) =>
  Intl.PluralRules.supportedLocalesOf([locale]).length ? [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort() : ['other'];

const placeholders = (template) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name))].sort().join(', ');
const forms = (message) => (typeof message === 'string' ? [message] : Object.values(message));
/** The same text, or the same plural forms in any order. */
const same = (a, b) =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([category, text]) => b[category] === text);

/** What is wrong with `message` (file `where`, locale `locale`) against the source `base`. */
function checkMessage(where, key, message, base, locale) {
  const problems = [];
  if (typeof message !== typeof base) return [`${where}: ${key} is ${typeof message === 'string' ? 'a string' : 'a plural'}, the source's ${typeof base === 'string' ? 'a string' : 'a plural'}`];
  const wanted = placeholders(forms(base).join(' '));
  for (const [form, template] of typeof message === 'string' ? [['', message]] : Object.entries(message)) {
    if (typeof template !== 'string') problems.push(`${where}: ${key}${form && `.${form}`} is not text`);
    else if (placeholders(template) !== wanted) problems.push(`${where}: ${key}${form && `.${form}`} has {${placeholders(template)}}, the source {${wanted}}`);
  }
  if (typeof message === 'object') {
    const categories = Object.keys(message).sort().join(', ');
    const expected = pluralCategories(locale).join(', ');
    if (categories !== expected) problems.push(`${where}: ${key} has the plural categories ${categories}, ${locale} needs ${expected}`);
  }
  return problems;
}

test('every Russian file is a namespace or a part of one, and the other locales have no file of their own', () => {
  assert.ok(source.size >= 10, `found only ${source.size} namespaces: did src/locales move?`);
  assert.deepEqual(sourceProblems, []);
  const problems = [];
  for (const namespace of source.keys()) {
    if (!existsSync(new URL(`src/locales/${DEFAULT_LOCALE}/${namespace}.ts`, root))) problems.push(`${namespace}: Russian parts without a namespace (no ${namespace}.ts in every locale)`);
  }
  for (const locale of others) {
    for (const file of tsFiles(`src/locales/${locale}/`)) if (!source.has(file.replace(/\.ts$/, ''))) problems.push(`${locale}/${file}: no Russian source`);
  }
  assert.deepEqual(problems, []);
});

test('every locale defines every key of the Russian source, and no other', () => {
  const problems = [];
  for (const locale of others) {
    for (const [namespace, base] of source) {
      const own = dictionaries.get(locale).get(namespace);
      if (!own) {
        problems.push(`${locale}/${namespace}.ts is missing`);
        continue;
      }
      const missing = Object.keys(base).filter((key) => !(key in own));
      const stray = Object.keys(own).filter((key) => !(key in base));
      if (missing.length) problems.push(`${locale}/${namespace}.ts lacks ${missing.join(', ')}`);
      if (stray.length) problems.push(`${locale}/${namespace}.ts has keys the source lacks: ${stray.join(', ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('placeholders and plural categories: every locale and every kids layer as the source', () => {
  const problems = [];
  let checked = 0;
  for (const locale of LOCALES) {
    const layers = [...dictionaries.get(locale)].map(([namespace, texts]) => [`${locale}/${namespace}.ts`, namespace, texts]);
    layers.push(...[...kidsLayers.get(locale)].map(([namespace, texts]) => [`${locale}/kids/${namespace}.ts`, namespace, texts]));
    for (const [where, namespace, texts] of layers) {
      const base = source.get(namespace);
      if (!base) continue; // a kids layer without a namespace: the next test names it
      for (const [key, message] of Object.entries(texts)) {
        if (!(key in base)) continue;
        checked++;
        problems.push(...checkMessage(where, key, message, base[key], locale));
      }
    }
  }
  assert.ok(checked > 500, `checked only ${checked} messages`);
  assert.deepEqual(problems, []);
});

test('kids layers: only keys of their namespace, none the same as the locale\'s own text', () => {
  const problems = [];
  for (const locale of LOCALES) {
    for (const [namespace, layer] of kidsLayers.get(locale)) {
      const where = `${locale}/kids/${namespace}.ts`;
      const base = source.get(namespace);
      const own = dictionaries.get(locale).get(namespace);
      if (!base || !own) {
        problems.push(`${where}: no namespace ${namespace}`);
        continue;
      }
      for (const [key, message] of Object.entries(layer)) {
        if (!(key in base)) problems.push(`${where}: ${key} is not a key of ${namespace}`);
        else if (same(message, own[key])) problems.push(`${where}: ${key} is the same as ${locale}/${namespace}'s own text`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every namespace has a kids layer in every locale, loaded where the namespace is defined (README: the kids wording covers every widget\'s texts)', () => {
  // The module that calls defineMessages('<namespace>', …) must load exactly that namespace's
  // layers: a loader pointing at another namespace's file would pass a search of all of src.
  const defined = new Map();
  for (const file of readdirSync(new URL('src/', root), { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || file.startsWith('locales')) continue;
    const code = readFileSync(new URL(`src/${file}`, root), 'utf8');
    const name = code.match(/defineMessages\(\s*'([^']+)'/)?.[1];
    if (name) defined.set(name, { file, layers: [...code.matchAll(/locales\/(\w+)\/kids\/([\w-]+)\.js'/g)].map(([, locale, layer]) => `${locale}/${layer}`) });
  }
  const problems = [];
  for (const namespace of source.keys()) {
    const where = defined.get(namespace);
    if (!where) {
      problems.push(`no module defines the namespace ${namespace}`);
      continue;
    }
    const wanted = LOCALES.map((locale) => `${locale}/${namespace}`);
    for (const locale of LOCALES) if (!kidsLayers.get(locale).has(namespace)) problems.push(`${locale}/kids/${namespace}.ts is missing`);
    if (where.layers.sort().join() !== wanted.sort().join()) problems.push(`src/${where.file} loads the kids layers ${where.layers.join(', ') || '(none)'}, not ${wanted.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});
