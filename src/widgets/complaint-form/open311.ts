/**
 * The Open311 GeoReport v2 flavour (`flavor="open311"`), loaded only when a page asks for it:
 * `services.json`, `services/{code}.json`, and a form-encoded `POST requests.json` with
 * `attribute[CODE]` and the citizen's token as `api_key`. Open311 errors are arrays of
 * `{ code, description }`; they become the same `ApiError`s the form shows for the Veche contract.
 */
import { ApiClient, type RequestOptions } from '../../core/api-client.js';
import type { TokenGetter } from '../../core/config.js';
import { ApiError, type Problem } from '../../core/problem.js';
import type { Category, ComplaintBackend, ComplaintCreate, Filed, ServiceAttribute } from './api.js';

interface Open311Service {
  service_code: string;
  service_name: string;
  description?: string | null;
  metadata: boolean;
  keywords?: string | null;
  group?: string | null;
}
interface Open311Error {
  code: number;
  description: string;
}
interface Open311Request {
  service_request_id: string;
  service_code: string;
  agency_responsible?: string | null;
  expected_datetime?: string | null;
}

/** `attribute[depth]: обязательное поле` → a field error on `attributes.depth`, like the contract's. */
function fromOpen311(error: ApiError): ApiError {
  let list: unknown;
  try {
    list = JSON.parse(String(error.problem?.title ?? ''));
  } catch {
    return error;
  }
  if (!Array.isArray(list) || !list.length) return error;
  const errors = (list as Open311Error[]).map(({ description }) => {
    const m = /^(?:attribute\[([\w-]+)\]|(\w+)):\s*(.*)$/.exec(description);
    const pointer = m ? (m[1] ? `/attributes/${m[1]}` : `/${m[2] === 'address_string' ? 'address' : m[2]}`) : undefined;
    return { ...(pointer ? { pointer } : {}), detail: m?.[3] ?? description };
  });
  const problem: Problem = { status: error.status, detail: (list[0] as Open311Error).description, errors };
  return new ApiError(error.kind, problem.detail!, error.status, problem, error.retryAfterMs);
}

/** An API client whose POSTs speak Open311's form encoding, so the core outbox can queue them. */
class Open311Client extends ApiClient {
  constructor(
    baseUrl: string,
    private readonly token?: TokenGetter,
  ) {
    super({ baseUrl, ...(token ? { getToken: token } : {}) });
  }

  override async get<T>(path: string, options?: RequestOptions): Promise<T> {
    try {
      return await super.get<T>(path, options);
    } catch (error) {
      throw error instanceof ApiError ? fromOpen311(error) : error;
    }
  }

  override async post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    const input = body as ComplaintCreate;
    const form = new URLSearchParams();
    const apiKey = await this.token?.();
    if (apiKey) form.set('api_key', apiKey);
    form.set('service_code', input.serviceCode);
    form.set('description', input.description);
    if (input.location) {
      form.set('lat', String(input.location.lat));
      form.set('long', String(input.location.long));
    }
    if (input.address) form.set('address_string', input.address);
    for (const [code, value] of Object.entries(input.attributes ?? {})) {
      if (Array.isArray(value)) value.forEach((v) => form.append(`attribute[${code}][]`, v));
      else form.set(`attribute[${code}]`, String(value));
    }
    try {
      return await super.post<T>(path, form, options);
    } catch (error) {
      throw error instanceof ApiError ? fromOpen311(error) : error;
    }
  }
}

export class Open311Backend implements ComplaintBackend {
  readonly submitPath = '/requests.json';
  readonly full = false;
  readonly client: ApiClient;

  constructor(baseUrl: string, token?: TokenGetter) {
    this.client = new Open311Client(baseUrl, token);
  }

  async services(signal: AbortSignal): Promise<Category[]> {
    const list = await this.client.get<Open311Service[]>('/services.json', { signal });
    return list.map((s) => ({
      code: s.service_code,
      name: s.service_name,
      description: s.description ?? '',
      group: s.group ?? '',
      keywords: (s.keywords ?? '').split(',').map((k) => k.trim()).filter(Boolean),
      descriptionMaxLength: 4000,
      maxMedia: 0,
      ...(s.metadata ? {} : { attributes: [] }),
    }));
  }

  async attributes(category: Category, signal?: AbortSignal): Promise<ServiceAttribute[]> {
    if (category.attributes) return category.attributes;
    const definition = await this.client.get<{ attributes: Array<ServiceAttribute & { datatype_description?: string | null }> }>(
      `/services/${encodeURIComponent(category.code)}.json`,
      signal ? { signal } : {},
    );
    return definition.attributes.map(({ datatype_description, ...a }) => ({
      ...a,
      ...(datatype_description ? { datatypeDescription: datatype_description } : {}),
    }));
  }

  /** Open311 answers with an id only; the request itself tells the agency and the expected date. */
  async filed(result: unknown, body: ComplaintCreate): Promise<Filed> {
    const id = (result as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const filed: Filed = { id, trackingNumber: id, service: body.serviceCode };
    try {
      const [request] = await this.client.get<Open311Request[]>(`/requests/${encodeURIComponent(id)}.json`);
      if (request?.agency_responsible) filed.agency = request.agency_responsible;
      if (request?.expected_datetime) filed.dueAt = request.expected_datetime;
    } catch {
      // The complaint is filed; the details are a nicety.
    }
    return filed;
  }
}
