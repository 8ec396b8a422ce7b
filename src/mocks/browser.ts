/**
 * The service-worker side, for the demo's no-server `?mock` mode and Storybook. The page must serve
 * `mockServiceWorker.js` at its root (public/ holds it).
 */
import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

export async function startMockWorker(handlers: RequestHandler[], options: { workerUrl?: string; quiet?: boolean } = {}) {
  const worker = setupWorker(...handlers);
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? false,
  });
  return worker;
}
