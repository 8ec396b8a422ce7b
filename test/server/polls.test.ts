import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call } from './http';

let server: ReferenceServer;
before(async () => { server = await startReferenceServer(); });
after(async () => { await server?.stop(); });

describe('polls and votes', () => {
  test('100 parallel identical votes by one citizen count exactly once', async () => {
    const token = await server.token({ sub: 'racer-1' });
    const before = await call(`${server.apiUrl}/polls/42`);
    const replies = await Promise.all(Array.from({ length: 100 }, () => call(`${server.apiUrl}/polls/42/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } })));
    const statuses = replies.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    assert.equal(statuses.filter((s) => s === 409).length, 99);
    replies.filter((r) => r.status === 409).forEach((r) => assertProblem(r, 409, 'already-voted'));
    const poll = await call(`${server.apiUrl}/polls/42`, { token });
    assert.equal(poll.body.participants, before.body.participants === null ? poll.body.participants : before.body.participants + 1);
    assert.equal(poll.body.votedByMe, true);
    assert.equal(poll.body.myVote.answers[0].optionIds[0], 'o1');
    const wallet = await call(`${server.apiUrl}/wallet/transactions`, { token });
    assert.equal(wallet.body.items.length, 1, 'points awarded once');
  });

  test('a vote returns receipt, points and results (after-vote policy); the receipt verifies without the voter', async () => {
    const token = await server.token({ sub: 'voter-2' });
    const r = await call(`${server.apiUrl}/polls/42/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o2'] }] } });
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.receipt, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    assert.deepEqual(r.body.points, { awarded: 10, spent: 0, balance: 10, reason: 'vote' });
    assert.ok(r.body.results.participants > 0);
    const check = await call(`${server.apiUrl}/votes/${r.body.receipt}`);
    assert.equal(check.status, 200);
    assert.deepEqual(Object.keys(check.body).sort(), ['counted', 'countedAt', 'pollId', 'pollTitle', 'receipt']);
    assert.equal(check.body.pollId, '42');
    assertProblem(await call(`${server.apiUrl}/votes/AAAA-BBBB-CCCC-DDDD-EEEE`), 404, 'not-found');
    assertProblem(await call(`${server.apiUrl}/votes/not-a-receipt`), 400, 'validation');
    const wallet = await call(`${server.apiUrl}/wallet`, { token });
    assert.equal(wallet.body.balance, 10);
  });

  test('results follow the policy', async () => {
    const list = await call(`${server.apiUrl}/polls?limit=100`);
    const byId = new Map(list.body.items.map((p: any) => [p.id, p]));
    const get = async (id: string) => (await call(`${server.apiUrl}/polls/${id}`)).body;
    for (const p of list.body.items as any[]) {
      const poll = await get(p.id);
      const expected = p.resultsPolicy === 'live' || (p.status === 'closed' && (p.resultsPolicy === 'after-close' || p.resultsPolicy === 'after-vote'));
      assert.equal(poll.results !== null, expected, `${p.id} ${p.status} ${p.resultsPolicy}`);
    }
    assert.ok(byId.size >= 16);
    const statuses = new Set(list.body.items.map((p: any) => p.status));
    assert.deepEqual([...statuses].sort(), ['closed', 'open', 'upcoming']);
  });

  test('answers are checked against the questions (422 with pointers) and closed/upcoming polls refuse votes', async () => {
    const token = await server.token({ sub: 'voter-3' });
    const open = (await call(`${server.apiUrl}/polls?status=open&limit=100`)).body.items as any[];
    const multiple = open.find((p) => p.kind === 'poll' && p.id.startsWith('poll-multiple'));
    assert.ok(multiple, 'an open multiple-choice poll exists');
    const poll = (await call(`${server.apiUrl}/polls/${multiple.id}`)).body;
    const q = poll.questions[0];
    const tooMany = await call(`${server.apiUrl}/polls/${poll.id}/votes`, { token, body: { answers: [{ questionId: q.id, optionIds: q.options.slice(0, q.maxChoices + 1).map((o: any) => o.id) }] } });
    assertProblem(tooMany, 422, 'invalid-answers');
    assert.equal(tooMany.body.errors[0].pointer, '/answers/0/optionIds');
    const unknown = await call(`${server.apiUrl}/polls/${poll.id}/votes`, { token, body: { answers: [{ questionId: q.id, optionIds: ['nope'] }] } });
    assertProblem(unknown, 422, 'invalid-answers');
    const closed = (await call(`${server.apiUrl}/polls?status=closed`)).body.items[0];
    const cq = (await call(`${server.apiUrl}/polls/${closed.id}`)).body.questions[0];
    assertProblem(await call(`${server.apiUrl}/polls/${closed.id}/votes`, { token, body: { answers: [{ questionId: cq.id, value: 3 }] } }), 422, 'poll-not-open');
  });

  test('a multi-question survey needs its required questions and awards survey points', async () => {
    const token = await server.token({ sub: 'voter-4' });
    const open = (await call(`${server.apiUrl}/polls?status=open&limit=100`)).body.items as any[];
    const survey = (await call(`${server.apiUrl}/polls/${open.find((p) => p.kind === 'survey').id}`)).body;
    const required = survey.questions.filter((q: any) => q.required);
    const missing = await call(`${server.apiUrl}/polls/${survey.id}/votes`, { token, body: { answers: [{ questionId: required[0].id, optionIds: [required[0].options[0].id] }] } });
    assertProblem(missing, 422, 'invalid-answers');
    const answers = required.map((q: any) => (q.type === 'scale' ? { questionId: q.id, value: 4 } : { questionId: q.id, optionIds: [q.options[0].id] }));
    const ok = await call(`${server.apiUrl}/polls/${survey.id}/votes`, { token, body: { answers } });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.points.reason, 'survey');
    assert.equal(ok.body.points.awarded, 25);
  });

  test('pagination walks every poll exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await call(`${server.apiUrl}/polls?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200);
      assert.ok(r.body.items.length <= 5);
      seen.push(...r.body.items.map((p: any) => p.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(seen.length, (await call(`${server.apiUrl}/polls?limit=100`)).body.items.length);
    assertProblem(await call(`${server.apiUrl}/polls?cursor=garbage!`), 400, 'validation');
    assertProblem(await call(`${server.apiUrl}/polls?limit=1000`), 400, 'validation');
  });
});
