/** What every operation handler receives and returns; the HTTP layer adapts Fastify to this. */
import { randomBytes } from 'node:crypto';
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
}

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
/** Random code from an unambiguous alphabet: `groups` × 4 characters, 5 bits each. */
export function randomCode(groups: number): string {
  const bytes = randomBytes(groups * 4);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]);
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) parts.push(chars.slice(i * 4, i * 4 + 4).join(''));
  return parts.join('-');
}
export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}`;
export const isoNow = (now: Date) => new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
export const parseJson = <T>(text: string | null | undefined, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
