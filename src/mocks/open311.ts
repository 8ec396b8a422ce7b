/**
 * The Open311 GeoReport v2 face (api/open311.yaml) over the same in-memory complaints. Filing goes
 * through the contract's createComplaint operation, so both faces apply one set of rules.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { components } from './open311-schema';
import type { MockComplaint, MockDb } from './db';
import { createComplaint } from './handlers';
import { contractSchemas } from './contract.gen';
import { identify, MockProblem, type OperationContext } from './http';
import { DECIMAL, validate } from './validate';

type O = components['schemas'];
const DAY = 86_400_000;

/** A pointer into the JSON API's ComplaintCreate → the Open311 form field it came from. */
function open311Field(pointer: string): string {
  const [, top, sub] = pointer.split('/');
  if (top === 'attributes') return `attribute[${sub}]`;
  if (top === 'location') return sub ?? 'lat';
  if (top === 'address') return 'address_string';
  if (top === 'contact') return sub === 'name' ? 'first_name' : sub ?? 'first_name';
  return top ?? 'тело';
}

const errors = (status: number, description: string) =>
  HttpResponse.json([{ code: status, description }] satisfies O['Open311Errors'], { status });

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
  return [
    http.get(`${base}/services.json`, async () => {
      await wait();
      return HttpResponse.json(db.region.services.map((s): O['Open311Service'] => ({
        service_code: s.code, service_name: s.name, description: s.description, metadata: s.attributes.length > 0,
        type: 'realtime', keywords: s.keywords.join(','), group: s.group,
      })));
    }),
    http.get(`${base}/services/:file`, async ({ params }) => {
      await wait();
      const code = String(params.file).replace(/\.json$/, '');
      const s = db.service(code);
      if (!String(params.file).endsWith('.json') || !s) return errors(404, `service_code ${code}: нет такой услуги`);
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
    http.get(`${base}/requests.json`, async ({ request }) => {
      await wait();
      const url = new URL(request.url);
      const q = (name: string) => url.searchParams.get(name);
      const ids = q('service_request_id')?.split(',').map((s) => s.trim()).filter(Boolean);
      const statuses = q('status')?.split(',');
      if (statuses && !statuses.every((s) => s === 'open' || s === 'closed')) return errors(400, 'status: open, closed или open,closed');
      const start = q('start_date') ? Date.parse(q('start_date')!) : db.now().getTime() - 90 * DAY;
      const end = q('end_date') ? Date.parse(q('end_date')!) : Infinity;
      if (Number.isNaN(start) || Number.isNaN(end)) return errors(400, 'start_date/end_date: ожидается дата ISO 8601');
      const list = db.complaints
        .map((c) => request311(db, c, apiBase))
        .filter((r) => ids ? ids.includes(r.service_request_id) : Date.parse(r.requested_datetime) >= start && Date.parse(r.requested_datetime) <= end)
        .filter((r) => (!q('service_code') || r.service_code === q('service_code')) && (!statuses || statuses.includes(r.status)))
        .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime))
        .slice(0, 1000);
      return HttpResponse.json(list);
    }),
    http.post(`${base}/requests.json`, async ({ request }) => {
      await wait();
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) return errors(415, 'Ожидается application/x-www-form-urlencoded');
      const form = new URLSearchParams(await request.text());
      const field = (name: string) => form.get(name) ?? undefined;
      const apiKey = field('api_key');
      if (!apiKey) return errors(400, 'api_key: обязательный параметр');
      let who;
      try { who = identify(db, new Request(request.url, { headers: { authorization: `Bearer ${apiKey}` } })); } catch { who = null; }
      if (!who) return errors(403, 'api_key: неверный ключ');
      const code = field('service_code');
      if (!code) return errors(400, 'service_code: обязательный параметр');
      const service = db.service(code);
      if (!service) return errors(404, `service_code ${code}: нет такой услуги`);
      const lat = field('lat');
      const long = field('long');
      for (const [name, value] of [['lat', lat], ['long', long]] as const) if (value !== undefined && !DECIMAL.test(value)) return errors(400, `${name}: ожидается десятичное число`);
      const address = field('address_string') ?? field('address_id');
      if (!(lat && long) && !address) return errors(400, 'нужно указать lat и long или address_string');
      const attributes: Record<string, string | number | string[]> = {};
      for (const [key, value] of form) {
        const m = /^attribute\[([a-z0-9_-]+)\](\[\])?$/.exec(key);
        if (!m) continue;
        const code = m[1]!;
        const attr = service.attributes.find((a) => a.code === code);
        if (attr?.datatype === 'multivaluelist') attributes[code] = [...((attributes[code] as string[] | undefined) ?? []), value];
        else if (m[2] || code in attributes) return errors(400, `attribute[${code}]: одно значение, поле передано несколько раз`);
        else if (attr?.datatype === 'number' && !DECIMAL.test(value)) return errors(400, `attribute[${code}]: ожидается десятичное число`);
        else attributes[code] = attr?.datatype === 'number' ? Number(value) : value;
      }
      const body = {
        serviceCode: code, description: field('description') ?? service.name, consent: true, attributes,
        ...(lat && long ? { location: { lat: Number(lat), long: Number(long) } } : {}),
        ...(address ? { address } : {}),
        ...(field('first_name') || field('last_name')
          ? { contact: { name: [field('first_name'), field('last_name')].filter(Boolean).join(' '), ...(field('email') ? { email: field('email') } : {}), ...(field('phone') ? { phone: field('phone') } : {}) } }
          : {}),
      };
      // The form files through the JSON API's operation, so it keeps that body's limits.
      const invalid = validate(contractSchemas.ComplaintCreate!, body)[0];
      if (invalid) return errors(400, `${open311Field(invalid.pointer)}: ${invalid.detail}`);
      const ctx = { db, request, base: apiBase, params: {}, query: {}, body, raw: null, who, signedIn: () => who } satisfies OperationContext;
      try {
        const result = await createComplaint(ctx);
        const created = (result.body as { complaint: { id: string } }).complaint;
        return HttpResponse.json([{ service_request_id: created.id, service_notice: null, account_id: null }] satisfies O['Open311Created'][], { status: 201 });
      } catch (error) {
        if (!(error instanceof MockProblem)) throw error;
        const first = error.extra.errors?.[0];
        return errors(error.status === 422 ? 400 : error.status, first ? `${first.pointer.replace(/^\/attributes\//, 'attribute[').replace(/^(attribute\[.*)$/, '$1]')}: ${first.detail}` : error.message);
      }
    }),
    http.get(`${base}/requests/:file`, async ({ params }) => {
      await wait();
      const id = String(params.file).replace(/\.json$/, '');
      const c = db.complaints.find((x) => x.id === id);
      if (!String(params.file).endsWith('.json') || !c) return errors(404, `service_request_id ${id}: не найдено`);
      return HttpResponse.json([request311(db, c, apiBase)]);
    }),
  ];
}
