/** Complaints: filing with routing and a working-day deadline, status history, +1, confirmation, agency answers. */
import { addWorkingDays } from '../../api/fixtures/demo-region';
import { conflict, forbidden, notFound, Problem, unprocessable, type FieldError } from '../problems';
import type { ComplaintEventRow, ComplaintRow, Store } from '../store/repository';
import { calendarDateTime, isoNow, newId, ok, parseJson, requireIdentity, textLength, type DomainOptions, type Identity, type OperationHandler, type Schemas } from './context';
import { mediaUrl } from './media';
import { page, pageRequest } from './pagination';

const OPEN: Schemas['ComplaintStatus'][] = ['submitted', 'in_progress', 'disputed'];
/** Agency moves; citizen moves (confirm/dispute) go through the confirmation endpoint. */
const AGENCY_MOVES: Record<string, Schemas['ComplaintStatusChange']['status'][]> = {
  submitted: ['in_progress', 'rejected'], in_progress: ['resolved', 'rejected'], disputed: ['in_progress', 'resolved'],
};

export function toComplaint(r: ComplaintRow, events: ComplaintEventRow[], viewer: Identity | null, supported: boolean, options: DomainOptions, now: Date): Schemas['Complaint'] {
  const mine = viewer?.id === r.citizen_id;
  const confirmableUntil = r.status === 'resolved' && r.resolved_at ? new Date(Date.parse(r.resolved_at) + options.confirmationDays * 86_400_000).toISOString() : null;
  return {
    id: r.id, trackingNumber: r.tracking_number, serviceCode: r.service_code, serviceName: r.service_name,
    agency: { id: r.agency_id, name: r.agency_name, shortName: r.agency_short }, status: r.status, description: r.description, address: r.address,
    location: r.lat !== null && r.long !== null ? { lat: r.lat, long: r.long } : null, attributes: parseJson(r.attributes, {}),
    media: parseJson<string[]>(r.media, []).map((id) => ({ id, url: mediaUrl(id) })), createdAt: r.created_at, updatedAt: r.updated_at,
    deadlineDays: r.deadline_days, dueAt: r.due_at, overdue: OPEN.includes(r.status) && now.getTime() > Date.parse(r.due_at), supporters: r.supporters,
    supportedByMe: supported, mine, history: events.map((e) => (e.note ? { status: e.status, at: e.at, actor: e.actor, note: e.note } : { status: e.status, at: e.at, actor: e.actor })),
    answer: r.answer_text && r.answer_at ? { text: r.answer_text, at: r.answer_at, media: parseJson<string[]>(r.answer_media, []).map((id) => ({ id, url: mediaUrl(id) })) } : null,
    confirmation: r.confirmation_outcome && r.confirmation_at
      ? { outcome: r.confirmation_outcome, at: r.confirmation_at, ...(r.confirmation_comment ? { comment: r.confirmation_comment } : {}), media: parseJson<string[]>(r.confirmation_media, []).map((id) => ({ id, url: mediaUrl(id) })) }
      : null,
    confirmableUntil: mine ? confirmableUntil : null, rated: Boolean(r.rated),
  };
}

/** Values must fit the service's attributes: required ones present, lists from their values, types right. */
export function validateAttributes(attributes: Schemas['ServiceAttribute'][], values: Schemas['AttributeAnswers'], prefix = '/attributes'): FieldError[] {
  const errors: FieldError[] = [];
  const byCode = new Map(attributes.filter((a) => a.variable).map((a) => [a.code, a]));
  for (const [code, value] of Object.entries(values)) {
    const a = byCode.get(code);
    const at = `${prefix}/${code}`;
    if (!a) { errors.push({ pointer: at, detail: 'у этой категории нет такого поля', code: 'unknown-attribute' }); continue; }
    const keys = new Set((a.values ?? []).map((v) => v.key));
    if (a.datatype === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) errors.push({ pointer: at, detail: 'ожидается число', code: 'type' });
    if ((a.datatype === 'string' || a.datatype === 'text') && typeof value !== 'string') errors.push({ pointer: at, detail: 'ожидается строка', code: 'type' });
    // The limits of the contract's AttributeAnswers, checked here too: Open311's form POST files
    // through this function without the JSON schema, and a stored value the contract cannot carry
    // would break every later response that lists the complaint. The contract's AttributeAnswers:
    // 200 characters for a one-line `string` answer, 4000 for a `text` one.
    const maxLength = a.datatype === 'string' ? 200 : a.datatype === 'text' ? 4000 : null;
    if (maxLength !== null && typeof value === 'string' && textLength(value) > maxLength) errors.push({ pointer: at, detail: `не длиннее ${maxLength} символов`, code: 'maxLength' });
    if (a.datatype === 'datetime' && (typeof value !== 'string' || !calendarDateTime(value))) errors.push({ pointer: at, detail: 'ожидается дата и время ISO 8601 с часовым поясом', code: 'format' });
    if (a.datatype === 'singlevaluelist' && (typeof value !== 'string' || !keys.has(value))) errors.push({ pointer: at, detail: 'выберите значение из списка', code: 'enum' });
    if (a.datatype === 'multivaluelist' && (!Array.isArray(value) || value.length === 0 || value.some((v) => !keys.has(v)))) errors.push({ pointer: at, detail: 'выберите значения из списка', code: 'enum' });
  }
  for (const a of byCode.values()) if (a.required && !(a.code in values)) errors.push({ pointer: `${prefix}/${a.code}`, detail: `обязательное поле «${a.description}»`, code: 'required' });
  return errors;
}

/** Errors for the ids in `ids` that are not `citizenId`'s own uploads, pointing at `${pointer}/${index}`. */
async function unknownMedia(store: Store, ids: string[], citizenId: string, pointer: string): Promise<FieldError[]> {
  const owned = new Set(await store.media.owned(ids, citizenId));
  return ids.flatMap((id, i) => (owned.has(id) ? [] : [{ pointer: `${pointer}/${i}`, detail: 'файл не найден среди ваших загрузок', code: 'unknown-media' }]));
}

export interface ComplaintInput {
  serviceCode: string; description: string; address?: string | undefined; location?: Schemas['GeoPoint'] | undefined;
  attributes: Schemas['AttributeAnswers']; mediaIds: string[]; contact?: Schemas['ContactDetails'] | undefined;
}

/** Shared by the JSON API and Open311's form POST. */
export async function fileComplaint(store: Store, options: DomainOptions, me: Identity, input: ComplaintInput, now: Date, pointers = { service: '/serviceCode', attributes: '/attributes', description: '/description', media: '/mediaIds', location: '/location' }) {
  const service = await store.services.get(input.serviceCode);
  if (!service) throw unprocessable('validation', 'Нет такой категории', [{ pointer: pointers.service, detail: 'нет такой категории', code: 'unknown-service' }]);
  const errors = validateAttributes(parseJson(service.attributes, []), input.attributes, pointers.attributes);
  if (textLength(input.description) > service.description_max) errors.push({ pointer: pointers.description, detail: `не длиннее ${service.description_max} символов`, code: 'maxLength' });
  if (input.mediaIds.length > service.max_media) errors.push({ pointer: pointers.media, detail: `не больше ${service.max_media} фото`, code: 'maxItems' });
  errors.push(...await unknownMedia(store, input.mediaIds, me.id, pointers.media));
  if (!input.address && !input.location) errors.push({ pointer: pointers.location, detail: 'укажите адрес или точку на карте', code: 'required' });
  if (errors.length) throw unprocessable('validation', 'Обращение заполнено с ошибками', errors);
  const at = isoNow(now);
  const id = newId('c');
  const seq = await store.complaints.nextTrackingSeq();
  const trackingNumber = `ЗО-${at.slice(0, 4)}-${String(seq).padStart(6, '0')}-${id.slice(-3).toUpperCase()}`;
  const award = options.pointRules.complaint;
  const { balance } = await store.complaints.create({
    id, trackingNumber, citizenId: me.id, serviceCode: service.code, agencyId: service.agency_id, description: input.description,
    address: input.address ?? null, lat: input.location?.lat ?? null, long: input.location?.long ?? null, attributes: JSON.stringify(input.attributes),
    media: JSON.stringify(input.mediaIds), contact: input.contact ? JSON.stringify(input.contact) : null, at, deadlineDays: service.deadline_days,
    dueAt: addWorkingDays(new Date(at), service.deadline_days).toISOString(), note: `Направлено: ${service.agency_short}`,
    award: { amount: award, kind: 'earned', reason: 'complaint', description: `Обращение ${trackingNumber}`, refType: 'complaint', refId: id },
  });
  return { id, balance, award };
}

const distanceMetres = (a: Schemas['GeoPoint'], b: Schemas['GeoPoint']) => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};

export function complaintOperations(store: Store, options: DomainOptions): Record<string, OperationHandler> {
  const load = async (id: string, viewer: Identity | null, now: Date) => {
    const row = await store.complaints.get(id);
    if (!row) throw notFound('Обращение');
    const supported = viewer ? (await store.complaints.supportedBy(viewer.id, [id])).has(id) : false;
    return toComplaint(row, await store.complaints.events([id]), viewer, supported, options, now);
  };
  return {
    listComplaints: async (ctx) => {
      const req = pageRequest(ctx.query);
      const filter: Parameters<Store['complaints']['list']>[0] = {};
      if (ctx.query.mine === true) filter.citizenId = requireIdentity(ctx).id;
      if (typeof ctx.query.status === 'string') filter.status = ctx.query.status;
      if (typeof ctx.query.serviceCode === 'string') filter.serviceCode = ctx.query.serviceCode;
      if (typeof ctx.query.agencyId === 'string') filter.agencyId = ctx.query.agencyId;
      const rows = await store.complaints.list(filter, req.offset, req.limit + 1);
      const ids = rows.map((r) => r.id);
      const events = await store.complaints.events(ids);
      const supported = ctx.identity ? await store.complaints.supportedBy(ctx.identity.id, ids) : new Set<string>();
      return ok(page(rows, req, (r) => toComplaint(r, events.filter((e) => e.complaint_id === r.id), ctx.identity, supported.has(r.id), options, ctx.now)));
    },
    listNearbyComplaints: async (ctx) => {
      const req = pageRequest(ctx.query);
      const point = { lat: ctx.query.lat as number, long: ctx.query.long as number };
      const radius = ctx.query.radius as number;
      const dLat = radius / 111_320;
      const dLong = radius / (111_320 * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
      const rows = await store.complaints.nearbyCandidates(ctx.query.serviceCode as string, { minLat: point.lat - dLat, maxLat: point.lat + dLat, minLong: point.long - dLong, maxLong: point.long + dLong });
      const near = rows.map((r) => ({ r, d: distanceMetres(point, { lat: r.lat!, long: r.long! }) })).filter((x) => x.d <= radius).sort((a, b) => a.d - b.d);
      const slice = near.slice(req.offset, req.offset + req.limit + 1);
      const supported = ctx.identity ? await store.complaints.supportedBy(ctx.identity.id, slice.map((x) => x.r.id)) : new Set<string>();
      return ok(page(slice, req, ({ r, d }): Schemas['NearbyComplaint'] => ({
        id: r.id, trackingNumber: r.tracking_number, serviceCode: r.service_code, status: r.status, description: r.description, address: r.address,
        location: { lat: r.lat!, long: r.long! }, distance: Math.round(d), supporters: r.supporters, supportedByMe: supported.has(r.id), createdAt: r.created_at,
      })));
    },
    getComplaint: async (ctx) => ok(await load(ctx.params.id!, ctx.identity, ctx.now)),
    createComplaint: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['ComplaintCreate'];
      const { id, balance, award } = await fileComplaint(store, options, me, { ...body, attributes: body.attributes ?? {}, mediaIds: body.mediaIds ?? [] }, ctx.now);
      return ok({ complaint: await load(id, me, ctx.now), points: { awarded: award, spent: 0, balance, reason: 'complaint' } } satisfies Schemas['ComplaintCreated'], 201);
    },
    supportComplaint: async (ctx) => {
      const me = requireIdentity(ctx);
      const row = await store.complaints.get(ctx.params.id!);
      if (!row) throw notFound('Обращение');
      if (row.citizen_id === me.id) throw unprocessable('validation', 'Нельзя поддержать собственное обращение');
      if (!OPEN.includes(row.status) && row.status !== 'resolved') throw unprocessable('invalid-transition', 'Обращение уже закрыто');
      const supporters = await store.complaints.support(row.id, me.id, isoNow(ctx.now));
      if (supporters === 'duplicate') throw conflict('already-supported', 'Вы уже поддержали это обращение');
      return ok({ complaintId: row.id, supporters, supportedByMe: true } satisfies Schemas['ComplaintSupport'], 201);
    },
    confirmComplaint: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['ComplaintConfirmation'];
      const row = await store.complaints.get(ctx.params.id!);
      if (!row) throw notFound('Обращение');
      if (row.citizen_id !== me.id) throw forbidden('Подтвердить решение может только автор обращения');
      if (row.status !== 'resolved') throw conflict('not-confirmable', 'Обращение не ждёт подтверждения');
      if (row.resolved_at && ctx.now.getTime() > Date.parse(row.resolved_at) + options.confirmationDays * 86_400_000) throw unprocessable('not-confirmable', 'Срок подтверждения истёк');
      // Photos of what is still wrong: only the author's own uploads, as when filing.
      const mediaIds = body.mediaIds ?? [];
      const unknown = await unknownMedia(store, mediaIds, me.id, '/mediaIds');
      if (unknown.length) throw unprocessable('validation', 'Файлы не найдены', unknown);
      const at = isoNow(ctx.now);
      const to = body.outcome === 'confirmed' ? 'closed' : 'disputed';
      const moved = await store.complaints.transition({
        id: row.id, from: 'resolved', to, actor: 'citizen', note: body.outcome === 'confirmed' ? 'Житель подтвердил решение' : (body.comment ?? 'Житель оспорил решение'), at,
        confirmation: { outcome: body.outcome, comment: body.comment ?? null, media: JSON.stringify(mediaIds) }, ...(to === 'closed' ? { closedAt: at } : {}),
      });
      if (!moved) throw conflict('not-confirmable', 'Статус обращения изменился, обновите страницу');
      return ok(await load(row.id, me, ctx.now));
    },
    changeComplaintStatus: async (ctx) => {
      const me = requireIdentity(ctx);
      const body = ctx.body as Schemas['ComplaintStatusChange'];
      const row = await store.complaints.get(ctx.params.id!);
      if (!row) throw notFound('Обращение');
      if (me.agencyId !== row.agency_id) throw forbidden('Обращение направлено в другое ведомство');
      if (!(AGENCY_MOVES[row.status] ?? []).includes(body.status)) throw conflict('invalid-transition', `Из статуса «${row.status}» нельзя перейти в «${body.status}»`);
      if (body.status === 'resolved' && !body.answer) throw unprocessable('validation', 'Для решения нужен ответ жителю', [{ pointer: '/answer', detail: 'обязательное поле при решении', code: 'required' }]);
      const mediaIds = body.answer?.mediaIds ?? [];
      const unknown = await unknownMedia(store, mediaIds, me.id, '/answer/mediaIds');
      if (unknown.length) throw unprocessable('validation', 'Файлы не найдены', unknown);
      const at = isoNow(ctx.now);
      const moved = await store.complaints.transition({
        id: row.id, from: row.status, to: body.status, actor: 'agency', note: body.note ?? null, at,
        ...(body.answer ? { answer: { text: body.answer.text, media: JSON.stringify(mediaIds) } } : {}),
        ...(body.status === 'resolved' || body.status === 'rejected' ? { resolvedAt: at } : {}),
      });
      if (!moved) throw new Problem(409, 'invalid-transition', 'Статус обращения изменился, обновите страницу');
      return ok(await load(row.id, me, ctx.now));
    },
  };
}
