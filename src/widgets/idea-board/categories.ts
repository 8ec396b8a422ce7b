/**
 * The ideas' categories, for the list's category filter and the form's category field: asked
 * for by whichever of the two shows first, once per backend and token (core shares the client),
 * and kept for every board on it. The board's entry shows neither, so it does not carry this.
 */
import type { ApiClient } from '../../core/api-client.js';
import type { components } from '../../core/api-schema.js';
import type { IdeaCategory } from './api.js';
import type { BoardContext } from './parts.js';

interface Categories {
  list?: IdeaCategory[];
  /** The boards that showed the categories before they arrived, to render again with them. */
  waiting: Set<BoardContext['host']>;
}
const byClient = new WeakMap<ApiClient, Categories>();

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

/** The categories of the board's backend; none until they have arrived (the board then renders again). */
export function categoriesFor(ctx: BoardContext): IdeaCategory[] {
  const client = ctx.client();
  if (!client) return [];
  let categories = byClient.get(client);
  if (!categories) {
    const asked: Categories = (categories = { waiting: new Set() });
    byClient.set(client, asked);
    fetchCategories(client).then(
      (list) => {
        asked.list = list;
        for (const host of asked.waiting) if (host.isConnected) host.requestUpdate();
        asked.waiting.clear();
      },
      // Asked for again the next time a board shows them: the filter meanwhile offers "all".
      () => byClient.delete(client),
    );
  }
  if (!categories.list) categories.waiting.add(ctx.host);
  return categories.list ?? [];
}
