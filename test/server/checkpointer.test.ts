/**
 * WAL checkpoints with the vote writer thread (store/checkpointer.ts): automatic checkpoints are off
 * on every connection and a checkpointer thread copies the WAL back (PASSIVE) and has it restarted
 * once it passes its cap. Under a steady stream of votes the WAL file stays near the cap instead of
 * growing with every commit, and nothing is lost on the way.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { call } from './http';

const vote = (option: string) => ({ answers: [{ questionId: 'q1', optionIds: [option] }] });

describe('WAL checkpoints off the vote writer', () => {
  let server: ReferenceServer;
  before(async () => { server = await startReferenceServer({ env: { VECHE_WRITER: 'thread', VECHE_WAL_CAP_MB: '1' } }); });
  after(async () => { await server?.stop(); });

  test('the WAL stays bounded under sustained votes, and every 201 is counted', async () => {
    const walSize = () => { try { return statSync(`${server.dbFile}-wal`).size; } catch { return 0; } };
    const observer = await server.token({ sub: 'ckpt-observer' });
    assert.equal((await call(`${server.apiUrl}/polls/42/votes`, { token: observer, key: 'o', body: vote('o1') })).status, 201);
    const before = (await call(`${server.apiUrl}/polls/42`, { token: observer })).body.participants as number;
    let largest = 0;
    const rounds = 30;
    const perRound = 100;
    for (let r = 0; r < rounds; r++) {
      const tokens = await Promise.all(Array.from({ length: perRound }, (_, i) => server.token({ sub: `ckpt-${r}-${i}` })));
      const replies = await Promise.all(tokens.map((token, i) => call(`${server.apiUrl}/polls/42/votes`, { token, key: `k-${r}-${i}`, body: vote(`o${1 + (i % 3)}`) })));
      assert.ok(replies.every((x) => x.status === 201), replies.map((x) => x.status).join(','));
      largest = Math.max(largest, walSize());
    }
    // 3,000 votes write several times the cap into the WAL (a few pages each); with the WAL
    // restarted at the cap it stays within a few MiB.
    assert.ok(largest > 0, 'the database is in WAL mode');
    assert.ok(largest <= 6 * 2 ** 20, `WAL reached ${(largest / 2 ** 20).toFixed(1)} MiB with a 1 MiB cap`);
    const afterVotes = (await call(`${server.apiUrl}/polls/42`, { token: observer })).body.participants as number;
    assert.equal(afterVotes, before + rounds * perRound);
    // Another connection reads the same count (the checkpointed database and the WAL agree).
    const db = new Database(server.dbFile, { readonly: true });
    try {
      assert.deepEqual(db.prepare("SELECT COUNT(*) AS n FROM votes WHERE poll_id = '42' AND citizen_id LIKE 'ckpt-%' AND citizen_id <> 'ckpt-observer'").get(), { n: rounds * perRound });
    } finally { db.close(); }
  });
});
