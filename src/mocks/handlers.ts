/**
 * Every operation of api/openapi.yaml over the in-memory demo region. Each returns the generated
 * contract types, so a change in the contract breaks the build here before it breaks a widget.
 */
import type { RequestHandler } from 'msw';
import { contractOperations } from './contract.gen';
import { isoAt, newId, randomCode, type MockComplaint, type MockDb, type MockIdentity, type S } from './db';
import { MockProblem, ok, paginate, route, type Operation, type OperationContext, type RouteOptions } from './http';
import type { DemoIdea } from '../../api/fixtures/demo-region';
import { calendarDateTime, textLength } from './formats';

const DAY = 86_400_000;
const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
/** A new idea's support threshold and crowdfunding terms — the reference server's defaults. */
const NEW_IDEA = { threshold: 500, pointValue: 1, matchFactor: 1, matchCap: 500_000 };
const notFound = (what: string) => new MockProblem(404, 'not-found', `${what} не найден(о)`);
const nowIso = (db: MockDb) => isoAt(db.now().getTime());

function sniffImage(bytes: Uint8Array): S['Media']['contentType'] | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'image/webp';
  return null;
}

/** The ids if every one is `who`'s own upload; otherwise 422 with an `unknown-media` error per foreign id, as the reference server. */
function ownedMedia(db: MockDb, ids: string[] | undefined, who: MockIdentity, pointer: string): string[] {
  const list = ids ?? [];
  const errors = list.flatMap((id, i) => (db.media.get(id)?.citizenId === who.id ? [] : [{ pointer: `${pointer}/${i}`, detail: 'файл не найден среди ваших загрузок', code: 'unknown-media' }]));
  if (errors.length) throw new MockProblem(422, 'validation', 'Файлы не найдены', { errors });
  return list;
}

/**
 * Answers that do not fit the service's variable attributes, by the server's validateAttributes
 * (server/domain/complaints.ts): Open311's form files through here without the JSON schema, so
 * the lengths of string and text answers are checked here too.
 */
function attributeErrors(service: S['Service'], answers: S['AttributeAnswers']): S['FieldError'][] {
  const errors: S['FieldError'][] = [];
  const variable = new Map(service.attributes.filter((a) => a.variable).map((a) => [a.code, a]));
  for (const [code, value] of Object.entries(answers)) {
    const a = variable.get(code);
    const pointer = `/attributes/${code}`;
    if (!a) { errors.push({ pointer, detail: 'у этой категории нет такого поля', code: 'unknown-attribute' }); continue; }
    const keys = new Set((a.values ?? []).map((v) => v.key));
    // The contract's AttributeAnswers: 200 characters for a one-line `string` answer, 4000 for a `text` one.
    const maxLength = a.datatype === 'string' ? 200 : a.datatype === 'text' ? 4000 : null;
    if (a.datatype === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) errors.push({ pointer, detail: 'ожидается число', code: 'type' });
    if ((a.datatype === 'string' || a.datatype === 'text') && typeof value !== 'string') errors.push({ pointer, detail: 'ожидается строка', code: 'type' });
    if (maxLength !== null && typeof value === 'string' && textLength(value) > maxLength) errors.push({ pointer, detail: `не длиннее ${maxLength} символов`, code: 'maxLength' });
    if (a.datatype === 'datetime' && (typeof value !== 'string' || !calendarDateTime(value))) errors.push({ pointer, detail: 'ожидается дата и время ISO 8601 с часовым поясом', code: 'format' });
    if (a.datatype === 'singlevaluelist' && (typeof value !== 'string' || !keys.has(value))) errors.push({ pointer, detail: 'выберите значение из списка', code: 'enum' });
    if (a.datatype === 'multivaluelist' && (!Array.isArray(value) || value.length === 0 || value.some((v) => !keys.has(v)))) errors.push({ pointer, detail: 'выберите значения из списка', code: 'enum' });
  }
  for (const a of variable.values()) if (a.required && !(a.code in answers)) errors.push({ pointer: `/attributes/${a.code}`, detail: `обязательное поле «${a.description}»`, code: 'required' });
  return errors;
}

function complaintOf(ctx: OperationContext): MockComplaint {
  const c = ctx.db.complaints.find((x) => x.id === ctx.params.id);
  if (!c) throw notFound('Обращение');
  return c;
}

function ideaOf(ctx: OperationContext): DemoIdea {
  const idea = ctx.db.ideas.find((x) => x.id === ctx.params.id);
  if (!idea || !ctx.db.ideaVisibleTo(idea, ctx.who)) throw notFound('Идея');
  return idea;
}

/** Complaint status moves an agency may make (from → allowed targets). */
const AGENCY_MOVES: Record<string, S['ComplaintStatus'][]> = {
  submitted: ['in_progress', 'rejected'], in_progress: ['resolved', 'rejected'], disputed: ['in_progress', 'resolved'],
};
/** Idea moderation: action → [allowed from-statuses, to-status]. */
const MODERATION: Record<S['IdeaModeration']['action'], [S['IdeaStatus'][], S['IdeaStatus']]> = {
  publish: [['moderation'], 'published'], reject: [['moderation', 'published', 'review'], 'rejected'],
  review: [['published'], 'review'], accept: [['review'], 'accepted'], implement: [['accepted'], 'implemented'],
};

// ------------------------------------------------------------------ operations

const operations: Record<string, Operation> = {
  // ---------- polls
  listPolls: ({ db, query, who }) => {
    const polls = db.region.polls
      .filter((p) => !query.status || db.pollStatus(p) === query.status)
      .sort((a, b) => b.opensAt.localeCompare(a.opensAt) || a.id.localeCompare(b.id));
    const page = paginate(polls, query);
    return ok({ items: page.items.map((p) => db.pollSummary(p, who)), nextCursor: page.nextCursor } satisfies S['PollPage']);
  },
  getPoll: ({ db, params, who }) => {
    const p = db.poll(params.id!);
    if (!p) throw notFound('Голосование');
    return ok(db.pollView(p, who) satisfies S['Poll']);
  },
  castVote: ({ db, params, body, signedIn }) => {
    const who = signedIn();
    const p = db.poll(params.id!);
    if (!p) throw notFound('Голосование');
    if (db.pollStatus(p) !== 'open') throw new MockProblem(422, 'poll-not-open', db.pollStatus(p) === 'upcoming' ? 'Голосование ещё не началось' : 'Голосование завершено');
    if (db.myVote(p.id, who.id)) throw new MockProblem(409, 'already-voted', 'Вы уже проголосовали в этом опросе');
    const { answers } = body as S['VoteRequest'];
    const errors = db.ballotErrors(p, answers);
    if (errors.length) throw new MockProblem(422, 'invalid-answers', errors[0]!.detail, { errors });
    const vote = { pollId: p.id, citizenId: who.id, receipt: randomCode(5), answers, at: nowIso(db) };
    db.votes.push(vote);
    const award = db.pollPoints(p);
    const posted = db.post({ citizenId: who.id, amount: award, reason: p.kind === 'survey' ? 'survey' : 'vote', description: `${p.kind === 'survey' ? 'Опрос' : 'Голосование'} «${p.title}»`, reference: { type: 'poll', id: p.id } });
    const balance = 'balance' in posted ? posted.balance : db.balance(who.id);
    const result: S['VoteResult'] = {
      pollId: p.id, receipt: vote.receipt, votedAt: vote.at, answers,
      results: db.resultsVisible(p, true) ? db.results(p) : null,
      points: db.pointsChange(award, 0, balance, p.kind === 'survey' ? 'survey' : 'vote'),
    };
    return ok(result, 201);
  },
  checkVoteReceipt: ({ db, params }) => {
    const vote = db.votes.find((v) => v.receipt === params.receipt);
    if (!vote) throw notFound('Бюллетень');
    const p = db.poll(vote.pollId)!;
    return ok({ receipt: vote.receipt, counted: true, pollId: p.id, pollTitle: p.title, countedAt: vote.at } satisfies S['ReceiptCheck']);
  },

  // ---------- services and media
  listServices: ({ db, query }) => {
    const q = typeof query.q === 'string' ? query.q.toLowerCase() : '';
    const services = db.region.services.filter((s) =>
      (!q || [s.name, s.description, ...s.keywords].some((t) => t.toLowerCase().includes(q))) && (!query.group || s.group === query.group));
    return ok(paginate(services, query) satisfies S['ServicePage']);
  },
  getService: ({ db, params }) => {
    const s = db.service(params.code!);
    if (!s) throw notFound('Услуга');
    return ok(s satisfies S['Service']);
  },
  uploadMedia: ({ db, raw, request, base, signedIn }) => {
    const who = signedIn();
    const bytes = raw ?? new Uint8Array();
    if (bytes.byteLength > MAX_MEDIA_BYTES) throw new MockProblem(413, 'payload-too-large', 'Файл больше 5 МБ');
    const declared = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const sniffed = sniffImage(bytes);
    if (!sniffed || (declared && declared !== sniffed)) throw new MockProblem(415, 'unsupported-media-type', 'Нужна картинка JPEG, PNG, WebP или GIF');
    const media = { id: newId('m'), citizenId: who.id, contentType: sniffed, bytes, createdAt: nowIso(db) };
    db.media.set(media.id, media);
    return ok(db.media_(media, base) satisfies S['Media'], 201);
  },
  getMedia: ({ db, params }) => {
    const m = db.media.get(params.id!);
    if (!m) throw notFound('Файл');
    return { status: 200, bytes: { data: m.bytes, contentType: m.contentType }, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } };
  },

  // ---------- complaints
  listComplaints: ({ db, query, who, base }) => {
    let list = db.complaints;
    if (query.mine === true) {
      if (!who) throw new MockProblem(401, 'unauthorized', 'Чтобы увидеть свои обращения, нужно войти');
      list = list.filter((c) => c.citizenId === who.id);
    } else if (who?.roles.includes('agency') && who.agencyId && !query.agencyId) {
      list = db.agencyComplaints(who.agencyId);
    }
    list = list.filter((c) =>
      (!query.status || c.status === query.status) && (!query.serviceCode || c.serviceCode === query.serviceCode)
      && (!query.agencyId || db.service(c.serviceCode)?.agency.id === query.agencyId));
    const sorted = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    const page = paginate(sorted, query);
    return ok({ items: page.items.map((c) => db.complaintView(c, who, base)), nextCursor: page.nextCursor } satisfies S['ComplaintPage']);
  },
  createComplaint: ({ db, body, base, signedIn }) => {
    const who = signedIn();
    const input = body as S['ComplaintCreate'];
    const service = db.service(input.serviceCode);
    if (!service) throw new MockProblem(422, 'validation', 'Нет такой категории', { errors: [{ pointer: '/serviceCode', detail: 'нет такой категории', code: 'unknown-service' }] });
    const errors: S['FieldError'][] = [];
    if (textLength(input.description) > service.descriptionMaxLength) errors.push({ pointer: '/description', detail: `не длиннее ${service.descriptionMaxLength} символов`, code: 'maxLength' });
    if ((input.mediaIds?.length ?? 0) > service.maxMedia) errors.push({ pointer: '/mediaIds', detail: `не больше ${service.maxMedia} фото`, code: 'maxItems' });
    const answers = input.attributes ?? {};
    errors.push(...attributeErrors(service, answers));
    // As the server: the agency needs somewhere to go.
    if (!input.address && !input.location) errors.push({ pointer: '/location', detail: 'укажите адрес или точку на карте', code: 'required' });
    if (errors.length) throw new MockProblem(422, 'validation', errors[0]!.detail, { errors });
    const mediaIds = ownedMedia(db, input.mediaIds, who, '/mediaIds');
    const at = nowIso(db);
    const complaint: MockComplaint = {
      id: newId('c'), trackingNumber: db.nextTrackingNumber(), citizenId: who.id, serviceCode: service.code, status: 'submitted',
      description: input.description, address: input.address ?? null, location: input.location ?? null, attributes: answers, createdAt: at,
      history: [{ status: 'submitted', at, actor: 'system', note: `Направлено: ${service.agency.shortName ?? service.agency.name}` }],
      answer: null, confirmation: null, supporterIds: [], rating: null,
    };
    db.complaints.push(complaint);
    db.complaintMedia.set(complaint.id, { citizen: mediaIds, answer: [], confirmation: [] });
    const award = db.region.pointRules.complaint;
    const posted = db.post({ citizenId: who.id, amount: award, reason: 'complaint', description: `Обращение ${complaint.trackingNumber}`, reference: { type: 'complaint', id: complaint.id } });
    return ok({ complaint: db.complaintView(complaint, who, base), points: db.pointsChange(award, 0, 'balance' in posted ? posted.balance : 0, 'complaint') } satisfies S['ComplaintCreated'], 201);
  },
  listNearbyComplaints: ({ db, query, who }) => {
    const lat = query.lat as number;
    const long = query.long as number;
    const radius = typeof query.radius === 'number' ? query.radius : 300;
    const distance = (p: S['GeoPoint']) => {
      const rad = Math.PI / 180;
      const dLat = (p.lat - lat) * rad;
      const dLong = (p.long - long) * rad;
      const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat * rad) * Math.cos(p.lat * rad) * Math.sin(dLong / 2) ** 2;
      return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)) * 10) / 10;
    };
    const near = db.complaints
      .filter((c) => c.serviceCode === query.serviceCode && c.location && ['submitted', 'in_progress', 'disputed', 'resolved'].includes(c.status))
      .map((c) => ({ c, d: distance(c.location!) }))
      .filter(({ d }) => d <= radius)
      .sort((a, b) => a.d - b.d || a.c.id.localeCompare(b.c.id));
    const page = paginate(near, query);
    const items = page.items.map(({ c, d }): S['NearbyComplaint'] => ({
      id: c.id, trackingNumber: c.trackingNumber, serviceCode: c.serviceCode, status: c.status, description: c.description,
      address: c.address, location: c.location!, distance: d, supporters: c.supporterIds.length,
      supportedByMe: Boolean(who && c.supporterIds.includes(who.id)), createdAt: c.createdAt,
    }));
    return ok({ items, nextCursor: page.nextCursor } satisfies S['NearbyComplaintPage']);
  },
  getComplaint: (ctx) => ok(ctx.db.complaintView(complaintOf(ctx), ctx.who, ctx.base) satisfies S['Complaint']),
  supportComplaint: (ctx) => {
    const who = ctx.signedIn();
    const c = complaintOf(ctx);
    if (c.citizenId === who.id) throw new MockProblem(422, 'validation', 'Нельзя поддержать собственное обращение');
    if (c.status === 'closed' || c.status === 'rejected') throw new MockProblem(422, 'invalid-transition', 'Обращение уже закрыто');
    if (c.supporterIds.includes(who.id)) throw new MockProblem(409, 'already-supported', 'Вы уже поддержали это обращение');
    c.supporterIds.push(who.id);
    return ok({ complaintId: c.id, supporters: c.supporterIds.length, supportedByMe: true } satisfies S['ComplaintSupport'], 201);
  },
  confirmComplaint: (ctx) => {
    const who = ctx.signedIn();
    const c = complaintOf(ctx);
    if (c.citizenId !== who.id) throw new MockProblem(403, 'forbidden', 'Подтвердить может только автор обращения');
    const view = ctx.db.complaintView(c, who, ctx.base);
    // not waiting for confirmation is a conflict with the complaint's state; a missed deadline is a rule
    if (c.status !== 'resolved' || !view.confirmableUntil) throw new MockProblem(409, 'not-confirmable', 'Обращение не ждёт подтверждения');
    if (Date.parse(view.confirmableUntil) < ctx.db.now().getTime()) throw new MockProblem(422, 'not-confirmable', 'Срок подтверждения истёк');
    const input = ctx.body as S['ComplaintConfirmation'];
    const mediaIds = ownedMedia(ctx.db, input.mediaIds, who, '/mediaIds');
    const at = nowIso(ctx.db);
    ctx.db.complaintMedia.set(c.id, { ...ctx.db.complaintMediaOf(c.id), confirmation: mediaIds });
    c.status = input.outcome === 'confirmed' ? 'closed' : 'disputed';
    c.confirmation = input.comment ? { outcome: input.outcome, comment: input.comment, at } : { outcome: input.outcome, at };
    c.history.push({ status: c.status, at, actor: 'citizen', note: input.outcome === 'confirmed' ? 'Житель подтвердил решение.' : 'Житель оспорил решение.' });
    return ok(ctx.db.complaintView(c, who, ctx.base) satisfies S['Complaint']);
  },
  changeComplaintStatus: (ctx) => {
    const who = ctx.signedIn();
    const c = complaintOf(ctx);
    if (ctx.db.service(c.serviceCode)?.agency.id !== who.agencyId) throw new MockProblem(403, 'forbidden', 'Обращение направлено в другое ведомство');
    const input = ctx.body as S['ComplaintStatusChange'];
    if (!(AGENCY_MOVES[c.status] ?? []).includes(input.status)) throw new MockProblem(409, 'invalid-transition', `Из статуса «${c.status}» нельзя перейти в «${input.status}»`);
    if (input.status === 'resolved' && !input.answer) throw new MockProblem(422, 'validation', 'Нужен ответ ведомства', { errors: [{ pointer: '/answer', detail: 'обязательное поле при решении', code: 'required' }] });
    const at = nowIso(ctx.db);
    if (input.answer) {
      c.answer = { text: input.answer.text, at };
      ctx.db.complaintMedia.set(c.id, { ...ctx.db.complaintMediaOf(c.id), answer: ownedMedia(ctx.db, input.answer.mediaIds, who, '/answer/mediaIds') });
    }
    c.status = input.status;
    c.history.push(input.note ? { status: c.status, at, actor: 'agency', note: input.note } : { status: c.status, at, actor: 'agency' });
    return ok(ctx.db.complaintView(c, who, ctx.base) satisfies S['Complaint']);
  },

  // ---------- ideas
  listIdeaCategories: ({ db, query }) => {
    const items = db.region.ideaCategories.map((c): S['IdeaCategory'] => ({
      ...c, ideaCount: db.ideas.filter((i) => i.categoryId === c.id && i.status !== 'moderation' && i.status !== 'rejected').length,
    }));
    return ok(paginate(items, query) satisfies S['IdeaCategoryPage']);
  },
  listIdeas: ({ db, query, who }) => {
    if (query.mine === true && !who) throw new MockProblem(401, 'unauthorized', 'Чтобы увидеть свои идеи, нужно войти');
    const q = typeof query.q === 'string' ? query.q.toLowerCase() : '';
    const sort = (query.sort as string | undefined) ?? 'popular';
    let list = db.ideas.filter((i) => {
      if (query.mine === true) { if (i.authorId !== who!.id) return false; }
      else if (query.status === 'rejected') { if (!db.ideaVisibleTo(i, who)) return false; }
      // Without asking for them, others' ideas in moderation and rejected ones are listed to moderators only.
      else if ((i.status === 'moderation' || i.status === 'rejected') && i.authorId !== who?.id && !who?.roles.includes('moderator')) return false;
      if (query.status && i.status !== query.status) return false;
      if (query.category && i.categoryId !== query.category) return false;
      if (query.funded === true && !i.funding) return false;
      if (query.funded === false && i.funding) return false;
      return !q || i.title.toLowerCase().includes(q) || i.text.toLowerCase().includes(q);
    });
    // The server's ORDER BY: strings in code-unit (SQLite BINARY) order, not the locale's.
    const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byId = (a: DemoIdea, b: DemoIdea) => binary(a.id, b.id);
    if (sort === 'newest') list.sort((a, b) => binary(b.createdAt, a.createdAt) || byId(b, a));
    else if (sort === 'trending') list.sort((a, b) => db.ideaRecentSupport(b) - db.ideaRecentSupport(a) || db.ideaSupporters(b) - db.ideaSupporters(a) || byId(a, b));
    else if (sort === 'threshold') {
      // Every listed idea still short of its threshold, whatever its status.
      list = list.filter((i) => db.ideaSupporters(i) < i.threshold);
      list.sort((a, b) => (a.threshold - db.ideaSupporters(a)) - (b.threshold - db.ideaSupporters(b)) || byId(a, b));
    } else list.sort((a, b) => db.ideaSupporters(b) - db.ideaSupporters(a) || binary(b.createdAt, a.createdAt) || byId(a, b));
    const page = paginate(list, query);
    return ok({ items: page.items.map((i) => db.ideaSummary(i, who)), nextCursor: page.nextCursor, total: list.length } satisfies S['IdeaPage']);
  },
  createIdea: ({ db, body, base, signedIn }) => {
    const who = signedIn();
    const input = body as S['IdeaCreate'];
    if (!db.category(input.categoryId)) throw new MockProblem(422, 'validation', 'Нет такой категории', { errors: [{ pointer: '/categoryId', detail: 'нет такой категории', code: 'unknown' }] });
    const media = ownedMedia(db, input.mediaIds, who, '/mediaIds');
    const at = nowIso(db);
    const idea: DemoIdea = {
      id: newId('idea'), title: input.title, text: input.text, categoryId: input.categoryId, authorId: who.id, authorName: who.displayName,
      status: 'moderation', createdAt: at, baseSupporters: 0, recentSupporters: 0, supporterIds: [], threshold: NEW_IDEA.threshold, agencyId: null,
      rejectionReason: null, timeline: [{ status: 'moderation', at }],
      funding: input.fundingGoal ? { goal: input.fundingGoal, pointValue: NEW_IDEA.pointValue, matchFactor: NEW_IDEA.matchFactor, matchCap: NEW_IDEA.matchCap, deadline: null } : null,
      pledges: [],
    };
    db.ideas.push(idea);
    db.ideaMedia.set(idea.id, media);
    return ok(db.ideaView(idea, who, base) satisfies S['Idea'], 201);
  },
  getIdea: (ctx) => ok(ctx.db.ideaView(ideaOf(ctx), ctx.who, ctx.base) satisfies S['Idea']),
  supportIdea: (ctx) => {
    const who = ctx.signedIn();
    const idea = ideaOf(ctx);
    if (idea.status === 'moderation' || idea.status === 'rejected') throw new MockProblem(422, 'invalid-transition', 'Эту идею сейчас нельзя поддержать');
    if (idea.supporterIds.includes(who.id)) throw new MockProblem(409, 'already-supported', 'Вы уже поддержали эту идею');
    idea.supporterIds.push(who.id);
    ctx.db.ideaSupportsAt.set(`${idea.id}|${who.id}`, nowIso(ctx.db));
    return ok({ ideaId: idea.id, supporters: ctx.db.ideaSupporters(idea), supportedByMe: true } satisfies S['IdeaSupport'], 201);
  },
  withdrawIdeaSupport: (ctx) => {
    const who = ctx.signedIn();
    const idea = ideaOf(ctx);
    idea.supporterIds = idea.supporterIds.filter((id) => id !== who.id);
    ctx.db.ideaSupportsAt.delete(`${idea.id}|${who.id}`);
    return ok({ ideaId: idea.id, supporters: ctx.db.ideaSupporters(idea), supportedByMe: false } satisfies S['IdeaSupport']);
  },
  pledgeToIdea: (ctx) => {
    const who = ctx.signedIn();
    const idea = ideaOf(ctx);
    if (!idea.funding) throw new MockProblem(422, 'not-crowdfunded', 'Эта идея не собирает средства');
    if (!['published', 'review', 'accepted'].includes(idea.status)) throw new MockProblem(422, 'invalid-transition', 'Сбор средств для этой идеи закрыт');
    const input = ctx.body as S['PledgeCreate'];
    let points: S['PointsChange'] | null = null;
    if (input.kind === 'points') {
      const posted = ctx.db.post({ citizenId: who.id, amount: -input.amount, reason: 'pledge', description: `Вклад в идею «${idea.title}»`, reference: { type: 'idea', id: idea.id } });
      if ('missing' in posted) throw new MockProblem(422, 'insufficient-points', `Не хватает ${posted.missing} баллов`, { missing: posted.missing });
      points = ctx.db.pointsChange(0, input.amount, posted.balance, 'pledge');
    }
    const pledge = {
      id: newId('pl'), ideaId: idea.id, citizenId: who.id, kind: input.kind, amount: input.amount,
      status: input.kind === 'points' ? 'confirmed' as const : 'pending' as const,
      paymentReference: input.kind === 'money' ? `PAY-${randomCode(3)}` : null, createdAt: nowIso(ctx.db),
    };
    ctx.db.pledges.push(pledge);
    const { ideaId, kind, amount, status, paymentReference, createdAt, id } = pledge;
    return ok({ pledge: { id, ideaId, kind, amount, status, paymentReference, createdAt }, funding: ctx.db.funding(idea)!, points } satisfies S['PledgeResult'], 201);
  },
  moderateIdea: (ctx) => {
    const idea = ctx.db.ideas.find((x) => x.id === ctx.params.id);
    if (!idea) throw notFound('Идея');
    const input = ctx.body as S['IdeaModeration'];
    const [from, to] = MODERATION[input.action];
    if (!from.includes(idea.status)) throw new MockProblem(409, 'invalid-transition', `Из статуса «${idea.status}» нельзя выполнить «${input.action}»`);
    if (input.action === 'reject' && !input.reason) throw new MockProblem(422, 'validation', 'Нужна причина отказа', { errors: [{ pointer: '/reason', detail: 'обязательное поле при отказе', code: 'required' }] });
    if (input.action === 'review' && !ctx.db.agencyRef(input.agencyId)) throw new MockProblem(422, 'validation', 'Нужно ведомство', { errors: [{ pointer: '/agencyId', detail: 'укажите ведомство', code: 'required' }] });
    const at = nowIso(ctx.db);
    idea.status = to;
    if (input.action === 'review') idea.agencyId = input.agencyId!;
    if (input.action === 'reject') idea.rejectionReason = input.reason!;
    const event: DemoIdea['timeline'][number] = { status: to, at };
    const note = input.action === 'reject' ? input.reason : input.note;
    if (note) event.note = note;
    if (input.action === 'review') event.agencyId = input.agencyId!;
    idea.timeline.push(event);
    if (input.action === 'accept') {
      ctx.db.post({ citizenId: idea.authorId, amount: ctx.db.region.pointRules.ideaAccepted, reason: 'idea-accepted', description: `Идея принята: «${idea.title}»`, reference: { type: 'idea', id: idea.id } });
    }
    return ok(ctx.db.ideaView(idea, ctx.who, ctx.base) satisfies S['Idea']);
  },

  // ---------- agencies
  listAgencies: ({ db, query }) => {
    const sort = (query.sort as string | undefined) ?? 'rating';
    const rows = db.agencySummaries();
    if (sort === 'onTime') rows.sort((a, b) => (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) || a.rank - b.rank);
    else if (sort === 'volume') rows.sort((a, b) => (b.openComplaints + b.resolvedComplaints) - (a.openComplaints + a.resolvedComplaints) || a.rank - b.rank);
    else rows.sort((a, b) => a.rank - b.rank);
    return ok(paginate(rows, query) satisfies S['AgencyPage']);
  },
  getAgency: ({ db, params }) => {
    const view = db.agencyView(params.id!);
    if (!view) throw notFound('Ведомство');
    return ok(view satisfies S['Agency']);
  },
  listAgencyRatings: ({ db, params, query }) => {
    if (!db.agencyRef(params.id)) throw notFound('Ведомство');
    return ok(paginate(db.ratings(params.id!), query) satisfies S['RatingPage']);
  },
  rateAgency: (ctx) => {
    const who = ctx.signedIn();
    const { db } = ctx;
    const agency = db.agencySummaries().find((a) => a.id === ctx.params.id);
    if (!agency) throw notFound('Ведомство');
    const input = ctx.body as S['RatingCreate'];
    const c = db.complaints.find((x) => x.id === input.complaintId);
    if (!c || c.citizenId !== who.id || db.service(c.serviceCode)?.agency.id !== agency.id || c.status !== 'closed') {
      throw new MockProblem(403, 'not-eligible', 'Оценить можно только по своему закрытому обращению, которое решало это ведомство');
    }
    if (c.rating) throw new MockProblem(409, 'already-rated', 'Вы уже оценили работу по этому обращению');
    c.rating = { stars: input.stars, comment: input.comment ?? null, createdAt: nowIso(db) };
    const award = db.region.pointRules.rating;
    const posted = db.post({ citizenId: who.id, amount: award, reason: 'rating', description: `Оценка: ${agency.shortName}`, reference: { type: 'rating', id: c.id } });
    const rating = db.ratings(agency.id).find((r) => r.complaintId === c.id)!;
    return ok({ rating, agency: db.agencySummaries().find((a) => a.id === agency.id)!, points: db.pointsChange(award, 0, 'balance' in posted ? posted.balance : 0, 'rating') } satisfies S['RatingResult'], 201);
  },
  getRatingEligibility: (ctx) => {
    const who = ctx.signedIn();
    if (!ctx.db.agencyRef(ctx.params.id)) throw notFound('Ведомство');
    const closed = ctx.db.agencyComplaints(ctx.params.id!).filter((c) => c.citizenId === who.id && c.status === 'closed');
    const open = closed.filter((c) => !c.rating);
    const complaints = open.map((c) => ({
      id: c.id, trackingNumber: c.trackingNumber, serviceName: ctx.db.service(c.serviceCode)!.name,
      closedAt: [...c.history].reverse().find((h) => h.status === 'closed')?.at ?? c.createdAt,
    }));
    const reason = open.length ? null : closed.length ? 'all-rated' : 'no-closed-complaint';
    return ok({ eligible: open.length > 0, reason, complaints } satisfies S['RatingEligibility']);
  },

  // ---------- wallet
  getWallet: ({ db, signedIn }) => ok(db.wallet(signedIn().id) satisfies S['Wallet']),
  listTransactions: ({ db, query, signedIn }) => {
    const entries = db.transactions(signedIn().id).filter((e) => !query.kind || e.kind === query.kind);
    return ok(paginate(entries, query) satisfies S['LedgerPage']);
  },
  listRewards: ({ db, query }) => {
    const rewards = db.rewards.filter((r) => !query.category || r.category === query.category).sort((a, b) => a.cost - b.cost || a.id.localeCompare(b.id));
    return ok(paginate(rewards, query) satisfies S['RewardPage']);
  },
  listRedemptions: ({ db, query, signedIn }) => {
    const who = signedIn();
    const mine = db.redemptions.filter((r) => r.citizenId === who.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    const page = paginate(mine, query);
    return ok({ items: page.items.map((r) => db.redemption(r)), nextCursor: page.nextCursor } satisfies S['RedemptionPage']);
  },
  redeemReward: ({ db, body, signedIn }) => {
    const who = signedIn();
    const reward = db.rewards.find((r) => r.id === (body as S['RedemptionCreate']).rewardId);
    if (!reward) throw notFound('Награда');
    if (reward.stock === 0) throw new MockProblem(409, 'out-of-stock', 'Эта награда закончилась');
    const posted = db.post({ citizenId: who.id, amount: -reward.cost, reason: 'redemption', description: `Награда: ${reward.title}`, reference: { type: 'reward', id: reward.id } });
    if ('missing' in posted) throw new MockProblem(422, 'insufficient-points', `Не хватает ${posted.missing} баллов`, { missing: posted.missing });
    if (reward.stock !== null) reward.stock -= 1;
    const r = { id: newId('r'), citizenId: who.id, rewardId: reward.id, voucherCode: `ZV-${randomCode(2)}`, createdAt: nowIso(db) };
    db.redemptions.push(r);
    return ok({ redemption: db.redemption(r), reward, points: db.pointsChange(0, reward.cost, posted.balance, 'redemption') } satisfies S['RedemptionResult'], 201);
  },
  listFunds: ({ db, query }) => ok(paginate(db.funds.map((f) => db.fund(f)), query) satisfies S['FundPage']),
  donate: ({ db, body, signedIn }) => {
    const who = signedIn();
    const input = body as S['DonationCreate'];
    const fund = db.funds.find((f) => f.id === input.fundId);
    if (!fund) throw notFound('Фонд');
    if (input.amount < fund.minDonation || input.amount % fund.step !== 0) {
      throw new MockProblem(422, 'invalid-amount', `Не меньше ${fund.minDonation} и кратно ${fund.step}`, { errors: [{ pointer: '/amount', detail: `не меньше ${fund.minDonation} и кратно ${fund.step}`, code: 'step' }] });
    }
    const posted = db.post({ citizenId: who.id, amount: -input.amount, reason: 'donation', description: `Пожертвование: ${fund.name}`, reference: { type: 'fund', id: fund.id } });
    if ('missing' in posted) throw new MockProblem(422, 'insufficient-points', `Не хватает ${posted.missing} баллов`, { missing: posted.missing });
    const d = { id: newId('d'), citizenId: who.id, fundId: fund.id, amount: input.amount, receiptNumber: `ПЖ-${randomCode(2)}`, createdAt: nowIso(db) };
    db.donations.push(d);
    const donation: S['Donation'] = { id: d.id, fundId: d.fundId, fundName: fund.name, amount: d.amount, receiptNumber: d.receiptNumber, createdAt: d.createdAt };
    return ok({ donation, fund: db.fund(fund), points: db.pointsChange(0, input.amount, posted.balance, 'donation') } satisfies S['DonationResult'], 201);
  },

  // ---------- identity
  getMe: ({ db, signedIn }) => ok(db.me(signedIn()) satisfies S['Me']),
  getSession: ({ db, who }) => ok({ signedIn: !!who, me: who ? db.me(who) : null } satisfies S['SessionState']),
  demoSignIn: ({ db, body }) => {
    const input = (body ?? {}) as S['DemoSignIn'];
    let who: MockIdentity;
    if (input.fresh) who = db.addCitizen(input.name);
    else if (input.citizenId) {
      if (!db.citizens.has(input.citizenId)) throw notFound('Демо-житель');
      who = db.identity(input.citizenId);
    } else who = db.identity(db.region.citizens[0]!.id);
    const token = `mock:${who.id}`;
    const session: S['Session'] = { token, tokenType: 'Bearer', expiresAt: isoAt(db.now().getTime() + DAY), me: db.me(who) };
    return { status: 200, body: session, headers: { 'Set-Cookie': `veche_session=${token}; HttpOnly; SameSite=Lax; Path=/` } };
  },
  signOut: () => ({ status: 204, headers: { 'Set-Cookie': 'veche_session=; Max-Age=0; HttpOnly; SameSite=Lax; Path=/' } }),
};

/** Handlers for every operation of the contract, in the contract's order (static paths first). */
export function apiHandlers(options: RouteOptions): RequestHandler[] {
  const missing = Object.keys(contractOperations).filter((id) => !operations[id]);
  if (missing.length) throw new Error(`mocks: no handler for ${missing.join(', ')}`);
  return Object.keys(contractOperations).map((id) => route(id, operations[id]!, options));
}

/** The Open311 face files complaints through the same operation, so the rules cannot differ. */
export const createComplaint = operations.createComplaint!;
