/** The idea board's calls to the backend contract (`api/openapi.yaml`), through core's client. */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';

type S = components['schemas'];
export type Idea = S['Idea'];
export type IdeaSummary = S['IdeaSummary'];
export type IdeaPage = S['IdeaPage'];
export type IdeaStatus = S['IdeaStatus'];
export type IdeaCategory = S['IdeaCategory'];
export type IdeaCreate = S['IdeaCreate'];
export type IdeaSupport = S['IdeaSupport'];
export type Funding = S['Funding'];
export type PledgeCreate = S['PledgeCreate'];
export type PledgeResult = S['PledgeResult'];
export type Media = S['Media'];
export type Wallet = S['Wallet'];

/** The sorts `GET /ideas` offers; `threshold` is "closest to the support threshold". */
export const SORTS = ['popular', 'newest', 'trending', 'threshold'] as const;
export type Sort = (typeof SORTS)[number];
export const STATUSES = ['moderation', 'published', 'review', 'accepted', 'implemented', 'rejected'] as const satisfies readonly IdeaStatus[];
/** Ideas the list's first page asks for: enough to fill a tall screen twice, and no more to parse before the first cards. */
export const PAGE_SIZE = 30;
/**
 * Ideas each further page asks for. Bigger than the first: a citizen flinging through the list
 * outruns pages of 30 (a fast scroll passes seven cards a frame), and a list that keeps reaching
 * the end of what it has loaded corrects its scroll position — another layout — on every page.
 */
export const MORE_PAGE_SIZE = 90;

export interface ListQuery {
  q?: string | undefined;
  category?: string | undefined;
  status?: IdeaStatus | undefined;
  sort?: Sort | undefined;
  mine?: boolean;
}

const at = (id: string) => `/ideas/${encodeURIComponent(id)}`;

export const fetchIdeas = (client: ApiClient, query: ListQuery, cursor: string | null, signal: AbortSignal) =>
  client.get<IdeaPage>('/ideas', {
    signal,
    query: {
      q: query.q?.trim(),
      category: query.category,
      status: query.status,
      sort: query.sort,
      mine: query.mine || undefined,
      cursor,
      limit: cursor === null ? PAGE_SIZE : MORE_PAGE_SIZE,
    },
  });

/** All categories: the catalogue is short, but it is paginated like every list. */
export async function fetchCategories(client: ApiClient, signal: AbortSignal): Promise<IdeaCategory[]> {
  const all: IdeaCategory[] = [];
  let cursor: string | null = null;
  do {
    const page: S['IdeaCategoryPage'] = await client.get('/idea-categories', { signal, query: { cursor, limit: 100 } });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export const fetchIdea = (client: ApiClient, id: string, signal: AbortSignal) => client.get<Idea>(at(id), { signal });

export const supportIdea = (client: ApiClient, id: string, idempotencyKey: string) =>
  client.post<IdeaSupport>(`${at(id)}/supports`, undefined, { idempotencyKey });

export const withdrawSupport = (client: ApiClient, id: string) => client.delete<IdeaSupport>(`${at(id)}/supports`);

export const fetchWallet = (client: ApiClient) => client.get<Wallet>('/wallet');

export const uploadPhoto = (client: ApiClient, file: Blob, idempotencyKey: string, onProgress: (fraction: number) => void) =>
  client.upload<Media>('/media', file, { idempotencyKey, onProgress, headers: { 'Content-Type': file.type } });

export const ideasPath = '/ideas';
export const pledgesPath = (id: string) => `${at(id)}/pledges`;
