// Browser tests run in the machine's Chromium (CHROME_PATH, else /usr/bin/chromium);
// no test tool downloads a browser of its own.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumLaunchOptions } from './scripts/ensure-chromium.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const workerFile = '/node_modules/msw/lib/mockServiceWorker.js';

/** The strictest policy a portal may set: no inline code or styles, no eval, Trusted Types. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // Two cores: more than one page at a time leaves background tabs whose frames stall.
  concurrency: 1,
  testFramework: { config: { timeout: 8000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  plugins: [
    // `import css from 'x.css?inline'` (as Vite does): the stylesheet's text as a module.
    {
      name: 'veche-inline-css',
      serve(context) {
        if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
        const file = fileURLToPath(new URL(`.${context.path}`, import.meta.url));
        return { body: `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`, type: 'js' };
      },
    },
    esbuildPlugin({ ts: true, tsconfig, target: 'es2022' }),
    // executeServerCommand('demo-region-digest', { now }): the demo region as Node builds it (the
    // reference server's seed), for a test that the browser mocks build the same one.
    {
      name: 'veche-demo-region-digest',
      async executeCommand({ command, payload }) {
        if (command !== 'demo-region-digest') return undefined;
        const script = fileURLToPath(new URL('./test/helpers/demo-region-digest.ts', import.meta.url));
        // A child process (tsx compiles the TypeScript fixture), not run in this server's own loop.
        const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, payload.now]);
        return stdout;
      },
    },
  ],
  middleware: [
    // MSW's worker must be served from the origin root to control the test pages.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.url = workerFile;
      return next();
    },
    async (ctx, next) => {
      await next();
      if (ctx.path === '/test/browser/fixtures/strict-csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        ...chromiumLaunchOptions(),
      },
    }),
  ],
};
