/**
 * The idea board's types from the backend contract (`api/openapi.yaml`) and the calls its entry
 * makes: the list and an idea. A lazily loaded part's own calls live with it (support.ts,
 * categories.ts, pledge.ts, submit-form.ts), so the entry does not carry them.
 */
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

/** An idea's resource. */
export const ideaPath = (id: string) => `/ideas/${encodeURIComponent(id)}`;

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

export const fetchIdea = (client: ApiClient, id: string, signal: AbortSignal) => client.get<Idea>(ideaPath(id), { signal });

