import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { addWorkingDays, createDemoRegion, pollStatusAt } from '../../api/fixtures/demo-region';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('contract and fixtures', () => {
  test('src/core/api-schema.ts is generated from api/openapi.yaml (run `npm run gen:api`)', async () => {
    const ast = await openapiTS(new URL('api/openapi.yaml', `file://${root}`));
    const expected = astToString(ast);
    const committed = readFileSync(`${root}src/core/api-schema.ts`, 'utf8');
    const strip = (s: string) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').replace(/\s+/g, ' ').trim();
    assert.equal(strip(committed), strip(expected), 'api-schema.ts is out of date: run npm run gen:api');
  });

  test('every operation has an operationId and every state-changing POST takes an Idempotency-Key', () => {
    const doc = parse(readFileSync(`${root}api/openapi.yaml`, 'utf8'));
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        assert.ok(op.operationId, `${method} ${path}`);
        assert.ok(!ids.has(op.operationId), `duplicate ${op.operationId}`);
        ids.add(op.operationId);
        const idempotent = (op.parameters ?? []).some((p: any) => p.$ref === '#/components/parameters/IdempotencyKey');
        if (method === 'post' && !path.startsWith('/auth/')) assert.ok(idempotent, `${path} lacks Idempotency-Key`);
      }
    }
  });

  test('the demo region is deterministic and covers every state', () => {
    const now = new Date('2026-11-26T09:00:00Z');
    const a = createDemoRegion({ now });
    assert.equal(JSON.stringify(a), JSON.stringify(createDemoRegion({ now })));
    assert.ok(a.agencies.length >= 8 && a.services.length >= 20 && a.ideas.length >= 300);
    assert.ok(a.services.every((s) => s.deadlineDays > 0));
    const combos = new Set(a.polls.map((p) => `${pollStatusAt(p, now)}/${p.kind === 'survey' ? 'survey' : p.questions[0]!.type}`));
    for (const s of ['upcoming', 'open', 'closed']) for (const t of ['single', 'multiple', 'scale', 'survey']) assert.ok(combos.has(`${s}/${t}`), `${s}/${t}`);
    assert.deepEqual(new Set(a.polls.map((p) => p.resultsPolicy)), new Set(['after-vote', 'after-close', 'live', 'hidden']));
    assert.deepEqual(new Set(a.complaints.map((c) => c.status)).size, 6);
    assert.ok(a.rewards.some((r) => r.stock === 0) && a.rewards.some((r) => r.stock === null));
    assert.ok(a.ideas.some((i) => i.funding && i.funding.matchFactor > 0));
  });

  test('working days skip weekends in region time', () => {
    // Friday 10:00 MSK + 1 working day → Monday 10:00 MSK.
    assert.equal(addWorkingDays(new Date('2026-11-27T07:00:00Z'), 1).toISOString(), '2026-11-30T07:00:00.000Z');
    assert.equal(addWorkingDays(new Date('2026-11-23T07:00:00Z'), 10).toISOString(), '2026-12-07T07:00:00.000Z');
    // Friday 23:30 MSK is Friday locally even though it is 20:30 UTC.
    assert.equal(addWorkingDays(new Date('2026-11-27T20:30:00Z'), 1).toISOString(), '2026-11-30T20:30:00.000Z');
  });
});
