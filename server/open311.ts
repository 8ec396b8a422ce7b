/**
 * Open311 GeoReport v2 over the same complaint data (https://wiki.open311.org/GeoReport_v2/).
 * JSON format only; errors are `[{ code, description }]` arrays.
 */
import { Authenticator } from './auth';
import { fileComplaint } from './domain/complaints';
import { calendarDateTime, parseJson, PLAIN_DECIMAL, textLength, type DomainOptions, type Schemas } from './domain/context';
import { Problem } from './problems';
import type { ComplaintRow, ComplaintEventRow, Store } from './store/repository';

type Open311Request = Record<string, unknown>;
export class Open311Error extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const CLOSED = new Set(['closed', 'rejected']);
const STATUS_NAMES: Record<string, string> = { submitted: 'зарегистрировано', in_progress: 'в работе', resolved: 'решено, ждёт подтверждения', disputed: 'оспорено жителем', closed: 'закрыто', rejected: 'отклонено' };

function toRequest(r: ComplaintRow, events: ComplaintEventRow[], baseUrl: string): Open311Request {
  const last = events.filter((e) => e.complaint_id === r.id).at(-1);
  const notes = [STATUS_NAMES[r.status] ?? r.status, last?.note, r.answer_text].filter(Boolean).join('. ');
  const media = parseJson<string[]>(r.media, []);
  return {
    service_request_id: r.id, status: CLOSED.has(r.status) ? 'closed' : 'open', status_notes: notes || null, service_name: r.service_name, service_code: r.service_code,
    description: r.description, agency_responsible: r.agency_name, service_notice: `Срок ответа — ${r.deadline_days} раб. дн.`, requested_datetime: r.created_at, updated_datetime: r.updated_at,
    expected_datetime: r.due_at, address: r.address, address_id: null, zipcode: null, lat: r.lat, long: r.long, media_url: media[0] ? `${baseUrl}/api/media/${media[0]}` : null,
  };
}

/** Parses a form body into a map where repeated fields become arrays. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function open311Operations(store: Store, options: DomainOptions, auth: Authenticator) {
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined;
  return {
    services: async () => {
      const rows = await store.services.list({}, 0, 1000);
      return rows.map((s) => ({ service_code: s.code, service_name: s.name, description: s.description, metadata: parseJson<unknown[]>(s.attributes, []).length > 0, type: 'realtime', keywords: parseJson<string[]>(s.keywords, []).join(','), group: s.grp }));
    },
    service: async (code: string) => {
      const s = await store.services.get(code);
      if (!s) throw new Open311Error(404, `service_code ${code} не найден`);
      return {
        service_code: s.code,
        attributes: parseJson<Schemas['ServiceAttribute'][]>(s.attributes, []).map((a) => ({
          variable: a.variable, code: a.code, datatype: a.datatype, required: a.required, datatype_description: a.datatypeDescription ?? null, order: a.order, description: a.description,
          ...(a.values ? { values: a.values } : {}),
        })),
      };
    },
    requests: async (q: Record<string, unknown>, now: Date, baseUrl: string) => {
      const filter: Parameters<Store['complaints']['list']>[0] = {};
      const ids = typeof q.service_request_id === 'string' ? q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      if (ids) filter.ids = ids;
      if (typeof q.service_code === 'string') filter.serviceCode = q.service_code;
      if (typeof q.status === 'string') {
        const wanted = new Set(q.status.split(','));
        if (!(wanted.has('open') && wanted.has('closed'))) filter.statuses = wanted.has('closed') ? ['closed', 'rejected'] : ['submitted', 'in_progress', 'resolved', 'disputed'];
      }
      const date = (name: 'start_date' | 'end_date') => {
        const text = q[name];
        if (typeof text !== 'string') return null;
        const at = calendarDateTime(text);
        if (!at) throw new Open311Error(400, `${name}: такой даты и времени нет в календаре`);
        return at;
      };
      const start = date('start_date');
      const end = date('end_date');
      if (start && end && start > end) throw new Open311Error(400, 'start_date позже end_date');
      // The spec's default window: the last 90 days, unless ids are asked for explicitly.
      if (start) filter.from = start.toISOString();
      else if (!ids) filter.from = new Date((end ?? now).getTime() - 90 * 86_400_000).toISOString();
      if (end) filter.to = end.toISOString();
      const rows = await store.complaints.list(filter, 0, 1000);
      const events = await store.complaints.events(rows.map((r) => r.id));
      return rows.map((r) => toRequest(r, events, baseUrl));
    },
    request: async (id: string, baseUrl: string) => {
      const r = await store.complaints.get(id);
      if (!r) throw new Open311Error(404, `service_request_id ${id} не найден`);
      return [toRequest(r, await store.complaints.events([id]), baseUrl)];
    },
    create: async (form: Record<string, string | string[]>, now: Date) => {
      const apiKey = one(form.api_key);
      if (!apiKey) throw new Open311Error(400, 'api_key: обязательный параметр');
      let identity;
      try { identity = await auth.verify(apiKey, now.getTime()); } catch { throw new Open311Error(403, 'api_key недействителен'); }
      const code = one(form.service_code);
      if (!code) throw new Open311Error(400, 'service_code: обязательный параметр');
      const service = await store.services.get(code);
      if (!service) throw new Open311Error(404, `service_code ${code} не найден`);
      const attrDefs = new Map(parseJson<Schemas['ServiceAttribute'][]>(service.attributes, []).map((a) => [a.code, a]));
      const attributes: Schemas['AttributeAnswers'] = {};
      for (const [key, value] of Object.entries(form)) {
        const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
        if (!m) continue;
        const code = m[1]!;
        const def = attrDefs.get(code);
        const values = Array.isArray(value) ? value : [value];
        if (def?.datatype === 'multivaluelist') attributes[code] = [...((attributes[code] as string[] | undefined) ?? []), ...values];
        else if (values.length > 1 || m[2] || code in attributes) throw new Open311Error(400, `attribute[${code}]: одно значение, поле передано несколько раз`);
        else if (def?.datatype === 'number') {
          if (!PLAIN_DECIMAL.test(values[0]!)) throw new Open311Error(400, `attribute[${code}]: ожидается десятичное число`);
          attributes[code] = Number(values[0]);
        } else attributes[code] = values[0]!;
      }
      const latS = one(form.lat);
      const longS = one(form.long);
      const address = one(form.address_string) ?? one(form.address_id);
      let location: Schemas['GeoPoint'] | undefined;
      if (latS !== undefined || longS !== undefined) {
        const lat = Number(latS);
        const long = Number(longS);
        if (latS === undefined || longS === undefined || !Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) throw new Open311Error(400, 'lat/long: нужны обе координаты в градусах');
        location = { lat, long };
      }
      if (!location && !address) throw new Open311Error(400, 'Укажите lat и long, address_string или address_id');
      const description = one(form.description) ?? '';
      if (textLength(description) < 10) throw new Open311Error(400, 'description: не короче 10 символов');
      // GeoReport takes an email or a phone without a name; a contact needs one, and the citizen is
      // known by the api_key: theirs stands in, rather than the way to answer them being dropped.
      const name = [one(form.first_name), one(form.last_name)].filter(Boolean).join(' ') || (one(form.email) || one(form.phone) ? identity.displayName : '');
      try {
        const { id } = await fileComplaint(store, options, identity, {
          serviceCode: code, description, address, location, attributes, mediaIds: [],
          ...(name ? { contact: { name, ...(one(form.email) ? { email: one(form.email)! } : {}), ...(one(form.phone) ? { phone: one(form.phone)! } : {}) } } : {}),
        }, now, { service: 'service_code', attributes: 'attribute', description: 'description', media: 'media_url', location: 'lat/long' });
        return [{ service_request_id: id, service_notice: `Срок ответа — ${service.deadline_days} раб. дн.`, account_id: identity.id }];
      } catch (e) {
        // Named as the form's fields, like the schema's errors: attribute/depth → attribute[depth].
        if (e instanceof Problem) throw new Open311Error(400, (e.errors ?? []).map((f) => `${f.pointer.replace(/^attribute\/(.+)$/, 'attribute[$1]')}: ${f.detail}`).join('; ') || e.message);
        throw e;
      }
    },
  };
}
