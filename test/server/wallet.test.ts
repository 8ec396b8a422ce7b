import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call } from './http';

let server: ReferenceServer;
before(async () => { server = await startReferenceServer(); });
after(async () => { await server?.stop(); });

async function citizenWithPoints(sub: string): Promise<{ token: string; balance: number }> {
  const token = await server.token({ sub });
  const r = await call(`${server.apiUrl}/polls/42/votes`, { token, body: { answers: [{ questionId: 'q1', optionIds: ['o1'] }] } });
  assert.equal(r.status, 201, r.text);
  return { token, balance: r.body.points.balance };
}

describe('wallet', () => {
  test('parallel spends racing one balance never overdraw; ledger sum equals balance', async () => {
    const { token, balance } = await citizenWithPoints('racer-wallet');
    assert.equal(balance, 10);
    // 10 points: 30 parallel donations of 10 — exactly one can succeed, in any interleaving.
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => call(`${server.apiUrl}/donations`, { token, key: `race-${i}`, body: { fundId: 'fund-kids', amount: 10 } })));
    assert.equal(replies.filter((r) => r.status === 201).length, 1);
    replies.filter((r) => r.status !== 201).forEach((r) => { assertProblem(r, 422, 'insufficient-points'); assert.equal(r.body.missing, 10); });
    const wallet = await call(`${server.apiUrl}/wallet`, { token });
    assert.equal(wallet.body.balance, 0);
    const db = new Database(server.dbFile, { readonly: true });
    try {
      const sum = db.prepare('SELECT SUM(amount) AS s, MIN(running) AS low FROM (SELECT amount, SUM(amount) OVER (ORDER BY id) AS running FROM ledger WHERE citizen_id = ?)').get('racer-wallet') as { s: number; low: number };
      assert.equal(sum.s, wallet.body.balance);
      assert.ok(sum.low >= 0, 'the running balance never dipped below zero');
      const negatives = db.prepare('SELECT citizen_id, SUM(amount) AS b FROM ledger GROUP BY citizen_id HAVING b < 0').all();
      assert.deepEqual(negatives, []);
    } finally { db.close(); }
  });

  test('redemptions: voucher, stock, out of stock, insufficient points, history', async () => {
    const anna = (await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' } })).body.token;
    const before = (await call(`${server.apiUrl}/wallet`, { token: anna })).body;
    const rewards = (await call(`${server.apiUrl}/rewards?limit=100`)).body.items as any[];
    const skating = rewards.find((r) => r.id === 'skating');
    assert.equal(skating.stock, 1);
    // Two parallel redemptions of the last item: one voucher, one out-of-stock.
    const two = await Promise.all([0, 1].map((i) => call(`${server.apiUrl}/redemptions`, { token: anna, key: `skate-${i}`, body: { rewardId: 'skating' } })));
    const won = two.find((r) => r.status === 201)!;
    assert.ok(won, two.map((r) => r.text).join('\n'));
    assertProblem(two.find((r) => r.status !== 201)!, 409, 'out-of-stock');
    assert.match(won.body.redemption.voucherCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(won.body.reward.stock, 0);
    assert.deepEqual(won.body.points, { awarded: 0, spent: 350, balance: before.balance - 350, reason: 'redemption' });
    const poor = await server.token({ sub: 'poor' });
    const refused = await call(`${server.apiUrl}/redemptions`, { token: poor, body: { rewardId: 'theatre-ticket' } });
    assertProblem(refused, 422, 'insufficient-points');
    assert.equal(refused.body.missing, 1500);
    assertProblem(await call(`${server.apiUrl}/redemptions`, { token: anna, body: { rewardId: 'no-such' } }), 404);
    const history = (await call(`${server.apiUrl}/wallet/transactions?kind=spent`, { token: anna })).body.items;
    assert.equal(history[0].amount, -350);
    assert.equal(history[0].balanceAfter, before.balance - 350);
    assert.ok(history.every((e: any) => e.kind === 'spent'));
    const mine = (await call(`${server.apiUrl}/redemptions`, { token: anna })).body.items;
    assert.equal(mine[0].rewardId, 'skating');
  });

  test('donations check minimum and step and raise the fund total', async () => {
    const anna = (await call(`${server.apiUrl}/auth/demo`, { body: { citizenId: 'anna' } })).body.token;
    const fund = (await call(`${server.apiUrl}/funds`)).body.items.find((f: any) => f.id === 'fund-veterans');
    assertProblem(await call(`${server.apiUrl}/donations`, { token: anna, body: { fundId: 'fund-veterans', amount: 10 } }), 422, 'invalid-amount');
    assertProblem(await call(`${server.apiUrl}/donations`, { token: anna, body: { fundId: 'fund-veterans', amount: 75 } }), 422, 'invalid-amount');
    const ok = await call(`${server.apiUrl}/donations`, { token: anna, body: { fundId: 'fund-veterans', amount: 100 } });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.body.fund.raised, fund.raised + 100);
    assert.equal(ok.body.points.spent, 100);
  });

  test('levels come from lifetime earnings', async () => {
    const w = (await call(`${server.apiUrl}/wallet`, { token: await server.token({ sub: 'ivan', name: 'Иван Петров' }) })).body;
    assert.equal(w.level.id, 'novice');
    assert.equal(w.nextLevel.id, 'participant');
    assert.equal(w.pointsToNextLevel, 200 - w.earned);
  });
});
