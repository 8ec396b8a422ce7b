#!/usr/bin/env node
/** Fails when custom-elements.json misses a tag the kit registers, or a public element lacks its JSDoc contract. */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
const registry = readFileSync('src/registry.ts', 'utf8');
const tags = [...registry.matchAll(/'(veche-[a-z-]+)'\s*:/g)].map((m) => m[1]);

let failed = 0;
for (const tag of tags) {
  const element = declarations.find((d) => d.tagName === tag);
  if (!element) {
    console.error(`custom-elements.json has no <${tag}>`);
    failed++;
    continue;
  }
  if (!element.summary) {
    console.error(`<${tag}> (${element.path}) has no @summary`);
    failed++;
  }
}
console.log(`manifest: ${tags.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
