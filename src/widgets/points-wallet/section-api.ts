/** The calls and constants of the wallet's parts loaded on use (tabs, sections, spend flow), through core's client. */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';
import type { LedgerKind, RewardCategory } from './api.js';

type S = components['schemas'];

/** Where spends go; the outbox posts them with their own idempotency key. */
export const REDEEM_PATH = '/redemptions';
export const DONATE_PATH = '/donations';
/** Where queued spends are kept for a backend: the wallet checks it on load, the spend flow owns it. */
export const spendQueueKey = (api: string) => `outbox:wallet:${api}`;

export const LEDGER_KINDS: LedgerKind[] = ['earned', 'spent', 'donated'];
export const REWARD_CATEGORIES: RewardCategory[] = ['culture', 'transport', 'sport', 'souvenirs', 'services'];

export const fetchLedger = (client: ApiClient, kind: LedgerKind | '', cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['LedgerPage']>('/wallet/transactions', { query: { kind, cursor, limit }, signal });

export const fetchRewards = (client: ApiClient, category: RewardCategory | '', cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['RewardPage']>('/rewards', { query: { category, cursor, limit }, signal });

export const fetchFunds = (client: ApiClient, cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['FundPage']>('/funds', { query: { cursor, limit }, signal });
