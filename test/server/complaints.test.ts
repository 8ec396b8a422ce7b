import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../server/store/migrations';
import { openDatabase } from '../../server/store/sqlite';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call } from './http';

let server: ReferenceServer;
before(async () => { server = await startReferenceServer(); });
after(async () => { await server?.stop(); });

// 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

describe('complaints end to end', () => {
  test('file with a photo → agency works on it → citizen confirms → rates the agency once', async () => {
    const citizen = await server.token({ sub: 'filer', name: 'Пётр Заявитель' });
    const upload = await call(`${server.apiUrl}/media`, { token: citizen, raw: PNG, contentType: 'image/png' });
    assert.equal(upload.status, 201, upload.text);
    assert.equal(upload.body.width, 1);
    // Media URLs are relative to the API base (a backend may be mounted under any path).
    const img = await fetch(new URL(upload.body.url, `${server.apiUrl}/`));
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG);
    assertProblem(await call(`${server.apiUrl}/media`, { token: citizen, raw: Buffer.from('<svg onload=alert(1)>'), contentType: 'image/png' }), 415, 'unsupported-media-type');
    // Announce 6 MB and send nothing: the limit is enforced from Content-Length before any upload.
    const tooBig = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      const req = request(`${server.apiUrl}/media`, { method: 'POST', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'image/jpeg', 'content-length': 6 * 1024 * 1024 } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.deepEqual([tooBig.status, tooBig.type.split(';')[0]], [413, 'application/problem+json']);

    const body = {
      serviceCode: 'road-pothole', description: 'Глубокая яма у остановки, машины объезжают по встречке.', address: 'ул. Речная, 12', location: { lat: 55.79, long: 49.11 },
      attributes: { depth: 15, lane: ['right'], road_type: 'city', noticed_at: '2026-11-20T08:00:00+03:00', landmark: 'остановка', details: 'Яма растёт' }, mediaIds: [upload.body.id], consent: true,
    };
    const bad = await call(`${server.apiUrl}/complaints`, { token: citizen, body: { ...body, attributes: { depth: 'deep', lane: ['sky'] } } });
    assertProblem(bad, 422, 'validation');
    assert.deepEqual(bad.body.errors.map((e: any) => e.pointer).sort(), ['/attributes/depth', '/attributes/lane', '/attributes/road_type']);
    assertProblem(await call(`${server.apiUrl}/complaints`, { token: citizen, body: { ...body, consent: false } }), 400, 'validation');
    const filed = await call(`${server.apiUrl}/complaints`, { token: citizen, body });
    assert.equal(filed.status, 201, filed.text);
    const c = filed.body.complaint;
    assert.equal(c.agency.id, 'roads');
    assert.equal(c.status, 'submitted');
    assert.equal(c.deadlineDays, 10);
    const due = new Date(c.dueAt);
    assert.ok(due.getTime() - Date.parse(c.createdAt) >= 12 * 86_400_000, '10 working days span two weekends');
    assert.ok(![0, 6].includes(new Date(due.getTime() + 3 * 3600_000).getUTCDay()), 'due on a weekday in region time');
    assert.deepEqual(filed.body.points, { awarded: 15, spent: 0, balance: 15, reason: 'complaint' });

    const nearby = await call(`${server.apiUrl}/complaints/nearby?lat=55.7901&long=49.1101&serviceCode=road-pothole&radius=500`);
    assert.equal(nearby.body.items[0].id, c.id);
    const neighbour = await server.token({ sub: 'neighbour' });
    assert.equal((await call(`${server.apiUrl}/complaints/${c.id}/supports`, { token: neighbour, method: 'POST' })).body.supporters, 1);
    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/supports`, { token: neighbour, method: 'POST' }), 409, 'already-supported');

    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/confirmation`, { token: citizen, body: { outcome: 'confirmed' } }), 409, 'not-confirmable');
    const staff = await server.token({ sub: 'staff-roads', roles: ['agency'], agencyId: 'roads' });
    assert.equal((await call(`${server.apiUrl}/complaints/${c.id}/status`, { token: staff, body: { status: 'in_progress', note: 'Выехала бригада' } })).body.status, 'in_progress');
    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/status`, { token: staff, body: { status: 'resolved' } }), 422, 'validation');
    const resolved = await call(`${server.apiUrl}/complaints/${c.id}/status`, { token: staff, body: { status: 'resolved', answer: { text: 'Яма заделана.' } } });
    assert.equal(resolved.body.answer.text, 'Яма заделана.');
    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/status`, { token: staff, body: { status: 'in_progress' } }), 409, 'invalid-transition');
    assertProblem(await call(`${server.apiUrl}/complaints/${c.id}/confirmation`, { token: neighbour, body: { outcome: 'confirmed' } }), 403);
    const mine = await call(`${server.apiUrl}/complaints/${c.id}`, { token: citizen });
    assert.ok(mine.body.confirmableUntil);

    const eligibility = await call(`${server.apiUrl}/agencies/roads/rating-eligibility`, { token: citizen });
    assert.deepEqual([eligibility.body.eligible, eligibility.body.reason], [false, 'no-closed-complaint']);
    assertProblem(await call(`${server.apiUrl}/agencies/roads/ratings`, { token: citizen, body: { complaintId: c.id, stars: 5 } }), 403, 'not-eligible');
    const closed = await call(`${server.apiUrl}/complaints/${c.id}/confirmation`, { token: citizen, body: { outcome: 'confirmed' } });
    assert.equal(closed.body.status, 'closed');
    assert.deepEqual(closed.body.history.map((h: any) => h.status), ['submitted', 'in_progress', 'resolved', 'closed']);
    assert.deepEqual([closed.body.confirmation.outcome, closed.body.confirmation.media], ['confirmed', []]);
    assert.equal((await call(`${server.apiUrl}/agencies/roads/rating-eligibility`, { token: citizen })).body.complaints[0].id, c.id);
    const before = (await call(`${server.apiUrl}/agencies/roads`)).body;
    const rated = await call(`${server.apiUrl}/agencies/roads/ratings`, { token: citizen, body: { complaintId: c.id, stars: 5, comment: '<b>Спасибо</b>' } });
    assert.equal(rated.status, 201, rated.text);
    assert.equal(rated.body.agency.rating.count, before.rating.count + 1);
    assert.equal(rated.body.points.awarded, 5);
    const twice = await Promise.all([1, 2].map(() => call(`${server.apiUrl}/agencies/roads/ratings`, { token: citizen, body: { complaintId: c.id, stars: 1 } })));
    twice.forEach((r) => assertProblem(r, 409, 'already-rated'));
    assert.equal((await call(`${server.apiUrl}/agencies/roads/rating-eligibility`, { token: citizen })).body.reason, 'all-rated');
    const myList = await call(`${server.apiUrl}/complaints?mine=true`, { token: citizen });
    assert.deepEqual(myList.body.items.map((x: any) => x.id), [c.id]);
  });

  test("a disputed fix keeps the citizen's own photos; someone else's upload is refused", async () => {
    const citizen = await server.token({ sub: 'disputer' });
    const stranger = await server.token({ sub: 'stranger' });
    const staff = await server.token({ sub: 'staff-roads', roles: ['agency'], agencyId: 'roads' });
    const upload = async (token: string) => {
      const r = await call(`${server.apiUrl}/media`, { token, raw: PNG, contentType: 'image/png' });
      assert.equal(r.status, 201, r.text);
      return r.body.id as string;
    };
    const body = {
      serviceCode: 'road-pothole', description: 'Яма во дворе, заделали кое-как.', address: 'ул. Речная, 14',
      attributes: { depth: 8, lane: ['left'], road_type: 'yard' }, consent: true,
    };
    const filed = await call(`${server.apiUrl}/complaints`, { token: citizen, body });
    assert.equal(filed.status, 201, filed.text);
    const id = filed.body.complaint.id;
    const move = async (status: string, answer?: string) => {
      const r = await call(`${server.apiUrl}/complaints/${id}/status`, { token: staff, body: { status, ...(answer ? { answer: { text: answer } } : {}) } });
      assert.equal(r.status, 200, r.text);
    };
    await move('in_progress');
    await move('resolved', 'Яма заделана.');

    const mine = [await upload(citizen), await upload(citizen)];
    const theirs = await upload(stranger);
    const refused = await call(`${server.apiUrl}/complaints/${id}/confirmation`, { token: citizen, body: { outcome: 'disputed', comment: 'Асфальт уже просел.', mediaIds: [mine[0], theirs] } });
    assertProblem(refused, 422, 'validation');
    assert.deepEqual(refused.body.errors.map((e: any) => [e.pointer, e.code]), [['/mediaIds/1', 'unknown-media']]);
    assert.equal((await call(`${server.apiUrl}/complaints/${id}`, { token: citizen })).body.status, 'resolved', 'nothing changed');

    const disputed = await call(`${server.apiUrl}/complaints/${id}/confirmation`, { token: citizen, body: { outcome: 'disputed', comment: 'Асфальт уже просел.', mediaIds: mine } });
    assert.equal(disputed.status, 200, disputed.text);
    assert.equal(disputed.body.status, 'disputed');
    const expected = mine.map((m) => ({ id: m, url: `media/${m}` }));
    assert.deepEqual(disputed.body.confirmation.media, expected);
    const seen = await call(`${server.apiUrl}/complaints/${id}`);
    assert.deepEqual([seen.body.confirmation.outcome, seen.body.confirmation.comment, seen.body.confirmation.media], ['disputed', 'Асфальт уже просел.', expected]);
    // relative to the API base, like every media URL
    const img = await fetch(new URL(seen.body.confirmation.media[1].url, `${server.apiUrl}/`));
    assert.equal(img.headers.get('content-type'), 'image/png');

    await move('resolved', 'Переделали.');
    const confirmed = await call(`${server.apiUrl}/complaints/${id}/confirmation`, { token: citizen, body: { outcome: 'confirmed' } });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.deepEqual([confirmed.body.status, confirmed.body.confirmation.outcome, confirmed.body.confirmation.media], ['closed', 'confirmed', []]);
  });

  test('an existing database gains the confirmation photos column on start', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'veche-migrate-')), 'old.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = OFF'); // one complaint row is enough; its service and agency do not matter here
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    old.exec(migrations.find((m) => m.version === 1)!.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('initial schema', new Date().toISOString());
    old.prepare(`INSERT INTO complaints (id, tracking_number, citizen_id, service_code, agency_id, status, description, attributes, media, created_at, updated_at, deadline_days, due_at,
      confirmation_outcome, confirmation_at) VALUES ('c-old', 'ЗО-1', 'anna', 'road-pothole', 'roads', 'disputed', 'старое', '{}', '[]', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 10, '2026-01-15T00:00:00Z',
      'disputed', '2026-01-10T00:00:00Z')`).run();
    old.close();
    const db = openDatabase(file);
    try {
      assert.equal(db.prepare('SELECT confirmation_media FROM complaints WHERE id = ?').pluck().get('c-old'), '[]');
      assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), migrations.map((m) => m.version).sort((a, b) => a - b));
    } finally {
      db.close();
    }
  });

  test('agency record and ranking', async () => {
    const list = (await call(`${server.apiUrl}/agencies?limit=100`)).body.items;
    assert.ok(list.length >= 8);
    assert.deepEqual(list.map((a: any) => a.rank), list.map((_: any, i: number) => i + 1));
    const a = (await call(`${server.apiUrl}/agencies/${list[0].id}`)).body;
    assert.equal(a.distribution.length, 5);
    assert.equal(a.distribution.reduce((s: number, d: any) => s + d.count, 0), a.rating.count);
    const byVolume = (await call(`${server.apiUrl}/agencies?sort=volume&limit=100`)).body.items;
    const volumes = byVolume.map((x: any) => x.openComplaints + x.resolvedComplaints);
    assert.deepEqual(volumes, [...volumes].sort((x: number, y: number) => y - x));
  });

  test('Open311 GeoReport v2', async () => {
    const services = await call(`${server.open311Url}/services.json`);
    assert.ok(services.body.length >= 20);
    assert.equal(services.body[0].type, 'realtime');
    const def = await call(`${server.open311Url}/services/road-pothole.json`);
    assert.deepEqual(new Set(def.body.attributes.map((a: any) => a.datatype)), new Set(['number', 'multivaluelist', 'singlevaluelist', 'string', 'text', 'datetime']));
    const missingService = await call(`${server.open311Url}/services/nope.json`);
    assert.equal(missingService.status, 404);
    assert.deepEqual(Object.keys(missingService.body[0]).sort(), ['code', 'description']);

    const token = await server.token({ sub: 'open311-client' });
    const post = (fields: Record<string, string | string[]>) => call(`${server.open311Url}/requests.json`, { raw: form(fields), contentType: 'application/x-www-form-urlencoded' });
    const ok = await post({ api_key: token, service_code: 'road-pothole', lat: '55.80', long: '49.10', description: 'Яма на перекрёстке, опасно.', 'attribute[depth]': '12', 'attribute[road_type]': 'city', 'attribute[lane][]': ['left', 'right'] });
    assert.equal(ok.status, 201, ok.text);
    const id = ok.body[0].service_request_id;
    const one = await call(`${server.open311Url}/requests/${id}.json`);
    assert.equal(one.body[0].status, 'open');
    assert.equal(one.body[0].agency_responsible, 'Управление дорожного хозяйства Заречной области');
    const viaApi = await call(`${server.apiUrl}/complaints/${id}`);
    assert.deepEqual(viaApi.body.attributes.lane, ['left', 'right']);
    // An email without a name is kept, under the api_key's citizen's name (a contact needs one).
    const emailOnly = await post({ api_key: token, service_code: 'road-pothole', lat: '55.80', long: '49.10', description: 'Яма, ответьте на почту.', 'attribute[depth]': '12', 'attribute[road_type]': 'city', email: 'zhitel@example.org' });
    assert.equal(emailOnly.status, 201, emailOnly.text);
    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db.prepare('SELECT contact FROM complaints WHERE id = ?').get(emailOnly.body[0].service_request_id) as { contact: string | null };
      const contact = JSON.parse(row.contact ?? 'null');
      assert.equal(contact?.email, 'zhitel@example.org', `the email was dropped: ${row.contact}`);
      assert.ok(contact.name.length > 0);
    } finally {
      db.close();
    }
    for (const [fields, status] of [
      [{ service_code: 'road-pothole', lat: '1', long: '1', description: 'нет ключа api_key' }, 400],
      [{ api_key: 'forged', service_code: 'road-pothole', lat: '1', long: '1', description: 'поддельный ключ api' }, 403],
      [{ api_key: token, service_code: 'no-such', lat: '1', long: '1', description: 'нет такой категории' }, 404],
      [{ api_key: token, service_code: 'road-pothole', description: 'нет местоположения вообще' }, 400],
      [{ api_key: token, service_code: 'road-pothole', address_string: 'ул. Ленина, 1', description: 'нет обязательных атрибутов' }, 400],
    ] as const) {
      const r = await post(fields as Record<string, string>);
      assert.equal(r.status, status, r.text);
      assert.equal(r.body[0].code, status);
      assert.equal(typeof r.body[0].description, 'string');
    }
    const open = await call(`${server.open311Url}/requests.json?status=open&service_code=road-pothole`);
    assert.ok(open.body.some((r: any) => r.service_request_id === id));
    assert.ok(open.body.every((r: any) => r.status === 'open' && r.service_code === 'road-pothole'));
    const closed = await call(`${server.open311Url}/requests.json?status=closed`);
    assert.ok(closed.body.length > 0 && closed.body.every((r: any) => r.status === 'closed'));
    const from = new Date(Date.now() - 60_000).toISOString();
    const window = await call(`${server.open311Url}/requests.json?start_date=${encodeURIComponent(from)}&end_date=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    assert.ok(window.body.some((r: any) => r.service_request_id === id));
    assert.ok(window.body.length < 5 && window.body.every((r: any) => r.requested_datetime >= from.slice(0, 19)), 'only the last minute, not the seeded history');
    const badDate = await call(`${server.open311Url}/requests.json?start_date=yesterday`);
    assert.equal(badDate.status, 400);
    assert.equal(badDate.body[0].code, 400);
    assert.equal((await call(`${server.open311Url}/requests/nope.json`)).body[0].code, 404);
  });
});
