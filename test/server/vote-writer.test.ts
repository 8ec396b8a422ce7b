/**
 * The vote writer thread (VECHE_WRITER=thread) beyond the races of writer-modes.test.ts: keys are
 * looked up by the writer, in the vote's batch — a live pending reservation (another process's
 * request) is 409, a stale one is taken over, a stored response is replayed even while many
 * distinct votes fill the batches; and when the thread dies, votes are written inline with the same
 * rules (a key stored by the thread still replays, a second vote is still 409).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { createServer, type RunningServer } from '../../server/app';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call, eventually } from './http';

const vote = (option: string) => ({ answers: [{ questionId: 'q1', optionIds: [option] }] });

describe('keys looked up by the vote writer thread', () => {
  let server: ReferenceServer;
  before(async () => { server = await startReferenceServer({ env: { VECHE_WRITER: 'thread' } }); });
  after(async () => { await server?.stop(); });

  test('a live pending reservation of the key is 409 in flight; a stale one is taken over', async () => {
    const db = new Database(server.dbFile);
    try {
      const insert = db.prepare("INSERT INTO idempotency (scope, key, state, created_at) VALUES (?, ?, 'pending', ?)");
      insert.run('c:pending-live', 'k1', Date.now());
      insert.run('c:pending-stale', 'k1', Date.now() - 10 * 60_000);
    } finally { db.close(); }
    const live = await server.token({ sub: 'pending-live' });
    assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { token: live, key: 'k1', body: vote('o1') }), 409, 'idempotency-in-flight');
    // The refusal did not count a vote: the same citizen can vote with another key.
    assert.equal((await call(`${server.apiUrl}/polls/42/votes`, { token: live, key: 'k2', body: vote('o1') })).status, 201);
    const stale = await server.token({ sub: 'pending-stale' });
    const first = await call(`${server.apiUrl}/polls/42/votes`, { token: stale, key: 'k1', body: vote('o2') });
    assert.equal(first.status, 201, first.text);
    const replay = await call(`${server.apiUrl}/polls/42/votes`, { token: stale, key: 'k1', body: vote('o2') });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.equal(replay.body.receipt, first.body.receipt);
  });

  test('replays and repeats mixed into full batches of new votes: every new vote 201, every replay the stored response, every repeat 409', async () => {
    const citizens = await Promise.all(Array.from({ length: 60 }, (_, i) => server.token({ sub: `batch-${i}` })));
    const first = await Promise.all(citizens.map((token, i) => call(`${server.apiUrl}/polls/42/votes`, { token, key: `b-${i}`, body: vote('o1') })));
    assert.ok(first.every((r) => r.status === 201), first.map((r) => r.status).join(','));
    const more = await Promise.all(Array.from({ length: 60 }, (_, i) => server.token({ sub: `batch-more-${i}` })));
    const mixed = await Promise.all([
      ...citizens.map((token, i) => call(`${server.apiUrl}/polls/42/votes`, { token, key: `b-${i}`, body: vote('o1') })),
      ...citizens.map((token, i) => call(`${server.apiUrl}/polls/42/votes`, { token, key: `b-again-${i}`, body: vote('o1') })),
      ...more.map((token, i) => call(`${server.apiUrl}/polls/42/votes`, { token, key: `m-${i}`, body: vote('o2') })),
    ]);
    mixed.slice(0, 60).forEach((r, i) => {
      assert.equal(r.status, 201);
      assert.equal(r.headers.get('idempotency-replayed'), 'true');
      assert.equal(r.body.receipt, first[i]!.body.receipt);
    });
    mixed.slice(60, 120).forEach((r) => assertProblem(r, 409, 'already-voted'));
    mixed.slice(120).forEach((r) => { assert.equal(r.status, 201); assert.equal(r.headers.get('idempotency-replayed'), null); });
  });
});

describe('when the vote writer thread dies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veche-writer-'));
  const secret = 'writer-death-test-secret-0123456789';
  let server: RunningServer;
  let api: string;
  const token = (sub: string) => new SignJWT({ roles: ['citizen'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode(secret));
  before(async () => {
    server = await createServer({ dbFile: join(dir, 'veche.db'), jwtSecret: secret, demo: true, writer: 'thread' });
    api = `${await server.listen(0)}/api`;
  });
  after(async () => { await server?.close(); rmSync(dir, { recursive: true, force: true }); });

  test('votes are written inline from then on, with the same rules', async () => {
    assert.ok(server.writer?.alive, 'this test needs the writer thread');
    const anna = await token('death-anna');
    const before = await call(`${api}/polls/42/votes`, { token: anna, key: 'a1', body: vote('o1') });
    assert.equal(before.status, 201);
    await server.writer!.terminate();
    await eventually(async () => (server.writer!.alive ? null : true));

    // A key stored by the thread replays; a second vote is 409; a new citizen's vote counts.
    const replay = await call(`${api}/polls/42/votes`, { token: anna, key: 'a1', body: vote('o1') });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.equal(replay.body.receipt, before.body.receipt);
    assertProblem(await call(`${api}/polls/42/votes`, { token: anna, key: 'a2', body: vote('o2') }), 409, 'already-voted');
    const boris = await token('death-boris');
    const racing = await Promise.all(Array.from({ length: 20 }, () => call(`${api}/polls/42/votes`, { token: boris, body: vote('o3') })));
    assert.equal(racing.filter((r) => r.status === 201).length, 1, racing.map((r) => r.status).join(','));
    racing.filter((r) => r.status !== 201).forEach((r) => assertProblem(r, 409, 'already-voted'));
    const poll = await call(`${api}/polls/42`, { token: boris });
    assert.equal(poll.body.votedByMe, true);
  });
});
