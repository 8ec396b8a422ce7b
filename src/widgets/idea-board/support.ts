/**
 * Supporting an idea and withdrawing the support, from its card or its page: optimistic (the
 * citizen sees it at once), corrected by the server's answer, rolled back with an announced
 * error when the server refuses. Loaded with the list or the idea page (through card.ts), never
 * with the board's entry: nothing can be supported before one of them shows.
 */
import type { ApiClient } from '../../core/api-client.js';
import { emit } from '../../core/events.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { ApiError } from '../../core/problem.js';
import { ideaPath, type IdeaSummary, type IdeaSupport } from './api.js';
import type {} from './events.js';
import type { BoardContext } from './parts.js';
import { partText } from './part-text.js';

const supportsPath = (id: string) => `${ideaPath(id)}/supports`;
const supportIdea = (client: ApiClient, id: string) => client.post<IdeaSupport>(supportsPath(id), undefined, { idempotencyKey: newIdempotencyKey() });
const withdrawSupport = (client: ApiClient, id: string) => client.delete<IdeaSupport>(supportsPath(id));

/** A board's supports on their way, and why the last one of an idea failed. */
interface Supports {
  sending: Set<string>;
  errors: Map<string, string>;
}
// By board: one board's refusal never shows on another board's card of the same idea.
const boards = new WeakMap<BoardContext['host'], Supports>();

function supportsOf(ctx: BoardContext): Supports {
  let supports = boards.get(ctx.host);
  if (!supports) boards.set(ctx.host, (supports = { sending: new Set(), errors: new Map() }));
  return supports;
}

/** Why the citizen's last support of idea `id` failed, if it did. */
export const supportError = (ctx: BoardContext, id: string): string | undefined => boards.get(ctx.host)?.errors.get(id);

export async function toggleSupport(ctx: BoardContext, idea: IdeaSummary): Promise<void> {
  const client = ctx.client();
  const supports = supportsOf(ctx);
  if (!client || supports.sending.has(idea.id)) return;
  const before = { supporters: idea.supporters, supportedByMe: idea.supportedByMe };
  const supported = !idea.supportedByMe;
  supports.sending.add(idea.id);
  supports.errors.delete(idea.id);
  ctx.clearSignIn();
  ctx.patchIdea(idea.id, { supportedByMe: supported, supporters: Math.max(0, before.supporters + (supported ? 1 : -1)) });
  try {
    const result = supported ? await supportIdea(client, idea.id) : await withdrawSupport(client, idea.id);
    ctx.patchIdea(idea.id, { supporters: result.supporters, supportedByMe: result.supportedByMe });
    emit(ctx.host, 'veche-idea-supported', { idea: idea.id, supported: result.supportedByMe, supporters: result.supporters });
    ctx.announce(partText(ctx)(result.supportedByMe ? 'supportDone' : 'withdrawDone', { title: idea.title }));
  } catch (error) {
    if (error instanceof ApiError && error.slug === 'already-supported') {
      // Supported earlier (another tab, a lost answer): the count already included it.
      ctx.patchIdea(idea.id, { supportedByMe: true, supporters: before.supporters });
      return;
    }
    if (error instanceof ApiError && error.kind === 'auth') {
      ctx.patchIdea(idea.id, before);
      return ctx.needSignIn('support', true);
    }
    const message = partText(ctx)('supportFailed', { reason: ctx.describeError(error) });
    supports.errors.set(idea.id, message);
    ctx.patchIdea(idea.id, before);
    ctx.reportError(error);
    ctx.announce(message, { assertive: true });
  } finally {
    supports.sending.delete(idea.id);
  }
}
