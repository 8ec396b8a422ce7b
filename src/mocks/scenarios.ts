/**
 * Named handler sets for the states a designer needs. Each returns handlers to put IN FRONT of a
 * backend's (`[...scenarios.slow(), ...backend.handlers]`); a scenario handler that returns nothing
 * lets the request continue to the backend.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { contractOperations } from './contract.gen';
import { MOCK_API } from './constants';
import { problemResponse } from './http';

const ops = Object.values(contractOperations);
const pattern = (base: string, path: string) => base + path.replace(/\{([^}]+)\}/g, ':$1');
const on = (base: string, test: (op: (typeof ops)[number]) => boolean, respond: (op: (typeof ops)[number], request: Request) => Response | undefined | Promise<Response | undefined>): RequestHandler[] =>
  ops.filter(test).map((op) => http[op.method.toLowerCase() as 'get'](pattern(base, op.path), ({ request }) => respond(op, request)));
const instance = (request: Request) => new URL(request.url).pathname;

export const scenarios = {
  /** Every list is empty (no polls, no ideas, an empty ledger…). */
  empty: (base = MOCK_API): RequestHandler[] =>
    on(base, (op) => op.params.some((p) => p.name === 'cursor'), (op) =>
      HttpResponse.json(op.path === '/ideas' ? { items: [], nextCursor: null, total: 0 } : { items: [], nextCursor: null })),
  /** Every response comes late (default 2.5 s) — skeletons and reserved space. */
  slow: (base = MOCK_API, ms = 2500): RequestHandler[] => [http.all(`${base}/*`, async () => { await delay(ms); })],
  /** Requests never answer — the loading state, frozen. */
  loading: (base = MOCK_API): RequestHandler[] => [http.all(`${base}/*`, async () => { await delay('infinite'); })],
  /** 500 problem documents everywhere. */
  serverError: (base = MOCK_API): RequestHandler[] => [http.all(`${base}/*`, ({ request }) => problemResponse(500, 'internal', 'Внутренняя ошибка сервера', { instance: instance(request) }))],
  /** 503 with Retry-After — maintenance or overload. */
  unavailable: (base = MOCK_API, retryAfter = 30): RequestHandler[] => [http.all(`${base}/*`, ({ request }) => problemResponse(503, 'unavailable', 'Сервис временно недоступен', { instance: instance(request), headers: { 'Retry-After': String(retryAfter) }, extra: { retryAfter } }))],
  /** The network fails (fetch rejects), as when the citizen goes offline. */
  offline: (base = MOCK_API): RequestHandler[] => [http.all(`${base}/*`, () => HttpResponse.error())],
  /** Whatever token the page has, the backend does not accept it: actions needing identity get 401. */
  signedOut: (base = MOCK_API): RequestHandler[] =>
    on(base, (op) => op.authRequired, (_op, request) => problemResponse(401, 'unauthorized', 'Для этого действия нужно войти', { instance: instance(request) })),
  /** 429 with Retry-After on every request. */
  rateLimited: (base = MOCK_API, retryAfter = 30): RequestHandler[] => [http.all(`${base}/*`, ({ request }) => problemResponse(429, 'rate-limited', 'Слишком много запросов, попробуйте позже', { instance: instance(request), headers: { 'Retry-After': String(retryAfter) }, extra: { retryAfter } }))],
  /** Every single resource (a poll, a complaint, an idea…) is missing. */
  notFound: (base = MOCK_API): RequestHandler[] =>
    on(base, (op) => op.method === 'GET' && op.params.some((p) => p.in === 'path'), (_op, request) => problemResponse(404, 'not-found', 'Не найдено', { instance: instance(request) })),
  /** Voting answers 409 already-voted, whatever the poll. */
  alreadyVoted: (base = MOCK_API): RequestHandler[] => [http.post(`${base}/polls/:id/votes`, ({ request }) => problemResponse(409, 'already-voted', 'Вы уже проголосовали в этом опросе', { instance: instance(request) }))],
  /** Spending points answers 422 insufficient-points. */
  insufficientPoints: (base = MOCK_API, missing = 120): RequestHandler[] =>
    ['/redemptions', '/donations', '/ideas/:id/pledges'].map((path) => http.post(`${base}${path}`, ({ request }) => problemResponse(422, 'insufficient-points', `Не хватает ${missing} баллов`, { instance: instance(request), extra: { missing } }))),
};
