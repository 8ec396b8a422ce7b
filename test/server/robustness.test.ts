import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call, eventually } from './http';

let server: ReferenceServer;
before(async () => { server = await startReferenceServer(); });
after(async () => { await server?.stop(); });

describe('bad input is a 4xx problem document, never a 5xx', () => {
  test('malformed JSON, wrong types, unknown fields, missing body', async () => {
    const token = await server.token({ sub: 'bad-input' });
    const url = `${server.apiUrl}/polls/42/votes`;
    assertProblem(await call(url, { token, raw: '{"answers": [' }), 400, 'malformed-json');
    assertProblem(await call(url, { token, raw: '' }), 400);
    const wrongType = await call(url, { token, body: { answers: 'yes' } });
    assertProblem(wrongType, 400, 'validation');
    assert.equal(wrongType.body.errors[0].pointer, '/answers');
    const unknown = await call(url, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }], hack: true } });
    assertProblem(unknown, 400, 'validation');
    assert.ok(unknown.body.errors.some((e: any) => e.pointer === '/hack'));
    assertProblem(await call(url, { token, raw: '{"__proto__": {"x": 1}}' }), 400);
    assertProblem(await call(url, { token, raw: 'answers=1', contentType: 'text/plain' }), 415);
    assertProblem(await call(url, { token, body: [1, 2, 3] }), 400, 'validation');
    assertProblem(await call(`${server.apiUrl}/donations`, { token, body: { fundId: 'fund-kids', amount: 1.5 } }), 400, 'validation');
    assertProblem(await call(`${server.apiUrl}/donations`, { token, body: { fundId: 'fund-kids', amount: -10 } }), 400, 'validation');
  });

  test('oversize bodies are 413', async () => {
    const token = await server.token({ sub: 'big-body' });
    const huge = JSON.stringify({ answers: [{ questionId: 'q1', optionIds: ['o1'] }], pad: 'x'.repeat(200_000) });
    assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { token, raw: huge }), 413, 'payload-too-large');
  });

  test('bad and unknown ids, unknown paths', async () => {
    assertProblem(await call(`${server.apiUrl}/polls/${'x'.repeat(100)}`), 400, 'validation');
    assertProblem(await call(`${server.apiUrl}/polls/%00%01`), 400);
    assertProblem(await call(`${server.apiUrl}/polls/no-such-poll`), 404, 'not-found');
    assertProblem(await call(`${server.apiUrl}/ideas/no-such-idea`), 404);
    assertProblem(await call(`${server.apiUrl}/nothing-here`), 404);
    assertProblem(await call(`${server.apiUrl}/polls?status=maybe`), 400, 'validation');
    assertProblem(await call(`${server.apiUrl}/complaints/nearby?lat=abc&long=1&serviceCode=road-pothole`), 400, 'validation');
  });
});

describe('identity', () => {
  test('missing, expired, forged and malformed tokens are 401; wrong roles 403', async () => {
    assertProblem(await call(`${server.apiUrl}/wallet`), 401, 'unauthorized');
    assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } }), 401);
    const expired = await server.token({ sub: 'late', expiresInSeconds: -60 });
    assertProblem(await call(`${server.apiUrl}/wallet`, { token: expired }), 401, 'unauthorized');
    const forged = await new SignJWT({ roles: ['moderator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime('1h').sign(new TextEncoder().encode('not-the-secret'));
    assertProblem(await call(`${server.apiUrl}/wallet`, { token: forged }), 401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","exp":9999999999}').toString('base64url')}.`;
    assertProblem(await call(`${server.apiUrl}/wallet`, { token: none }), 401);
    assertProblem(await call(`${server.apiUrl}/wallet`, { headers: { authorization: 'Basic abc' } }), 401);
    // GET /session is where a client learns its token went stale: the contract keeps the 401 there.
    assertProblem(await call(`${server.apiUrl}/session`, { token: expired }), 401);
    const citizen = await server.token({ sub: 'plain-citizen' });
    assertProblem(await call(`${server.apiUrl}/ideas/idea-0001/moderation`, { token: citizen, body: { action: 'publish' } }), 403, 'forbidden');
    assertProblem(await call(`${server.apiUrl}/complaints/c0001/status`, { token: citizen, body: { status: 'in_progress' } }), 403, 'forbidden');
    const otherAgency = await server.token({ sub: 'staff-x', roles: ['agency'], agencyId: 'animals' });
    const c = (await call(`${server.apiUrl}/complaints?status=submitted`)).body.items.find((x: any) => x.agency.id !== 'animals');
    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/status`, { token: otherAgency, body: { status: 'in_progress' } }), 403);
  });

  test('a stale cookie or a bad token is anonymous where the contract lets anyone in, and the cookie is cleared', async () => {
    const expired = await server.token({ sub: 'stale', expiresInSeconds: -60 });
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('stale').setExpirationTime('1h').sign(new TextEncoder().encode('a-previous-process-secret'));
    const cleared = /^veche_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/;
    for (const cookie of [`veche_session=${expired}`, `veche_session=${forged}`]) {
      for (const url of [`${server.apiUrl}/polls`, `${server.apiUrl}/funds`, `${server.open311Url}/services.json`]) {
        const r = await call(url, { headers: { cookie } });
        assert.equal(r.status, 200, `${url}: ${r.text}`);
        assert.equal(r.headers.getSetCookie().length, 1, url);
        assert.match(r.headers.getSetCookie()[0] ?? '', cleared, url);
      }
      assertProblem(await call(`${server.apiUrl}/media/m-none`, { headers: { cookie } }), 404);
      assertProblem(await call(`${server.apiUrl}/votes/AAAA-BBBB-CCCC-DDDD-EEEE`, { headers: { cookie } }), 404);
      // Sign-out answers 204 and clears the cookie; sign-in replaces it with a fresh one.
      const out = await call(`${server.apiUrl}/auth/session`, { method: 'DELETE', headers: { cookie } });
      assert.equal(out.status, 204, out.text);
      assert.equal(out.headers.getSetCookie().length, 1);
      assert.match(out.headers.getSetCookie()[0]!, cleared);
      const signIn = await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' }, headers: { cookie } });
      assert.equal(signIn.status, 200, signIn.text);
      assert.deepEqual(signIn.headers.getSetCookie(), [`veche_session=${signIn.body.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200`]);
      // Where a citizen is needed it is still a 401 — and the browser is told to drop the cookie.
      const wallet = await call(`${server.apiUrl}/wallet`, { headers: { cookie } });
      assertProblem(wallet, 401, 'unauthorized');
      assert.match(wallet.headers.get('set-cookie') ?? '', cleared);
      const session = await call(`${server.apiUrl}/session`, { headers: { cookie } });
      assertProblem(session, 401, 'unauthorized');
      assert.match(session.headers.get('set-cookie') ?? '', cleared);
    }
    // An explicit bearer token that fails is anonymous too where anyone may ask (no cookie to clear),
    // and a 401 where a citizen is needed.
    for (const authorization of [`Bearer ${expired}`, `Bearer ${forged}`, 'Basic abc']) {
      const polls = await call(`${server.apiUrl}/polls`, { headers: { authorization } });
      assert.equal(polls.status, 200, polls.text);
      assert.equal(polls.headers.get('set-cookie'), null);
      assert.equal((await call(`${server.apiUrl}/auth/session`, { method: 'DELETE', headers: { authorization } })).status, 204);
      assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { headers: { authorization }, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } }), 401, 'unauthorized');
    }
    // A valid cookie is left alone.
    const anna = (await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' } })).body.token;
    const polls = await call(`${server.apiUrl}/polls`, { headers: { cookie: `veche_session=${anna}` } });
    assert.equal(polls.headers.get('set-cookie'), null);
  });

  test('demo sign-in returns a token and an HttpOnly cookie that works as a session', async () => {
    const r = await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.me.id, 'anna');
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /veche_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const me = await call(`${server.apiUrl}/me`, { headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(me.status, 200);
    assert.equal(me.body.displayName, 'Анна Смирнова');
    const viaBearer = await call(`${server.apiUrl}/wallet`, { token: r.body.token });
    assert.ok(viaBearer.body.balance > 0);
    assert.equal(viaBearer.body.level.name, 'Активный гражданин');
    const fresh = await call(`${server.apiUrl}/auth/demo`, { body: { fresh: true, name: 'Тест' } });
    assert.equal((await call(`${server.apiUrl}/wallet`, { token: fresh.body.token })).body.balance, 0);
  });
});

describe('idempotency', () => {
  test('replay returns the stored response; another body with the same key is 422', async () => {
    const token = await server.token({ sub: 'idem-1' });
    const body = { fundId: 'fund-kids', amount: 20 };
    const open = (await call(`${server.apiUrl}/polls?status=open&limit=100`)).body.items.find((p: any) => p.id === '42');
    assert.ok(open);
    const first = await call(`${server.apiUrl}/polls/42/votes`, { token, key: 'vote-key-1', body: { answers: [{ questionId: 'q1', optionIds: ['o3'] }] } });
    assert.equal(first.status, 201);
    const again = await call(`${server.apiUrl}/polls/42/votes`, { token, key: 'vote-key-1', body: { answers: [{ questionId: 'q1', optionIds: ['o3'] }] } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    assert.equal(again.text, first.text);
    assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { token, key: 'vote-key-1', body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } }), 422, 'idempotency-key-reused');
    // A business refusal is stored and replayed too.
    const refused = await call(`${server.apiUrl}/donations`, { token, key: 'don-1', body });
    assertProblem(refused, 422, 'insufficient-points');
    const replayed = await call(`${server.apiUrl}/donations`, { token, key: 'don-1', body });
    assert.equal(replayed.headers.get('idempotency-replayed'), 'true');
    // Keys are per caller: another citizen may use the same key.
    const other = await server.token({ sub: 'idem-2' });
    assert.equal((await call(`${server.apiUrl}/polls/42/votes`, { token: other, key: 'vote-key-1', body: { answers: [{ questionId: 'q1', optionIds: ['o3'] }] } })).status, 201);
  });

  test('a retry while the first request is still in flight is 409', async () => {
    const token = await server.token({ sub: 'idem-slow' });
    const url = new URL(`${server.apiUrl}/polls/42/votes`);
    const payload = JSON.stringify({ answers: [{ questionId: 'q1', optionIds: ['o2'] }] });
    // The first request sends its headers with `Expect: 100-continue` and holds its body. The server
    // answers 100 only once the request is admitted and its key reserved — that is the moment to
    // send the retry (no guessing how long the server takes).
    const first = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'idempotency-key': 'slow-1', expect: '100-continue' } }, (res) => {
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.on('continue', () => {
        void (async () => {
          const retry = await call(url.href, { token, key: 'slow-1', raw: payload });
          assertProblem(retry, 409, 'idempotency-in-flight');
          assert.ok(Number(retry.headers.get('retry-after')) >= 1);
          req.end(payload);
        })().catch(reject);
      });
      req.flushHeaders();
    });
    const done = await first;
    assert.equal(done.status, 201, done.text);
    const replay = await call(url.href, { token, key: 'slow-1', raw: payload });
    assert.equal(replay.status, 201, replay.text);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.equal(replay.text, done.text);
  });

  test('an abandoned request releases its key', async () => {
    const token = await server.token({ sub: 'idem-abandon' });
    const url = new URL(`${server.apiUrl}/polls/42/votes`);
    const payload = JSON.stringify({ answers: [{ questionId: 'q1', optionIds: ['o2'] }] });
    // Reserved (the 100 arrived), then the client goes away before sending the body.
    await new Promise<void>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'idempotency-key': 'gone-1', expect: '100-continue' } });
      req.on('error', () => { /* destroyed on purpose */ });
      req.on('response', (res) => reject(new Error(`unexpected final response ${res.statusCode} before the body`)));
      req.on('continue', () => { req.destroy(); resolve(); });
      req.flushHeaders();
    });
    // The server frees the key when it sees the connection close. Until then a retry is refused as
    // in flight — and takes nothing — so the test retries until the key is free, within a deadline.
    const retry = await eventually(async () => {
      const r = await call(url.href, { token, key: 'gone-1', raw: payload });
      return r.status === 409 && r.body?.type === 'https://veche.dev/problems/idempotency-in-flight' ? null : r;
    });
    assert.equal(retry.status, 201, retry.text);
  });

  test('a body that stops arriving is answered 408 within the request timeout and frees its key', async () => {
    const slow = await startReferenceServer({ env: { VECHE_REQUEST_TIMEOUT_MS: '1000' } });
    try {
      const token = await slow.token({ sub: 'idem-stalled' });
      const { hostname, port } = new URL(slow.baseUrl);
      // 100 bytes announced, 9 sent, and the connection held open.
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(Number(port), hostname, () => {
          socket.write(`POST /api/donations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: stalled-1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"fundId"`);
        });
        // Without a request timeout the server never answers: give up well after it should have.
        const giveUp = setTimeout(() => { socket.destroy(); resolve(text); }, 8000);
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => { clearTimeout(giveUp); resolve(text); });
        socket.on('error', reject);
      });
      assert.match(answer, /^HTTP\/1\.1 408 /, answer || 'no answer within 8 s');
      assert.match(answer, /content-type: application\/problem\+json/i);
      assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).status, 408);
      // The key is free once the connection is gone: the retry runs (and is refused for want of points).
      const retry = await eventually(async () => {
        const r = await call(`${slow.apiUrl}/donations`, { token, key: 'stalled-1', body: { fundId: 'fund-kids', amount: 10 } });
        return r.status === 409 ? null : r;
      }, { timeoutMs: 3000 });
      assertProblem(retry, 422, 'insufficient-points');
    } finally {
      await slow.stop();
    }
  });

  test('a body that keeps coming, however slowly, is not cut off by the request timeout', async () => {
    const slow = await startReferenceServer({ env: { VECHE_REQUEST_TIMEOUT_MS: '1000' } });
    try {
      const token = await slow.token({ sub: 'idem-trickle' });
      const { hostname, port } = new URL(slow.baseUrl);
      const body = JSON.stringify({ fundId: 'fund-kids', amount: 10 });
      // The body a few bytes every 300 ms: 2.5 s in all, well past the 1 s timeout, never idle for it.
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        const socket = connect(Number(port), hostname, () => {
          socket.write(`POST /api/donations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: trickle-1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
          const chunks = body.match(/.{1,4}/g)!;
          const next = () => {
            const chunk = chunks.shift();
            if (chunk === undefined) return;
            socket.write(chunk);
            setTimeout(next, 300);
          };
          next();
        });
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      // Refused for want of points: the body arrived whole and was read.
      assert.match(answer, /^HTTP\/1\.1 422 /, answer || 'no answer');
      assert.match(answer, /problems\/insufficient-points/);
    } finally {
      await slow.stop();
    }
  });

  test('a request refused on its headers gets the final status instead of 100 Continue', async () => {
    const url = new URL(`${server.apiUrl}/polls/42/votes`);
    const outcome = await new Promise<{ continued: boolean; status: number }>((resolve, reject) => {
      let continued = false;
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 10, expect: '100-continue' } }, (res) => {
        res.resume();
        resolve({ continued, status: res.statusCode ?? 0 });
        req.destroy();
      });
      req.on('error', reject);
      req.on('continue', () => { continued = true; });
      req.flushHeaders();
    });
    assert.deepEqual(outcome, { continued: false, status: 401 });
  });
});

describe('rate limits', () => {
  test('per citizen limit gives 429 with Retry-After', async () => {
    const limited = await startReferenceServer({ env: { VECHE_RATE_LIMIT_CITIZEN: '5' } });
    try {
      const token = await limited.token({ sub: 'spammer' });
      const replies = [];
      for (let i = 0; i < 7; i++) replies.push(await call(`${limited.apiUrl}/me`, { token }));
      assert.deepEqual(replies.slice(0, 5).map((r) => r.status), [200, 200, 200, 200, 200]);
      assertProblem(replies[6]!, 429, 'rate-limited');
      assert.ok(Number(replies[6]!.headers.get('retry-after')) >= 1);
      assert.equal((await call(`${limited.apiUrl}/me`, { token: await limited.token({ sub: 'someone-else' }) })).status, 200);
    } finally {
      await limited.stop();
    }
  });
});
