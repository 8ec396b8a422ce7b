/**
 * The wallet's types from the backend contract (`api/openapi.yaml`) and its one call the entry
 * makes; the calls of the parts loaded on use are in section-api.ts, so the entry does not carry them.
 */
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

export const fetchWallet = (client: ApiClient, signal: AbortSignal) => client.get<Wallet>('/wallet', { signal });
