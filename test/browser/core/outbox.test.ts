import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../../src/core/api-client.js';
import { OutboxController } from '../../../src/core/outbox.js';
import type { ApiError } from '../../../src/core/problem.js';
import { hasQueued } from '../../../src/core/queued.js';
import { readStored, writeStored } from '../../../src/core/storage.js';
import { startMocks as startMswMocks } from '../../helpers/browser/msw.js';

const BASE = 'https://outbox.test/api';
const client = new ApiClient({ baseUrl: BASE });
/** Signed in with a token that is the citizen's id, as a portal's `getToken` would give one. */
const signedInAs = (citizen: string) => new ApiClient({ baseUrl: BASE, getToken: () => citizen });

/** The backend's session: who the bearer token names, or nobody. */
const session = http.get(`${BASE}/session`, ({ request }) => {
  const citizen = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  return HttpResponse.json(citizen ? { signedIn: true, me: { id: citizen, displayName: citizen } } : { signedIn: false, me: null });
});
const startMocks = (...handlers: Parameters<typeof startMswMocks>) => startMswMocks(session, ...handlers);

interface Body {
  text: string;
}

class OutboxHost extends LitElement {
  sent: Array<{ result: unknown; key: string }> = [];
  rejected: ApiError[] = [];
  authRequired = 0;
  outbox = new OutboxController<Body, { id: string }>(this, {
    storageKey: () => 'outbox:test',
    client: () => client,
    onSent: (result, item) => this.sent.push({ result, key: item.key }),
    onRejected: (error) => this.rejected.push(error),
    onAuthRequired: () => this.authRequired++,
    backoff: { retries: Infinity, baseMs: 20, capMs: 40 },
  });
}
customElements.define('outbox-host', OutboxHost);

/** A server that, like the real one, stores the first answer per idempotency key. */
function idempotentServer(behaviour: (attempt: number) => 'ok' | 'fail-before' | 'fail-after' | 'offline') {
  const answers = new Map<string, { id: string }>();
  const committed: string[] = [];
  let attempt = 0;
  const handler = http.post(`${BASE}/complaints`, async ({ request }) => {
    const key = request.headers.get('Idempotency-Key')!;
    const mode = behaviour(++attempt);
    if (mode === 'offline') return HttpResponse.error();
    if (mode === 'fail-before') return new HttpResponse(null, { status: 503 });
    let answer = answers.get(key);
    if (!answer) {
      answer = { id: `C-${answers.size + 1}` };
      answers.set(key, answer);
      committed.push(((await request.json()) as Body).text);
    }
    if (mode === 'fail-after') return new HttpResponse(null, { status: 502 });
    return HttpResponse.json(answer, { status: 201 });
  });
  return { handler, committed, attempts: () => attempt };
}

describe('outbox', () => {
  beforeEach(() => localStorage.clear());

  it('persists before sending, sends with the idempotency key, and forgets the item once confirmed', async () => {
    const server = idempotentServer(() => 'ok');
    await startMocks(server.handler);
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    const sending = el.outbox.send('/complaints', { text: 'Яма' }, { key: 'key-1' });
    expect(readStored<unknown[]>('outbox:test')).to.have.length(1);
    await sending;
    expect(el.sent).to.deep.equal([{ result: { id: 'C-1' }, key: 'key-1' }]);
    expect(el.outbox.items).to.be.empty;
    expect(el.outbox.status).to.equal('idle');
    expect(readStored<unknown[]>('outbox:test')).to.deep.equal([]);
  });

  it('keeps a note with its item where it is persisted, and never sends it', async () => {
    let sent: unknown;
    await startMocks(http.post(`${BASE}/complaints`, async ({ request }) => ((sent = await request.json()), HttpResponse.json({ id: 'C-1' }, { status: 201 }))));
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    const sending = el.outbox.send('/complaints', { text: 'Яма' }, { key: 'key-note', note: { cost: 300 } });
    expect(readStored<Array<{ note?: unknown }>>('outbox:test')![0]!.note).to.deep.equal({ cost: 300 });
    await sending;
    expect(sent).to.deep.equal({ text: 'Яма' });
  });

  it('an element taken off the page sends nothing more: its queue is left to the element that replaces it', async () => {
    const server = idempotentServer((n) => (n === 1 ? 'fail-before' : 'ok'));
    await startMocks(server.handler);
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await el.outbox.send('/complaints', { text: 'Яма у школы' });
    expect(el.outbox.status).to.equal('waiting');
    el.remove();
    el.outbox.retryNow();
    dispatchEvent(new Event('online'));
    await aTimeout(100);
    expect(server.attempts()).to.equal(1);
    expect(el.sent).to.be.empty;
    expect(readStored<unknown[]>('outbox:test')).to.have.length(1);

    const successor = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await waitUntil(() => successor.sent.length === 1, 'the new element did not send the queued item');
    expect(server.committed).to.deep.equal(['Яма у школы']);
  });

  it('what an earlier visit queued is sent on load, even when the widget looked at the queue before its first update', async () => {
    const server = idempotentServer(() => 'ok');
    await startMocks(server.handler);
    writeStored('outbox:test', [{ key: 'left-over', path: '/complaints', body: { text: 'Из прошлого визита' }, createdAt: Date.now(), attempts: 1 }]);
    expect(hasQueued('outbox:test')).to.be.true;
    const el = document.createElement('outbox-host') as OutboxHost;
    expect(el.outbox.items).to.have.length(1); // read before the element's first update
    document.body.append(el);
    try {
      await waitUntil(() => el.sent.length === 1, 'the queued item was not sent on load');
      expect(server.committed).to.deep.equal(['Из прошлого визита']);
      expect(hasQueued('outbox:test')).to.be.false;
      expect(hasQueued(undefined)).to.be.false;
    } finally {
      el.remove();
    }
  });

  it('keeps retrying after 5xx before and after the server committed, and the server acts once', async () => {
    const plan = ['fail-before', 'fail-after', 'offline', 'ok'] as const;
    const server = idempotentServer((n) => plan[n - 1] ?? 'ok');
    await startMocks(server.handler);
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await el.outbox.send('/complaints', { text: 'Не горит фонарь' });
    expect(el.outbox.status).to.equal('waiting');
    expect(el.outbox.items[0]!.attempts).to.equal(1);
    await waitUntil(() => el.sent.length === 1, 'not sent', { timeout: 3000 });
    expect(server.attempts()).to.equal(4);
    expect(server.committed).to.deep.equal(['Не горит фонарь']);
    expect(el.sent[0]!.result).to.deep.equal({ id: 'C-1' });
  });

  it('sends what was queued on the next page load, and when the browser comes back online', async () => {
    let online = false;
    const server = idempotentServer(() => (online ? 'ok' : 'offline'));
    await startMocks(server.handler);
    const first = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await first.outbox.send('/complaints', { text: 'Свалка во дворе' });
    first.remove(); // the tab is closed while offline
    expect(readStored<unknown[]>('outbox:test')).to.have.length(1);

    const reloaded = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await waitUntil(() => reloaded.outbox.status === 'waiting', 'the reloaded page did not try');
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => reloaded.sent.length === 1, 'not sent when online');
    expect(server.committed).to.deep.equal(['Свалка во дворе']);
  });

  it('drops an item the server refuses for good and reports it', async () => {
    await startMocks(
      http.post(`${BASE}/complaints`, () =>
        HttpResponse.json(
          { type: 'https://veche.dev/problems/validation', status: 422, title: 'Invalid', errors: [{ pointer: '/text', detail: 'Слишком коротко' }] },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await el.outbox.send('/complaints', { text: '?' });
    expect(el.rejected).to.have.length(1);
    expect(el.rejected[0]!.fields).to.deep.equal({ text: 'Слишком коротко' });
    expect(el.outbox.items).to.be.empty;
  });

  it('keeps an item on 401 until the citizen signs in, then sends it', async () => {
    let signedIn = false;
    await startMocks(
      http.post(`${BASE}/complaints`, () =>
        signedIn ? HttpResponse.json({ id: 'C-9' }, { status: 201 }) : new HttpResponse(null, { status: 401 }),
      ),
    );
    const el = await fixture<OutboxHost>(html`<outbox-host></outbox-host>`);
    await el.outbox.send('/complaints', { text: 'Лужа' });
    expect(el.authRequired).to.equal(1);
    expect(el.outbox.items).to.have.length(1);
    await aTimeout(100);
    expect(el.sent).to.be.empty; // no automatic retry without a sign-in
    signedIn = true;
    el.outbox.retryNow();
    await waitUntil(() => el.sent.length === 1);
    expect(el.outbox.items).to.be.empty;
  });
});

class SessionPcHost extends LitElement {
  api = signedInAs('anna');
  sent: string[] = [];
  outbox = new OutboxController<Body, { id: string }>(this, {
    storageKey: () => 'outbox:session',
    client: () => this.api,
    onSent: (_result, item) => this.sent.push(`${item.owner}:${item.body.text}`),
    onRejected: () => undefined,
    backoff: { retries: Infinity, baseMs: 20, capMs: 40 },
  });
}
customElements.define('session-pc-host', SessionPcHost);

describe("outbox: whose an item is comes from the backend's session", () => {
  beforeEach(() => localStorage.clear());

  it('the next citizen signed in on this browser neither sends nor sees what another one queued', async () => {
    let online = false;
    const server = idempotentServer(() => (online ? 'ok' : 'offline'));
    await startMocks(server.handler);
    const el = await fixture<SessionPcHost>(html`<session-pc-host></session-pc-host>`);
    await el.outbox.send('/complaints', { text: 'Аннина жалоба' });
    expect(readStored<Array<{ owner?: string }>>('outbox:session')![0]!.owner).to.equal('anna');

    el.api = signedInAs('ivan'); // Anna signs out, Ivan signs in: the portal gives a new token getter
    el.requestUpdate();
    online = true;
    el.outbox.retryNow();
    await aTimeout(150);
    expect(el.outbox.items).to.be.empty;
    expect(server.committed).to.be.empty;

    el.api = signedInAs('anna');
    el.outbox.retryNow();
    await waitUntil(() => el.sent.length === 1, "Anna's item was not sent once she was back", { timeout: 3000 });
    expect(el.sent).to.deep.equal(['anna:Аннина жалоба']);
  });

  it('an element taken off the page while the session answers leaves the queue alone (the successor writes it)', async () => {
    let answerSession: () => void = () => undefined;
    const sessionAnswered = new Promise<void>((resolve) => (answerSession = resolve));
    await startMswMocks(
      http.get(`${BASE}/session`, async () => {
        await sessionAnswered;
        return HttpResponse.json({ signedIn: true, me: { id: 'anna', displayName: 'Анна' } });
      }),
      http.post(`${BASE}/complaints`, () => HttpResponse.error()),
    );
    const el = await fixture<SessionPcHost>(html`<session-pc-host></session-pc-host>`);
    void el.outbox.send('/complaints', { text: 'Ушла со страницы' });
    expect(readStored<unknown[]>('outbox:session')).to.have.length(1);
    el.remove();
    localStorage.clear(); // what the element now on the page did with the queue
    answerSession();
    await aTimeout(200);
    expect(readStored('outbox:session')).to.equal(undefined);
  });

  it("an item queued before the session answered becomes its citizen's, and is shown only once the session is known", async () => {
    let answerSession: () => void = () => undefined;
    const sessionAnswered = new Promise<void>((resolve) => (answerSession = resolve));
    let online = false;
    const server = idempotentServer(() => (online ? 'ok' : 'offline'));
    await startMswMocks(
      http.get(`${BASE}/session`, async () => {
        await sessionAnswered;
        return HttpResponse.json({ signedIn: true, me: { id: 'anna', displayName: 'Анна' } });
      }),
      server.handler,
    );
    const el = await fixture<SessionPcHost>(html`<session-pc-host></session-pc-host>`);
    const sending = el.outbox.send('/complaints', { text: 'Сразу после загрузки' });
    expect(readStored<Array<{ owner?: string; claim?: boolean }>>('outbox:session')![0]).to.include({ claim: true });
    answerSession();
    await sending;
    expect(readStored<Array<{ owner?: string; claim?: boolean }>>('outbox:session')![0]).to.deep.include({ owner: 'anna' }).and.not.have.property('claim');

    // The next visit: nothing of Anna's is listed before the session says it is Anna.
    el.remove();
    const slow = await fixture<SessionPcHost>(html`<session-pc-host></session-pc-host>`);
    slow.api = signedInAs('anna');
    expect(slow.outbox.items).to.be.empty;
    online = true;
    slow.outbox.retryNow();
    await waitUntil(() => slow.sent.length === 1, 'not sent once the session answered', { timeout: 3000 });
    expect(server.committed).to.deep.equal(['Сразу после загрузки']);
  });
});
