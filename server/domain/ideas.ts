/** The idea board: search/filter/sort, supports, crowdfunding pledges with matchfunding, moderation. */
import { conflict, notFound, Problem, unprocessable } from '../problems';
import type { IdeaRow, Store } from '../store/repository';
import { isoNow, newId, ok, parseJson, randomCode, requireIdentity, type DomainOptions, type Identity, type OperationHandler, type Schemas } from './context';
import { excerpt } from '../../src/mocks/formats';
import { mediaUrl } from './media';
import { page, pageRequest } from './pagination';

/** Moderator moves: action → [from, to]. */
const MOVES: Record<Schemas['IdeaModeration']['action'], [Schemas['IdeaStatus'][], Schemas['IdeaStatus']]> = {
  publish: [['moderation'], 'published'], reject: [['moderation', 'published', 'review'], 'rejected'], review: [['published'], 'review'],
  accept: [['review'], 'accepted'], implement: [['accepted'], 'implemented'],
};
const PLEDGEABLE: Schemas['IdeaStatus'][] = ['published', 'review', 'accepted'];

export interface IdeaOptions { threshold: number; pointValue: number; matchFactor: number; matchCap: number }

function funding(r: IdeaRow): Schemas['Funding'] | null {
  if (r.funding_goal === null) return null;
  const pointValue = r.point_value ?? 1;
  const raised = Math.round(r.money_raised + r.points_pledged * pointValue);
  const matchFactor = r.match_factor ?? 0;
  const matchCap = r.match_cap ?? 0;
  const matched = Math.min(Math.round(raised * matchFactor), matchCap);
  return { goal: r.funding_goal, currency: 'RUB', raised, pointsPledged: r.points_pledged, pointValue, matchFactor, matchCap, matched, total: raised + matched, pledgers: r.pledgers, deadline: r.funding_deadline };
}

function summary(r: IdeaRow, supported: boolean): Schemas['IdeaSummary'] {
  const s: Schemas['IdeaSummary'] = {
    id: r.id, title: r.title, excerpt: excerpt(r.text), category: { id: r.category_id, name: r.category_name },
    author: { displayName: r.author_name }, createdAt: r.created_at, status: r.status, supporters: r.supporters, threshold: r.threshold, supportedByMe: supported, funding: funding(r),
  };
  if (r.agency_id && r.agency_name) s.agency = { id: r.agency_id, name: r.agency_name, ...(r.agency_short ? { shortName: r.agency_short } : {}) };
  return s;
}

const isModerator = (who: Identity | null) => who?.roles.includes('moderator') ?? false;

export function ideaOperations(store: Store, options: DomainOptions & { ideas: IdeaOptions }): Record<string, OperationHandler> {
  const load = async (id: string, viewerId: string | null, privileged = false): Promise<Schemas['Idea']> => {
    const r = await store.ideas.get(id);
    // Unpublished ideas are visible to their authors only; to others they do not exist.
    if (!r || ((r.status === 'moderation' || (r.status === 'rejected' && !(await store.ideas.events(id)).some((e) => e.status === 'published'))) && r.author_id !== viewerId && !privileged)) throw notFound('Идея');
    const supported = viewerId ? (await store.ideas.supportedBy(viewerId, [id])).has(id) : false;
    const events = await store.ideas.events(id);
    return {
      ...summary(r, supported), text: r.text, media: parseJson<string[]>(r.media, []).map((m) => ({ id: m, url: mediaUrl(m) })),
      timeline: events.map((e) => ({ status: e.status, at: e.at, ...(e.note ? { note: e.note } : {}), ...(e.agency_id && e.agency_name ? { agency: { id: e.agency_id, name: e.agency_name, ...(e.agency_short ? { shortName: e.agency_short } : {}) } } : {}) })),
      rejectionReason: r.rejection_reason, mine: r.author_id === viewerId,
    };
  };
  return {
    listIdeaCategories: async (ctx) => {
      const req = pageRequest(ctx.query);
      return ok(page(await store.ideas.categories(req.offset, req.limit + 1), req, (k): Schemas['IdeaCategory'] => ({ id: k.id, name: k.name, ideaCount: k.idea_count, ...(k.description ? { description: k.description } : {}) })));
    },
    listIdeas: async (ctx) => {
      const req = pageRequest(ctx.query);
      const viewer = ctx.identity?.id;
      const mine = ctx.query.mine === true;
      if (mine) requireIdentity(ctx);
      const { rows, total } = await store.ideas.list({
        q: ctx.query.q as string | undefined, category: ctx.query.category as string | undefined, status: ctx.query.status as string | undefined,
        // Moderators see every idea: `status=moderation` is their queue.
        publicOnly: !mine && !isModerator(ctx.identity), ...(mine && viewer ? { authorId: viewer } : {}), ...(viewer ? { viewerId: viewer } : {}),
        ...(typeof ctx.query.funded === 'boolean' ? { funded: ctx.query.funded } : {}),
        sort: (ctx.query.sort as 'popular') ?? 'popular', recentSince: new Date(ctx.now.getTime() - 7 * 86_400_000).toISOString(),
      }, req.offset, req.limit + 1);
      const supported = viewer ? await store.ideas.supportedBy(viewer, rows.map((r) => r.id)) : new Set<string>();
      return ok({ ...page(rows, req, (r) => summary(r, supported.has(r.id))), total });
    },
    getIdea: async (ctx) => ok(await load(ctx.params.id!, ctx.identity?.id ?? null, isModerator(ctx.identity))),
    createIdea: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['IdeaCreate'];
      const errors = [];
      if (!(await store.ideas.category(body.categoryId))) errors.push({ pointer: '/categoryId', detail: 'нет такой категории', code: 'unknown-category' });
      const mediaIds = body.mediaIds ?? [];
      const owned = new Set(await store.media.owned(mediaIds, me.id));
      mediaIds.forEach((m, i) => { if (!owned.has(m)) errors.push({ pointer: `/mediaIds/${i}`, detail: 'файл не найден среди ваших загрузок', code: 'unknown-media' }); });
      if (errors.length) throw unprocessable('validation', 'Идея заполнена с ошибками', errors);
      const id = newId('idea');
      const o = options.ideas;
      await store.ideas.create({ id, threshold: o.threshold, title: body.title, text: body.text, categoryId: body.categoryId, authorId: me.id, authorName: me.displayName, media: JSON.stringify(mediaIds),
        fundingGoal: body.fundingGoal ?? null, funding: body.fundingGoal ? { pointValue: o.pointValue, matchFactor: o.matchFactor, matchCap: o.matchCap } : null, at: isoNow(ctx.now) });
      return ok(await load(id, me.id), 201);
    },
    supportIdea: async (ctx) => {
      const me = requireIdentity(ctx);
      const idea = await load(ctx.params.id!, me.id);
      if (idea.status === 'moderation' || idea.status === 'rejected') throw unprocessable('invalid-transition', 'Эту идею сейчас нельзя поддержать');
      const supporters = await store.ideas.support(idea.id, me.id, isoNow(ctx.now));
      if (supporters === 'duplicate') throw conflict('already-supported', 'Вы уже поддержали эту идею');
      return ok({ ideaId: idea.id, supporters, supportedByMe: true } satisfies Schemas['IdeaSupport'], 201);
    },
    withdrawIdeaSupport: async (ctx) => {
      const me = requireIdentity(ctx);
      const idea = await load(ctx.params.id!, me.id);
      return ok({ ideaId: idea.id, supporters: await store.ideas.withdraw(idea.id, me.id), supportedByMe: false } satisfies Schemas['IdeaSupport']);
    },
    pledgeToIdea: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['PledgeCreate'];
      const idea = await load(ctx.params.id!, me.id);
      if (!idea.funding) throw unprocessable('not-crowdfunded', 'Эта идея не собирает средства');
      if (!PLEDGEABLE.includes(idea.status)) throw unprocessable('invalid-transition', 'Сбор средств для этой идеи закрыт');
      const id = newId('pl');
      const at = isoNow(ctx.now);
      const points = body.kind === 'points';
      const paymentReference = points ? null : `PAY-${randomCode(3)}`;
      const result = await store.ideas.pledge({
        id, ideaId: idea.id, citizenId: me.id, kind: body.kind, amount: body.amount, status: points ? 'confirmed' : 'pending', paymentReference, at,
        spend: points ? { amount: body.amount, kind: 'spent', reason: 'pledge', description: `Взнос на идею «${idea.title}»`, refType: 'idea', refId: idea.id } : null,
      });
      if ('insufficient' in result) throw unprocessable('insufficient-points', `Не хватает ${result.insufficient} баллов`, undefined, { missing: result.insufficient });
      const fresh = (await store.ideas.get(idea.id))!;
      return ok({
        pledge: { id, ideaId: idea.id, kind: body.kind, amount: body.amount, status: points ? 'confirmed' : 'pending', paymentReference, createdAt: at },
        funding: funding(fresh)!, points: result.balance === null ? null : { awarded: 0, spent: body.amount, balance: result.balance, reason: 'pledge' },
      } satisfies Schemas['PledgeResult'], 201);
    },
    moderateIdea: async (ctx) => {
      const body = ctx.body as Schemas['IdeaModeration'];
      const r = await store.ideas.get(ctx.params.id!);
      if (!r) throw notFound('Идея');
      const [from, to] = MOVES[body.action];
      if (!from.includes(r.status)) throw conflict('invalid-transition', `Из статуса «${r.status}» нельзя выполнить «${body.action}»`);
      if (body.action === 'reject' && !body.reason) throw unprocessable('validation', 'Укажите причину отказа', [{ pointer: '/reason', detail: 'обязательное поле при отказе', code: 'required' }]);
      if (body.action === 'review' && !body.agencyId) throw unprocessable('validation', 'Укажите ведомство', [{ pointer: '/agencyId', detail: 'обязательное поле при передаче на рассмотрение', code: 'required' }]);
      if (body.agencyId && !(await store.agencies.stats()).some((a) => a.id === body.agencyId)) throw unprocessable('validation', 'Нет такого ведомства', [{ pointer: '/agencyId', detail: 'нет такого ведомства', code: 'unknown-agency' }]);
      const award = to === 'accepted' ? { citizenId: r.author_id, write: { amount: options.pointRules.ideaAccepted, kind: 'earned' as const, reason: 'idea-accepted' as const, description: `Идея принята: «${r.title}»`, refType: 'idea' as const, refId: r.id } } : null;
      const moved = await store.ideas.transition({ id: r.id, from: r.status, to, note: body.reason ?? body.note ?? null, agencyId: body.agencyId ?? null, rejectionReason: body.action === 'reject' ? body.reason! : null, at: isoNow(ctx.now), award });
      if (!moved) throw new Problem(409, 'invalid-transition', 'Статус идеи изменился, обновите страницу');
      return ok(await load(r.id, ctx.identity?.id ?? null, true));
    },
  };
}
