// package.json's `sideEffects` tells bundlers (ours, and those of the npm package's users) which
// modules must stay although nothing uses their exports. A module that src imports only for what
// it does when it runs (`import './x.js'`) and that is missing from the list is silently dropped
// from every bundle: its work never happens in production, while the unbundled tests still pass.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// A package.json glob as a regular expression: "**/" any folders, "**" anything, "*" within a name.
const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .split('**/')
      .map((part) => part.split('**').map((piece) => piece.split('*').map(escape).join('[^/]*')).join('.*'))
      .join('(?:.*/)?')}$`,
  );
const declared = sideEffects.map(globToRegExp);
const isDeclared = (path) => declared.some((pattern) => pattern.test(path));

test('every module src imports only for its side effects is declared in package.json sideEffects, as source and as npm output', () => {
  const sources = readdirSync(join(root, 'src'), { recursive: true }).map(String).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
  const bare = new Set();
  for (const file of sources) {
    const code = readFileSync(join(root, 'src', file), 'utf8');
    for (const [, specifier] of code.matchAll(/^import\s+['"](\.{1,2}\/[^'"]+)['"];?\s*$/gm)) {
      const target = relative(root, join(root, 'src', dirname(file), specifier)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
      bare.add(target);
    }
  }
  assert.ok(bare.size > 0, 'no module is imported for its side effects: this test looks for nothing');
  const missing = [...bare].flatMap((source) => {
    const npm = source.replace(/^src\//, 'dist/npm/').replace(/\.ts$/, '.js');
    return [`./${source}`, `./${npm}`].filter((path) => !isDeclared(path));
  });
  assert.deepEqual(missing, [], 'imported for their side effects but not declared in "sideEffects"');
});
