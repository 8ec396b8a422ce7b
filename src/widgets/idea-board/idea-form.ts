/**
 * The "submit an idea" form's data: what the citizen typed (kept as a draft, so strings),
 * its checks against the contract's `IdeaCreate` limits, and the request body it becomes.
 */
import type { IdeaCreate } from './api.js';
import type { ActionKey } from './part-text.js';

export interface IdeaDraft {
  title: string;
  text: string;
  categoryId: string;
  fundingGoal: string;
  photo?: { id: string; url: string; name: string };
  /** The idempotency key of the attempt being sent; kept until the server answers for good. */
  key?: string;
}

/** A field of the form, named like the contract's JSON pointer (`/title` → `title`). */
export type IdeaField = 'title' | 'text' | 'categoryId' | 'fundingGoal' | 'mediaIds';
export const FIELDS: IdeaField[] = ['title', 'text', 'categoryId', 'fundingGoal', 'mediaIds'];

export const emptyDraft = (categoryId = ''): IdeaDraft => ({ title: '', text: '', categoryId, fundingGoal: '' });

export const hasContent = (draft: IdeaDraft): boolean =>
  !!(draft.title.trim() || draft.text.trim() || draft.fundingGoal.trim() || draft.photo);

const GOAL = /^\d[\d\s\u00a0]*$/;
const goalOf = (value: string) => Number(value.replace(/[\s\u00a0]/g, ''));

/** What is wrong with each field, as message keys; empty when the draft can be sent. */
export function checkIdea(draft: IdeaDraft): Partial<Record<IdeaField, ActionKey>> {
  const problems: Partial<Record<IdeaField, ActionKey>> = {};
  const title = draft.title.trim().length;
  const text = draft.text.trim().length;
  if (title < 5 || title > 140) problems.title = 'errorTitleLength';
  if (text < 20 || text > 8000) problems.text = 'errorTextLength';
  if (!draft.categoryId) problems.categoryId = 'errorCategory';
  const goal = draft.fundingGoal.trim();
  if (goal && (!GOAL.test(goal) || goalOf(goal) < 1000 || goalOf(goal) > 100_000_000)) problems.fundingGoal = 'errorGoal';
  return problems;
}

export function toIdeaCreate(draft: IdeaDraft): IdeaCreate {
  const body: IdeaCreate = { title: draft.title.trim(), text: draft.text.trim(), categoryId: draft.categoryId };
  if (draft.fundingGoal.trim()) body.fundingGoal = goalOf(draft.fundingGoal.trim());
  if (draft.photo) body.mediaIds = [draft.photo.id];
  return body;
}
