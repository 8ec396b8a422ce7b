/**
 * Running counts of a poll (participants, option tallies, respondents per question) are summed in
 * memory during a shared transaction and written once at its end (store/sqlite.ts): under many
 * concurrent votes — with repeats and replays mixed in — they must equal what the votes table
 * holds, every voter must see a count that includes their own vote, and they must survive a restart.
 * Both places a vote can be written: the writer thread and inline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { createServer, type RunningServer } from '../../server/app';
import { assertProblem, call } from './http';

interface PollView { participants: number; questions: { id: string; type: string; options: { id: string }[] }[]; results: { participants: number; questions: { questionId: string; respondents: number; options: { optionId: string; count: number }[] }[] } | null }

for (const mode of ['thread', 'inline'] as const) {
  describe(`running counts of polls with VECHE_WRITER=${mode}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'veche-counts-'));
    const dbFile = join(dir, 'veche.db');
    const secret = `counts-${Math.random().toString(36).slice(2)}`;
    const start = () => createServer({ dbFile, jwtSecret: secret, demo: true, writer: mode, rateLimit: { perIp: 1e9, perCitizen: 1e9 } });
    let server: RunningServer;
    let api: string;
    const token = (sub: string) => new SignJWT({ name: sub, roles: ['citizen'] }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));
    before(async () => {
      server = await start();
      api = `${await server.listen(0)}/api`;
    });
    after(async () => { await server?.close(); rmSync(dir, { recursive: true, force: true }); });

    /** What the votes table says a poll's counts are. */
    const countsInVotes = (pollId: string) => {
      const db = new Database(dbFile, { readonly: true });
      try {
        const rows = db.prepare('SELECT answers FROM votes WHERE poll_id = ?').pluck().all(pollId) as string[];
        const tallies = new Map<string, number>();
        const respondents = new Map<string, number>();
        for (const row of rows) {
          for (const a of JSON.parse(row) as { questionId: string; optionIds?: string[]; value?: number }[]) {
            respondents.set(a.questionId, (respondents.get(a.questionId) ?? 0) + 1);
            for (const k of a.optionIds ?? [String(a.value)]) tallies.set(`${a.questionId}/${k}`, (tallies.get(`${a.questionId}/${k}`) ?? 0) + 1);
          }
        }
        const stored = db.prepare('SELECT participants FROM polls WHERE id = ?').pluck().get(pollId) as number;
        const storedTallies = new Map((db.prepare('SELECT question_id, option_key, count FROM poll_tallies WHERE poll_id = ?').all(pollId) as { question_id: string; option_key: string; count: number }[])
          .map((t) => [`${t.question_id}/${t.option_key}`, t.count]));
        const storedRespondents = new Map((db.prepare('SELECT question_id, count FROM poll_respondents WHERE poll_id = ?').all(pollId) as { question_id: string; count: number }[])
          .map((r) => [r.question_id, r.count]));
        return { votes: rows.length, stored, tallies, respondents, storedTallies, storedRespondents };
      } finally { db.close(); }
    };
    /** Seeded polls carry counts without vote rows behind them: compare growth, not totals. */
    const grew = (before: ReturnType<typeof countsInVotes>, now: ReturnType<typeof countsInVotes>) => {
      assert.equal(now.stored - before.stored, now.votes - before.votes, 'participants grew by the votes written');
      for (const [k, n] of now.tallies) assert.equal((now.storedTallies.get(k) ?? 0) - (before.storedTallies.get(k) ?? 0), n - (before.tallies.get(k) ?? 0), `tally ${k}`);
      for (const [q, n] of now.respondents) assert.equal((now.storedRespondents.get(q) ?? 0) - (before.storedRespondents.get(q) ?? 0), n - (before.respondents.get(q) ?? 0), `respondents ${q}`);
    };

    test('many concurrent votes, repeats and replays: counts match the votes, each voter sees their own vote counted', async () => {
      const before = countsInVotes('42');
      const n = 150;
      const tokens = await Promise.all(Array.from({ length: n }, (_, i) => token(`count-${mode}-${i}`)));
      const body = (i: number) => ({ answers: [{ questionId: 'q1', optionIds: [`o${(i % 3) + 1}`] }] });
      const first = await Promise.all(tokens.map((t, i) => call<{ receipt: string; results: PollView['results'] }>(`${api}/polls/42/votes`, { token: t, key: `first-${i}`, body: body(i) })));
      assert.deepEqual(first.map((r) => r.status), first.map(() => 201));
      // Every voter saw a participant count that includes their vote: n distinct counts in a row.
      const seen = first.map((r) => r.body.results!.participants).sort((a, b) => a - b);
      assert.equal(new Set(seen).size, n);
      assert.equal(seen[n - 1]! - seen[0]!, n - 1);
      // Repeats (409, not counted) and replays (the stored response) mixed with new votes in the same batches.
      const more = await Promise.all(Array.from({ length: 60 }, (_, i) => token(`count-more-${mode}-${i}`)));
      const mixed = await Promise.all([
        ...tokens.slice(0, 60).map((t, i) => call(`${api}/polls/42/votes`, { token: t, key: `again-${i}`, body: body(i) })),
        ...tokens.slice(0, 60).map((t, i) => call(`${api}/polls/42/votes`, { token: t, key: `first-${i}`, body: body(i) })),
        ...more.map((t, i) => call(`${api}/polls/42/votes`, { token: t, key: `more-${i}`, body: body(i + 1) })),
      ]);
      mixed.slice(0, 60).forEach((r) => assertProblem(r, 409, 'already-voted'));
      mixed.slice(60, 120).forEach((r, i) => {
        assert.equal(r.status, 201);
        assert.equal(r.headers.get('idempotency-replayed'), 'true');
        assert.equal(r.body.receipt, first[i]!.body.receipt);
      });
      mixed.slice(120).forEach((r) => assert.equal(r.status, 201, r.text));
      const now = countsInVotes('42');
      assert.equal(now.votes - before.votes, n + 60);
      grew(before, now);
      const poll = (await call<PollView>(`${api}/polls/42`, { token: tokens[0] })).body;
      assert.equal(poll.participants, now.stored);
      assert.equal(poll.results!.participants, now.stored);
    });

    test('a multiple-choice poll: every chosen option and every answered question counted once per vote', async () => {
      const list = (await call<{ items: { id: string; status: string; questionCount: number }[] }>(`${api}/polls?status=open&limit=100`)).body.items;
      let target: { id: string; view: PollView } | null = null;
      for (const p of list) {
        const view = (await call<PollView>(`${api}/polls/${p.id}`)).body;
        if (view.questions.some((q) => q.type === 'multiple' && q.options.length >= 3)) { target = { id: p.id, view }; break; }
      }
      assert.ok(target, 'the demo region has an open poll with a multiple-choice question');
      const q = target.view.questions.find((x) => x.type === 'multiple')!;
      const answersFor = (i: number) => target!.view.questions.map((x) => (x === q
        ? { questionId: x.id, optionIds: [q.options[i % q.options.length]!.id, q.options[(i + 1) % q.options.length]!.id] }
        : x.type === 'scale' ? { questionId: x.id, value: (i % 5) + 1 } : { questionId: x.id, optionIds: [x.options[0]!.id] }));
      const before = countsInVotes(target.id);
      const tokens = await Promise.all(Array.from({ length: 80 }, (_, i) => token(`multi-${mode}-${i}`)));
      const replies = await Promise.all(tokens.map((t, i) => call(`${api}/polls/${target!.id}/votes`, { token: t, key: `m-${i}`, body: { answers: answersFor(i) } })));
      replies.forEach((r) => assert.equal(r.status, 201, r.text));
      const now = countsInVotes(target.id);
      assert.equal(now.votes - before.votes, 80);
      grew(before, now);
    });

    test('the counts survive a restart on the same file', async () => {
      const before = countsInVotes('42');
      // Results of poll 42 show to those who voted (the first test's voters).
      const voter = await token(`count-${mode}-0`);
      const t = await token(`restart-${mode}`);
      const seenBefore = (await call<PollView>(`${api}/polls/42`, { token: voter })).body.participants;
      await server.close();
      server = await start();
      api = `${await server.listen(0)}/api`;
      const again = (await call<PollView>(`${api}/polls/42`, { token: voter })).body.participants;
      assert.equal(again, seenBefore);
      assert.equal(again, before.stored);
      const r = await call<{ results: PollView['results'] }>(`${api}/polls/42/votes`, { token: t, key: 'after-restart', body: { answers: [{ questionId: 'q1', optionIds: ['o2'] }] } });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.results!.participants, again + 1);
      grew(before, countsInVotes('42'));
    });
  });
}
