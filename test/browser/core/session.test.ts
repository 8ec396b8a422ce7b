import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../../src/core/api-client.js';
import { ApiError } from '../../../src/core/problem.js';
import { currentSession, signedInOnly } from '../../../src/core/session.js';
import { startMocks } from '../../helpers/browser/msw.js';

const BASE = 'https://session.test/api';

describe('session probe', () => {
  const calls: string[] = [];
  before(async () => {
    await startMocks(
      http.get(`${BASE}/session`, ({ request }) => {
        calls.push(`session ${request.headers.get('Authorization') ?? 'anonymous'}`);
        const token = request.headers.get('Authorization');
        return HttpResponse.json(token ? { signedIn: true, me: { id: 'anna', displayName: 'Анна', roles: ['citizen'], agencyId: null, contact: { name: 'Анна' } } } : { signedIn: false, me: null });
      }),
      http.get(`${BASE}/wallet`, () => (calls.push('wallet'), HttpResponse.json({ balance: 10 }))),
    );
  });
  beforeEach(() => (calls.length = 0));

  it('signed out: fails like a 401 without asking for the wallet, and asks for the session once', async () => {
    const client = new ApiClient({ baseUrl: BASE });
    const attempts = await Promise.all(
      [1, 2, 3].map(() => signedInOnly(client, () => client.get('/wallet')).catch((e: unknown) => e)),
    );
    for (const error of attempts) expect((error as ApiError).kind).to.equal('auth');
    expect(calls).to.deep.equal(['session anonymous']);
    await currentSession(client);
    expect(calls).to.have.length(1);
  });

  it('signed in: runs the request', async () => {
    const client = new ApiClient({ baseUrl: BASE, getToken: () => 'jwt' });
    const wallet = await signedInOnly(client, () => client.get<{ balance: number }>('/wallet'));
    expect(wallet.balance).to.equal(10);
    expect(calls).to.deep.equal(['session Bearer jwt', 'wallet']);
  });
});
