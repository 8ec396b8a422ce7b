import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { assertProblem, call } from './http';

let server: ReferenceServer;
before(async () => { server = await startReferenceServer(); });
after(async () => { await server?.stop(); });

describe('ideas', () => {
  test('search, filter, sort and pagination are server-side', async () => {
    const all = await call(`${server.apiUrl}/ideas?limit=100`);
    assert.ok(all.body.total >= 250, `public ideas: ${all.body.total}`);
    assert.ok(all.body.items.every((i: any) => i.status !== 'moderation'));
    const sup = all.body.items.map((i: any) => i.supporters);
    assert.deepEqual(sup, [...sup].sort((a: number, b: number) => b - a));
    const found = await call(`${server.apiUrl}/ideas?q=${encodeURIComponent('ВЕЛОДОРОЖКА')}`);
    assert.ok(found.body.total > 0 && found.body.items.every((i: any) => /велодорожк/i.test(i.title + i.excerpt)));
    const cat = await call(`${server.apiUrl}/ideas?category=sport&status=implemented&sort=newest`);
    assert.ok(cat.body.items.every((i: any) => i.category.id === 'sport' && i.status === 'implemented'));
    const dates = cat.body.items.map((i: any) => i.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const near = await call(`${server.apiUrl}/ideas?sort=threshold&limit=10`);
    const gaps = near.body.items.map((i: any) => i.threshold - i.supporters);
    assert.ok(gaps.every((g: number) => g > 0));
    assert.deepEqual(gaps, [...gaps].sort((a: number, b: number) => a - b));
    const funded = await call(`${server.apiUrl}/ideas?funded=true&limit=100`);
    assert.ok(funded.body.items.length > 0 && funded.body.items.every((i: any) => i.funding && i.funding.total === i.funding.raised + i.funding.matched));
    let cursor: string | null = null;
    const ids = new Set<string>();
    let pages = 0;
    do {
      const r: any = await call(`${server.apiUrl}/ideas?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      r.body.items.forEach((i: any) => ids.add(i.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(ids.size, all.body.total);
    assert.equal(pages, Math.ceil(all.body.total / 100));
  });

  test('submit → moderation → publish → support/withdraw → review → accept awards the author', async () => {
    const author = await server.token({ sub: 'idea-author', name: 'Автор Идей' });
    const bad = await call(`${server.apiUrl}/ideas`, { token: author, body: { title: 'Коротко', text: 'слишком коротко', categoryId: 'parks' } });
    assertProblem(bad, 400, 'validation');
    assert.equal(bad.body.errors[0].pointer, '/text');
    const created = await call(`${server.apiUrl}/ideas`, { token: author, body: { title: 'Каток во дворе на Садовой', text: 'Заливать каток зимой во дворе дома 5 на Садовой улице.', categoryId: 'sport', fundingGoal: 50_000 } });
    assert.equal(created.status, 201, created.text);
    const id = created.body.id;
    assert.equal(created.body.status, 'moderation');
    assertProblem(await call(`${server.apiUrl}/ideas/${id}`), 404);
    assert.equal((await call(`${server.apiUrl}/ideas?mine=true`, { token: author })).body.items[0].id, id);
    const moderator = await server.token({ sub: 'moderator', roles: ['moderator'] });
    assertProblem(await call(`${server.apiUrl}/ideas/${id}/moderation`, { token: moderator, body: { action: 'accept' } }), 409, 'invalid-transition');
    assert.equal((await call(`${server.apiUrl}/ideas/${id}/moderation`, { token: moderator, body: { action: 'publish' } })).body.status, 'published');
    const fan = await server.token({ sub: 'fan' });
    assert.equal((await call(`${server.apiUrl}/ideas/${id}/supports`, { token: fan, method: 'POST' })).body.supporters, 1);
    assertProblem(await call(`${server.apiUrl}/ideas/${id}/supports`, { token: fan, method: 'POST' }), 409, 'already-supported');
    assert.deepEqual((await call(`${server.apiUrl}/ideas/${id}/supports`, { token: fan, method: 'DELETE' })).body, { ideaId: id, supporters: 0, supportedByMe: false });
    assert.equal((await call(`${server.apiUrl}/ideas/${id}/supports`, { token: fan, method: 'DELETE' })).body.supporters, 0);

    const pledgeMoney = await call(`${server.apiUrl}/ideas/${id}/pledges`, { token: fan, body: { kind: 'money', amount: 1000 } });
    assert.equal(pledgeMoney.status, 201, pledgeMoney.text);
    assert.equal(pledgeMoney.body.pledge.status, 'pending');
    assert.match(pledgeMoney.body.pledge.paymentReference, /^PAY-/);
    assert.equal(pledgeMoney.body.points, null);
    assertProblem(await call(`${server.apiUrl}/ideas/${id}/pledges`, { token: fan, body: { kind: 'points', amount: 100 } }), 422, 'insufficient-points');

    assertProblem(await call(`${server.apiUrl}/ideas/${id}/moderation`, { token: moderator, body: { action: 'review' } }), 422, 'validation');
    assert.equal((await call(`${server.apiUrl}/ideas/${id}/moderation`, { token: moderator, body: { action: 'review', agencyId: 'improvement' } })).body.agency.id, 'improvement');
    const accepted = await call(`${server.apiUrl}/ideas/${id}/moderation`, { token: moderator, body: { action: 'accept', note: 'Включено в план' } });
    assert.deepEqual(accepted.body.timeline.map((e: any) => e.status), ['moderation', 'published', 'review', 'accepted']);
    const wallet = (await call(`${server.apiUrl}/wallet`, { token: author })).body;
    assert.equal(wallet.balance, 100);
    const pledged = await call(`${server.apiUrl}/ideas/${id}/pledges`, { token: author, body: { kind: 'points', amount: 60 } });
    assert.equal(pledged.status, 201, pledged.text);
    assert.deepEqual(pledged.body.points, { awarded: 0, spent: 60, balance: 40, reason: 'pledge' });
    assert.equal(pledged.body.funding.raised, 60);
    assert.equal(pledged.body.funding.matched, 60);
    const rejected = await call(`${server.apiUrl}/ideas/idea-0002/moderation`, { token: moderator, body: { action: 'reject' } });
    assert.ok([409, 422].includes(rejected.status));
  });

  test('an excerpt is cut between characters, never inside a surrogate pair', async () => {
    const author = await server.token({ sub: 'emoji-author' });
    // 250 emoji: a cut after 197 UTF-16 code units would keep half of the 99th.
    const text = '😀'.repeat(250);
    const created = await call(`${server.apiUrl}/ideas`, { token: author, body: { title: 'Смайлы без конца', text, categoryId: 'parks' } });
    assert.equal(created.status, 201, created.text);
    const mine = await call(`${server.apiUrl}/ideas?mine=true`, { token: author });
    const excerpt: string = mine.body.items.find((i: { id: string }) => i.id === created.body.id).excerpt;
    assert.doesNotMatch(excerpt, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    assert.equal(excerpt, `${'😀'.repeat(197)}…`);
    // A flag (two code points, one grapheme) is kept whole or left out.
    const flags = '🇷🇺'.repeat(150);
    const withFlags = await call(`${server.apiUrl}/ideas`, { token: author, body: { title: 'Флаги вдоль улицы', text: flags, categoryId: 'parks' } });
    const flagExcerpt: string = (await call(`${server.apiUrl}/ideas?mine=true`, { token: author })).body.items.find((i: { id: string }) => i.id === withFlags.body.id).excerpt;
    assert.equal(flagExcerpt, `${'🇷🇺'.repeat(98)}…`);
  });

  test('categories list with counts', async () => {
    const cats = await call(`${server.apiUrl}/idea-categories`);
    assert.equal(cats.body.items.length, 8);
    assert.ok(cats.body.items.every((c: any) => c.ideaCount > 0));
  });
});
