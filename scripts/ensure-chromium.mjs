#!/usr/bin/env node
/**
 * The browser tests run in the machine's own Chromium (no test tool downloads a browser).
 * Uses CHROME_PATH when set, else /usr/bin/chromium; on Debian as root, installs it from apt
 * when missing, so that `npm ci && npm test` works on a fresh machine.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function chromePath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * How every test, check and benchmark launches it: headless, no sandbox (CI runs as root), and
 * without the background networking that a closed network answers with refusals.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: chromePath(),
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

export function ensureChromium() {
  const path = chromePath();
  if (existsSync(path)) return path;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH=${path} does not exist.`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error('Chromium is missing: install it (sudo apt-get install -y chromium) or set CHROME_PATH to Chrome.');
  }
  console.log('Installing Chromium from apt (about 30 s)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
