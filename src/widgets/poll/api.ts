/** The poll's calls to the backend contract (`api/openapi.yaml`), through core's client. */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Poll = S['Poll'];
export type PollQuestion = S['PollQuestion'];
export type PollResults = S['PollResults'];
export type Answer = S['Answer'];
export type VoteResult = S['VoteResult'];
export type ReceiptCheck = S['ReceiptCheck'];

const at = (id: string) => `/polls/${encodeURIComponent(id)}`;

export const fetchPoll = (client: ApiClient, id: string, signal: AbortSignal) => client.get<Poll>(at(id), { signal });

/** One idempotency key per attempt: the server replays the first response for a repeat. */
export const castVote = (client: ApiClient, id: string, answers: Answer[], idempotencyKey: string) =>
  client.post<VoteResult>(`${at(id)}/votes`, { answers } satisfies S['VoteRequest'], { idempotencyKey });

export const checkReceipt = (client: ApiClient, receipt: string) =>
  client.get<ReceiptCheck>(`/votes/${encodeURIComponent(receipt)}`);
