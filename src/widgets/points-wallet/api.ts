/** The wallet's calls to the backend contract (`api/openapi.yaml`), through core's client. */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Wallet = S['Wallet'];
export type LedgerEntry = S['LedgerEntry'];
export type LedgerKind = S['LedgerKind'];
export type Reward = S['Reward'];
export type RewardCategory = S['RewardCategory'];
export type Fund = S['Fund'];
export type RedemptionCreate = S['RedemptionCreate'];
export type RedemptionResult = S['RedemptionResult'];
export type DonationCreate = S['DonationCreate'];
export type DonationResult = S['DonationResult'];

/** Where spends go; the outbox posts them with their own idempotency key. */
export const REDEEM_PATH = '/redemptions';
export const DONATE_PATH = '/donations';
/** Where queued spends are kept for a backend: the wallet checks it on load, the spend flow owns it. */
export const spendQueueKey = (api: string) => `outbox:wallet:${api}`;

export const LEDGER_KINDS: LedgerKind[] = ['earned', 'spent', 'donated'];
export const REWARD_CATEGORIES: RewardCategory[] = ['culture', 'transport', 'sport', 'souvenirs', 'services'];

export const fetchWallet = (client: ApiClient, signal: AbortSignal) => client.get<Wallet>('/wallet', { signal });

export const fetchLedger = (client: ApiClient, kind: LedgerKind | '', cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['LedgerPage']>('/wallet/transactions', { query: { kind, cursor, limit }, signal });

export const fetchRewards = (client: ApiClient, category: RewardCategory | '', cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['RewardPage']>('/rewards', { query: { category, cursor, limit }, signal });

export const fetchFunds = (client: ApiClient, cursor: string | null, limit: number, signal: AbortSignal) =>
  client.get<S['FundPage']>('/funds', { query: { cursor, limit }, signal });
