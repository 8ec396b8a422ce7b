/** The contract suite against the MSW mocks, intercepting fetch in-process at MOCK_API. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { setupServer } from 'msw/node';
import { createMockBackend, MOCK_API, MOCK_OPEN311, mockToken } from '../../src/mocks/index';
import { GENERATED_FILE, renderMockContract } from './gen-mock-contract';
import { defineContractSuite } from './suite';

test('the mocks validate requests with the current contract (src/mocks/contract.gen.ts is fresh)', () => {
  assert.ok(readFileSync(GENERATED_FILE, 'utf8') === renderMockContract(), 'api/openapi.yaml or api/open311.yaml changed: run `npx tsx test/contract/gen-mock-contract.ts`');
});

const backend = createMockBackend();
const server = setupServer(...backend.handlers);
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

let fresh = 0;
defineContractSuite({
  name: 'MSW mocks',
  apiUrl: MOCK_API,
  open311Url: MOCK_OPEN311,
  signIn: async (who) => mockToken('citizenId' in who ? who.citizenId : `contract-${process.pid}-${++fresh}`),
});
