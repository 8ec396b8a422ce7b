import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

let worker: SetupWorker | undefined;

/**
 * Starts the MSW service worker once per test file and proves it controls the page, so a
 * mock can never be silently bypassed by a request that reaches the real network.
 */
export async function startMocks(...handlers: RequestHandler[]): Promise<SetupWorker> {
  if (!worker) {
    worker = setupWorker(...handlers);
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'error',
      quiet: true,
    });
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
    if (!navigator.serviceWorker.controller) throw new Error('MSW service worker does not control this page');
  } else {
    worker.resetHandlers(...handlers);
  }
  return worker;
}
