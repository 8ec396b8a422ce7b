/** Agencies' public record (People's Control) and ratings tied to the rater's closed complaints. */
import { conflict, forbidden, notFound } from '../problems';
import type { AgencyStatsRow, Store } from '../store/repository';
import { isoNow, newId, ok, requireIdentity, type DomainOptions, type OperationHandler, type Schemas } from './context';
import { page, pageRequest } from './pagination';

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
};

export function agencyOperations(store: Store, options: DomainOptions): Record<string, OperationHandler> {
  /** Rank by average rating (agencies without ratings last), then volume. */
  const ranked = async (): Promise<Schemas['AgencySummary'][]> => {
    const rows = await store.agencies.stats();
    const sorted = [...rows].sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || b.count - a.count || a.id.localeCompare(b.id));
    return Promise.all(sorted.map(async (r: AgencyStatsRow, i) => ({
      id: r.id, name: r.name, shortName: r.short_name, rank: i + 1,
      rating: { average: r.average === null ? null : Math.round(r.average * 100) / 100, count: r.count },
      onTimeShare: r.finished ? Math.round((r.on_time / r.finished) * 1000) / 1000 : null,
      medianDaysToResolve: median(await store.agencies.resolutionDays(r.id)), openComplaints: r.open, resolvedComplaints: r.resolved,
    })));
  };
  const one = async (id: string) => (await ranked()).find((a) => a.id === id);
  return {
    listAgencies: async (ctx) => {
      const req = pageRequest(ctx.query);
      const all = await ranked();
      const sort = ctx.query.sort;
      if (sort === 'onTime') all.sort((a, b) => (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) || a.rank - b.rank);
      if (sort === 'volume') all.sort((a, b) => b.resolvedComplaints + b.openComplaints - (a.resolvedComplaints + a.openComplaints) || a.rank - b.rank);
      return ok(page(all.slice(req.offset, req.offset + req.limit + 1), req, (a) => a));
    },
    getAgency: async (ctx) => {
      const summary = await one(ctx.params.id!);
      if (!summary) throw notFound('Ведомство');
      const stats = (await store.agencies.stats()).find((r) => r.id === summary.id)!;
      const dist = new Map((await store.agencies.distribution(summary.id)).map((d) => [d.stars, d.count]));
      const agency: Schemas['Agency'] = {
        ...summary, description: stats.description, distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: dist.get(stars) ?? 0 })),
        services: await store.agencies.services(summary.id),
      };
      if (stats.website) agency.website = stats.website;
      return ok(agency);
    },
    listAgencyRatings: async (ctx) => {
      if (!(await one(ctx.params.id!))) throw notFound('Ведомство');
      const req = pageRequest(ctx.query);
      const rows = await store.agencies.ratings(ctx.params.id!, req.offset, req.limit + 1);
      return ok(page(rows, req, (r): Schemas['Rating'] => ({ id: r.id, agencyId: r.agency_id, complaintId: r.complaint_id, stars: r.stars, comment: r.comment, createdAt: r.created_at, authorDisplayName: r.author })));
    },
    getRatingEligibility: async (ctx) => {
      const me = requireIdentity(ctx);
      if (!(await one(ctx.params.id!))) throw notFound('Ведомство');
      const { closed } = await store.agencies.eligibleComplaints(ctx.params.id!, me.id);
      const open = closed.filter((c) => !c.rated);
      return ok({
        eligible: open.length > 0, reason: open.length > 0 ? null : closed.length > 0 ? 'all-rated' : 'no-closed-complaint',
        complaints: open.map((c) => ({ id: c.id, trackingNumber: c.tracking_number, serviceName: c.service_name, closedAt: c.closed_at })),
      } satisfies Schemas['RatingEligibility']);
    },
    rateAgency: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['RatingCreate'];
      if (!(await one(ctx.params.id!))) throw notFound('Ведомство');
      const complaint = await store.complaints.get(body.complaintId);
      if (!complaint || complaint.citizen_id !== me.id || complaint.agency_id !== ctx.params.id || complaint.status !== 'closed') {
        throw forbidden('Оценить ведомство можно по своему закрытому обращению, которое оно рассмотрело', 'not-eligible');
      }
      const at = isoNow(ctx.now);
      const id = newId('rt');
      const award = options.pointRules.rating;
      const result = await store.agencies.rate({ id, agencyId: complaint.agency_id, complaintId: complaint.id, citizenId: me.id, stars: body.stars, comment: body.comment ?? null, at,
        award: { amount: award, kind: 'earned', reason: 'rating', description: `Оценка: ${complaint.agency_short}`, refType: 'rating', refId: id } });
      if (result === 'duplicate') throw conflict('already-rated', 'Это обращение уже оценено');
      return ok({
        rating: { id, agencyId: complaint.agency_id, complaintId: complaint.id, stars: body.stars, comment: body.comment ?? null, createdAt: at, authorDisplayName: me.displayName },
        agency: (await one(complaint.agency_id))!, points: { awarded: award, spent: 0, balance: result.balance, reason: 'rating' },
      } satisfies Schemas['RatingResult'], 201);
    },
  };
}
