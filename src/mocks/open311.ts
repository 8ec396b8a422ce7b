/**
 * The Open311 GeoReport v2 face (api/open311.yaml) over the same in-memory complaints, checked in
 * the reference server's order (server/app.ts, server/open311.ts): parameters and the raw form
 * against the contract first, then the api_key, the service and the filing rules. Filing goes
 * through the contract's createComplaint operation, so both faces apply one set of rules.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { components } from './open311-schema';
import type { MockComplaint, MockDb, S } from './db';
import { createComplaint } from './handlers';
import { contractSchemas, open311Operations } from './contract.gen';
import { checkParams, identify, MockProblem, type OperationContext } from './http';
import { calendarDateTime, PLAIN_DECIMAL, textLength } from './formats';
import { validate, type FieldError } from './validate';

type O = components['schemas'];
const DAY = 86_400_000;

const errors = (status: number, description: string) =>
  HttpResponse.json([{ code: status, description }] satisfies O['Open311Errors'], { status });

/** Field errors as one Open311 description, the first error per field, joined as the server joins them: `api_key: …; lat: …`. */
function describe(list: FieldError[], field: (pointer: string) => string): string {
  const firsts = list.filter((e, i) => list.findIndex((other) => other.pointer === e.pointer) === i);
  return firsts.map((e) => `${field(e.pointer)}: ${e.detail}`).join('; ');
}

/** A pointer into the JSON API's ComplaintCreate → the Open311 form field it came from. */
function open311Field(pointer: string): string {
  const [, top, sub] = pointer.split('/');
  return top === 'attributes' ? `attribute[${sub}]` : top || 'тело';
}

/** A form body as the server's parser reads it: a repeated field becomes a list (which the schema refuses, except for attributes). */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function request311(db: MockDb, c: MockComplaint, base: string): O['Open311Request'] {
  const service = db.service(c.serviceCode)!;
  const closed = c.status === 'closed' || c.status === 'rejected';
  const photo = db.complaintMedia.get(c.id)?.citizen[0];
  return {
    service_request_id: c.id, status: closed ? 'closed' : 'open',
    status_notes: c.answer ? `${c.status}: ${c.answer.text}` : c.status,
    service_name: service.name, service_code: service.code, description: c.description,
    agency_responsible: service.agency.name, service_notice: null,
    requested_datetime: c.createdAt, updated_datetime: c.history[c.history.length - 1]!.at,
    expected_datetime: db.dueAt(c).toISOString(),
    address: c.address, address_id: null, zipcode: null, lat: c.location?.lat ?? null, long: c.location?.long ?? null,
    media_url: photo ? `${base}/media/${photo}` : null,
  };
}

export function open311Handlers(options: { db: MockDb; base: string; apiBase: string; latencyMs: number }): RequestHandler[] {
  const { db, base, apiBase } = options;
  const wait = () => (options.latencyMs > 0 ? delay(options.latencyMs) : Promise.resolve());
  /**
   * A GET of the contract: its parameters are checked before anything else, as on the server, and
   * a 400 names every bad one. A `:file` segment in `path` stands for the contract's `{id}.json`.
   */
  const get = (path: string, operationId: string, answer: (query: Record<string, unknown>, id: string) => Response) =>
    http.get(`${base}${path}`, async ({ request, params }) => {
      await wait();
      const spec = open311Operations[operationId]!;
      const file = typeof params.file === 'string' ? params.file : '';
      if (params.file !== undefined && !file.endsWith('.json')) return errors(404, 'Нет такого ресурса Open311');
      const id = file.replace(/\.json$/, '');
      const pathParam = spec.params.find((p) => p.in === 'path');
      let query: Record<string, unknown>;
      try {
        query = checkParams(spec, request, pathParam ? { [pathParam.name]: id } : {});
      } catch (error) {
        if (!(error instanceof MockProblem)) throw error;
        return errors(400, describe(error.extra.errors ?? [], (pointer) => pointer.replace(/^\/(query|path)\//, '')));
      }
      return answer(query, id);
    });
  return [
    get('/services.json', 'open311ListServices', () =>
      HttpResponse.json(db.region.services.map((s): O['Open311Service'] => ({
        service_code: s.code, service_name: s.name, description: s.description, metadata: s.attributes.length > 0,
        type: 'realtime', keywords: s.keywords.join(','), group: s.group,
      })))),
    get('/services/:file', 'open311GetServiceDefinition', (_query, code) => {
      const s = db.service(code);
      if (!s) return errors(404, `service_code ${code}: нет такой услуги`);
      const definition: O['Open311ServiceDefinition'] = {
        service_code: s.code,
        attributes: s.attributes.map((a) => {
          const attr: O['Open311Attribute'] = { variable: a.variable, code: a.code, datatype: a.datatype, required: a.required, datatype_description: a.datatypeDescription ?? null, order: a.order, description: a.description };
          if (a.values) attr.values = a.values;
          return attr;
        }),
      };
      return HttpResponse.json(definition);
    }),
    get('/requests.json', 'open311ListRequests', (query) => {
      const ids = typeof query.service_request_id === 'string' ? query.service_request_id.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      // The format check lets through what the server's calendar refuses (a lower-case "t", say).
      const dates: Record<'start_date' | 'end_date', Date | null> = { start_date: null, end_date: null };
      for (const name of ['start_date', 'end_date'] as const) {
        if (typeof query[name] !== 'string') continue;
        dates[name] = calendarDateTime(query[name]);
        if (!dates[name]) return errors(400, `${name}: такой даты и времени нет в календаре`);
      }
      const { start_date: start, end_date: end } = dates;
      if (start && end && start > end) return errors(400, 'start_date позже end_date');
      // The spec's default window: the 90 days before end_date (or now), unless ids are asked for.
      const from = start ? start.getTime() : ids ? -Infinity : (end ?? db.now()).getTime() - 90 * DAY;
      const to = end ? end.getTime() : Infinity;
      const statuses = typeof query.status === 'string' ? query.status.split(',') : undefined;
      const list = db.complaints
        .map((c) => request311(db, c, apiBase))
        .filter((r) => (!ids || ids.includes(r.service_request_id)) && Date.parse(r.requested_datetime) >= from && Date.parse(r.requested_datetime) <= to)
        .filter((r) => (!query.service_code || r.service_code === query.service_code) && (!statuses || statuses.includes(r.status)))
        .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime))
        .slice(0, 1000);
      return HttpResponse.json(list);
    }),
    http.post(`${base}/requests.json`, async ({ request }) => {
      await wait();
      // GeoReport v2 posts forms; a JSON body would reach the form's checks with other types.
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) return errors(415, 'Ожидается application/x-www-form-urlencoded');
      const form = parseForm(await request.text());
      // The raw form meets the contract first: a malformed field is reported even with a wrong or
      // missing api_key, and an email or phone even when no name makes a contact of it.
      const invalid = validate(contractSchemas.Open311RequestCreate!, form);
      if (invalid.length) return errors(400, describe(invalid, (pointer) => pointer.slice(1) || 'тело'));
      // Past the schema, every declared field is sent at most once.
      const field = (name: string) => form[name] as string | undefined;
      let who;
      try { who = identify(db, new Request(request.url, { headers: { authorization: `Bearer ${field('api_key')}` } })); } catch { who = null; }
      if (!who) return errors(403, 'api_key: неверный ключ');
      const code = field('service_code')!;
      const service = db.service(code);
      if (!service) return errors(404, `service_code ${code}: нет такой услуги`);
      const attributes: S['AttributeAnswers'] = {};
      for (const [key, value] of Object.entries(form)) {
        // Any code the schema lets through is an answer, so one the service lacks is refused below.
        const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
        if (!m) continue;
        const code = m[1]!;
        const attr = service.attributes.find((a) => a.code === code);
        const values = Array.isArray(value) ? value : [value];
        if (attr?.datatype === 'multivaluelist') attributes[code] = [...((attributes[code] as string[] | undefined) ?? []), ...values];
        else if (values.length > 1 || m[2] || code in attributes) return errors(400, `attribute[${code}]: одно значение, поле передано несколько раз`);
        else if (attr?.datatype === 'number' && !PLAIN_DECIMAL.test(values[0]!)) return errors(400, `attribute[${code}]: ожидается десятичное число`);
        else attributes[code] = attr?.datatype === 'number' ? Number(values[0]) : values[0]!;
      }
      const lat = field('lat');
      const long = field('long');
      const address = field('address_string') ?? field('address_id');
      let location: S['GeoPoint'] | undefined;
      if (lat !== undefined || long !== undefined) {
        // Both or neither, even beside an address; the schema has made each a plain decimal.
        if (lat === undefined || long === undefined || Math.abs(Number(lat)) > 90 || Math.abs(Number(long)) > 180) return errors(400, 'lat/long: нужны обе координаты в градусах');
        location = { lat: Number(lat), long: Number(long) };
      }
      if (!location && !address) return errors(400, 'Укажите lat и long, address_string или address_id');
      const description = field('description') ?? '';
      if (textLength(description) < 10) return errors(400, 'description: не короче 10 символов');
      // A contact needs a name: with an email or a phone alone, the api_key's citizen's (as the server).
      const email = field('email');
      const phone = field('phone');
      const name = [field('first_name'), field('last_name')].filter(Boolean).join(' ') || (email || phone ? who.displayName : '');
      const body: S['ComplaintCreate'] = {
        serviceCode: code, description, consent: true, attributes,
        ...(location ? { location } : {}),
        ...(address ? { address } : {}),
        ...(name ? { contact: { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}) } } : {}),
      };
      const ctx = { db, request, base: apiBase, params: {}, query: {}, body, raw: null, who, signedIn: () => who } satisfies OperationContext;
      try {
        const result = await createComplaint(ctx);
        const created = (result.body as { complaint: { id: string } }).complaint;
        return HttpResponse.json([{ service_request_id: created.id, service_notice: null, account_id: null }] satisfies O['Open311Created'][], { status: 201 });
      } catch (error) {
        if (!(error instanceof MockProblem)) throw error;
        return errors(error.status === 422 ? 400 : error.status, error.extra.errors?.length ? describe(error.extra.errors, open311Field) : error.message);
      }
    }),
    get('/requests/:file', 'open311GetRequest', (_query, id) => {
      const c = db.complaints.find((x) => x.id === id);
      if (!c) return errors(404, `service_request_id ${id}: не найдено`);
      return HttpResponse.json([request311(db, c, apiBase)]);
    }),
  ];
}
