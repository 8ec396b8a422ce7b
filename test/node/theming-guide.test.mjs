// The theming guide (stories/theming.mdx) names every system token core reads and every theme
// file: a token or preset added without a line in the guide fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const guide = readFileSync(new URL('stories/theming.mdx', root), 'utf8');

test('every system token core reads is in the theming guide', () => {
  const dir = new URL('src/core/', root);
  const tokens = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const [, name] of readFileSync(new URL(file, dir), 'utf8').matchAll(/var\((--veche-[a-z0-9-]+)/g)) {
      if (!name.startsWith('--veche-ref-')) tokens.add(name);
    }
  }
  assert.ok(tokens.size > 15, `found only ${tokens.size} tokens: did core's styles move?`);
  const missing = [...tokens].filter((name) => !guide.includes(`\`${name}\``));
  assert.deepEqual(missing, [], 'tokens missing from stories/theming.mdx');
});

test('every theme file is in the theming guide', () => {
  const files = readdirSync(new URL('src/themes/', root)).filter((f) => f.endsWith('.css') && f !== 'index.css');
  assert.ok(files.length >= 8);
  assert.deepEqual(files.filter((file) => !guide.includes(file)), [], 'theme files missing from stories/theming.mdx');
});
