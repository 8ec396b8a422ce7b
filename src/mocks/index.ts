/**
 * MSW mocks of the whole Veche contract (api/openapi.yaml and api/open311.yaml) over the demo
 * region, for Storybook, browser tests, the no-server demo and the contract suite. Works with the
 * service worker (msw/browser) and in Node (msw/node).
 *
 *   const backend = createMockBackend();
 *   worker.use(...scenarios.slow(), ...backend.handlers);
 *   // a widget with api="https://mock.veche.test/api" and getToken: () => mockToken('anna')
 */
import type { RequestHandler } from 'msw';
import { MOCK_API, MOCK_OPEN311 } from './constants';
import { MockDb } from './db';
import { apiHandlers } from './handlers';
import { MOCK_TOKEN_PREFIX } from './http';
import { open311Handlers } from './open311';

export { MOCK_API, MOCK_OPEN311 } from './constants';
export { scenarios } from './scenarios';
export { fixtureIds } from './fixture-ids';
export { MockDb, type MockIdentity } from './db';

export interface MockBackendOptions {
  /** base of the contract (default MOCK_API); a path like '/api' works in the browser */
  baseUrl?: string;
  /** base of the Open311 face (default MOCK_OPEN311) */
  open311BaseUrl?: string;
  /** delay before every response, to make loading states visible */
  latencyMs?: number;
  /** the instant the demo region is built around (default: now) */
  now?: Date;
}

export interface MockBackend {
  handlers: RequestHandler[];
  /** the in-memory store the handlers read and write (inspect it in tests) */
  db: MockDb;
  /** back to the freshly generated demo region, forgetting idempotency keys */
  reset(): void;
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const base = (options.baseUrl ?? MOCK_API).replace(/\/+$/, '');
  const open311Base = (options.open311BaseUrl ?? MOCK_OPEN311).replace(/\/+$/, '');
  const db = new MockDb(options.now ? { now: options.now } : {});
  const idempotency = new Map();
  const latencyMs = options.latencyMs ?? 0;
  return {
    handlers: [...apiHandlers({ db, base, latencyMs, idempotency }), ...open311Handlers({ db, base: open311Base, apiBase: base, latencyMs })],
    db,
    reset() {
      db.reset();
      idempotency.clear();
    },
  };
}

/** The bearer token that signs a demo person (or any new citizen id) in to the mocks. */
export function mockToken(citizenId: string): string {
  return `${MOCK_TOKEN_PREFIX}${citizenId}`;
}
