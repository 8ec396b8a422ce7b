/**
 * The races of polls.test.ts and wallet.test.ts in both places a vote can be written
 * (VECHE_WRITER=thread: a writer thread with its own SQLite connection; inline: the HTTP thread),
 * whatever `auto` picks on this machine: one vote per citizen, idempotent keys, spends racing
 * one balance and one stock while votes are being written by the other connection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call } from './http';

const vote = (option: string) => ({ answers: [{ questionId: 'q1', optionIds: [option] }] });

for (const mode of ['thread', 'inline'] as const) {
  describe(`votes and spends with VECHE_WRITER=${mode}`, () => {
    let server: ReferenceServer;
    before(async () => { server = await startReferenceServer({ env: { VECHE_WRITER: mode } }); });
    after(async () => { await server?.stop(); });

    test('100 parallel identical votes by one citizen count exactly once', async () => {
      const token = await server.token({ sub: `racer-${mode}` });
      const observer = await server.token({ sub: `observer-${mode}` });
      assert.equal((await call(`${server.apiUrl}/polls/42/votes`, { token: observer, body: vote('o2') })).status, 201);
      const before = (await call(`${server.apiUrl}/polls/42`, { token: observer })).body;
      const replies = await Promise.all(Array.from({ length: 100 }, () => call(`${server.apiUrl}/polls/42/votes`, { token, body: vote('o1') })));
      const statuses = replies.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
      replies.filter((r) => r.status !== 201).forEach((r) => assertProblem(r, 409, 'already-voted'));
      const after = (await call(`${server.apiUrl}/polls/42`, { token: observer })).body;
      assert.equal(after.participants, before.participants + 1);
      const wallet = await call(`${server.apiUrl}/wallet/transactions`, { token });
      assert.equal(wallet.body.items.length, 1, 'points awarded once');
    });

    test('100 parallel votes with one Idempotency-Key: one vote, every other reply a replay of it or 409 in flight', async () => {
      const token = await server.token({ sub: `keyed-${mode}` });
      const replies = await Promise.all(Array.from({ length: 100 }, () => call(`${server.apiUrl}/polls/42/votes`, { token, key: `k-${mode}`, body: vote('o3') })));
      const created = replies.filter((r) => r.status === 201);
      assert.ok(created.length >= 1, replies.map((r) => r.status).join(','));
      const receipts = new Set(created.map((r) => r.body.receipt));
      assert.equal(receipts.size, 1, 'every 201 is the same stored response');
      replies.filter((r) => r.status !== 201).forEach((r) => assertProblem(r, 409, 'idempotency-in-flight'));
      const replay = await call(`${server.apiUrl}/polls/42/votes`, { token, key: `k-${mode}`, body: vote('o3') });
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      assert.equal(replay.body.receipt, [...receipts][0]);
      assertProblem(await call(`${server.apiUrl}/polls/42/votes`, { token, key: `k-${mode}`, body: vote('o1') }), 422, 'idempotency-key-reused');
      // A refusal is stored and replayed too.
      const again = await call(`${server.apiUrl}/polls/42/votes`, { token, key: `k2-${mode}`, body: vote('o1') });
      assertProblem(again, 409, 'already-voted');
      const againReplay = await call(`${server.apiUrl}/polls/42/votes`, { token, key: `k2-${mode}`, body: vote('o1') });
      assertProblem(againReplay, 409, 'already-voted');
      assert.equal(againReplay.headers.get('idempotency-replayed'), 'true');
      assert.equal((await call(`${server.apiUrl}/wallet`, { token })).body.balance, 10);
    });

    test('parallel spends and redemptions racing one balance and one stock never overdraw, even while votes are written', async () => {
      const sub = `spender-${mode}`;
      const token = await server.token({ sub });
      assert.equal((await call(`${server.apiUrl}/polls/42/votes`, { token, body: vote('o1') })).status, 201);
      // Votes by others are written at the same time as the spends below.
      const others = Promise.all(Array.from({ length: 40 }, async (_, i) => call(`${server.apiUrl}/polls/42/votes`, { token: await server.token({ sub: `crowd-${mode}-${i}` }), body: vote('o2') })));
      const spends = await Promise.all(Array.from({ length: 30 }, (_, i) => call(`${server.apiUrl}/donations`, { token, key: `race-${i}`, body: { fundId: 'fund-kids', amount: 10 } })));
      assert.ok((await others).every((r) => r.status === 201));
      assert.equal(spends.filter((r) => r.status === 201).length, 1);
      spends.filter((r) => r.status !== 201).forEach((r) => assertProblem(r, 422, 'insufficient-points'));
      assert.equal((await call(`${server.apiUrl}/wallet`, { token })).body.balance, 0);

      const anna = (await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' } })).body.token;
      const two = await Promise.all([0, 1].map((i) => call(`${server.apiUrl}/redemptions`, { token: anna, key: `skate-${mode}-${i}`, body: { rewardId: 'skating' } })));
      assert.equal(two.filter((r) => r.status === 201).length, 1, two.map((r) => r.text).join('\n'));
      assertProblem(two.find((r) => r.status !== 201)!, 409, 'out-of-stock');

      const db = new Database(server.dbFile, { readonly: true });
      try {
        const negatives = db.prepare('SELECT citizen_id, SUM(amount) AS b FROM ledger GROUP BY citizen_id HAVING b < 0').all();
        assert.deepEqual(negatives, []);
        const low = db.prepare('SELECT MIN(running) AS low FROM (SELECT SUM(amount) OVER (ORDER BY id) AS running FROM ledger WHERE citizen_id = ?)').get(sub) as { low: number };
        assert.ok(low.low >= 0, 'the running balance never dipped below zero');
        // This suite's citizens: one vote each, one ledger award per vote.
        const votes = db.prepare("SELECT COUNT(*) AS n FROM votes WHERE poll_id = '42' AND citizen_id LIKE ?").get(`%-${mode}%`) as { n: number };
        const awards = db.prepare("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'vote' AND ref_id = '42' AND citizen_id LIKE ?").get(`%-${mode}%`) as { n: number };
        assert.equal(votes.n, 44);
        assert.equal(awards.n, votes.n, 'one ledger award per counted vote');
      } finally { db.close(); }
    });
  });
}
