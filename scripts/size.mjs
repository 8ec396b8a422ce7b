#!/usr/bin/env node
/**
 * Prints a gzip size table per entry and for the whole kit, and exits non-zero when an entry
 * is over its budget. Run by `npm test`; `--json FILE` also writes the numbers.
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundle, staticClosure } from './bundle.mjs';
import { entries, kitBudget } from './entries.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

const rows = [];
for (const entry of entries) {
  const chunks = await bundle(entry.file);
  const main = chunks.find((c) => c.isEntry);
  const closure = staticClosure(chunks, main);
  const code = closure.map((c) => c.code).join('\n');
  const lazy = chunks.filter((c) => !closure.includes(c));
  rows.push({
    name: entry.name,
    gzip: gzip(code),
    lazy: lazy.reduce((sum, c) => sum + gzip(c.code), 0),
    budget: entry.budget,
    note: entry.note,
    experimental: !!entry.experimental,
  });
}
// The whole kit is what a page with every widget loads: one bundle of every entry, shared
// code once, lazily loaded parts (other locales, the map) excluded.
mkdirSync('.cache', { recursive: true });
const kitEntry = '.cache/whole-kit.ts';
writeFileSync(kitEntry, entries.filter((e) => !e.loader && !e.measureOnly).map((e) => `import '${e.file.replace('./', '../')}';`).join('\n') + '\n');
const kitChunks = await bundle(`./${kitEntry}`);
const kit = gzip(staticClosure(kitChunks, kitChunks.find((c) => c.isEntry)).map((c) => c.code).join('\n'));

const over = rows.filter((r) => r.gzip > r.budget && !r.experimental);
// The whole kit is a release gate once every widget in it is; until then it is reported only.
const kitExperimental = entries.some((e) => e.experimental);
console.log('entry'.padEnd(12), 'gzip'.padStart(10), 'budget'.padStart(10), 'lazy parts'.padStart(12), ' ', 'what');
for (const r of rows) {
  const flag = r.gzip > r.budget ? (r.experimental ? ' OVER (experimental: not yet a release gate)' : ' OVER') : '';
  console.log(r.name.padEnd(12), kb(r.gzip).padStart(10), kb(r.budget).padStart(10), kb(r.lazy).padStart(12), ' ', r.note + flag);
}
console.log('whole kit'.padEnd(12), kb(kit).padStart(10), kb(kitBudget).padStart(10), ''.padStart(12), ' ', 'a page with every widget: each module once, lazy parts excluded' + (kit > kitBudget ? (kitExperimental ? ' OVER (has experimental widgets: not yet a release gate)' : ' OVER') : ''));

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ rows, kit }, null, 2));

const kitOver = kit > kitBudget;
const failed = over.length + (kitOver && !kitExperimental ? 1 : 0);
const experimentalOver = rows.filter((r) => r.gzip > r.budget && r.experimental).length + (kitOver && kitExperimental ? 1 : 0);
console.log(`size: ${rows.length + 1 - failed - experimentalOver} passed, ${failed} failed, ${experimentalOver} skipped`);
process.exit(failed ? 1 : 0);
