#!/usr/bin/env node
/**
 * CDN output under dist/cdn/:
 *   veche.js            the autoloader; widgets and the shared core load as chunks on demand
 *   chunks/…            those chunks (core once, then one per widget)
 *   standalone/<name>.js self-contained bundles, one per entry, for pages that want one file
 *   themes/*.css        city presets and modes
 *   sri.json            SRI hashes of every file, for <script integrity="…">
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundle } from './bundle.mjs';
import { entries } from './entries.mjs';

const out = 'dist/cdn';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await bundle('./src/loader.ts', { outDir: out, write: true, entryName: 'veche' });
for (const entry of entries.filter((e) => !e.loader && !e.measureOnly)) {
  await bundle(entry.file, { outDir: join(out, 'standalone'), write: true, split: false, entryName: entry.name });
}
if (existsSync('src/themes')) cpSync('src/themes', join(out, 'themes'), { recursive: true });

const sri = {};
for (const file of readdirSync(out, { recursive: true }).map(String).sort()) {
  const path = join(out, file);
  if (!/\.(js|css)$/.test(file)) continue;
  sri[relative(out, path)] = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}
writeFileSync(join(out, 'sri.json'), JSON.stringify(sri, null, 2) + '\n');
console.log(`CDN build: ${Object.keys(sri).length} files in ${out}/ (hashes in sri.json)`);
