/** The complaint catalogue: services routed to agencies with deadlines and Open311 attributes. */
import { notFound } from '../problems';
import type { ServiceRow, Store } from '../store/repository';
import { ok, parseJson, type OperationHandler, type Schemas } from './context';
import { page, pageRequest } from './pagination';

export const toService = (r: ServiceRow): Schemas['Service'] => ({
  code: r.code, name: r.name, description: r.description, group: r.grp, keywords: parseJson(r.keywords, []),
  agency: { id: r.agency_id, name: r.agency_name, shortName: r.agency_short }, deadlineDays: r.deadline_days,
  descriptionMaxLength: r.description_max, maxMedia: r.max_media, attributes: parseJson(r.attributes, []),
});

export function serviceOperations(store: Store): Record<string, OperationHandler> {
  return {
    listServices: async (ctx) => {
      const req = pageRequest(ctx.query);
      const rows = await store.services.list({ q: ctx.query.q as string | undefined, group: ctx.query.group as string | undefined }, req.offset, req.limit + 1);
      return ok(page(rows, req, toService));
    },
    getService: async (ctx) => {
      const row = await store.services.get(ctx.params.code!);
      if (!row) throw notFound('Категория');
      return ok(toService(row));
    },
  };
}
