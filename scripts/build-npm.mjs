#!/usr/bin/env node
/**
 * npm output: unbundled ES modules with declarations under dist/npm/ (tsc), plus the
 * hand-written framework declarations from src/types (tsc does not copy .d.ts sources), so
 * React and Vue users get typed `veche-*` tags from `veche/jsx` and `veche/vue`; and
 * custom-elements.json, which package.json's `customElements` points IDEs to. The manifest is
 * not committed (it is generated from the elements' JSDoc), so a package built from a clean
 * checkout has it only because this step writes it. package.json's `exports` name one entry per
 * line of scripts/entries.mjs; test/node/npm-package.test.mjs checks both against this output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

rmSync('dist/npm', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
cpSync('src/types', 'dist/npm/types', { recursive: true });
run('npm', ['run', '--silent', 'analyze', '--', '--quiet']);
console.log('npm build: dist/npm (modules, declarations, framework types) and custom-elements.json');
