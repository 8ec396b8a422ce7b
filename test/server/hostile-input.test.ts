/**
 * Requests a fuzzing review of the reference server found answered with a 500, a framework's own
 * error shape, or a silent acceptance of data the contract refuses. Each is now a 4xx problem
 * document (or, under /open311, an Open311 error array), and nothing refused reaches the store.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call, type Reply } from './http';

let server: ReferenceServer;
const PORTAL = 'https://portal.example';
before(async () => { server = await startReferenceServer({ env: { VECHE_CORS_ORIGINS: PORTAL } }); });
after(async () => { await server?.stop(); });

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

/** An Open311 error array with this status. */
function assertOpen311Error(r: Reply, status: number, mentions?: RegExp): void {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  assert.ok(Array.isArray(r.body) && r.body.length > 0, r.text);
  assert.equal(r.body[0].code, status);
  if (mentions) assert.match(r.body[0].description, mentions);
}

/** Sends raw bytes and returns the status line and the whole answer (for what fetch refuses to send). */
function rawRequest(text: string): Promise<string> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('Open311 requests are held to the same rules as the JSON API', () => {
  const valid = async (sub = 'open311-fuzz') => ({
    api_key: await server.token({ sub }),
    service_code: 'road-pothole',
    description: 'Яма на дороге возле дома, глубокая.',
    lat: '55.79',
    long: '49.12',
    'attribute[depth]': '10',
    'attribute[road_type]': 'city',
  });
  const post = (fields: Record<string, string | string[]>, contentType = 'application/x-www-form-urlencoded') =>
    call(`${server.open311Url}/requests.json`, { raw: contentType.includes('json') ? JSON.stringify(fields) : form(fields), contentType });

  test('a text attribute longer than the contract allows is refused, and the complaint lists stay readable', async () => {
    const fields = await valid();
    assertOpen311Error(await post({ ...fields, 'attribute[details]': 'д'.repeat(5000) }), 400, /details/);
    assert.equal((await post({ ...fields, 'attribute[details]': 'д'.repeat(4000) })).status, 201);
    const list = await call(`${server.apiUrl}/complaints`);
    assert.equal(list.status, 200, list.text);
  });

  test('only a form body is accepted; a JSON body is 415', async () => {
    const fields = await valid();
    assertOpen311Error(await post({ ...fields, 'attribute[depth]': 10 as unknown as string }, 'application/json'), 415);
    assertOpen311Error(await post({ ...fields, description: 12345678901 as unknown as string }, 'application/json'), 415);
  });

  test('coordinates, address and contact data the JSON API refuses are refused here too', async () => {
    const fields = await valid('open311-strict');
    for (const [name, value] of [
      ['lat', ''], ['lat', '0x10'], ['long', ' 49'], ['lat', '1e1'],
    ] as const) {
      assertOpen311Error(await post({ ...fields, [name]: value }), 400, /lat|long/);
    }
    const { lat: _lat, long: _long, ...withoutPoint } = fields;
    assertOpen311Error(await post({ ...withoutPoint, address_string: 'a'.repeat(60_000) }), 400, /address_string/);
    assertOpen311Error(await post({ ...withoutPoint, address_string: 'a' }), 400, /address_string/);
    assertOpen311Error(await post({ ...fields, 'attribute[depth]': '0x1A' }), 400, /depth/);
    assertOpen311Error(await post({ ...fields, first_name: 'Я'.repeat(1000) }), 400, /first_name/);
    assertOpen311Error(await post({ ...fields, first_name: 'Анна', email: 'not-email' }), 400, /email/);
    assertOpen311Error(await post({ ...fields, first_name: 'Анна', phone: 'abc' }), 400, /phone/);
    assertOpen311Error(await post({ ...fields, 'attribute[road_type]': ['city', 'yard'] }), 400, /road_type/);
    assertOpen311Error(await post({ ...fields, 'attribute[details][]': ['a', 'b'] }), 400, /details/);
    // None of the refused requests was stored.
    const mine = await call(`${server.apiUrl}/complaints?mine=true`, { token: fields.api_key });
    assert.equal(mine.body.items.length, 0, mine.text);
    // The same request with valid values is filed.
    const ok = await post({ ...fields, first_name: 'Анна', email: 'anna@example.ru', phone: '+7 (900) 123-45-67', address_string: 'ул. Речная, 12' });
    assert.equal(ok.status, 201, ok.text);
  });

  test('a date the calendar does not have is 400, in a filter and in an attribute', async () => {
    assertOpen311Error(await call(`${server.open311Url}/requests.json?start_date=2016-12-31T23:59:60Z`), 400, /start_date/);
    assertOpen311Error(await call(`${server.open311Url}/requests.json?end_date=2026-02-30T10:00:00Z`), 400, /end_date/);
    const token = await server.token({ sub: 'calendar' });
    const r = await call(`${server.apiUrl}/complaints`, {
      token, key: 'calendar-1',
      body: { serviceCode: 'road-pothole', description: 'Яма на дороге возле дома.', address: 'ул. Речная, 12', consent: true, attributes: { depth: 10, road_type: 'city', noticed_at: '2026-02-30T10:00:00Z' } },
    });
    assertProblem(r, 422);
    assert.ok(r.body.errors.some((e: { pointer: string }) => e.pointer === '/attributes/noticed_at'), r.text);
  });
});

describe('numbers in the query are plain decimals', () => {
  test('Infinity, hexadecimal and signed forms are 400 with the parameter named', async () => {
    for (const limit of ['Infinity', '-Infinity', '0x10', '+5', '1e1']) {
      const r = await call(`${server.apiUrl}/polls?limit=${encodeURIComponent(limit)}`);
      assertProblem(r, 400, 'validation');
      assert.ok(r.body.errors.some((e: { pointer: string }) => e.pointer === '/query/limit'), `${limit}: ${r.text}`);
    }
    assertProblem(await call(`${server.apiUrl}/ideas?limit=Infinity`), 400, 'validation');
    const nearby = await call(`${server.apiUrl}/complaints/nearby?lat=Infinity&long=-Infinity&radius=Infinity&serviceCode=road-pothole`);
    assertProblem(nearby, 400, 'validation');
    assert.equal((await call(`${server.apiUrl}/complaints/nearby?lat=55.79&long=-49.12&radius=500&serviceCode=road-pothole`)).status, 200);
    assert.equal((await call(`${server.apiUrl}/polls?limit=5`)).status, 200);
  });
});

describe('credentials that cannot be read are 401, never 500', () => {
  test('a badly percent-encoded session cookie', async () => {
    const wallet = await call(`${server.apiUrl}/wallet`, { headers: { cookie: 'veche_session=%E0%A4%A' } });
    assertProblem(wallet, 401, 'unauthorized');
    assert.match(wallet.headers.get('set-cookie') ?? '', /^veche_session=; .*Max-Age=0/);
    // Where anyone may ask, the caller is anonymous (and told to drop the cookie).
    const polls = await call(`${server.apiUrl}/polls`, { headers: { cookie: 'veche_session=%E0%A4%A' } });
    assert.equal(polls.status, 200, polls.text);
    assert.match(polls.headers.get('set-cookie') ?? '', /^veche_session=; .*Max-Age=0/);
  });

  test('a signed token whose agency id is not an id', async () => {
    const token = await server.token({ sub: 'odd-staff', roles: ['agency'], agencyId: 'bad id!' });
    assertProblem(await call(`${server.apiUrl}/me`, { token }), 401, 'unauthorized');
  });
});

describe('the framework\'s own refusals are problem documents too', () => {
  test('a malformed or overlong path parameter is 400 validation', async () => {
    assertProblem(await call(`${server.apiUrl}/polls/%`), 400, 'validation');
    const long = await call(`${server.apiUrl}/polls/${'x'.repeat(101)}`);
    assertProblem(long, 400, 'validation');
    assert.ok(long.body.errors.some((e: { pointer: string }) => e.pointer === '/path/id'), long.text);
    assertOpen311Error(await call(`${server.open311Url}/requests/%.json`), 400);
    assertOpen311Error(await call(`${server.open311Url}/requests/${'x'.repeat(300)}.json`), 400);
  });

  test('headers too large for the server are a 431 problem', async () => {
    const answer = await rawRequest(`GET /api/polls HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.match(answer, /content-type: application\/problem\+json/i);
    assert.match(answer, /"status":431/);
  });

  test('a method the resource does not support is 405 with Allow', async () => {
    const put = await call(`${server.apiUrl}/polls`, { method: 'PUT', body: {} });
    assertProblem(put, 405, 'method-not-allowed');
    assert.equal(put.headers.get('allow'), 'GET, HEAD');
    const get = await call(`${server.apiUrl}/polls/42/votes`);
    assertProblem(get, 405, 'method-not-allowed');
    assert.equal(get.headers.get('allow'), 'POST');
    assertProblem(await call(`${server.apiUrl}/nothing-here`, { method: 'PUT', body: {} }), 404, 'not-found');
  });

  test('CORS: a preflight from an origin not on the list is 403; one without a method still gets the headers', async () => {
    const denied = await call(`${server.apiUrl}/polls`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assertProblem(denied, 403, 'forbidden');
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    const allowed = await call(`${server.apiUrl}/polls`, { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'POST' } });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), PORTAL);
    const bare = await call(`${server.apiUrl}/polls`, { method: 'OPTIONS', headers: { origin: PORTAL } });
    assert.equal(bare.status, 204, bare.text);
  });

  test('an upload too large is refused before 100 Continue', async () => {
    const token = await server.token({ sub: 'big-upload' });
    const answer = await rawRequest(
      `POST /api/media HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nIdempotency-Key: big-1\r\nContent-Type: image/png\r\nContent-Length: ${50 * 1024 * 1024}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    assert.match(answer, /^HTTP\/1\.1 413 /, answer.slice(0, 200));
    assert.doesNotMatch(answer, /100 Continue/);
  });

  test('an expectation other than 100-continue is 417 with a problem document', async () => {
    const answer = await rawRequest('GET /api/polls/42 HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 417 /, answer.slice(0, 200));
    assert.match(answer, /content-type: application\/problem\+json/i);
    const problem = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(problem.status, 417);
    assert.equal(problem.instance, '/api/polls/42');
  });
});

describe('moderation', () => {
  test('a moderator finds the ideas waiting for moderation and opens one', async () => {
    const author = await server.token({ sub: 'idea-author' });
    const created = await call(`${server.apiUrl}/ideas`, { token: author, key: 'mod-1', body: { title: 'Скамейки у реки', text: 'Поставить скамейки вдоль набережной реки.', categoryId: 'parks' } });
    assert.equal(created.status, 201, created.text);
    const id = created.body.id ?? created.body.idea?.id;
    const moderator = await server.token({ sub: 'mod', roles: ['moderator'] });
    const waiting = await call(`${server.apiUrl}/ideas?status=moderation`, { token: moderator });
    assert.equal(waiting.status, 200, waiting.text);
    assert.ok(waiting.body.items.some((i: { id: string }) => i.id === id), waiting.text);
    assert.equal((await call(`${server.apiUrl}/ideas/${id}`, { token: moderator })).status, 200);
    // Others still do not see it.
    assert.equal((await call(`${server.apiUrl}/ideas/${id}`)).status, 404);
    const anonymous = await call(`${server.apiUrl}/ideas?status=moderation`);
    assert.ok(!anonymous.body.items?.some((i: { id: string }) => i.id === id));
  });
});

describe('text limits count characters, as the contract does', () => {
  const complaint = (attributes: Record<string, unknown>, description = 'Яма на дороге возле дома, глубокая.') => ({
    serviceCode: 'road-pothole', description, location: { lat: 55.79, long: 49.12 }, attributes: { depth: 10, road_type: 'city', ...attributes }, consent: true,
  });

  test('characters outside the Basic Multilingual Plane count once toward maxLength', async () => {
    const token = await server.token({ sub: 'emoji-writer' });
    // 2005 characters, 4006 UTF-16 code units: within the contract's 4000.
    const emoji = `${'😀'.repeat(2001)} яма`;
    const created = await call(`${server.apiUrl}/complaints`, { token, body: complaint({ details: emoji, landmark: '📍'.repeat(200) }, emoji) });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.complaint.description, emoji);
    assert.equal(created.body.complaint.attributes.details, emoji);
    // One character over the limit is still refused, in the description and in an attribute.
    const over = '😀'.repeat(4001);
    const refused = await call(`${server.apiUrl}/complaints`, { token, body: complaint({ details: over }) });
    assertProblem(refused, 400, 'validation');
    assert.deepEqual(refused.body.errors.map((e: { pointer: string }) => e.pointer), ['/attributes/details']);
    assertProblem(await call(`${server.apiUrl}/complaints`, { token, body: complaint({}, over) }), 400, 'validation');
  });

  test('a one-line string attribute takes the contract\'s 200 characters, counted as characters', async () => {
    const token = await server.token({ sub: 'landmark-writer' });
    const service = await call(`${server.apiUrl}/services/road-pothole`);
    assert.equal(service.body.attributes.find((a: { code: string }) => a.code === 'landmark').datatype, 'string');
    // 200 emoji are 400 UTF-16 code units.
    assert.equal((await call(`${server.apiUrl}/complaints`, { token, body: complaint({ landmark: '📍'.repeat(200) }) })).status, 201);
    const refused = await call(`${server.apiUrl}/complaints`, { token, body: complaint({ landmark: 'у'.repeat(201) }) });
    assert.ok(refused.status === 400 || refused.status === 422, refused.text);
    assert.ok(refused.body.errors.some((e: { pointer: string }) => e.pointer === '/attributes/landmark'), refused.text);
  });

  test('Open311: a description of ten characters written with emoji is long enough', async () => {
    const form311 = { api_key: await server.token({ sub: 'open311-emoji' }), service_code: 'road-pothole', description: '🕳️🚗🚗🚗🚗🚗🚗🚗🚗', lat: '55.79', long: '49.12', 'attribute[depth]': '10', 'attribute[road_type]': 'city' };
    const r = await call(`${server.open311Url}/requests.json`, { raw: form(form311), contentType: 'application/x-www-form-urlencoded' });
    assert.equal(r.status, 201, r.text);
    assertOpen311Error(await call(`${server.open311Url}/requests.json`, { raw: form({ ...form311, description: '🚗🚗🚗🚗🚗' }), contentType: 'application/x-www-form-urlencoded' }), 400, /description/);
  });
});

describe('text that is not Unicode is refused, not altered', () => {
  test('a lone surrogate anywhere in a JSON body is 400 with its pointer, and nothing is stored', async () => {
    const token = await server.token({ sub: 'surrogate-writer' });
    // JSON.stringify escapes lone surrogates (\ud800), the form a client's JSON carries them in.
    const idea = await call(`${server.apiUrl}/ideas`, { token, body: { title: 'Idea \ud800 x', text: 'Текст идеи достаточной длины для проверки.', categoryId: 'parks' } });
    assertProblem(idea, 400, 'validation');
    assert.deepEqual(idea.body.errors.map((e: { pointer: string }) => e.pointer), ['/title']);
    const nested = await call(`${server.apiUrl}/complaints`, {
      token, body: { serviceCode: 'road-pothole', description: 'Яма на дороге возле дома, глубокая.', location: { lat: 55.79, long: 49.12 }, attributes: { depth: 10, road_type: 'city', details: 'конец \udc00' }, consent: true },
    });
    assertProblem(nested, 400, 'validation');
    assert.deepEqual(nested.body.errors.map((e: { pointer: string }) => e.pointer), ['/attributes/details']);
    const mine = await call(`${server.apiUrl}/ideas?mine=true`, { token });
    assert.equal(mine.body.items.length, 0, mine.text);
    // A pair in the right order is a character like any other.
    assert.equal((await call(`${server.apiUrl}/ideas`, { token, body: { title: 'Idea \ud83d\ude00 x', text: 'Текст идеи достаточной длины для проверки.', categoryId: 'parks' } })).status, 201);
  });
});

describe('a JSON body of null is a body, held to the schema', () => {
  test('null is 400 where an object is expected and where no body is, like {}', async () => {
    const signIn = await call(`${server.apiUrl}/auth/demo`, { raw: 'null' });
    assertProblem(signIn, 400, 'validation');
    assert.equal(signIn.body.errors[0].pointer, '/');
    assert.equal(signIn.headers.get('set-cookie'), null);
    const token = await server.token({ sub: 'null-body' });
    const idea = (await call(`${server.apiUrl}/ideas?limit=1`)).body.items[0].id;
    const empty = await call(`${server.apiUrl}/ideas/${idea}/supports`, { token, raw: '{}' });
    assertProblem(empty, 400, 'validation');
    const nul = await call(`${server.apiUrl}/ideas/${idea}/supports`, { token, raw: 'null' });
    assertProblem(nul, 400, 'validation');
    assert.deepEqual(nul.body.errors, empty.body.errors);
    assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { token, raw: 'null' }), 400, 'validation');
    // Without a body, both still work.
    assert.equal((await call(`${server.apiUrl}/auth/demo`, { method: 'POST' })).status, 200);
    assert.equal((await call(`${server.apiUrl}/ideas/${idea}/supports`, { token, method: 'POST' })).status, 201);
  });
});
