// Every theme preset keeps its text readable: WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for
// borders and the focus outline; 7:1 for text in the high-contrast theme and the visually-impaired
// mode), computed from the CSS
// files the way a widget reads them — through core's fallback chains in src/core/styles.ts.
// Run: node --test test/themes/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

/** `a, b` → ['a', 'b'], splitting only on commas outside parentheses. */
function splitList(text) {
  const parts = [''];
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) parts.push('');
    else parts[parts.length - 1] += char;
  }
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Rules of a theme file, following `@import`s in order: { alternatives: [{ words, without }],
 * declarations }. A selector is `:where(A, B, …)`; each alternative is theme words the element
 * must have, and `:not(…)` lists words it must not have. Rules that set no custom property or
 * color-scheme (e.g. vision's underlined page links) style the page, not tokens: skipped here.
 */
function parseThemes(path) {
  const text = read(path).replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = [];
  for (const [, imported] of text.matchAll(/@import\s+['"]\.\/([^'"]+)['"]/g)) {
    rules.push(...parseThemes(`src/themes/${imported}`));
  }
  for (const [, selector, body] of text.matchAll(/([^{}@;]+)\{([^{}]*)\}/g)) {
    assert.ok(/^\s*:where\(/.test(selector), `${path}: "${selector.trim()}" must be wrapped in :where() (zero specificity)`);
    const declarations = {};
    for (const [, name, value] of body.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)) declarations[name] = value.trim();
    if (!Object.keys(declarations).some((name) => name.startsWith('--') || name === 'color-scheme')) continue;
    const where = /^\s*:where\(([\s\S]*)\)\s*$/.exec(selector);
    assert.ok(where, `${path}: a token rule is one :where(…) group: "${selector.trim()}"`);
    const alternatives = splitList(where[1]).map((alternative) => {
      const nots = [...alternative.matchAll(/:not\(((?:[^()]|\([^()]*\))*)\)/g)];
      const withoutNot = alternative.replace(/:not\(((?:[^()]|\([^()]*\))*)\)/g, '');
      return {
        words: [...withoutNot.matchAll(/\[data-veche-theme~="([\w-]+)"\]/g)].map((m) => m[1]),
        without: nots.flatMap(([, inner]) => [...inner.matchAll(/\[data-veche-theme~="([\w-]+)"\]/g)].map((m) => m[1])),
      };
    });
    rules.push({ file: path, alternatives, declarations });
  }
  return rules;
}

/** What an element with these theme words gets, applying matching rules in the given order. */
function cascade(rules, themeWords) {
  const declared = {};
  for (const rule of rules) {
    const matches = rule.alternatives.some(
      ({ words, without }) => words.every((w) => themeWords.includes(w)) && !without.some((w) => themeWords.includes(w)),
    );
    if (matches) {
      Object.assign(declared, rule.declarations);
    }
  }
  return declared;
}

/** Resolves `var(--a, var(--b, #hex))` against declared custom properties. */
function resolve(expression, declared, seen = new Set()) {
  const value = expression.trim();
  const match = /^var\(\s*(--[\w-]+)\s*(?:,\s*([\s\S]+))?\)$/.exec(value);
  if (!match) return value;
  const [, name, fallback] = match;
  if (name in declared && !seen.has(name)) return resolve(declared[name], declared, new Set([...seen, name]));
  assert.ok(fallback, `${name} is not set and has no fallback`);
  return resolve(fallback, declared, seen);
}

// How core reads each system role inside a widget: `--_text: var(--veche-color-text, …)`.
const coreChains = Object.fromEntries(
  [...read('src/core/styles.ts').matchAll(/--_[\w-]+:\s*var\((--veche-color-[\w-]+),\s*(.+)\);/g)].map(([, name, rest]) => [
    name,
    `var(${name}, ${rest})`,
  ]),
);

function luminance(hex) {
  assert.match(hex, /^#[0-9a-f]{6}$/i, `theme colours are written as #rrggbb (got ${hex})`);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT_PAIRS = [
  ['text', 'surface'],
  ['text', 'surface-alt'],
  ['text', 'warning-surface'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-alt'],
  ['primary', 'surface'],
  ['primary-strong', 'surface'],
  ['primary-strong', 'surface-alt'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-strong'],
  ['danger', 'surface'],
  ['danger', 'surface-alt'],
  ['success', 'surface'],
  ['success', 'surface-alt'],
];
const UI_PAIRS = [
  ['border', 'surface'],
  ['border', 'surface-alt'],
  ['focus-outline', 'surface'],
  ['focus-outline', 'surface-alt'],
];

const CITIES = ['moscow', 'kazan', 'ural', 'altai'];

// Pairs that core's own literal defaults (src/core/styles.ts, not a theme file) do not meet yet;
// reported as todo so the presets stay checked. Remove an entry once core's fallback is fixed.
const CORE_DEFAULT_GAPS = {};
const THEMES = [
  [],
  ['dark'],
  ['contrast'],
  ['contrast', 'dark'],
  ...CITIES.flatMap((city) => [[city], [city, 'dark'], [city, 'contrast'], [city, 'contrast', 'dark']]),
  // The visually-impaired mode, alone and over every city; the kids mode, alone and combined.
  ['vision'],
  ['vision', 'dark'],
  ...CITIES.flatMap((city) => [[city, 'vision'], [city, 'vision', 'dark']]),
  ['kids'],
  ['kids', 'dark'],
  ['kids', 'contrast'],
  ['kids', 'vision'],
  ['kids', 'vision', 'dark'],
  ...CITIES.flatMap((city) => [[city, 'kids'], [city, 'kids', 'dark']]),
];
/** Themes for citizens with low vision: text pairs need 7:1 (WCAG AAA). */
const needsAAA = (theme) => theme.includes('contrast') || theme.includes('vision');

const rules = parseThemes('src/themes/index.css');

function colours(themeWords, order = rules) {
  const declared = cascade(order, themeWords);
  const role = (name) => resolve(coreChains[`--veche-color-${name}`] ?? `var(--veche-color-${name})`, declared);
  return { declared, role };
}

test('core reads every role the themes check', () => {
  for (const [a, b] of [...TEXT_PAIRS, ...UI_PAIRS]) {
    for (const name of [a, b]) assert.ok(coreChains[`--veche-color-${name}`], `styles.ts has no fallback chain for --veche-color-${name}`);
  }
});

test('index.css includes four city presets, dark, contrast, vision and kids', () => {
  const files = new Set(rules.map((r) => r.file));
  for (const name of [...CITIES, 'dark', 'contrast', 'vision', 'kids']) assert.ok(files.has(`src/themes/${name}.css`), `${name}.css is not imported`);
});

test('vision: large type, larger targets, underlined links; kids: larger targets, rounder, own palette', () => {
  const px = (value) => Number(/^(\d+)px$/.exec(value ?? '')?.[1] ?? NaN);
  for (const words of [['vision'], ['kazan', 'vision', 'dark'], ['kids', 'vision']]) {
    const { declared } = colours(words);
    assert.ok(px(declared['--veche-font-size']) >= 20, `${words.join(' ')}: font size ${declared['--veche-font-size']}`);
    assert.ok(px(declared['--veche-target-size']) >= 48, `${words.join(' ')}: target size ${declared['--veche-target-size']}`);
    assert.equal(declared['--veche-link-decoration'], 'underline');
    assert.equal(declared['--veche-decorative-images'], 'none');
  }
  assert.match(read('src/themes/vision.css'), /:where\(\[data-veche-theme~="vision"\]\) :where\(a\[href\]\) \{\s*text-decoration: underline;/);
  for (const words of [['kids'], ['kids', 'dark'], ['altai', 'kids']]) {
    const { declared } = colours(words);
    assert.ok(px(declared['--veche-target-size']) >= 48, `${words.join(' ')}: target size`);
    assert.ok(px(declared['--veche-radius']) > 8, `${words.join(' ')}: radius`);
  }
  assert.notEqual(colours(['kids']).role('primary'), colours([]).role('primary'), 'kids has its own palette');
  assert.equal(colours(['kazan', 'kids']).role('primary'), colours(['kazan']).role('primary'), "a city's palette wins over kids'");
});

for (const theme of THEMES) {
  const label = theme.length ? theme.join(' ') : '(no theme: core defaults)';
  const { role } = colours(theme);
  const textMinimum = needsAAA(theme) ? 7 : 4.5;
  const check = (fg, bg, minimum) => {
    const ratio = contrastRatio(role(fg), role(bg));
    return ratio >= minimum ? undefined : `${fg} ${role(fg)} on ${bg} ${role(bg)}: ${ratio.toFixed(2)} < ${minimum}`;
  };
  const pairs = [...TEXT_PAIRS.map((p) => [...p, textMinimum]), ...UI_PAIRS.map((p) => [...p, 3])];
  const known = (fg, bg) => (theme.length === 0 ? CORE_DEFAULT_GAPS[`${fg}/${bg}`] : undefined);
  test(`contrast: ${label}`, () => {
    const failures = pairs.filter(([fg, bg]) => !known(fg, bg)).map((p) => check(...p)).filter(Boolean);
    assert.deepEqual(failures, []);
  });
  for (const [fg, bg, minimum] of pairs.filter(([fg, bg]) => known(fg, bg))) {
    test(`contrast: ${label}: ${fg} on ${bg}`, { todo: known(fg, bg) }, () => assert.equal(check(fg, bg, minimum), undefined));
  }
}

test('each city has its own palette, in light and in dark', () => {
  const seen = new Map();
  for (const city of CITIES) {
    for (const mode of [[], ['dark']]) {
      const primary = colours([city, ...mode]).role('primary');
      const key = `${mode.join('')}:${primary}`;
      assert.ok(!seen.has(key), `${city} ${mode.join(' ')} has the same primary as ${seen.get(key)}`);
      seen.set(key, city);
      assert.notEqual(primary, colours(mode).role('primary'), `${city} ${mode.join(' ')} does not change the primary colour`);
    }
  }
});

test('dark and contrast set color-scheme; the result does not depend on file order', () => {
  const files = [...new Set(rules.map((r) => r.file))];
  const reversed = files.reverse().flatMap((file) => rules.filter((r) => r.file === file));
  for (const theme of THEMES) {
    const forward = colours(theme).declared;
    const backward = colours(theme, reversed).declared;
    assert.equal(forward['color-scheme'] ?? 'light', theme.includes('dark') ? 'dark' : 'light', theme.join(' '));
    for (const name of Object.keys(coreChains)) {
      assert.equal(
        resolve(coreChains[name], forward),
        resolve(coreChains[name], backward),
        `${theme.join(' ')}: ${name} changes with the order the theme files load in`,
      );
    }
  }
});

test('where a palette makes the surfaces one colour, a loading skeleton shows by its edge (≥ 3:1)', () => {
  let one = 0;
  for (const theme of THEMES) {
    const { role } = colours(theme);
    if (role('surface') !== role('surface-alt')) continue;
    one++;
    const edge = role('skeleton-edge');
    assert.notEqual(edge, 'transparent', `${theme.join(' ') || 'default'}: skeletons are the colour of the widget`);
    assert.ok(contrastRatio(edge, role('surface')) >= 3, `${theme.join(' ')}: the skeleton's edge is ${edge} on ${role('surface')}`);
  }
  assert.ok(one > 0, 'no palette has one surface colour: the check checks nothing');
});
