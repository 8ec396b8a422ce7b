/**
 * Serves the demo portal (Vite, as `npm start` does) against a given reference server and
 * opens it in headless Chromium through playwright-core. Used by the end-to-end tests.
 */
import { createServer as createNetServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumLaunchOptions } from '../../scripts/ensure-chromium.mjs';

export interface DemoPortal {
  url: string;
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far (a clean run has none). */
  errors: string[];
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function openDemoPortal(backendUrl: string, path = '/demo/'): Promise<DemoPortal> {
  process.env.VECHE_BACKEND = backendUrl;
  const port = await freePort();
  const vite: ViteDevServer = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { port, strictPort: true, hmr: false },
  });
  await vite.listen();
  const browser = await chromium.launch({
    ...chromiumLaunchOptions(),
  });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // Console lines about failed loads do not say what failed; these do.
  // A read the page cancelled itself (a widget reloading its data supersedes the request before)
  // is not a failure; a cancelled write, or any other failure, is.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    if (reason === 'net::ERR_ABORTED' && request.method() === 'GET') return;
    errors.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const url = `http://127.0.0.1:${port}${path}`;
  await page.goto(url);
  return {
    url,
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      await vite.close();
    },
  };
}
