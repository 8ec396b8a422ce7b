/**
 * The agency rating's types and calls from the backend contract (`api/openapi.yaml`), through
 * core's client. What sending a rating needs is in rating-api.ts, so the entry does not carry it.
 */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Agency = S['Agency'];
export type AgencySummary = S['AgencySummary'];
export type AgencyPage = S['AgencyPage'];
export type Rating = S['Rating'];
export type RatingPage = S['RatingPage'];
export type RatingCreate = S['RatingCreate'];
export type RatingResult = S['RatingResult'];
export type RatingEligibility = S['RatingEligibility'];
export type RankingSort = 'rating' | 'onTime' | 'volume';

/** An agency's resource. */
export const at = (id: string) => `/agencies/${encodeURIComponent(id)}`;

export const fetchAgency = (client: ApiClient, id: string, signal?: AbortSignal) => client.get<Agency>(at(id), { signal });

export const fetchRatings = (client: ApiClient, id: string, cursor: string | null, signal?: AbortSignal) =>
  client.get<RatingPage>(`${at(id)}/ratings`, { query: { cursor, limit: 5 }, signal });

export const fetchEligibility = (client: ApiClient, id: string, signal?: AbortSignal) =>
  client.get<RatingEligibility>(`${at(id)}/rating-eligibility`, { signal });

export const fetchRanking = (client: ApiClient, sort: RankingSort, cursor: string | null, signal?: AbortSignal) =>
  client.get<AgencyPage>('/agencies', { query: { sort, cursor, limit: 20 }, signal });
