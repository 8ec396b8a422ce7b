/**
 * Who is signed in, asked once per page and backend. Widgets check it before loading what
 * needs identity (a wallet, "my complaints", rating eligibility), so an anonymous visitor's
 * page shows the sign-in call to action without a single failed request — no red console
 * lines for the portal's webmaster, no wasted round trips.
 */
import type { ApiClient } from './api-client.js';
import type { components } from './api-schema.js';
import { ApiError } from './problem.js';

export type SessionState = components['schemas']['SessionState'];

// Per client, i.e. per backend and token getter: a new `getToken` after sign-in asks again.
const sessions = new WeakMap<ApiClient, Promise<SessionState>>();

export function currentSession(client: ApiClient): Promise<SessionState> {
  let session = sessions.get(client);
  if (!session) {
    session = client.get<SessionState>('/session');
    sessions.set(client, session);
    session.catch(() => sessions.delete(client));
  }
  return session;
}

/** The id of the citizen the backend's session names (`undefined`: signed out). */
export const signedInCitizen = async (client: ApiClient): Promise<string | undefined> => (await currentSession(client)).me?.id;

/** Forget what is known, e.g. after a 401 showed the session had ended. */
export function forgetSession(client: ApiClient): void {
  sessions.delete(client);
}

/**
 * Runs `request` for a signed-in citizen. Signed out, it fails exactly as a 401 would
 * (`ApiError` of kind `auth`) without asking the backend, so callers handle one case.
 */
export async function signedInOnly<T>(client: ApiClient, request: () => Promise<T>): Promise<T> {
  const session = await currentSession(client);
  if (!session.signedIn) throw new ApiError('auth', 'Not signed in.', 401);
  try {
    return await request();
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'auth') forgetSession(client);
    throw error;
  }
}
