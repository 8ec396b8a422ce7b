/** What every operation handler receives and returns; the HTTP layer adapts Fastify to this. */
import { randomBytes, randomFillSync } from 'node:crypto';
import type { components } from '../../src/core/api-schema';
import type { PointRules } from '../../api/fixtures/demo-region';
import { Problem } from '../problems';

export type Schemas = components['schemas'];
export type Awaitable<T> = T | Promise<T>;
export type Role = Schemas['Role'];

export interface Identity {
  id: string;
  displayName: string;
  roles: Role[];
  agencyId: string | null;
  email?: string;
  phone?: string;
}

export interface OperationContext {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  identity: Identity | null;
  now: Date;
  /** request path, for problem `instance` */
  instance: string;
  contentType: string | undefined;
  /**
   * Present when the request carries an Idempotency-Key it owns and the operation may store its
   * response inside its own transaction: `render` checks the result against the contract and
   * serialises it (throwing undoes the operation); the HTTP layer then sends exactly that response.
   * An operation that does not use it is completed by the HTTP layer after it returns.
   */
  seal?: IdempotencySeal | null;
}

export interface IdempotencySeal {
  key: { scope: string; key: string; hash: string; nowMs: number };
  render(result: OperationResult): { status: number; body: string; headers: string };
}

/** The Idempotency-Key got a stored response while the operation ran (another process): replay it. */
export class IdempotencyConflict extends Error {}

export interface OperationResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** non-JSON bodies (media bytes) */
  raw?: { contentType: string; data: Buffer };
}

export type OperationHandler = (ctx: OperationContext) => Awaitable<OperationResult>;

export interface DomainOptions {
  pointRules: PointRules;
  /** how long a citizen may confirm or dispute a resolved complaint */
  confirmationDays: number;
}

/** An award or spend written into the ledger inside the same transaction as its cause. */
export interface LedgerWrite {
  amount: number;
  kind: 'earned' | 'spent' | 'donated';
  reason: Schemas['LedgerEntry']['reason'];
  description: string;
  refType: 'poll' | 'complaint' | 'idea' | 'rating' | 'reward' | 'fund' | null;
  refId: string | null;
}

export const ok = (body: unknown, status = 200): OperationResult => ({ status, body });

export function requireIdentity(ctx: OperationContext): Identity {
  if (!ctx.identity) throw new Problem(401, 'unauthorized', 'Для этого действия нужно войти');
  return ctx.identity;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Random bytes are drawn from a pooled buffer: one randomFillSync per 4 KiB instead of one per code. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function randomByte(): number {
  if (poolAt === pool.length) { randomFillSync(pool); poolAt = 0; }
  return pool[poolAt++]!;
}
/** Random code from an unambiguous alphabet: `groups` × 4 characters, 5 bits each (a CSPRNG's bytes). */
export function randomCode(groups: number): string {
  let out = '';
  for (let i = 0; i < groups; i++) {
    if (i > 0) out += '-';
    for (let j = 0; j < 4; j++) out += ALPHABET[randomByte() & 31];
  }
  return out;
}
export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
export const isoNow = (now: Date) => new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
export const parseJson = <T>(text: string | null | undefined, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export { calendarDateTime, PLAIN_DECIMAL, textLength } from '../../src/mocks/formats';

