/**
 * The contract suite: checks one backend (any base URL) against api/openapi.yaml and
 * api/open311.yaml. Every response is schema-checked by the client; the tests below add the
 * behaviour the schemas cannot express — problem types, idempotency, one vote per citizen,
 * pagination, search/filter/sort, results policy, the points ledger and role checks.
 *
 * It needs a backend in demo mode (the demo region's people and catalogue) and changes state only
 * through fresh citizens, so it can run against the same backend again.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked against the contract's schemas at run time (client.ts); the tests read them as plain JSON */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ContractClient, type ContractTarget, type Reply } from './client';

const PNG_1X1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const key = () => `contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const problemType = (reply: Reply, slug: string) => assert.equal(reply.body.type, `https://veche.dev/problems/${slug}`, `expected problem ${slug}, got ${reply.status} ${reply.text.slice(0, 300)}`);
const expectStatus = (reply: Reply, status: number) => assert.equal(reply.status, status, `${reply.operationId}: expected ${status}, got ${reply.status}: ${reply.text.slice(0, 400)}`);

/** Walks a list to its end; asserts pages respect `limit` and never repeat an item. */
async function walk(c: ContractClient, path: string, limit: number, token?: string): Promise<any[]> {
  const seen = new Set<string>();
  const items: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const sep = path.includes('?') ? '&' : '?';
    const reply: Reply = await c.api('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expectStatus(reply, 200);
    assert.ok(reply.body.items.length <= limit, `${path}: ${reply.body.items.length} items on a page with limit ${limit}`);
    for (const item of reply.body.items) {
      const id = item.id ?? item.code;
      assert.ok(!seen.has(id), `${path}: ${id} appears on two pages`);
      seen.add(id);
      items.push(item);
    }
    cursor = reply.body.nextCursor;
    if (cursor === null) return items;
    assert.equal(reply.body.items.length, limit, `${path}: a page before the end must be full`);
  }
  assert.fail(`${path}: more than 200 pages`);
}

/** A ballot that satisfies every question's rules (the first options, 4 on scales). */
function validBallot(poll: any) {
  return poll.questions.filter((q: any) => q.required).map((q: any) => (q.type === 'scale'
    ? { questionId: q.id, value: 4 }
    : { questionId: q.id, optionIds: q.options.slice(0, q.type === 'single' ? 1 : q.minChoices ?? 1).map((o: any) => o.id) }));
}

/** Values for a service's required attributes, by datatype. */
function attributesFor(service: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of service.attributes) {
    if (!a.variable || !a.required) continue;
    if (a.datatype === 'number') out[a.code] = 5;
    else if (a.datatype === 'datetime') out[a.code] = new Date(Date.now() - 3_600_000).toISOString();
    else if (a.datatype === 'singlevaluelist') out[a.code] = a.values[0].key;
    else if (a.datatype === 'multivaluelist') out[a.code] = [a.values[0].key];
    else out[a.code] = 'контрольное значение';
  }
  return out;
}

export function defineContractSuite(target: ContractTarget): void {
  const c = new ContractClient(target);

  describe(`contract: ${target.name}`, () => {
    let anonymousPoll: any;
    before(async () => {
      const list = await c.api('GET', '/polls?limit=100');
      expectStatus(list, 200);
      anonymousPoll = list.body.items;
    });

    test('problem documents for requests that break the contract (400)', async () => {
      const zero = await c.api('GET', '/polls?limit=0');
      expectStatus(zero, 400);
      problemType(zero, 'validation');
      assert.ok(zero.body.errors.some((e: any) => e.pointer === '/query/limit'), zero.text);
      const word = await c.api('GET', '/ideas?limit=many');
      expectStatus(word, 400);
      // Query numbers are plain decimals: not Infinity (which would pass maximum), hexadecimal or signed.
      for (const limit of ['Infinity', '0x10', '+5']) {
        const odd = await c.api('GET', `/polls?limit=${encodeURIComponent(limit)}`);
        expectStatus(odd, 400);
        assert.ok(odd.body.errors.some((e: any) => e.pointer === '/query/limit'), `${limit}: ${odd.text}`);
      }
      // A repeated parameter is a list, which a single-valued one refuses.
      const twice = await c.api('GET', '/polls?status=open&status=closed');
      expectStatus(twice, 400);
      assert.ok(twice.body.errors.some((e: any) => e.pointer === '/query/status'), twice.text);
      const status = await c.api('GET', '/polls?status=finished');
      expectStatus(status, 400);
      assert.ok(status.body.errors.some((e: any) => e.pointer === '/query/status'), status.text);
      const cursor = await c.api('GET', '/ideas?cursor=not-a-cursor');
      expectStatus(cursor, 400);
      const badId = await c.api('GET', '/polls/bad%20id!');
      expectStatus(badId, 400);
      assert.ok(badId.body.errors.some((e: any) => e.pointer === '/path/id'), badId.text);
      const token = await target.signIn({ fresh: true });
      const malformed = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { token, raw: '{"answers": [', contentType: 'application/json' });
      expectStatus(malformed, 400);
      const unknownField = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }], extra: 1 } });
      expectStatus(unknownField, 400);
      assert.ok(unknownField.body.errors.some((e: any) => e.pointer === '/extra'), unknownField.text);
      // A field named like an Object method is no declared property either.
      const inherited = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }], toString: 1 } });
      expectStatus(inherited, 400);
      assert.ok(inherited.body.errors.some((e: any) => e.pointer === '/toString'), inherited.text);
      const wrongType = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: 'o1' }] } });
      expectStatus(wrongType, 400);
      assert.ok(wrongType.body.errors.some((e: any) => e.pointer === '/answers/0/optionIds'), wrongType.text);
      const badKey = await c.api('POST', '/ideas', { token, idempotencyKey: 'with space', body: { title: 'Заголовок идеи', text: 'Достаточно длинный текст идеи для проверки.', categoryId: 'parks' } });
      expectStatus(badKey, 400);
    });

    test('identity: 401 problems when signed out or forged, /me and /session, demo sign-in, sign-out', async () => {
      const anonymous = await c.api('GET', '/me');
      expectStatus(anonymous, 401);
      problemType(anonymous, 'unauthorized');
      const forged = await c.api('GET', '/me', { token: 'forged.token.value' });
      expectStatus(forged, 401);
      const token = await target.signIn({ citizenId: 'anna' });
      const me = await c.api('GET', '/me', { token });
      expectStatus(me, 200);
      assert.equal(me.body.id, 'anna');
      // The session probe answers 200 either way, so anonymous pages make no failing request.
      const signedOut = await c.api('GET', '/session');
      expectStatus(signedOut, 200);
      assert.deepEqual(signedOut.body, { signedIn: false, me: null });
      const session = await c.api('GET', '/session', { token });
      expectStatus(session, 200);
      assert.equal(session.body.signedIn, true);
      assert.equal(session.body.me.id, 'anna');
      expectStatus(await c.api('GET', '/session', { token: 'forged.token.value' }), 401);
      const staff = await c.api('GET', '/me', { token: await target.signIn({ citizenId: 'staff-roads' }) });
      assert.deepEqual([staff.body.roles, staff.body.agencyId], [['agency'], 'roads']);
      const demo = await c.api('POST', '/auth/demo', { body: { citizenId: 'ivan' } });
      expectStatus(demo, 200);
      assert.equal(demo.body.me.id, 'ivan');
      const asIvan = await c.api('GET', '/me', { token: demo.body.token });
      assert.equal(asIvan.body.id, 'ivan');
      const unknown = await c.api('POST', '/auth/demo', { body: { citizenId: 'nobody-here' } });
      expectStatus(unknown, 404);
      const out = await c.api('DELETE', '/auth/session');
      expectStatus(out, 204);
    });

    test('polls: status filter, pagination, results only as the policy allows', async () => {
      for (const status of ['upcoming', 'open', 'closed']) {
        const list = await c.api('GET', `/polls?status=${status}&limit=100`);
        expectStatus(list, 200);
        assert.ok(list.body.items.length > 0, `the demo region has ${status} polls`);
        assert.ok(list.body.items.every((p: any) => p.status === status), `status=${status} filters`);
      }
      const all = await walk(c, '/polls', 5);
      assert.equal(all.length, anonymousPoll.length);
      for (const summary of all) {
        const poll = await c.api('GET', `/polls/${summary.id}`);
        expectStatus(poll, 200);
        const { resultsPolicy, status } = poll.body;
        const visible = resultsPolicy === 'live' || (status === 'closed' && resultsPolicy !== 'hidden');
        assert.equal(poll.body.results !== null, visible, `${summary.id} (${resultsPolicy}, ${status}): results for a signed-out caller`);
        assert.equal(poll.body.myVote, null);
        if (visible) assert.equal(poll.body.results.final, status === 'closed');
      }
      const missing = await c.api('GET', '/polls/no-such-poll');
      expectStatus(missing, 404);
      problemType(missing, 'not-found');
    });

    test('voting: one vote per citizen (409), rules (422), idempotent replay, receipt, points', async () => {
      const open = anonymousPoll.filter((p: any) => p.status === 'open');
      const target1 = open.find((p: any) => p.resultsPolicy === 'after-vote') ?? open[0];
      const poll = (await c.api('GET', `/polls/${target1.id}`)).body;
      const ballot = { answers: validBallot(poll) };
      const unsigned = await c.api('POST', `/polls/${poll.id}/votes`, { body: ballot });
      expectStatus(unsigned, 401);
      problemType(unsigned, 'unauthorized');
      const token = await target.signIn({ fresh: true });
      const badOption = await c.api('POST', `/polls/${poll.id}/votes`, { token, body: { answers: [{ questionId: poll.questions[0].id, ...(poll.questions[0].type === 'scale' ? { optionIds: ['nope'] } : { optionIds: ['no-such-option'] }) }] } });
      expectStatus(badOption, 422);
      problemType(badOption, 'invalid-answers');
      assert.ok(badOption.body.errors?.length > 0, 'invalid-answers carries field errors');

      const idem = key();
      const first = await c.api('POST', `/polls/${poll.id}/votes`, { token, body: ballot, idempotencyKey: idem });
      expectStatus(first, 201);
      assert.equal(first.body.points.awarded, poll.points);
      const replay = await c.api('POST', `/polls/${poll.id}/votes`, { token, body: ballot, idempotencyKey: idem });
      expectStatus(replay, 201);
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(replay.body, first.body, 'a replay returns the stored response');
      const reused = await c.api('POST', `/polls/${poll.id}/votes`, { token, body: ballot, idempotencyKey: `${idem}-second` });
      assert.equal(reused.status, 409, 'a second vote with a new key is refused');
      problemType(reused, 'already-voted');
      const otherBody = await c.api('POST', `/polls/${poll.id}/votes`, { token, body: { answers: [{ questionId: 'other-question', value: 3 }] }, idempotencyKey: idem });
      expectStatus(otherBody, 422);
      problemType(otherBody, 'idempotency-key-reused');

      const after = await c.api('GET', `/polls/${poll.id}`, { token });
      assert.equal(after.body.votedByMe, true);
      assert.equal(after.body.myVote.receipt, first.body.receipt);
      if (poll.resultsPolicy === 'after-vote') assert.notEqual(after.body.results, null, 'after-vote: voters see results');
      const receipt = await c.api('GET', `/votes/${first.body.receipt}`);
      expectStatus(receipt, 200);
      assert.equal(receipt.body.pollId, poll.id);
      const unknownReceipt = await c.api('GET', '/votes/AAAA-BBBB-CCCC-DDDD-EEEE');
      expectStatus(unknownReceipt, 404);
      const wallet = await c.api('GET', '/wallet', { token });
      assert.equal(wallet.body.balance, first.body.points.balance);

      for (const status of ['upcoming', 'closed']) {
        const other = anonymousPoll.find((p: any) => p.status === status);
        const full = (await c.api('GET', `/polls/${other.id}`)).body;
        const refused = await c.api('POST', `/polls/${other.id}/votes`, { token, body: { answers: validBallot(full) } });
        expectStatus(refused, 422);
        problemType(refused, 'poll-not-open');
      }
    });

    test('services: search, group filter, pagination, one service', async () => {
      const all = await walk(c, '/services', 7);
      assert.ok(all.length >= 20);
      const search = await c.api('GET', `/services?q=${encodeURIComponent('ЯМ')}&limit=100`);
      assert.ok(search.body.items.length > 0);
      for (const s of search.body.items) assert.ok([s.name, s.description, ...s.keywords].some((t: string) => t.toLowerCase().includes('ям')), `${s.code} matches q`);
      const group = all[0].group;
      const grouped = await c.api('GET', `/services?group=${encodeURIComponent(group)}&limit=100`);
      assert.ok(grouped.body.items.length > 0 && grouped.body.items.every((s: any) => s.group === group));
      const one = await c.api('GET', `/services/${all[0].code}`);
      expectStatus(one, 200);
      expectStatus(await c.api('GET', '/services/no-such-service'), 404);
    });

    test('complaints: media, filing, +1 once, agency workflow, confirmation, one rating per complaint', async () => {
      const author = await target.signIn({ fresh: true });
      const neighbour = await target.signIn({ fresh: true });
      const staff = await target.signIn({ citizenId: 'staff-roads' });

      const upload = await c.api('POST', '/media', { token: author, raw: PNG_1X1, contentType: 'image/png' });
      expectStatus(upload, 201);
      const image = await c.api('GET', `/media/${upload.body.id}`);
      expectStatus(image, 200);
      assert.match(image.headers.get('content-type') ?? '', /^image\/png/);
      const notImage = await c.api('POST', '/media', { token: author, raw: new TextEncoder().encode('<svg onload=alert(1)>'), contentType: 'image/png' });
      expectStatus(notImage, 415);
      expectStatus(await c.api('POST', '/media', { raw: PNG_1X1, contentType: 'image/png' }), 401);

      const services = await c.api('GET', '/services?limit=100');
      const service = services.body.items.find((s: any) => s.agency.id === 'roads' && s.attributes.some((a: any) => a.required));
      assert.ok(service, 'a roads service with required attributes');
      const location = { lat: 55.8, long: 49.1 };
      const filing = { serviceCode: service.code, description: 'Контрольное обращение контрактных тестов.', address: 'ул. Контрактная, 1', location, attributes: attributesFor(service), mediaIds: [upload.body.id], consent: true };
      const noConsent = await c.api('POST', '/complaints', { token: author, body: { ...filing, consent: false } });
      expectStatus(noConsent, 400);
      const missingAttr = await c.api('POST', '/complaints', { token: author, body: { ...filing, attributes: {} } });
      expectStatus(missingAttr, 422);
      assert.ok(missingAttr.body.errors?.some((e: any) => e.pointer.startsWith('/attributes/')), missingAttr.text);
      // Somewhere to send the agency: an address or a point on the map.
      const { address: _address, location: _location, ...nowhere } = filing;
      const noPlace = await c.api('POST', '/complaints', { token: author, body: nowhere });
      expectStatus(noPlace, 422);
      assert.ok(noPlace.body.errors?.some((e: any) => e.pointer === '/location' && e.code === 'required'), noPlace.text);
      const noService = await c.api('POST', '/complaints', { token: author, body: { ...filing, serviceCode: 'no-such-service' } });
      expectStatus(noService, 422);
      assert.ok(noService.body.errors?.some((e: any) => e.pointer === '/serviceCode' && e.code === 'unknown-service'), noService.text);
      const created = await c.api('POST', '/complaints', { token: author, body: filing, idempotencyKey: key() });
      expectStatus(created, 201);
      const complaint = created.body.complaint;
      assert.deepEqual([complaint.status, complaint.mine, complaint.agency.id, complaint.media.length], ['submitted', true, 'roads', 1]);
      assert.ok(Date.parse(complaint.dueAt) > Date.parse(complaint.createdAt));

      const mine = await c.api('GET', '/complaints?mine=true', { token: author });
      assert.deepEqual(mine.body.items.map((x: any) => x.id), [complaint.id]);
      expectStatus(await c.api('GET', '/complaints?mine=true'), 401);
      const register = await c.api('GET', `/complaints?status=submitted&serviceCode=${service.code}&limit=100`);
      assert.ok(register.body.items.every((x: any) => x.status === 'submitted' && x.serviceCode === service.code));
      const nearby = await c.api('GET', `/complaints/nearby?lat=${location.lat}&long=${location.long}&serviceCode=${service.code}&radius=50`);
      expectStatus(nearby, 200);
      assert.ok(nearby.body.items.some((x: any) => x.id === complaint.id), 'the new complaint is found nearby');
      const distances = nearby.body.items.map((x: any) => x.distance);
      assert.deepEqual(distances, [...distances].sort((a, b) => a - b), 'closest first');

      expectStatus(await c.api('POST', `/complaints/${complaint.id}/supports`, { token: neighbour }), 201);
      const again = await c.api('POST', `/complaints/${complaint.id}/supports`, { token: neighbour });
      expectStatus(again, 409);
      problemType(again, 'already-supported');
      expectStatus(await c.api('GET', '/complaints/no-such-complaint'), 404);

      const byCitizen = await c.api('POST', `/complaints/${complaint.id}/status`, { token: neighbour, body: { status: 'in_progress' } });
      expectStatus(byCitizen, 403);
      const skip = await c.api('POST', `/complaints/${complaint.id}/status`, { token: staff, body: { status: 'resolved', answer: { text: 'Сделано.' } } });
      expectStatus(skip, 409);
      problemType(skip, 'invalid-transition');
      expectStatus(await c.api('POST', `/complaints/${complaint.id}/status`, { token: staff, body: { status: 'in_progress', note: 'Принято.' } }), 200);
      const resolved = await c.api('POST', `/complaints/${complaint.id}/status`, { token: staff, body: { status: 'resolved', answer: { text: 'Яма заделана.' } } });
      expectStatus(resolved, 200);
      assert.equal(resolved.body.answer.text, 'Яма заделана.');
      const seenByAuthor = await c.api('GET', `/complaints/${complaint.id}`, { token: author });
      assert.equal(seenByAuthor.body.status, 'resolved');
      assert.notEqual(seenByAuthor.body.confirmableUntil, null, 'the author sees until when to confirm');

      const early = await c.api('GET', '/agencies/roads/rating-eligibility', { token: author });
      assert.equal(early.body.eligible, false);
      expectStatus(await c.api('POST', `/complaints/${complaint.id}/confirmation`, { token: neighbour, body: { outcome: 'confirmed' } }), 403);

      // The author disputes with a photo of their own; someone else's upload is refused and changes nothing.
      const evidence = await c.api('POST', '/media', { token: author, raw: PNG_1X1, contentType: 'image/png' });
      expectStatus(evidence, 201);
      const foreign = await c.api('POST', '/media', { token: neighbour, raw: PNG_1X1, contentType: 'image/png' });
      expectStatus(foreign, 201);
      const dispute = { outcome: 'disputed', comment: 'Яму засыпали песком, она снова там.' };
      const stolen = await c.api('POST', `/complaints/${complaint.id}/confirmation`, { token: author, body: { ...dispute, mediaIds: [evidence.body.id, foreign.body.id] } });
      expectStatus(stolen, 422);
      problemType(stolen, 'validation');
      assert.deepEqual(stolen.body.errors.map((e: any) => [e.pointer, e.code]), [['/mediaIds/1', 'unknown-media']]);
      assert.equal((await c.api('GET', `/complaints/${complaint.id}`, { token: author })).body.status, 'resolved', 'a refused dispute changes nothing');
      const disputed = await c.api('POST', `/complaints/${complaint.id}/confirmation`, { token: author, body: { ...dispute, mediaIds: [evidence.body.id] }, idempotencyKey: key() });
      expectStatus(disputed, 200);
      assert.equal(disputed.body.status, 'disputed');
      assert.deepEqual(disputed.body.confirmation.media.map((m: any) => m.id), [evidence.body.id]);
      const afterDispute = await c.api('GET', `/complaints/${complaint.id}`);
      assert.deepEqual([afterDispute.body.confirmation.outcome, afterDispute.body.confirmation.comment], ['disputed', dispute.comment]);
      assert.deepEqual(afterDispute.body.confirmation.media, disputed.body.confirmation.media);
      const photo = await fetch(new URL(afterDispute.body.confirmation.media[0].url, `${target.apiUrl}/`));
      assert.equal(photo.status, 200);
      assert.match(photo.headers.get('content-type') ?? '', /^image\/png/);
      await photo.arrayBuffer();

      const reResolved = await c.api('POST', `/complaints/${complaint.id}/status`, { token: staff, body: { status: 'resolved', answer: { text: 'Яму заасфальтировали.' } } });
      expectStatus(reResolved, 200);
      const confirmed = await c.api('POST', `/complaints/${complaint.id}/confirmation`, { token: author, body: { outcome: 'confirmed' } });
      expectStatus(confirmed, 200);
      assert.equal(confirmed.body.status, 'closed');
      assert.deepEqual([confirmed.body.confirmation.outcome, confirmed.body.confirmation.media], ['confirmed', []]);
      const twice = await c.api('POST', `/complaints/${complaint.id}/confirmation`, { token: author, body: { outcome: 'disputed' } });
      expectStatus(twice, 409);
      problemType(twice, 'not-confirmable');

      const eligible = await c.api('GET', '/agencies/roads/rating-eligibility', { token: author });
      assert.deepEqual([eligible.body.eligible, eligible.body.complaints.map((x: any) => x.id)], [true, [complaint.id]]);
      const notMine = await c.api('POST', '/agencies/roads/ratings', { token: neighbour, body: { complaintId: complaint.id, stars: 1 } });
      expectStatus(notMine, 403);
      problemType(notMine, 'not-eligible');
      const rating = await c.api('POST', '/agencies/roads/ratings', { token: author, body: { complaintId: complaint.id, stars: 5, comment: 'Быстро.' }, idempotencyKey: key() });
      expectStatus(rating, 201);
      const second = await c.api('POST', '/agencies/roads/ratings', { token: author, body: { complaintId: complaint.id, stars: 1 } });
      expectStatus(second, 409);
      problemType(second, 'already-rated');
      const allRated = await c.api('GET', '/agencies/roads/rating-eligibility', { token: author });
      assert.deepEqual([allRated.body.eligible, allRated.body.reason], [false, 'all-rated']);
      const ratings = await c.api('GET', '/agencies/roads/ratings?limit=100');
      assert.ok(ratings.body.items.some((r: any) => r.complaintId === complaint.id));
      const wallet = await c.api('GET', '/wallet', { token: author });
      assert.equal(wallet.body.balance, created.body.points.awarded + rating.body.points.awarded);
    });

    test('ideas: default listing, pagination with total, search/filter/sort, moderation, one support, pledges', async () => {
      const categories = await c.api('GET', '/idea-categories?limit=100');
      expectStatus(categories, 200);
      const all = await walk(c, '/ideas', 50);
      const first = await c.api('GET', '/ideas?limit=1');
      assert.equal(all.length, first.body.total ?? all.length);
      assert.ok(all.every((i: any) => i.status !== 'moderation' && i.status !== 'rejected'), 'no moderation/rejected ideas by default');
      const newest = (await c.api('GET', '/ideas?sort=newest&limit=100')).body.items.map((i: any) => i.createdAt);
      assert.deepEqual(newest, [...newest].sort().reverse(), 'sort=newest');
      const popular = (await c.api('GET', '/ideas?sort=popular&limit=100')).body.items.map((i: any) => i.supporters);
      assert.deepEqual(popular, [...popular].sort((a, b) => b - a), 'sort=popular');
      const trending = await c.api('GET', '/ideas?sort=trending&limit=10');
      expectStatus(trending, 200);
      const threshold = await c.api('GET', '/ideas?sort=threshold&limit=100');
      assert.ok(threshold.body.items.every((i: any) => i.supporters < i.threshold), 'sort=threshold lists ideas below their threshold');
      const parks = await c.api('GET', '/ideas?category=parks&limit=100');
      assert.ok(parks.body.items.length > 0 && parks.body.items.every((i: any) => i.category.id === 'parks'));
      const accepted = await c.api('GET', '/ideas?status=accepted&limit=100');
      assert.ok(accepted.body.items.length > 0 && accepted.body.items.every((i: any) => i.status === 'accepted'));
      const funded = await c.api('GET', '/ideas?funded=true&limit=100');
      assert.ok(funded.body.items.length > 0 && funded.body.items.every((i: any) => i.funding !== null));
      const q = 'велодорож';
      const search = await c.api('GET', `/ideas?q=${encodeURIComponent(q)}&limit=5`);
      assert.ok(search.body.items.length > 0);
      for (const s of search.body.items) {
        const idea = (await c.api('GET', `/ideas/${s.id}`)).body;
        assert.ok(`${idea.title} ${idea.text}`.toLowerCase().includes(q), `${s.id} matches q`);
      }
      expectStatus(await c.api('GET', '/ideas?mine=true'), 401);

      const author = await target.signIn({ fresh: true });
      const supporter = await target.signIn({ fresh: true });
      const moderator = await target.signIn({ citizenId: 'moderator' });
      const draft = { title: 'Контрольная идея контрактных тестов', text: 'Текст контрольной идеи, достаточно длинный для контракта.', categoryId: 'parks' };
      const idem = key();
      const [a, b] = await Promise.all([0, 1].map(() => c.api('POST', '/ideas', { token: author, body: draft, idempotencyKey: idem })));
      assert.ok([a!, b!].some((r) => r.status === 201), 'one of two racing identical requests succeeds');
      for (const r of [a!, b!]) {
        if (r.status === 409) problemType(r, 'idempotency-in-flight');
        else expectStatus(r, 201);
      }
      const idea = (a!.status === 201 ? a! : b!).body;
      assert.deepEqual([idea.status, idea.mine], ['moderation', true]);
      const mineList = await c.api('GET', '/ideas?mine=true', { token: author });
      assert.deepEqual(mineList.body.items.map((i: any) => i.id), [idea.id]);
      expectStatus(await c.api('GET', `/ideas/${idea.id}`), 404);
      // The moderation queue: a moderator finds the new idea and opens it; other citizens do not.
      const queue = await c.api('GET', '/ideas?status=moderation&sort=newest&limit=100', { token: moderator });
      assert.ok(queue.body.items.some((i: any) => i.id === idea.id), 'the moderator lists the idea waiting for moderation');
      expectStatus(await c.api('GET', `/ideas/${idea.id}`, { token: moderator }), 200);
      const othersQueue = await c.api('GET', '/ideas?status=moderation&sort=newest&limit=100', { token: supporter });
      assert.ok(!othersQueue.body.items.some((i: any) => i.id === idea.id), 'another citizen does not list it');
      expectStatus(await c.api('POST', `/ideas/${idea.id}/moderation`, { token: author, body: { action: 'publish' } }), 403);
      const noReason = await c.api('POST', `/ideas/${idea.id}/moderation`, { token: moderator, body: { action: 'reject' } });
      expectStatus(noReason, 422);
      const published = await c.api('POST', `/ideas/${idea.id}/moderation`, { token: moderator, body: { action: 'publish' } });
      expectStatus(published, 200);
      assert.equal(published.body.status, 'published');
      const jump = await c.api('POST', `/ideas/${idea.id}/moderation`, { token: moderator, body: { action: 'implement' } });
      expectStatus(jump, 409);
      problemType(jump, 'invalid-transition');

      // Rejected at moderation, an idea never becomes public; rejected after publication, it is
      // listed under status=rejected with its reason.
      const spam = (await c.api('POST', '/ideas', { token: author, body: { ...draft, title: 'Идея, которую отклонят сразу' }, idempotencyKey: key() })).body;
      expectStatus(await c.api('POST', `/ideas/${spam.id}/moderation`, { token: moderator, body: { action: 'reject', reason: 'Не по правилам' } }), 200);
      expectStatus(await c.api('GET', `/ideas/${spam.id}`), 404);
      expectStatus(await c.api('GET', `/ideas/${spam.id}`, { token: author }), 200);
      const rejectedList = await c.api('GET', '/ideas?status=rejected&sort=newest&limit=100');
      assert.ok(rejectedList.body.items.length > 0, 'ideas rejected after publication are listed');
      assert.ok(!rejectedList.body.items.some((i: any) => i.id === spam.id), 'an idea rejected at moderation is not');
      for (const shown of rejectedList.body.items.slice(0, 3)) {
        const page = await c.api('GET', `/ideas/${shown.id}`);
        expectStatus(page, 200);
        assert.ok(page.body.timeline.some((e: any) => e.status === 'published'), `${shown.id} was published before it was rejected`);
      }

      expectStatus(await c.api('POST', `/ideas/${idea.id}/supports`), 401);
      const support = await c.api('POST', `/ideas/${idea.id}/supports`, { token: supporter });
      expectStatus(support, 201);
      assert.deepEqual([support.body.supporters, support.body.supportedByMe], [1, true]);
      const twice = await c.api('POST', `/ideas/${idea.id}/supports`, { token: supporter });
      expectStatus(twice, 409);
      problemType(twice, 'already-supported');
      const withdrawn = await c.api('DELETE', `/ideas/${idea.id}/supports`, { token: supporter });
      expectStatus(withdrawn, 200);
      assert.deepEqual([withdrawn.body.supporters, withdrawn.body.supportedByMe], [0, false]);
      expectStatus(await c.api('DELETE', `/ideas/${idea.id}/supports`, { token: supporter }), 200);

      const notFunded = await c.api('POST', `/ideas/${idea.id}/pledges`, { token: supporter, body: { kind: 'money', amount: 100 } });
      expectStatus(notFunded, 422);
      problemType(notFunded, 'not-crowdfunded');
      const crowdfunded = funded.body.items.find((i: any) => ['published', 'review', 'accepted'].includes(i.status));
      const money = await c.api('POST', `/ideas/${crowdfunded.id}/pledges`, { token: supporter, body: { kind: 'money', amount: 500 }, idempotencyKey: key() });
      expectStatus(money, 201);
      assert.deepEqual([money.body.pledge.status, typeof money.body.pledge.paymentReference], ['pending', 'string']);
      const points = await c.api('POST', `/ideas/${crowdfunded.id}/pledges`, { token: supporter, body: { kind: 'points', amount: 50 } });
      expectStatus(points, 422);
      problemType(points, 'insufficient-points');
      assert.equal(points.body.missing, 50);
    });

    test('agencies: ranking, sorts, public record, ratings', async () => {
      const ranking = await walk(c, '/agencies', 3);
      assert.ok(ranking.length >= 8);
      assert.deepEqual(ranking.map((a: any) => a.rank).sort((x: number, y: number) => x - y), ranking.map((_: any, i: number) => i + 1), 'ranks are 1…n');
      for (const sort of ['rating', 'onTime', 'volume']) expectStatus(await c.api('GET', `/agencies?sort=${sort}`), 200);
      const roads = await c.api('GET', '/agencies/roads');
      expectStatus(roads, 200);
      assert.equal(roads.body.distribution.reduce((s: number, d: any) => s + d.count, 0), roads.body.rating.count);
      expectStatus(await c.api('GET', '/agencies/no-such-agency'), 404);
      const ratings = await walk(c, '/agencies/roads/ratings', 5);
      assert.equal(ratings.length, roads.body.rating.count);
      const fresh = await c.api('GET', '/agencies/roads/rating-eligibility', { token: await target.signIn({ fresh: true }) });
      assert.deepEqual([fresh.body.eligible, fresh.body.reason], [false, 'no-closed-complaint']);
      expectStatus(await c.api('GET', '/agencies/roads/rating-eligibility'), 401);
    });

    test('wallet: ledger never goes negative, redemptions, donations, filters', async () => {
      const token = await target.signIn({ fresh: true });
      const empty = await c.api('GET', '/wallet', { token });
      assert.deepEqual([empty.body.balance, empty.body.earned], [0, 0]);
      expectStatus(await c.api('GET', '/wallet'), 401);
      const rewards = await walk(c, '/rewards', 4);
      const costs = rewards.map((r: any) => r.cost);
      assert.deepEqual(costs, [...costs].sort((a, b) => a - b), 'cheapest first');
      const culture = await c.api('GET', '/rewards?category=culture');
      assert.ok(culture.body.items.every((r: any) => r.category === 'culture'));
      const inStock = rewards.find((r: any) => r.stock === null || r.stock > 0);
      const poor = await c.api('POST', '/redemptions', { token, body: { rewardId: inStock.id } });
      expectStatus(poor, 422);
      problemType(poor, 'insufficient-points');
      assert.equal(poor.body.missing, inStock.cost);
      const soldOut = rewards.find((r: any) => r.stock === 0);
      if (soldOut) {
        const out = await c.api('POST', '/redemptions', { token: await target.signIn({ citizenId: 'anna' }), body: { rewardId: soldOut.id } });
        expectStatus(out, 409);
        problemType(out, 'out-of-stock');
      }
      expectStatus(await c.api('POST', '/redemptions', { token, body: { rewardId: 'no-such-reward' } }), 404);
      const annas = await c.api('GET', '/redemptions', { token: await target.signIn({ citizenId: 'anna' }) });
      assert.ok(annas.body.items.length > 0);

      // earn by voting, then spend it all and one step more
      const funds = await walk(c, '/funds', 2);
      const takes = (points: number) => funds.find((f: any) => f.minDonation <= points && points % f.step === 0);
      const open = (await c.api('GET', '/polls?status=open&limit=100')).body.items.find((p: any) => p.points > 0 && takes(p.points));
      assert.ok(open, 'an open poll whose points a fund accepts as a donation');
      const vote = await c.api('POST', `/polls/${open.id}/votes`, { token, body: { answers: validBallot((await c.api('GET', `/polls/${open.id}`)).body) } });
      expectStatus(vote, 201);
      const earned = vote.body.points.balance;
      const fund = takes(earned);
      if (fund.step > 1) {
        const odd = await c.api('POST', '/donations', { token, body: { fundId: fund.id, amount: fund.minDonation + 1 } });
        expectStatus(odd, 422);
        problemType(odd, 'invalid-amount');
      }
      const donation = await c.api('POST', '/donations', { token, body: { fundId: fund.id, amount: earned }, idempotencyKey: key() });
      expectStatus(donation, 201);
      assert.equal(donation.body.points.balance, 0);
      assert.equal(donation.body.fund.raised, fund.raised + earned);
      const overdraw = await c.api('POST', '/donations', { token, body: { fundId: fund.id, amount: fund.minDonation } });
      expectStatus(overdraw, 422);
      problemType(overdraw, 'insufficient-points');
      expectStatus(await c.api('POST', '/donations', { token, body: { fundId: 'no-such-fund', amount: 10 } }), 404);
      const wallet = await c.api('GET', '/wallet', { token });
      assert.deepEqual([wallet.body.balance, wallet.body.earned, wallet.body.donated], [0, earned, earned]);
      const ledger = await walk(c, '/wallet/transactions', 1, token);
      assert.deepEqual(ledger.map((e: any) => [e.kind, e.amount, e.balanceAfter]), [['donated', -earned, 0], ['earned', earned, earned]]);
      const donated = await c.api('GET', '/wallet/transactions?kind=donated', { token });
      assert.deepEqual(donated.body.items.map((e: any) => e.kind), ['donated']);
      const rich = await c.api('GET', '/wallet', { token: await target.signIn({ citizenId: 'anna' }) });
      assert.ok(rich.body.balance >= 0 && rich.body.level.threshold <= rich.body.earned);
    });

    test('Open311 GeoReport v2: services, definitions, filing (form-encoded), requests, error arrays', async () => {
      const services = await c.open311('GET', '/services.json');
      expectStatus(services, 200);
      const withAttrs = services.body.find((s: any) => s.metadata);
      const definition = await c.open311('GET', `/services/${withAttrs.service_code}.json`);
      expectStatus(definition, 200);
      expectStatus(await c.open311('GET', '/services/no-such-service.json'), 404);
      const token = await target.signIn({ fresh: true });
      const form = new URLSearchParams({ api_key: token, service_code: withAttrs.service_code, lat: '55.79', long: '49.11', description: 'Контрольное обращение через Open311.' });
      for (const a of definition.body.attributes.filter((x: any) => x.variable && x.required)) {
        const value = a.datatype === 'number' ? '5' : a.datatype === 'datetime' ? new Date().toISOString() : a.values?.[0]?.key ?? 'значение';
        form.append(`attribute[${a.code}]`, value);
      }
      const created = await c.open311('POST', '/requests.json', { raw: form.toString(), contentType: 'application/x-www-form-urlencoded' });
      expectStatus(created, 201);
      const id = created.body[0].service_request_id;
      const one = await c.open311('GET', `/requests/${id}.json`);
      expectStatus(one, 200);
      assert.deepEqual([one.body.length, one.body[0].status, one.body[0].service_code], [1, 'open', withAttrs.service_code]);
      const byId = await c.open311('GET', `/requests.json?service_request_id=${id}`);
      assert.deepEqual(byId.body.map((r: any) => r.service_request_id), [id]);
      const closed = await c.open311('GET', '/requests.json?status=closed');
      assert.ok(closed.body.every((r: any) => r.status === 'closed'));
      const missing = await c.open311('POST', '/requests.json', { raw: new URLSearchParams({ api_key: token }).toString(), contentType: 'application/x-www-form-urlencoded' });
      expectStatus(missing, 400);
      // A form keeps the JSON API's limits; only a form is accepted.
      const refusedForm = async (change: (f: URLSearchParams) => void, mentions: RegExp) => {
        const f = new URLSearchParams(form);
        change(f);
        const r = await c.open311('POST', '/requests.json', { raw: f.toString(), contentType: 'application/x-www-form-urlencoded' });
        expectStatus(r, 400);
        assert.match(r.body[0].description, mentions);
      };
      await refusedForm((f) => f.set('lat', '0x10'), /lat/);
      await refusedForm((f) => f.set('long', ''), /long/);
      await refusedForm((f) => { f.delete('lat'); f.delete('long'); f.set('address_string', 'а'.repeat(600)); }, /address_string/);
      await refusedForm((f) => { f.set('first_name', 'Анна'); f.set('email', 'not-an-email'); }, /email/);
      const single = definition.body.attributes.find((x: any) => x.variable && x.datatype === 'singlevaluelist');
      await refusedForm((f) => { f.delete(`attribute[${single.code}]`); f.append(`attribute[${single.code}]`, single.values[0].key); f.append(`attribute[${single.code}]`, single.values[0].key); }, new RegExp(single.code));
      const asJson = await c.open311('POST', '/requests.json', { raw: JSON.stringify(Object.fromEntries(form)), contentType: 'application/json' });
      expectStatus(asJson, 415);
      expectStatus(await c.open311('GET', '/requests/no-such-request.json'), 404);
      const viaApi = await c.api('GET', `/complaints/${id}`);
      expectStatus(viaApi, 200);
    });

    /** A form that files: a fresh citizen's api_key, a service with attributes, its required answers. */
    const open311Filing = async () => {
      const services = await c.open311('GET', '/services.json');
      const code = services.body.find((s: any) => s.metadata).service_code;
      const definition = (await c.open311('GET', `/services/${code}.json`)).body;
      const token = await target.signIn({ fresh: true });
      const form = new URLSearchParams({ api_key: token, service_code: code, lat: '55.79', long: '49.11', description: 'Контрольное обращение через Open311.' });
      for (const a of definition.attributes.filter((x: any) => x.variable && x.required)) {
        form.append(`attribute[${a.code}]`, a.datatype === 'number' ? '5' : a.datatype === 'datetime' ? new Date().toISOString() : a.values?.[0]?.key ?? 'значение');
      }
      const attribute = (datatype: string) => {
        const found = definition.attributes.find((x: any) => x.variable && !x.required && x.datatype === datatype);
        assert.ok(found, `${code} has an optional ${datatype} attribute`);
        return found.code as string;
      };
      return { form, attribute, requiredNumber: definition.attributes.find((x: any) => x.variable && x.required && x.datatype === 'number')?.code as string };
    };
    const postForm = (form: URLSearchParams) => c.open311('POST', '/requests.json', { raw: form.toString(), contentType: 'application/x-www-form-urlencoded' });
    /** Posts `form` changed by `change`; expects `status` and, for an error, a first description matching `mentions`. */
    const filed = async (form: URLSearchParams, change: (f: URLSearchParams) => void, status: number, mentions?: RegExp) => {
      const f = new URLSearchParams(form);
      change(f);
      const r = await postForm(f);
      expectStatus(r, status);
      if (mentions) assert.match(r.body[0].description, mentions);
      return r;
    };

    test('Open311 filing: the raw form meets Open311RequestCreate before anything else is checked', async () => {
      const { form } = await open311Filing();
      // A contact field is checked even when no name makes a contact of it.
      await filed(form, (f) => f.set('email', 'not-an-email'), 400, /email/);
      await filed(form, (f) => f.set('phone', 'звоните'), 400, /phone/);
      await filed(form, (f) => f.set('first_name', 'а'.repeat(100)), 400, /first_name/);
      await filed(form, (f) => f.set('first_name', ''), 400, /first_name/);
      // Each field is sent once: a repeated one is a list, which the schema refuses.
      await filed(form, (f) => f.append('lat', '55.8'), 400, /lat/);
      await filed(form, (f) => f.append('service_code', f.get('service_code')!), 400, /service_code/);
      // A malformed code is a bad request, not an unknown service.
      await filed(form, (f) => f.set('service_code', 'No Such'), 400, /service_code/);
      await filed(form, (f) => f.set('jurisdiction_id', 'j'.repeat(201)), 400, /jurisdiction_id/);
      // The schema comes before the key: a bad lat is reported with a wrong key, and with a missing one both are.
      await filed(form, (f) => { f.set('lat', '0x10'); f.set('api_key', 'not-a-token'); }, 400, /lat/);
      const both = await filed(form, (f) => { f.set('lat', '0x10'); f.delete('api_key'); }, 400);
      assert.match(both.body[0].description, /api_key/);
      assert.match(both.body[0].description, /lat/);
      await filed(form, (f) => f.set('api_key', 'not-a-token'), 403);
    });

    test('Open311 filing: after the schema, the rules and order of filing a complaint', async () => {
      const { form, attribute, requiredNumber } = await open311Filing();
      await filed(form, (f) => { f.delete('long'); f.set('address_string', 'ул. Контрактная, 1'); }, 400, /lat/);
      await filed(form, (f) => f.delete('description'), 400, /description/);
      // address_id has limits of its own (1–200 characters), not those of address_string.
      await filed(form, (f) => { f.delete('lat'); f.delete('long'); f.set('address_id', 'a7'); }, 201);
      // Attributes are read before the location, and every attribute[…] field is an answer.
      await filed(form, (f) => { f.delete('lat'); f.delete('long'); f.set(`attribute[${requiredNumber}]`, 'пять'); }, 400, new RegExp(`^attribute\\[${requiredNumber}\\]`));
      await filed(form, (f) => f.set('attribute[Landmark]', 'x'), 400, /Landmark/);
      // Answers keep the service's rules, and errors name the form field.
      await filed(form, (f) => f.set(`attribute[${attribute('string')}]`, 'x'.repeat(201)), 400, new RegExp(`^attribute\\[${attribute('string')}\\]`));
      for (const when of ['2026-03-01', '2026-02-30T10:00:00Z', '2026-03-01t10:00:00z']) {
        await filed(form, (f) => f.set(`attribute[${attribute('datetime')}]`, when), 400, new RegExp(`^attribute\\[${attribute('datetime')}\\]`));
      }
    });

    test('Open311 requests: parameters meet the contract; the default window ends at end_date', async () => {
      const refused = async (path: string, mentions: RegExp) => {
        const r = await c.open311('GET', path);
        expectStatus(r, 400);
        assert.match(r.body[0].description, mentions);
      };
      await refused('/requests.json?start_date=2026-03-01', /start_date/);
      await refused('/requests.json?start_date=2026-02-30T00:00:00Z', /start_date/);
      await refused('/requests.json?end_date=2026-03-01t00:00:00z', /end_date/);
      await refused('/requests.json?start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z', /start_date/);
      await refused('/requests.json?status=open,closed,open', /status/);
      await refused('/requests.json?status=open&status=closed', /status/);
      await refused(`/requests.json?service_code=${'x'.repeat(65)}`, /service_code/);
      await refused(`/services.json?jurisdiction_id=${'j'.repeat(201)}`, /jurisdiction_id/);
      await refused(`/services/${'x'.repeat(65)}.json`, /service_code/);
      await refused(`/requests/${'x'.repeat(65)}.json`, /service_request_id/);

      const { form } = await open311Filing();
      const id = (await filed(form, () => {}, 201)).body[0].service_request_id;
      const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      const listed = async (query: string) => (await c.open311('GET', `/requests.json?${query}`)).body.map((r: any) => r.service_request_id);
      assert.ok((await listed(`end_date=${later(1)}`)).includes(id), 'filed within the 90 days before end_date');
      assert.ok(!(await listed(`end_date=${later(100)}`)).includes(id), 'filed more than 90 days before end_date');
      // Dates still apply when ids are asked for.
      assert.deepEqual(await listed(`service_request_id=${id}&start_date=${later(1)}`), []);
    });

    test('stale or invalid credentials: anonymous where anonymous callers are served, 401 where a citizen is needed or the session is probed', async () => {
      const forged = { token: 'forged.token.value' };
      const basic = { headers: { Authorization: 'Basic abc' } };
      for (const options of [forged, basic]) {
        const polls = await c.api('GET', '/polls?limit=1', options);
        expectStatus(polls, 200);
        const ideas = await c.api('GET', '/ideas?limit=1', options);
        expectStatus(ideas, 200);
        assert.ok(ideas.body.items.every((i: any) => i.supportedByMe === false), 'served as anonymous');
        expectStatus(await c.api('GET', '/agencies/roads', options), 200);
        expectStatus(await c.api('GET', '/rewards?limit=1', options), 200);
        // Sign-out always succeeds, and sign-in is how a stale credential is replaced.
        expectStatus(await c.api('DELETE', '/auth/session', options), 204);
        const signIn = await c.api('POST', '/auth/demo', { ...options, body: { citizenId: 'ivan' } });
        expectStatus(signIn, 200);
        assert.equal(signIn.body.me.id, 'ivan');
        // The session probe is where a widget learns that its credential went stale.
        const session = await c.api('GET', '/session', options);
        expectStatus(session, 401);
        problemType(session, 'unauthorized');
        for (const [method, path] of [['GET', '/me'], ['GET', '/wallet'], ['GET', '/agencies/roads/rating-eligibility']] as const) {
          const refused = await c.api(method, path, options);
          expectStatus(refused, 401);
          problemType(refused, 'unauthorized');
        }
        const vote = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { ...options, body: { answers: [] } });
        expectStatus(vote, 401);
        // Asking for one's own ideas needs a citizen, even though the listing is open.
        expectStatus(await c.api('GET', '/ideas?mine=true', options), 401);
        expectStatus(await c.open311('GET', '/services.json', options), 200);
      }
    });

    test('JSON bodies: a lone UTF-16 surrogate in a value or a member name is refused (400, code encoding)', async () => {
      const token = await target.signIn({ fresh: true });
      const draft = { title: 'Идея с одиночным суррогатом', text: 'Текст идеи, достаточно длинный для контракта.', categoryId: 'parks' };
      const value = await c.api('POST', '/ideas', { token, body: { ...draft, title: 'Идея \ud83d с половиной эмодзи' } });
      expectStatus(value, 400);
      problemType(value, 'validation');
      assert.ok(value.body.errors.some((e: any) => e.pointer === '/title' && e.code === 'encoding'), value.text);
      const low = await c.api('POST', '/ideas', { token, raw: JSON.stringify(draft).replace('"text":"', '"text":"\\udc00'), contentType: 'application/json' });
      expectStatus(low, 400);
      assert.ok(low.body.errors.some((e: any) => e.pointer === '/text' && e.code === 'encoding'), low.text);
      const nested = await c.api('POST', `/polls/${anonymousPoll[0].id}/votes`, { token, raw: '{"answers":[{"questionId":"q\\ud800","optionIds":["a"]}]}', contentType: 'application/json' });
      expectStatus(nested, 400);
      assert.ok(nested.body.errors.some((e: any) => e.pointer === '/answers/0/questionId' && e.code === 'encoding'), nested.text);
      const name = await c.api('POST', '/ideas', { token, raw: JSON.stringify(draft).replace('{', '{"\\ud800x":1,'), contentType: 'application/json' });
      expectStatus(name, 400);
      assert.ok(name.body.errors.some((e: any) => e.code === 'encoding'), name.text);
      // A whole pair is a character like any other.
      expectStatus(await c.api('POST', '/ideas', { token, body: { ...draft, title: 'Идея с эмодзи 😀' } }), 201);
    });

    test('text lengths count code points: idea excerpts, the Open311 description minimum', async () => {
      const token = await target.signIn({ fresh: true });
      const create = async (text: string) => {
        const r = await c.api('POST', '/ideas', { token, body: { title: 'Идея для проверки выдержки', text, categoryId: 'parks' } });
        expectStatus(r, 201);
        return r.body.id as string;
      };
      const texts = {
        // 200 characters (400 UTF-16 code units): shown whole
        whole: '😀'.repeat(200),
        // 210 characters: the first 197, cut between characters, then an ellipsis
        cut: `${'а'.repeat(190)}${'😀'.repeat(20)}`,
        // a letter with its combining accent straddling the cut stays whole
        grapheme: `${'б'.repeat(196)}е\u0301${'в'.repeat(10)}`,
      };
      const ids = { whole: await create(texts.whole), cut: await create(texts.cut), grapheme: await create(texts.grapheme) };
      const mine = (await c.api('GET', '/ideas?mine=true&limit=100', { token })).body.items;
      const excerptOf = (id: string) => mine.find((i: any) => i.id === id).excerpt as string;
      assert.equal(excerptOf(ids.whole), texts.whole, 'a text of 200 characters is its own excerpt');
      assert.equal(excerptOf(ids.cut), `${'а'.repeat(190)}${'😀'.repeat(7)}…`);
      assert.equal(excerptOf(ids.grapheme), `${'б'.repeat(196)}…`);
      const { form } = await open311Filing();
      await filed(form, (f) => f.set('description', '😀'.repeat(5)), 400, /description/);
      await filed(form, (f) => f.set('description', '😀'.repeat(10)), 201);
    });

    test('agencies: the on-time share and median are those of the complaints they resolved', async () => {
      const agencies = await walk(c, '/agencies', 100);
      let checked = 0;
      for (const agency of agencies) {
        const complaints = await walk(c, `/complaints?agencyId=${agency.id}`, 100);
        // Resolved (or rejected) is when the agency finished with a complaint, the latest time it did.
        const finishedAt = (x: any) => [...x.history].reverse().find((h: any) => h.status === 'resolved' || h.status === 'rejected')?.at as string | undefined;
        const finished = complaints.filter((x: any) => finishedAt(x));
        const onTime = finished.filter((x: any) => Date.parse(finishedAt(x)!) <= Date.parse(x.dueAt));
        const expected = finished.length ? Math.round((onTime.length / finished.length) * 1000) / 1000 : null;
        assert.equal(agency.onTimeShare, expected, `${agency.id}: ${onTime.length} of ${finished.length} on time`);
        const days = finished.filter((x: any) => ['resolved', 'closed', 'disputed'].includes(x.status))
          .map((x: any) => (Date.parse(finishedAt(x)!) - Date.parse(x.createdAt)) / 86_400_000).sort((a: number, b: number) => a - b);
        const m = days.length >> 1;
        const median = days.length === 0 ? null : Math.round((days.length % 2 ? days[m]! : (days[m - 1]! + days[m]!) / 2) * 10) / 10;
        assert.equal(agency.medianDaysToResolve, median, `${agency.id}: median days to resolve`);
        if (finished.length) checked++;
      }
      assert.ok(checked >= 3, 'several agencies have finished complaints');
    });

    test('a search with a control character is refused at /query/q, not read as "everything"', async () => {
      for (const path of ['/ideas?q=%00', '/ideas?q=%D1%8F%00', '/services?q=%00', '/services?q=%0A']) {
        const r = await c.api('GET', path);
        expectStatus(r, 400);
        assert.ok(r.body.errors?.some((e: any) => e.pointer === '/query/q'), `${path}: ${r.text}`);
      }
      expectStatus(await c.api('GET', '/ideas?q=%D1%8F'), 200);
    });

    test('ideas: every sort orders and filters exactly as documented, ties included', async () => {
      const moderator = await target.signIn({ citizenId: 'moderator' });
      const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      for (const token of [undefined, moderator]) {
        const listed = await walk(c, '/ideas', 100, token);
        const check = async (sort: string, compare: (a: any, b: any) => number, keep: (i: any) => boolean = () => true) => {
          const got = (await walk(c, `/ideas?sort=${sort}`, 100, token)).map((i: any) => i.id);
          const expected = listed.filter(keep).sort(compare).map((i: any) => i.id);
          assert.deepEqual(got, expected, `sort=${sort} ${token ? '(moderator)' : ''}`);
        };
        await check('popular', (a, b) => b.supporters - a.supporters || binary(b.createdAt, a.createdAt) || binary(a.id, b.id));
        await check('newest', (a, b) => binary(b.createdAt, a.createdAt) || binary(b.id, a.id));
        // Every listed idea still short of its threshold, whatever its status.
        await check('threshold', (a, b) => (a.threshold - a.supporters) - (b.threshold - b.supporters) || binary(a.id, b.id), (i) => i.supporters < i.threshold);
      }
    });

    test('every operation of both documents was exercised', () => {
      const missed = c.operations.filter((op) => !c.covered.has(op));
      assert.deepEqual(missed, [], `operations the suite never called: ${missed.join(', ')}`);
    });
  });
}
