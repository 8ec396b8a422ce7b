/**
 * Opaque cursors. The reference server pages by offset inside the cursor; clients must treat the
 * cursor as opaque so another backend can use keyset cursors behind the same contract.
 */
import { Problem } from '../problems';

export interface PageRequest { offset: number; limit: number }

export function pageRequest(query: Record<string, unknown>): PageRequest {
  const limit = typeof query.limit === 'number' ? query.limit : 20;
  const cursor = query.cursor;
  if (typeof cursor !== 'string') return { offset: 0, limit };
  const match = /^o(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) throw new Problem(400, 'validation', 'Неверный курсор', { errors: [{ pointer: '/query/cursor', detail: 'курсор не распознан', code: 'cursor' }] });
  return { offset: Number(match[1]), limit };
}

/** Callers fetch limit + 1 rows; the extra row tells whether there is a next page. */
export function page<T, R>(rows: T[], req: PageRequest, map: (row: T) => R): { items: R[]; nextCursor: string | null } {
  const more = rows.length > req.limit;
  const items = (more ? rows.slice(0, req.limit) : rows).map(map);
  return { items, nextCursor: more ? Buffer.from(`o${req.offset + req.limit}`, 'latin1').toString('base64url') : null };
}
