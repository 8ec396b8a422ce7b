#!/usr/bin/env node
/**
 * npm output under dist/npm/: unbundled ES modules with declarations (tsc), plus the
 * hand-written framework declarations from src/types (tsc does not copy .d.ts sources), so
 * React and Vue users get typed `veche-*` tags from `veche/jsx` and `veche/vue`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/npm', { recursive: true, force: true });
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit', shell: false });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync('src/types', 'dist/npm/types', { recursive: true });
console.log('npm build: dist/npm (modules, declarations, framework types)');
