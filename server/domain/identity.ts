/** /me and the demo sign-in (present only when the server runs with VECHE_DEMO=1). */
import type { DemoCitizen } from '../../api/fixtures/demo-region';
import { notFound } from '../problems';
import type { Authenticator } from '../auth';
import { sessionCookie } from '../auth';
import type { Store } from '../store/repository';
import { newId, ok, requireIdentity, type Identity, type OperationHandler, type Schemas } from './context';

export function identityOperations(store: Store, auth: Authenticator, demo: { enabled: boolean; citizens: DemoCitizen[]; secureCookie: boolean }): Record<string, OperationHandler> {
  const me = async (identity: Identity): Promise<Schemas['Me']> => {
    const row = await store.citizens.get(identity.id);
    const contact: Schemas['Me']['contact'] = { name: row?.display_name ?? identity.displayName };
    const email = row?.email ?? identity.email;
    const phone = row?.phone ?? identity.phone;
    if (email) contact.email = email;
    if (phone) contact.phone = phone;
    return { id: identity.id, displayName: identity.displayName, roles: identity.roles, agencyId: identity.agencyId, contact };
  };
  const cookie = (value: string, maxAge: number) => sessionCookie(value, maxAge, demo.secureCookie);
  return {
    getMe: async (ctx) => ok(await me(requireIdentity(ctx))),
    getSession: async (ctx) =>
      ok({ signedIn: !!ctx.identity, me: ctx.identity ? await me(ctx.identity) : null } satisfies Schemas['SessionState']),
    demoSignIn: async (ctx) => {
      if (!demo.enabled) throw notFound('Демо-вход');
      const body = (ctx.body ?? {}) as Schemas['DemoSignIn'];
      let identity: Identity;
      if (body.fresh) {
        identity = { id: newId('demo'), displayName: body.name ?? 'Новый житель', roles: ['citizen'], agencyId: null };
      } else {
        const c = demo.citizens.find((x) => x.id === (body.citizenId ?? demo.citizens[0]?.id));
        if (!c) throw notFound('Демо-житель');
        identity = { id: c.id, displayName: c.displayName, roles: c.roles, agencyId: c.agencyId, email: c.email, phone: c.phone };
      }
      await store.citizens.ensure(identity, ctx.now.toISOString());
      const ttl = 12 * 3600;
      const { token, expiresAt } = await auth.issue(identity, ttl, ctx.now.getTime());
      return { status: 200, body: { token, tokenType: 'Bearer', expiresAt, me: await me(identity) } satisfies Schemas['Session'], headers: { 'set-cookie': cookie(token, ttl) } };
    },
    signOut: async () => ({ status: 204, body: null, headers: { 'set-cookie': cookie('', 0) } }),
  };
}
