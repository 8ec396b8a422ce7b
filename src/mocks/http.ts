/**
 * The HTTP conventions of the contract, done once for every mocked operation: bearer identity,
 * parameter and body validation against the contract's own schemas, problem documents,
 * Idempotency-Key replay, cursor pagination and artificial latency.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { contractOperations } from './contract.gen';
import { coerceParam, validate, type OperationSpec } from './validate';
import type { MockDb, MockIdentity, S } from './db';
import { loneSurrogates } from './formats';

export const MOCK_TOKEN_PREFIX = 'mock:';
export const problemType = (slug: string) => `https://veche.dev/problems/${slug}`;

const TITLES: Record<string, string> = {
  validation: 'Запрос не соответствует контракту', 'malformed-json': 'Тело запроса — не корректный JSON', unauthorized: 'Нужно войти',
  forbidden: 'Недостаточно прав', 'not-found': 'Не найдено', 'already-voted': 'Вы уже проголосовали', 'poll-not-open': 'Голосование сейчас не идёт',
  'invalid-answers': 'Ответы не подходят к вопросам', 'already-supported': 'Вы уже поддержали', 'already-rated': 'Оценка уже поставлена',
  'not-eligible': 'Оценить нельзя', 'insufficient-points': 'Недостаточно баллов', 'out-of-stock': 'Награда закончилась', 'invalid-amount': 'Неверная сумма',
  'invalid-transition': 'Такой переход статуса невозможен', 'not-confirmable': 'Подтвердить сейчас нельзя', 'not-crowdfunded': 'Идея не собирает средства',
  'idempotency-key-reused': 'Ключ идемпотентности уже использован с другим запросом', 'idempotency-in-flight': 'Такой же запрос ещё выполняется',
  'payload-too-large': 'Слишком большой запрос', 'unsupported-media-type': 'Неподдерживаемый тип содержимого', 'rate-limited': 'Слишком много запросов',
  unavailable: 'Сервис временно недоступен', internal: 'Внутренняя ошибка сервера',
};

/** Thrown by an operation; becomes an `application/problem+json` response. */
export class MockProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    detail?: string,
    readonly extra: { errors?: S['FieldError'][]; headers?: Record<string, string>; [member: string]: unknown } = {},
  ) {
    super(detail ?? TITLES[slug] ?? slug);
  }
}

export function problemBody(status: number, slug: string, detail: string | undefined, instance: string, extra: Record<string, unknown> = {}): S['Problem'] {
  const { headers: _ignored, errors, ...members } = extra as { headers?: unknown; errors?: S['FieldError'][] };
  const body: S['Problem'] = { type: problemType(slug), title: TITLES[slug] ?? slug, status, detail: detail ?? TITLES[slug] ?? slug, instance, ...members };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

export function problemResponse(status: number, slug: string, detail?: string, options: { instance?: string; headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): HttpResponse<string> {
  const body = problemBody(status, slug, detail, options.instance ?? '', options.extra);
  return new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...options.headers } });
}

export interface OperationContext {
  db: MockDb;
  request: Request;
  /** the API base URL these handlers serve (for media URLs) */
  base: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  raw: Uint8Array | null;
  who: MockIdentity | null;
  /** the caller, or a 401 problem */
  signedIn(): MockIdentity;
}
export interface OperationResult { status: number; body?: unknown; headers?: Record<string, string>; bytes?: { data: Uint8Array; contentType: string } }
export type Operation = (ctx: OperationContext) => OperationResult | Promise<OperationResult>;

export const ok = (body: unknown, status = 200): OperationResult => ({ status, body });

// ------------------------------------------------------------------ pagination

const encode = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const decode = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

/** One page of `items` by the opaque `cursor`/`limit` of the query (offsets inside, like the server). */
export function paginate<T>(items: T[], query: Record<string, unknown>): { items: T[]; nextCursor: string | null } {
  const limit = typeof query.limit === 'number' ? query.limit : 20;
  let offset = 0;
  if (typeof query.cursor === 'string') {
    let match: RegExpExecArray | null;
    try { match = /^o(\d{1,9})$/.exec(decode(query.cursor)); } catch { match = null; }
    if (!match) throw new MockProblem(400, 'validation', 'Неверный курсор', { errors: [{ pointer: '/query/cursor', detail: 'курсор не распознан', code: 'cursor' }] });
    offset = Number(match[1]);
  }
  const slice = items.slice(offset, offset + limit);
  return { items: slice, nextCursor: offset + limit < items.length ? encode(`o${offset + limit}`) : null };
}

// ------------------------------------------------------------------ identity

/**
 * Operations open to anonymous callers that still refuse a credential that fails verification
 * (401), as the server's CREDENTIAL_CHECKING_OPERATIONS: GET /session is where a widget learns that
 * its token went stale. Every other operation open to anonymous callers serves such a caller as
 * anonymous; those that need a citizen answer 401.
 */
const CREDENTIAL_CHECKING_OPERATIONS = new Set(['getSession']);

/** `Authorization: Bearer mock:<citizenId>` → that citizen; no header → anonymous; anything else → 401. */
export function identify(db: MockDb, request: Request): MockIdentity | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer mock:([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/.exec(header.trim());
  if (!match) throw new MockProblem(401, 'unauthorized', 'Токен не распознан (в моках: Bearer mock:<id>)');
  return db.identity(match[1]!);
}

// ------------------------------------------------------------------ idempotency

interface StoredResponse { hash: string; state: 'pending' | 'done'; status?: number; body?: string; headers?: Record<string, string> }

async function digest(text: string): Promise<string> {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ------------------------------------------------------------------ the route builder

export interface RouteOptions { db: MockDb; base: string; latencyMs: number; idempotency: Map<string, StoredResponse> }

const toResponse = (result: OperationResult): HttpResponse<string | ArrayBuffer> => {
  if (result.bytes) {
    const copy = result.bytes.data.slice().buffer as ArrayBuffer;
    return new HttpResponse(copy, { status: result.status, headers: { 'Content-Type': result.bytes.contentType, ...result.headers } });
  }
  if (result.body === undefined) return new HttpResponse(null, { status: result.status, headers: result.headers ?? {} });
  return new HttpResponse(JSON.stringify(result.body), { status: result.status, headers: { 'Content-Type': 'application/json', ...result.headers } });
};

/** The operation's parameters checked against their schemas: the query's values, or a 400 problem listing every bad one. */
export function checkParams(spec: OperationSpec, request: Request, params: Record<string, string>): Record<string, unknown> {
  const url = new URL(request.url);
  const query: Record<string, unknown> = {};
  const errors: S['FieldError'][] = [];
  for (const p of spec.params) {
    if (p.in === 'cookie') continue;
    // A repeated query parameter is a list, as the server's query parser reads it: a single-valued
    // parameter refuses it rather than taking the first value.
    const values = p.in === 'query' ? url.searchParams.getAll(p.name) : [];
    const raw = p.in === 'path' ? params[p.name] : p.in === 'query' ? (values.length > 1 ? values : values[0]) : request.headers.get(p.name);
    const pointer = `/${p.in}/${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
    if (raw === null || raw === undefined) {
      if (p.required) errors.push({ pointer, detail: 'обязательный параметр', code: 'required' });
      continue;
    }
    const value = p.in === 'header' || Array.isArray(raw) ? raw : coerceParam(p.schema, raw);
    errors.push(...validate(p.schema, value, pointer));
    if (p.in === 'query') query[p.name] = value;
  }
  if (errors.length) throw new MockProblem(400, 'validation', `Параметр ${errors[0]!.pointer}: ${errors[0]!.detail}`, { errors });
  return query;
}

async function readBody(spec: OperationSpec, request: Request): Promise<{ body: unknown; raw: Uint8Array | null; text: string }> {
  if (spec.bodyTypes.length === 0) return { body: undefined, raw: null, text: '' };
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (!spec.bodyTypes.includes('application/json')) {
    if (bytes.byteLength === 0 && spec.bodyRequired) throw new MockProblem(400, 'validation', 'Нет тела запроса', { errors: [{ pointer: '/', detail: 'обязательное тело', code: 'required' }] });
    return { body: undefined, raw: bytes, text: Array.from(bytes.slice(0, 4096), (b) => b.toString(16)).join('') + String(bytes.byteLength) };
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') {
    if (spec.bodyRequired) throw new MockProblem(400, 'validation', 'Нет тела запроса', { errors: [{ pointer: '/', detail: 'обязательное тело', code: 'required' }] });
    return { body: undefined, raw: null, text };
  }
  if (contentType !== 'application/json' && !contentType.endsWith('+json')) throw new MockProblem(415, 'unsupported-media-type', 'Ожидается application/json');
  let body: unknown;
  try { body = JSON.parse(text); } catch { throw new MockProblem(400, 'malformed-json', 'Тело запроса — не корректный JSON'); }
  if (spec.body) {
    // As the server: the schema's errors, then any lone surrogate in a string or member name.
    const errors = loneSurrogates(body, '', validate(spec.body, body));
    if (errors.length) throw new MockProblem(400, 'validation', `Поле ${errors[0]!.pointer}: ${errors[0]!.detail}`, { errors });
  }
  return { body, raw: null, text };
}

/** One MSW handler for one contract operation; `operationId` decides method, path, validation and auth. */
export function route(operationId: string, operation: Operation, options: RouteOptions): RequestHandler {
  const spec = contractOperations[operationId];
  if (!spec) throw new Error(`mocks: ${operationId} is not in api/openapi.yaml`);
  const path = options.base + spec.path.replace(/\{([^}]+)\}/g, ':$1');
  const method = spec.method.toLowerCase() as 'get' | 'post' | 'delete' | 'put' | 'patch';
  return http[method](path, async ({ request, params }) => {
    if (options.latencyMs > 0) await delay(options.latencyMs);
    const instance = new URL(request.url).pathname;
    try {
      let who: MockIdentity | null;
      try {
        who = identify(options.db, request);
      } catch (error) {
        // A credential that fails verification leaves the caller anonymous where anonymous callers are served.
        if (!(error instanceof MockProblem) || spec.authRequired || CREDENTIAL_CHECKING_OPERATIONS.has(operationId)) throw error;
        who = null;
      }
      if (spec.authRequired && !who) throw new MockProblem(401, 'unauthorized', 'Для этого действия нужно войти');
      if (spec.roles && who && !spec.roles.some((r) => who.roles.includes(r as S['Role']))) throw new MockProblem(403, 'forbidden', `Нужна роль: ${spec.roles.join(', ')}`);
      const query = checkParams(spec, request, params as Record<string, string>);
      const { body, raw, text } = await readBody(spec, request);
      const ctx: OperationContext = {
        db: options.db, request, base: options.base, params: params as Record<string, string>, query, body, raw, who,
        signedIn: () => { if (!who) throw new MockProblem(401, 'unauthorized', 'Для этого действия нужно войти'); return who; },
      };
      const key = request.headers.get('idempotency-key');
      const idempotent = key !== null && spec.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
      if (!idempotent) return toResponse(await run(operation, ctx, instance));

      const scope = `${who?.id ?? 'anonymous'}|${key}`;
      const hash = await digest(`${spec.method} ${instance}\n${text}`);
      const stored = options.idempotency.get(scope);
      if (stored) {
        if (stored.hash !== hash) throw new MockProblem(422, 'idempotency-key-reused', 'Этот Idempotency-Key уже использован с другим запросом');
        if (stored.state === 'pending') throw new MockProblem(409, 'idempotency-in-flight', 'Такой же запрос ещё выполняется', { headers: { 'Retry-After': '1' }, retryAfter: 1 });
        return new HttpResponse(stored.body ?? null, { status: stored.status!, headers: { ...stored.headers, 'Idempotency-Replayed': 'true' } });
      }
      options.idempotency.set(scope, { hash, state: 'pending' });
      const response = toResponse(await run(operation, ctx, instance).catch((e: unknown) => { options.idempotency.delete(scope); throw e; }));
      if (response.status >= 500) {
        options.idempotency.delete(scope);
        return response;
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => { headers[name] = value; });
      options.idempotency.set(scope, { hash, state: 'done', status: response.status, body: await response.clone().text(), headers });
      return response;
    } catch (error) {
      if (error instanceof MockProblem) return problemResponse(error.status, error.slug, error.message, { instance, headers: error.extra.headers, extra: error.extra });
      console.error('[veche mocks]', error);
      return problemResponse(500, 'internal', 'Ошибка в моках', { instance });
    }
  });
}

/** Problems thrown inside an operation become responses there, so idempotency can store them. */
async function run(operation: Operation, ctx: OperationContext, instance: string): Promise<OperationResult> {
  try {
    return await operation(ctx);
  } catch (error) {
    if (!(error instanceof MockProblem)) throw error;
    return {
      status: error.status,
      body: problemBody(error.status, error.slug, error.message, instance, error.extra),
      headers: { 'Content-Type': 'application/problem+json', ...error.extra.headers },
    };
  }
}
