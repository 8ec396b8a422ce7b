import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { ApiClient } from '../../../src/core/api-client.js';
import type { Clock } from '../../../src/core/backoff.js';
import { ApiError } from '../../../src/core/problem.js';
import { startMocks } from '../../helpers/browser/msw.js';
import '../../helpers/browser/test-widget.js';
import type { VecheTestWidget } from '../../helpers/browser/test-widget.js';

const BASE = 'https://backend.test/api';

/** A fake clock: records every wait and lets it pass at once. Random is fixed for repeatable delays. */
function fakeClock(random = 0.5): Clock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random: () => random, sleep: async (ms) => void waits.push(ms) };
}

function client(clock = fakeClock(), extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) {
  return new ApiClient({ baseUrl: BASE, clock, backoff: { retries: 3, baseMs: 100, capMs: 1000 }, ...extra });
}

describe('API client', () => {
  before(async () => {
    await startMocks();
  });

  it('is controlled by the mock service worker (no request can bypass the mocks)', () => {
    expect(navigator.serviceWorker.controller?.scriptURL).to.match(/mockServiceWorker\.js$/);
  });

  it('retries a GET on 5xx with full-jitter exponential backoff, then succeeds', async () => {
    let calls = 0;
    const worker = await startMocks(
      http.get(`${BASE}/polls/1`, () => (++calls < 3 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json({ id: '1' }))),
    );
    const clock = fakeClock(0.5);
    const poll = await client(clock).get<{ id: string }>('/polls/1');
    expect(poll.id).to.equal('1');
    expect(calls).to.equal(3);
    // random 0.5 × min(cap, base × 2^attempt): 50 ms, then 100 ms.
    expect(clock.waits).to.deep.equal([50, 100]);
    worker.resetHandlers();
  });

  it('caps the backoff and gives up after the configured retries with a typed error', async () => {
    let calls = 0;
    await startMocks(http.get(`${BASE}/down`, () => (calls++, new HttpResponse('Bad gateway', { status: 503 }))));
    const clock = fakeClock(0.999);
    const error = await client(clock, { backoff: { retries: 5, baseMs: 100, capMs: 300 } })
      .get('/down')
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).kind).to.equal('unavailable');
    expect(calls).to.equal(6);
    expect(clock.waits).to.deep.equal([99, 199, 299, 299, 299]);
  });

  it('honours Retry-After on 429 and 503', async () => {
    let calls = 0;
    await startMocks(
      http.get(`${BASE}/busy`, () =>
        ++calls === 1
          ? HttpResponse.json({ title: 'Too many requests', status: 429 }, { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json({ ok: true }),
      ),
    );
    const clock = fakeClock(0.1);
    await client(clock).get('/busy');
    expect(clock.waits).to.deep.equal([2000]);
  });

  it('does not wait out a Retry-After longer than it allows; the error carries it', async () => {
    await startMocks(http.get(`${BASE}/later`, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '3600' } })));
    const clock = fakeClock();
    const error = (await client(clock).get('/later').catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(clock.waits).to.be.empty;
  });

  it('never retries a POST without an idempotency key', async () => {
    let calls = 0;
    await startMocks(http.post(`${BASE}/votes`, () => (calls++, new HttpResponse(null, { status: 500 }))));
    const error = (await client().post('/votes', { a: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).to.equal('server');
    expect(calls).to.equal(1);
  });

  it('retries a POST with an idempotency key, sending the same key on every attempt', async () => {
    const keys: Array<string | null> = [];
    const bodies: unknown[] = [];
    await startMocks(
      http.post(`${BASE}/polls/1/votes`, async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        bodies.push(await request.json());
        if (keys.length === 1) return HttpResponse.error();
        if (keys.length === 2) return new HttpResponse(null, { status: 500 });
        return HttpResponse.json({ receipt: 'R-1' }, { status: 201 });
      }),
    );
    const result = await client().post<{ receipt: string }>('/polls/1/votes', { answers: [1] }, { idempotencyKey: 'key-123' });
    expect(result.receipt).to.equal('R-1');
    expect(keys).to.deep.equal(['key-123', 'key-123', 'key-123']);
    expect(bodies).to.deep.equal([{ answers: [1] }, { answers: [1] }, { answers: [1] }]);
  });

  it('waits out 409 idempotency-in-flight (an earlier attempt with the key still running) and gets that attempt\'s answer', async () => {
    let calls = 0;
    await startMocks(
      http.post(`${BASE}/donations`, () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 502 });
        if (calls === 2) {
          return HttpResponse.json(
            { type: 'https://veche.dev/problems/idempotency-in-flight', title: 'Запрос с этим ключом ещё выполняется', status: 409 },
            { status: 409, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } },
          );
        }
        return HttpResponse.json({ receipt: 'D-1' }, { status: 201 });
      }),
    );
    const clock = fakeClock(0.1);
    const result = await client(clock).post<{ receipt: string }>('/donations', { fundId: 'f', amount: 10 }, { idempotencyKey: 'k-in-flight' });
    expect(result.receipt).to.equal('D-1');
    expect(calls).to.equal(3);
    expect(clock.waits[1]).to.equal(1000);
  });

  it('reads a problem document sent with another content type, and one whose type is not a string, without throwing', async () => {
    await startMocks(
      http.post(`${BASE}/polls/1/votes`, () =>
        new HttpResponse(JSON.stringify({ type: 'https://veche.dev/problems/already-voted', title: 'Вы уже голосовали', status: 409 }), { status: 409, headers: { 'Content-Type': 'text/plain' } }),
      ),
      http.post(`${BASE}/polls/2/votes`, () => HttpResponse.json({ type: 42, title: 'Странный ответ', status: 409 }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } })),
    );
    const relabelled = (await client().post('/polls/1/votes', {}, { idempotencyKey: 'k1' }).catch((e: unknown) => e)) as ApiError;
    expect(relabelled.slug).to.equal('already-voted');
    expect(relabelled.message).to.equal('Вы уже голосовали');
    const odd = (await client().post('/polls/2/votes', {}, { idempotencyKey: 'k2' }).catch((e: unknown) => e)) as ApiError;
    expect(odd.kind).to.equal('conflict');
    expect(odd.slug).to.equal(undefined);
  });

  it('gives up on an attempt that is never answered and tries again, as after a network failure', async () => {
    let calls = 0;
    await startMocks(
      http.get(`${BASE}/stalled`, async () => {
        if (++calls === 1) await delay('infinite');
        return HttpResponse.json({ ok: true });
      }),
    );
    const result = await client(fakeClock(), { attemptTimeoutMs: 200 }).get<{ ok: boolean }>('/stalled');
    expect(result.ok).to.be.true;
    expect(calls).to.equal(2);
    // Never answered at all: a network error the widget shows with its retry, not a wait for ever.
    await startMocks(http.get(`${BASE}/stalled`, () => delay('infinite')));
    const error = (await client(fakeClock(), { attemptTimeoutMs: 100, backoff: { retries: 1, baseMs: 1, capMs: 1 } }).get('/stalled').catch((e: unknown) => e)) as ApiError;
    expect(error.kind).to.equal('network');
  });

  it('does not retry a 4xx that will not change (422), and parses the problem document with field errors', async () => {
    let calls = 0;
    await startMocks(
      http.post(`${BASE}/complaints`, () => {
        calls++;
        return HttpResponse.json(
          {
            type: 'https://veche.dev/problems/validation',
            title: 'Проверьте поля',
            status: 422,
            detail: 'Два поля заполнены неверно.',
            errors: [
              { pointer: '/description', detail: 'Опишите проблему', code: 'required' },
              { pointer: '/attributes/pit~1size', detail: 'Укажите число' },
              { pointer: '/description', detail: 'second message for the same field' },
            ],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    const error = (await client().post('/complaints', {}, { idempotencyKey: 'k' }).catch((e: unknown) => e)) as ApiError;
    expect(calls).to.equal(1);
    expect(error.kind).to.equal('validation');
    expect(error.status).to.equal(422);
    expect(error.message).to.equal('Два поля заполнены неверно.');
    expect(error.problem?.type).to.equal('https://veche.dev/problems/validation');
    expect(error.slug).to.equal('validation');
    expect(error.fields).to.deep.equal({ description: 'Опишите проблему', 'attributes.pit/size': 'Укажите число' });
    expect(error.fieldErrors[0]!.code).to.equal('required');
    expect(error.transient).to.be.false;
  });

  it('turns a non-JSON error page from a proxy into a typed error, not a crash', async () => {
    await startMocks(http.get(`${BASE}/proxy`, () => new HttpResponse('<html>502</html>', { status: 404, headers: { 'Content-Type': 'text/html' } })));
    const error = (await client().get('/proxy').catch((e: unknown) => e)) as ApiError;
    expect(error.kind).to.equal('not-found');
    expect(error.message).to.equal('HTTP 404');
  });

  it('shares one request between identical GETs in flight', async () => {
    let calls = 0;
    await startMocks(
      http.get(`${BASE}/polls`, async () => {
        calls++;
        await delay(30);
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    const api = client();
    const [a, b, c] = await Promise.all([api.get('/polls'), api.get('/polls'), api.get('/polls', { query: { status: 'open' } })]);
    expect(a).to.deep.equal(b);
    expect(c).to.deep.equal(a);
    expect(calls).to.equal(2);
    await api.get('/polls');
    expect(calls).to.equal(3);
  });

  it('lets one caller abort a shared GET without cancelling it for the others', async () => {
    await startMocks(http.get(`${BASE}/slow`, async () => (await delay(50), HttpResponse.json({ ok: true }))));
    const api = client();
    const controller = new AbortController();
    const first = api.get('/slow', { signal: controller.signal });
    const second = api.get<{ ok: boolean }>('/slow');
    controller.abort();
    const firstError = (await first.catch((e: unknown) => e)) as ApiError;
    expect(firstError.kind).to.equal('aborted');
    expect((await second).ok).to.be.true;
  });

  it('starts afresh when a new caller asks for a GET that every earlier caller abandoned', async () => {
    let calls = 0;
    await startMocks(http.get(`${BASE}/history`, async () => (calls++, await delay(40), HttpResponse.json({ items: [calls] }))));
    const api = client();
    const first = new AbortController();
    // Its rejection is handled from the start: the abort below rejects it at once.
    const abandoned = api.get('/history', { signal: first.signal }).catch((e: unknown) => e);
    first.abort(); // e.g. a list reloads while its first page is still on the way
    // Joining the cancelled request would reject with "aborted" (or hang); it must get an answer.
    const fresh = await api.get<{ items: number[] }>('/history');
    expect(((await abandoned) as ApiError).kind).to.equal('aborted');
    expect(fresh.items).to.deep.equal([calls]);
  });

  it('sends a bearer token from getToken and no cookies; without a token it includes credentials', async () => {
    const seen: Array<string | null> = [];
    await startMocks(http.get(`${BASE}/me`, ({ request }) => (seen.push(request.headers.get('Authorization')), HttpResponse.json({}))));
    await client(fakeClock(), { getToken: async () => 'jwt-abc' }).get('/me');
    await client(fakeClock(), { getToken: () => null }).get('/me');
    expect(seen).to.deep.equal(['Bearer jwt-abc', null]);
  });

  it('a request leaves synchronously unless the token getter is asynchronous (it overlaps the first render)', async () => {
    await startMocks(http.get(`${BASE}/me`, () => HttpResponse.json({})));
    const realFetch = window.fetch;
    let calls = 0;
    window.fetch = (...args: Parameters<typeof fetch>) => (calls++, realFetch(...args));
    try {
      const withoutToken = client().get('/me?a');
      const withSyncToken = client(fakeClock(), { getToken: () => 'jwt' }).get('/me?b');
      expect(calls).to.equal(2);
      const withAsyncToken = client(fakeClock(), { getToken: async () => 'jwt' }).get('/me?c');
      expect(calls).to.equal(2);
      await Promise.all([withoutToken, withSyncToken, withAsyncToken]);
      expect(calls).to.equal(3);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('builds URLs from the base, skipping empty query values and repeating arrays', () => {
    const url = client().url('/ideas', { q: 'парк', status: ['published', 'accepted'], cursor: undefined, category: '' });
    expect(url).to.equal(`${BASE}/ideas?q=%D0%BF%D0%B0%D1%80%D0%BA&status=published&status=accepted`);
  });

  it('reports upload progress and still parses the response', async () => {
    await startMocks(http.post(`${BASE}/media`, () => HttpResponse.json({ id: 'm1' }, { status: 201 })));
    const progress: number[] = [];
    const blob = new Blob([new Uint8Array(64 * 1024)], { type: 'image/jpeg' });
    const media = await client().upload<{ id: string }>('/media', blob, { idempotencyKey: 'u1', onProgress: (f) => progress.push(f) });
    expect(media.id).to.equal('m1');
    expect(progress.at(-1)).to.equal(1);
  });

  it('turns a 401 into the auth-required flow: a cancelable event, then the sign-in call to action', async () => {
    await startMocks(http.get(`${BASE}/me`, () => HttpResponse.json({ status: 401, title: 'Unauthorized' }, { status: 401 })));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE} login-url="https://portal.example/login"></veche-test-widget>`);
    setTimeout(() => void el.load());
    const event = await oneEvent(el, 'veche-auth-required');
    expect(event.detail).to.deep.equal({ action: 'load', loginUrl: 'https://portal.example/login' });
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
    await aTimeout(0);
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="sign-in-link"]');
    expect(link?.href).to.equal('https://portal.example/login');
    await expect(el).to.be.accessible();
  });

  it('lets the host cancel veche-auth-required to open its own sign-in instead', async () => {
    await startMocks(http.get(`${BASE}/me`, () => new HttpResponse(null, { status: 401 })));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE} login-url="/login"></veche-test-widget>`);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('veche-auth-required', cancel);
    try {
      await el.load();
    } finally {
      document.removeEventListener('veche-auth-required', cancel);
    }
    expect(el.shadowRoot!.querySelector('[part~="sign-in-link"]')).to.be.null;
  });

  it('shows a backend failure as a polite error with retry and fires veche-error', async () => {
    let fail = true;
    await startMocks(http.get(`${BASE}/me`, () => (fail ? new HttpResponse(null, { status: 404 }) : HttpResponse.json({ name: 'Анна' }))));
    const el = await fixture<VecheTestWidget>(html`<veche-test-widget api=${BASE}></veche-test-widget>`);
    setTimeout(() => void el.load());
    const event = await oneEvent(el, 'veche-error');
    expect(event.detail).to.include({ code: 'not-found', status: 404 });
    expect(event.detail.message).to.equal('Не найдено. Возможно, ссылка устарела.');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"]')?.textContent).to.contain('Не найдено');
    await aTimeout(80);
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal('Не найдено. Возможно, ссылка устарела.');
    fail = false;
    el.error = undefined;
    await el.load();
    expect(el.result).to.equal('{"name":"Анна"}');
  });
});
