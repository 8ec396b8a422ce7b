/**
 * The ideas' categories, for the list's category filter and the form's category field. Each
 * board asks once, when the first of the two shows, so a board put on the page later sees
 * categories added since; boards on the same backend and token getter (one core client) share
 * what arrived and a request under way. After a failure they are asked for again a while later,
 * not on every render. The board's entry shows neither, so it does not carry this.
 */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';
import type { IdeaCategory } from './api.js';
import type { BoardContext } from './parts.js';

type Board = BoardContext['host'];

interface Categories {
  list?: IdeaCategory[];
  /** A request under way, and the boards to render again when it settles. */
  waiting?: Set<Board>;
  /** When the last request failed. */
  failedAt?: number;
  askedBy: WeakSet<Board>;
}
const byClient = new WeakMap<ApiClient, Categories>();
/** How long a failed request keeps the filter and the form at "all categories" before the next try. */
const RETRY_AFTER_MS = 30_000;

/** All categories: the catalogue is short, but it is paginated like every list. */
async function fetchCategories(client: ApiClient): Promise<IdeaCategory[]> {
  const all: IdeaCategory[] = [];
  let cursor: string | null = null;
  do {
    const page: components['schemas']['IdeaCategoryPage'] = await client.get('/idea-categories', { query: { cursor, limit: 100 } });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function ask(client: ApiClient, categories: Categories, board: Board): void {
  categories.askedBy.add(board);
  const waiting = (categories.waiting = new Set([board]));
  fetchCategories(client)
    .then(
      (list) => {
        categories.list = list;
        categories.failedAt = undefined;
      },
      () => (categories.failedAt = Date.now()),
    )
    .finally(() => {
      categories.waiting = undefined;
      for (const host of waiting) if (host.isConnected) host.requestUpdate();
    });
}

/** The last request failed and nothing arrived before: the form, which cannot do without them, says so. */
export function categoriesFailed(ctx: BoardContext): boolean {
  const client = ctx.client();
  const categories = client && byClient.get(client);
  return !!categories && !categories.list && !categories.waiting && categories.failedAt !== undefined;
}

/** Asks for the categories again now (the citizen's retry). */
export function retryCategories(ctx: BoardContext): void {
  const client = ctx.client();
  const categories = client && byClient.get(client);
  if (client && categories && !categories.waiting) ask(client, categories, ctx.host);
}

/** The categories of the board's backend as far as they have arrived (none at first: the board renders again with them). */
export function categoriesFor(ctx: BoardContext): IdeaCategory[] {
  const client = ctx.client();
  if (!client) return [];
  let categories = byClient.get(client);
  if (!categories) byClient.set(client, (categories = { askedBy: new WeakSet() }));
  if (categories.waiting) categories.waiting.add(ctx.host);
  else if (!categories.askedBy.has(ctx.host) || (categories.failedAt !== undefined && Date.now() - categories.failedAt > RETRY_AFTER_MS)) ask(client, categories, ctx.host);
  return categories.list ?? [];
}
