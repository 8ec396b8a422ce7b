/**
 * The demo's no-server mode: `/demo/?mock` (or `/demo/legacy.html?mock`) answers `/api` from the
 * MSW mocks of the contract (src/mocks) in a service worker instead of the reference server.
 *
 * The worker takes a moment to start, and the kit's loader — pasted into the page like on any
 * portal — does not wait for it. So until the worker controls the page, this module holds back
 * the page's requests to `/api` (the widgets' first loads and the demo sign-in) and releases them
 * once the mocks answer; nothing reaches the network meanwhile. This script must come before the
 * loader `<script>` in the page so the hold is in place before any widget asks for data.
 */
export const mockMode = new URLSearchParams(location.search).has('mock');

const API_PATH = '/api/';

function isApiRequest(input: RequestInfo | URL): boolean {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  return url.origin === location.origin && url.pathname.startsWith(API_PATH);
}

async function startMocks(): Promise<void> {
  const [{ createMockBackend }, { startMockWorker }] = await Promise.all([import('../src/mocks/index.js'), import('../src/mocks/browser.js')]);
  await startMockWorker(createMockBackend({ baseUrl: '/api' }).handlers, { quiet: true });
  // On the first visit the worker may report ready a moment before it controls this page.
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
}

/** Resolves when `/api` is answered: by the mocks in mock mode, at once otherwise. */
export const backendReady: Promise<void> = mockMode ? startMocks() : Promise.resolve();

if (mockMode) {
  document.documentElement.dataset.demoBackend = 'mock';
  const networkFetch = window.fetch.bind(window);
  window.fetch = (input, init) => (isApiRequest(input) ? backendReady.then(() => networkFetch(input, init)) : networkFetch(input, init));
  backendReady.then(
    () => (document.documentElement.dataset.demoBackend = 'mock-ready'),
    (error: unknown) => console.error('[demo] the mock backend did not start', error),
  );
}
