/**
 * What a page under a strict Content-Security-Policy (test/browser/…/strict-csp.html) needs to
 * report on the widgets in it: the violations it sees, and the contract's mock backend answered
 * inside the page. Not MSW's service worker: the policy's `worker-src` would have to allow it,
 * and the page's own requests would then leave it. MSW's `getResponse` runs the same handlers.
 */
import { getResponse } from 'msw';
import { createMockBackend, MOCK_API } from '../../../src/mocks/index.js';

/** Every CSP violation in the page from now on, as `directive: what was blocked`. */
export function watchViolations(): string[] {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample}`));
  return violations;
}

/** Answers `fetch` to MOCK_API from a fresh mock backend over the demo region; anything else goes to the network. */
export function answerInPage(): void {
  const { handlers } = createMockBackend();
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(MOCK_API)) return realFetch(request);
    return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
  };
}
