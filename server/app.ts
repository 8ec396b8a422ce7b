/**
 * The reference server: Fastify routes generated from the OpenAPI operations, each request checked
 * against the contract before its handler runs and each response checked before it leaves.
 */
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { createDemoRegion, defaultPointRules, type PointRules } from '../api/fixtures/demo-region';
import { Authenticator, SESSION_COOKIE, sessionCookie } from './auth';
import { agencyOperations } from './domain/agencies';
import { complaintOperations } from './domain/complaints';
import { IdempotencyConflict, type DomainOptions, type Identity, type OperationContext, type OperationHandler, type OperationResult } from './domain/context';
import { identityOperations } from './domain/identity';
import { ideaOperations, type IdeaOptions } from './domain/ideas';
import { mediaOperations } from './domain/media';
import { pollOperations } from './domain/polls';
import { serviceOperations } from './domain/services';
import { walletOperations } from './domain/wallet';
import { IdempotencyStore, isStalePending, requestHash } from './idempotency';
import { loadOpen311Contract, loadVecheContract, toFieldErrors, type CompiledOperation } from './openapi';
import { Open311Error, open311Operations, parseForm } from './open311';
import { Problem } from './problems';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { Checkpointer, defaultCheckpointOptions, type CheckpointOptions } from './store/checkpointer';
import { seedDemoRegion } from './store/seed';
import { createSqliteStore } from './store/sqlite';
import { VoteWriter, type VoteJob, type WriterMode } from './store/vote-writer';

export interface ServerOptions {
  dbFile: string;
  corsOrigins?: string[];
  jwtSecret?: string | null;
  jwksUrl?: string | null;
  demo?: boolean;
  rateLimit?: Partial<RateLimitOptions>;
  /** JSON body limit in bytes */
  bodyLimit?: number;
  /**
   * How long a request's headers may take to arrive, and how long its body may stop arriving, in
   * ms (default 30 000). A client that stalls is answered 408 and its connection closed, which
   * frees its Idempotency-Key. A body that keeps coming, however slowly (a photo over a poor
   * mobile connection), is never cut off.
   */
  requestTimeout?: number;
  mediaLimit?: number;
  pointRules?: Partial<PointRules>;
  ideas?: Partial<IdeaOptions>;
  confirmationDays?: number;
  /** Reject (500) responses that break the contract instead of sending them. On by default. */
  validateResponses?: boolean;
  logger?: boolean;
  trustProxy?: boolean;
  /** Where votes are written: 'thread' (a writer thread with its own connection) or 'inline' (default). See store/vote-writer.ts. */
  writer?: WriterMode;
  /** With the writer thread, WAL checkpoints run on a checkpointer thread (store/checkpointer.ts); these tune it. */
  checkpoints?: Partial<CheckpointOptions>;
}

interface StoredResponse { hash: string | null; status: number | null; body: string | null; headers: string | null }
interface IdemState {
  scope: string; key: string;
  /** scope + key, the entry in the process's in-flight set while this request owns it */
  slot: string;
  owned: boolean; done: boolean;
  /** the operation stores its response in its own transaction (no pending row in the database) */
  sealed: boolean;
  /** not looked up yet: the vote writer looks the key up in the vote's batch */
  unchecked: boolean;
  existing: StoredResponse | null;
}
/** A response already checked against the contract and serialised (and stored, for a sealed key). */
interface Finished { status: number; text: string; headers: Record<string, string> }
interface RequestState {
  op: CompiledOperation;
  /** the handler has started: an abort must not free the key while its outcome is being stored */
  handling?: boolean;
  /** the client went away while the handler ran: the key is freed when the handler ends */
  aborted?: boolean;
  identity: Identity | null;
  idem: IdemState | null;
  sealed?: { result: OperationResult; finished: Finished };
  /** the citizen row is left to the vote writer (written with the vote); written here if the vote never gets there */
  citizenToWriter?: boolean;
}
declare module 'fastify' {
  interface FastifyRequest {
    veche?: RequestState;
    /** The session cookie it sent failed verification: the response clears it. */
    staleSession?: boolean;
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * Operations that store their Idempotency-Key response inside their own transaction (ctx.seal).
 * Their keys are reserved in memory while in flight instead of by a pending row, which saves two
 * separate commits per request on the vote hot path.
 */
const SEALING_OPERATIONS = new Set(['castVote']);
/**
 * Operations open to anonymous callers that still refuse a credential that fails verification
 * (401). The contract says so of GET /session: it is where a widget learns that its token went
 * stale. Every other operation open to anonymous callers serves such a caller as anonymous.
 */
const CREDENTIAL_CHECKING_OPERATIONS = new Set(['getSession']);
/** The reference server is reached over plain HTTP on loopback in demo setups: no Secure flag. */
const SECURE_COOKIE = false;
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export interface RunningServer {
  app: FastifyInstance;
  /** The vote writer thread, when votes are written by one (tests stop it to check the fall-back). */
  readonly writer: VoteWriter | null;
  /** OS thread ids of the server's own threads (Linux; null where unknown), for per-thread CPU accounting. */
  threads(): { http: number; voteWriter: number | null; checkpointer: number | null };
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const store = createSqliteStore(options.dbFile);
  const demo = options.demo ?? false;
  const region = demo ? createDemoRegion({ now: new Date() }) : null;
  if (demo && (await store.isEmpty())) seedDemoRegion(store.db, new Date());
  // Demo mode without a configured secret still needs one to sign demo tokens; a random one makes
  // them valid for this process only, which is what a demo wants.
  const jwtSecret = options.jwtSecret ?? (demo ? randomBytes(32).toString('base64url') : null);
  const auth = new Authenticator({ jwtSecret, jwksUrl: options.jwksUrl ?? null });
  const domain: DomainOptions = { pointRules: { ...defaultPointRules, ...options.pointRules }, confirmationDays: options.confirmationDays ?? 14 };
  const ideas: IdeaOptions = { threshold: 500, pointValue: 1, matchFactor: 1, matchCap: 500_000, ...options.ideas };
  const limiter = new RateLimiter({ perIp: 3000, perCitizen: 600, windowMs: 60_000, ...options.rateLimit });
  const idempotency = new IdempotencyStore(store);
  const validateResponses = options.validateResponses ?? true;
  let closing = false;
  // An in-memory database cannot be shared with another connection: votes are then written inline.
  const threaded = options.writer === 'thread' && options.dbFile !== ':memory:';
  // With a writer thread, checkpoints leave the commits for a thread of their own (store/checkpointer.ts).
  let writer: VoteWriter | null = null;
  let checkpointer = threaded ? new Checkpointer(options.dbFile, { ...defaultCheckpointOptions, ...options.checkpoints }, (e) => {
    console.error('veche: the checkpointer thread stopped; commits checkpoint the WAL again', e);
    store.db.pragma('wal_autocheckpoint = 1000');
    writer?.autoCheckpoint();
  }) : null;
  if (checkpointer) {
    try {
      await checkpointer.start();
      store.db.pragma('wal_autocheckpoint = 0');
    } catch (e) {
      console.error('veche: the checkpointer thread did not start; commits checkpoint the WAL', e);
      checkpointer = null;
    }
  }
  writer = threaded ? new VoteWriter({ dbFile: options.dbFile, domain, validateResponses, checkpointSignal: checkpointer?.signal ?? null }) : null;
  if (writer) {
    try { await writer.start(); } catch (e) {
      console.error('veche: the vote writer thread did not start; votes are written inline', e);
      writer = null;
    }
  }

  const handlers: Record<string, OperationHandler> = {
    ...pollOperations(store, domain), ...serviceOperations(store), ...mediaOperations(store), ...complaintOperations(store, domain),
    ...ideaOperations(store, { ...domain, ideas }), ...agencyOperations(store, domain), ...walletOperations(store),
    ...identityOperations(store, auth, { enabled: demo, citizens: region?.citizens ?? [], secureCookie: SECURE_COOKIE }),
  };
  const contract = loadVecheContract();
  const open311Contract = loadOpen311Contract();
  const open311 = open311Operations(store, domain, auth);

  const requestTimeout = options.requestTimeout ?? 30_000;
  /**
   * Answers on the bare socket and closes it: for a request that never reached Fastify (malformed,
   * headers too large or too slow) or whose body never arrived, where there is no reply to send.
   */
  const answerOnSocket = (socket: Socket, problem: Problem) => {
    const body = JSON.stringify(problem.toBody(''));
    // Closed for good once written: the server allows half-open sockets, and a client that never
    // closes its side (the one a request timeout is for) would keep it.
    socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`, () => socket.destroy());
  };
  const app = Fastify({
    logger: options.logger ?? false, logController: new LogController({ disableRequestLogging: true }), bodyLimit: options.bodyLimit ?? 64 * 1024, trustProxy: options.trustProxy ?? false,
    forceCloseConnections: 'idle', return503OnClosing: false,
    // Fastify turns Node's request timeout off by default; Node's covers the headers (a body is timed
    // by the onRequest hook below). Node checks its deadlines only every connectionsCheckingInterval
    // (30 s by default, as long as the timeout itself), so the check runs a few times per timeout.
    requestTimeout,
    http: { connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(requestTimeout / 5))) },
    // Long enough that the contract's own checks answer an overlong id (a 400 naming /path/id)
    // instead of the router's bare 414.
    maxParamLength: 1000,
    // A path the router cannot decode (a stray "%") is the client's error, answered in the API's
    // own shape like every other one.
    frameworkErrors: (error, request, reply) => {
      const problem = new Problem(400, 'validation', 'Путь запроса не разобран', { errors: [{ pointer: '/path', detail: error.message, code: 'format' }] });
      return sendFailure(request, reply, problem);
    },
    // Errors before a request exists (headers too large, a malformed request line): Node would
    // answer them with an empty or framework-shaped body.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return socket.destroy(error);
      const code = (error as { code?: string }).code;
      const problem =
        code === 'HPE_HEADER_OVERFLOW' ? new Problem(431, 'payload-too-large', 'Заголовки запроса слишком велики')
        : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new Problem(408, 'validation', 'Запрос не пришёл целиком вовремя')
        : new Problem(400, 'validation', 'Запрос не разобран');
      answerOnSocket(socket as Socket, problem);
    },
  });
  // Node's request timeout stops at the end of the headers: a body that stops arriving would hold
  // its connection, and its Idempotency-Key in the in-flight set, for ever (every retry a 409).
  // While the body comes, the socket may be idle for requestTimeout at most (an idle timer, not a
  // deadline: a slow upload that keeps sending is fine); then the client is answered 408 while
  // nothing has been sent, and the connection is closed, which aborts the request and frees its key
  // (onRequestAbort). Node emits an idle socket's timeout on its incomplete request, and does not
  // destroy the socket itself when the request has a listener.
  app.addHook('onRequest', (request, reply, done) => {
    const req = request.raw;
    if (!req.complete) {
      req.setTimeout(requestTimeout, () => {
        if (reply.raw.headersSent) req.socket.destroy();
        else answerOnSocket(req.socket, new Problem(408, 'validation', 'Тело запроса перестало приходить'));
      });
      // Once the body is in, a long handler is not an idle client.
      req.once('end', () => req.socket?.setTimeout(0));
    }
    done();
  });
  // `Expect: 100-continue` is answered only once the request is admitted (signed in, allowed, its
  // Idempotency-Key reserved), so a client holding a large body learns of a 401/409/413 before
  // sending it — and knows, when the 100 arrives, that its key is taken.
  app.server.on('checkContinue', (req, res) => {
    if (!req.url?.startsWith('/api/')) res.writeContinue();
    app.server.emit('request', req, res);
  });
  // Any other expectation cannot be met (RFC 9110: 417). Node answers it with an empty body; here it
  // is a problem document like every other refusal.
  app.server.on('checkExpectation', (req, res) => {
    const body = JSON.stringify(new Problem(417, 'validation', `Ожидание «${req.headers.expect}» не поддерживается`).toBody(req.url?.split('?')[0] ?? ''));
    res.writeHead(417, { 'content-type': PROBLEM_TYPE, 'content-length': Buffer.byteLength(body) }).end(body);
  });
  const continueIfExpected = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.expect?.toLowerCase() !== '100-continue' || reply.raw.headersSent) return;
    // The body's size is announced: a body over the limit is refused now, not after it was sent.
    if (Number(request.headers['content-length']) > request.routeOptions.bodyLimit) throw new Problem(413, 'payload-too-large', 'Тело запроса больше допустимого');
    reply.raw.writeContinue();
  };
  /** Idempotency keys whose request is being handled by this process. */
  const inflight = new Set<string>();
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parseForm(String(body))));
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const allowed = new Set(options.corsOrigins);
    await app.register(cors, {
      origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)), credentials: true, methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'], exposedHeaders: ['Idempotency-Replayed', 'Retry-After', 'Location'], maxAge: 600,
      // An OPTIONS without Access-Control-Request-Method is not worth a text/plain 400.
      strictPreflight: false,
    });
  }

  const sendProblem = (reply: FastifyReply, problem: Problem, instance: string) => {
    for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
    return reply.code(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem.toBody(instance)));
  };
  /** Framework errors (body parsing, limits, content types) → problems; anything unknown is a 500 and logged. */
  const problemFromError = (error: unknown): Problem => {
    if (error instanceof Problem) return error;
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new Problem(413, 'payload-too-large', 'Тело запроса больше допустимого');
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new Problem(415, 'unsupported-media-type', 'Неподдерживаемый Content-Type');
    if (e.code?.startsWith('FST_ERR_CTP') || e.statusCode === 400) {
      return new Problem(400, 'malformed-json', e.message ? `Тело не разобрано: ${e.message}` : undefined, { errors: [{ pointer: '/', detail: 'тело запроса не разобрано', code: 'parse' }] });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new Problem(e.statusCode, e.statusCode === 404 ? 'not-found' : 'validation', e.message);
    app.log.error(error);
    return new Problem(500, 'internal', 'Внутренняя ошибка сервера');
  };

  /** Every route's path pattern and method, for the Allow header of a 405. */
  const routes: { pattern: RegExp; method: string }[] = [];
  const registerRoute = (method: string, url: string) => {
    const pattern = new RegExp(`^${url.replace(/[.]/g, '\\.').replace(/:[A-Za-z_]+/g, '[^/]+')}$`);
    routes.push({ pattern, method });
  };
  /** The methods `path` answers to (HEAD with GET, as Fastify serves it), in a stable order. */
  const allowedMethods = (path: string): string[] => {
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => methods.has(m));
  };
  /** A problem in the face's own shape: a problem document, or under /open311 an Open311 error array. */
  function sendFailure(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
    if (request.url.startsWith('/open311/')) {
      for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
      const description = problem.errors?.length ? problem.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ') : problem.message;
      return reply.code(problem.status).type(JSON_TYPE).send(JSON.stringify([{ code: problem.status, description }]));
    }
    return sendProblem(reply, problem, request.url.split('?')[0]!);
  }
  app.setErrorHandler((error, request, reply) => sendFailure(request, reply, problemFromError(error)));
  // Added to every response to a request whose session cookie failed verification, errors included,
  // unless the operation sets the cookie itself (demo sign-in replaces it, sign-out clears it).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.staleSession && !reply.hasHeader('set-cookie')) reply.header('set-cookie', sessionCookie('', 0, SECURE_COOKIE));
    done(null, payload);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A preflight that reached no route came from an origin not on VECHE_CORS_ORIGINS (allowed
    // ones are answered by the CORS plugin): say so, rather than "no such resource".
    if (request.method === 'OPTIONS' && request.headers.origin) {
      return sendFailure(request, reply, new Problem(403, 'forbidden', `Источник ${request.headers.origin} не входит в VECHE_CORS_ORIGINS`));
    }
    const allow = allowedMethods(path);
    if (allow.length > 0) {
      return sendFailure(request, reply, new Problem(405, 'method-not-allowed', `${request.method} не поддерживается для ${path}`, { headers: { allow: allow.join(', ') } }));
    }
    if (request.url.startsWith('/open311/')) return sendFailure(request, reply, new Problem(404, 'not-found', 'Нет такого ресурса Open311'));
    return sendFailure(request, reply, new Problem(404, 'not-found', `Нет ресурса ${request.method} ${path}`));
  });

  /**
   * Identity, rate limits and graceful-shutdown refusal, shared by both faces of the API.
   * `anonymousOnFailure`: the operation is open to anonymous callers, so a credential that fails
   * verification (expired, signed with another secret, unreadable) makes the caller anonymous
   * instead of a 401. Otherwise a stale cookie would lock a browser out of everything, sign-in and
   * sign-out included — and in demo mode, whose secret is new with each process, every restart
   * makes every cookie stale.
   */
  const admit = async (request: FastifyRequest, { ensureCitizen = true, anonymousOnFailure = false } = {}): Promise<Identity | null> => {
    if (closing) throw new Problem(503, 'unavailable', 'Сервер перезапускается', { headers: { 'retry-after': '2' } });
    const now = Date.now();
    const ipWait = limiter.hit('ip', request.ip, now);
    if (ipWait) throw new Problem(429, 'rate-limited', 'Слишком много запросов с вашего адреса', { headers: { 'retry-after': String(ipWait) }, extra: { retryAfter: ipWait } });
    let identity: Identity | null = null;
    try {
      const token = Authenticator.tokenFrom(request.headers.authorization, request.headers.cookie);
      if (token) {
        const verified = auth.verify(token, now);
        identity = verified instanceof Promise ? await verified : verified;
      }
    } catch (e) {
      if (!(e instanceof Problem) || e.status !== 401) throw e;
      // The cookie was the credential (an Authorization header takes precedence): it will not
      // verify next time either, so the response, whatever it is, tells the browser to drop it.
      if (!request.headers.authorization) request.staleSession = true;
      if (!anonymousOnFailure) throw e;
    }
    if (identity) {
      const wait = limiter.hit('citizen', identity.id, now);
      if (wait) throw new Problem(429, 'rate-limited', 'Слишком много запросов, подождите', { headers: { 'retry-after': String(wait) }, extra: { retryAfter: wait } });
      // The citizen directory is written with the next shared commit; the request does not wait for it.
      if (ensureCitizen) void store.citizens.ensure(identity, new Date(now).toISOString());
    }
    return identity;
  };

  /** Checks a result against the contract and serialises it; a contract break becomes a 500 problem. */
  const finish = (request: FastifyRequest, state: RequestState, result: OperationResult, instance: string): Finished => {
    let status = result.status;
    let body = result.body;
    if (validateResponses && body !== null) {
      const validate = state.op.responses.get(status)?.();
      if (validate && !validate(body)) {
        const errors = toFieldErrors(validate.errors);
        request.log.error({ operation: state.op.operationId, status, errors }, 'response breaks the contract');
        status = 500;
        body = new Problem(500, 'internal', `Ответ ${state.op.operationId} (${result.status}) нарушает контракт: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`).toBody(instance);
      }
    }
    return { status, text: body === null ? '' : JSON.stringify(body), headers: result.headers ?? {} };
  };

  const send = (reply: FastifyReply, f: Finished) => {
    for (const k in f.headers) reply.header(k, f.headers[k]);
    reply.code(f.status);
    if (f.text === '') return reply.send();
    return reply.type(f.status >= 400 ? PROBLEM_TYPE : JSON_TYPE).send(f.text);
  };

  const respond = async (reply: FastifyReply, request: FastifyRequest, state: RequestState, result: OperationResult, instance: string, hash: () => string) => {
    if (result.raw) {
      for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
      return reply.code(result.status).type(result.raw.contentType).send(result.raw.data);
    }
    const idem = state.idem;
    if (state.sealed && state.sealed.result === result) {
      // Checked, serialised and stored inside the operation's transaction.
      if (idem) idem.done = true;
      return send(reply, state.sealed.finished);
    }
    const finished = finish(request, state, result, instance);
    if (idem?.owned && finished.status < 500) {
      await idempotency.complete(idem.scope, idem.key, hash(), finished.status, finished.text, finished.headers, Date.now());
      idem.done = true;
    }
    return send(reply, finished);
  };

  /** Replays the stored response for a key (422 when it was stored for another request). */
  const replay = (reply: FastifyReply, existing: StoredResponse, hash: string) => {
    if (existing.hash !== hash) throw new Problem(422, 'idempotency-key-reused', 'Этот Idempotency-Key уже использован с другим запросом');
    for (const [k, v] of Object.entries(JSON.parse(existing.headers ?? '{}') as Record<string, string>)) reply.header(k, v);
    reply.header('idempotency-replayed', 'true').code(existing.status!);
    if (!existing.body) return reply.send();
    return reply.type(existing.status! >= 400 ? PROBLEM_TYPE : JSON_TYPE).send(existing.body);
  };
  const inFlightProblem = () => new Problem(409, 'idempotency-in-flight', 'Запрос с этим Idempotency-Key ещё выполняется', { headers: { 'retry-after': '1' } });

  /** Frees a key this request owns: the in-flight slot always, a pending row if no response was stored. */
  const releaseUnfinished = async (request: FastifyRequest) => {
    const idem = request.veche?.idem;
    if (!idem?.owned) return;
    idem.owned = false;
    inflight.delete(idem.slot);
    if (!idem.done && !idem.sealed) await idempotency.release(idem.scope, idem.key);
  };

  /** Another process stored a response for this key while this request ran: replay it (or 409 while it is pending). */
  const replayConflict = async (request: FastifyRequest, reply: FastifyReply, idem: IdemState, hash: string) => {
    const stored = await idempotency.find(idem.scope, idem.key);
    await releaseUnfinished(request);
    if (!stored || stored.state === 'pending') throw inFlightProblem();
    return replay(reply, { hash: stored.request_hash, status: stored.status, body: stored.body, headers: stored.headers }, hash);
  };

  /**
   * The stored response for a key (null: this request may run and owns the key). Other operations
   * reserve the key with a pending row; sealed ones only read it (their response is written in
   * their own transaction). A live pending row is another request in flight: 409.
   */
  const lookupKey = async (scope: string, key: string, sealed: boolean): Promise<StoredResponse | null> => {
    const now = Date.now();
    let existing = sealed ? await idempotency.find(scope, key) : await idempotency.reserve(scope, key, now);
    if (sealed && existing?.state === 'pending' && isStalePending(existing, now)) {
      // A reservation left by a process that died: free it, the sealed write takes its place.
      await idempotency.release(scope, key);
      existing = null;
    }
    if (existing?.state === 'pending') throw inFlightProblem();
    return existing ? { hash: existing.request_hash, status: existing.status, body: existing.body, headers: existing.headers } : null;
  };

  for (const op of contract.operations) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`no handler for operation ${op.operationId}`);
    const viaWriter = writer !== null && op.operationId === 'castVote';
    const anonymousOnFailure = !op.authRequired && !CREDENTIAL_CHECKING_OPERATIONS.has(op.operationId);
    registerRoute(op.method, `/api${op.routePath}`);
    app.route({
      method: op.method as 'GET',
      url: `/api${op.routePath}`,
      ...(op.operationId === 'uploadMedia' ? { bodyLimit: options.mediaLimit ?? 5 * 1024 * 1024 } : {}),
      onRequest: async (request, reply) => {
        const state: RequestState = { op, identity: null, idem: null };
        request.veche = state;
        state.citizenToWriter = viaWriter && writer!.alive;
        state.identity = await admit(request, { ensureCitizen: !state.citizenToWriter, anonymousOnFailure });
        if (op.authRequired && !state.identity) throw new Problem(401, 'unauthorized', 'Для этого действия нужно войти', { headers: { 'www-authenticate': 'Bearer' } });
        if (op.roles && !op.roles.some((r) => state.identity!.roles.includes(r as never))) throw new Problem(403, 'forbidden', `Нужна роль: ${op.roles.join(' или ')}`);
        const key = request.headers['idempotency-key'];
        if (op.idempotent && typeof key === 'string' && /^[\x21-\x7E]{1,255}$/.test(key)) {
          const scope = state.identity ? `c:${state.identity.id}` : `ip:${request.ip}`;
          const slot = `${scope}\u0000${key}`;
          if (inflight.has(slot)) throw inFlightProblem();
          const sealed = SEALING_OPERATIONS.has(op.operationId);
          // A vote bound for the writer thread has its key looked up there, in its batch: the HTTP
          // thread does no SQLite read per vote. Held in memory meanwhile, like any sealed key.
          const existing = state.citizenToWriter ? null : await lookupKey(scope, key, sealed);
          state.idem = { scope, key, slot, sealed, owned: existing === null, done: false, unchecked: state.citizenToWriter === true, existing };
          if (existing === null) inflight.add(slot);
        }
        continueIfExpected(request, reply);
      },
      // A request that ends without a stored response (error, validation failure, client gone) frees its key.
      onResponse: (request, _reply, done) => {
        const state = request.veche;
        if (state?.citizenToWriter && state.identity) void store.citizens.ensure(state.identity, new Date().toISOString());
        if (!state?.idem?.owned) return done();
        releaseUnfinished(request).then(() => done(), done);
      },
      onRequestAbort: async (request) => {
        const state = request.veche;
        if (!state) return;
        if (state.handling) state.aborted = true;
        else await releaseUnfinished(request);
      },
      handler: async (request, reply) => {
        const state = request.veche!;
        const instance = request.url.split('?')[0]!;
        // Copies (the validator coerces in place); of the headers only those the operation declares.
        const header: Record<string, unknown> = {};
        for (const name of op.headerNames) if (request.headers[name] !== undefined) header[name] = request.headers[name];
        const params = { path: { ...(request.params as Record<string, string>) }, query: { ...(request.query as Record<string, unknown>) }, header };
        const paramErrors = op.validateParams(params);
        if (paramErrors.length) throw new Problem(400, 'validation', 'Параметры запроса не соответствуют контракту', { errors: paramErrors });
        const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        // A JSON body of `null` is a body (the value null), held to the schema like any other; only
        // a request without a body has none.
        const hasBody = request.body !== undefined;
        if (op.bodyRequired && !hasBody) throw new Problem(400, 'validation', 'Нужно тело запроса', { errors: [{ pointer: '/', detail: 'тело запроса обязательно', code: 'required' }] });
        if (hasBody && op.bodyTypes.length === 0) throw new Problem(400, 'validation', 'Эта операция не принимает тело запроса', { errors: [{ pointer: '/', detail: 'тело не ожидается', code: 'unexpected' }] });
        if (hasBody && contentType && !op.bodyTypes.includes(contentType)) throw new Problem(415, 'unsupported-media-type', `Ожидается ${op.bodyTypes.join(' или ')}`);
        if (hasBody && op.validateBody && contentType === 'application/json') {
          const errors = op.validateBody(request.body);
          if (errors.length) throw new Problem(400, 'validation', `Тело запроса не соответствует контракту: ${errors[0]!.pointer} ${errors[0]!.detail}`, { errors });
        }
        let hashed: string | undefined;
        const hash = () => (hashed ??= requestHash(request.method, instance, request.body));
        const idem = state.idem;
        if (idem && !idem.owned && idem.existing) return replay(reply, idem.existing, hash());
        if (state.citizenToWriter && writer!.alive && state.identity) {
          // The vote, its citizen row and its stored response are written by the writer thread, in one batch commit.
          const nowMs = Date.now();
          const job: VoteJob = {
            params: params.path, body: request.body, identity: state.identity, nowMs, instance, method: request.method,
            idem: idem?.owned && idem.sealed ? { scope: idem.scope, key: idem.key, nowMs } : null,
          };
          state.citizenToWriter = false;
          state.handling = true;
          try {
            const r = await writer!.cast(job);
            if (r.kind === 'conflict' && idem) return await replayConflict(request, reply, idem, hash());
            if (r.kind === 'stored' && idem) {
              await releaseUnfinished(request);
              return replay(reply, r, hash());
            }
            if (r.kind === 'in-flight' && idem) throw inFlightProblem();
            if (r.kind !== 'done') throw new Error(r.kind === 'error' ? r.message : `vote writer: ${r.kind} without a key`);
            if (r.stored && idem) idem.done = true;
            return send(reply, r);
          } finally {
            if (state.aborted) await releaseUnfinished(request);
          }
        }
        if (idem?.unchecked) {
          // The writer stopped after this vote was admitted: look its key up here instead.
          idem.unchecked = false;
          const existing = await lookupKey(idem.scope, idem.key, idem.sealed).catch(async (e: unknown) => { await releaseUnfinished(request); throw e; });
          if (existing) {
            await releaseUnfinished(request);
            return replay(reply, existing, hash());
          }
        }
        const ctx: OperationContext = {
          params: params.path, query: params.query, body: request.body, identity: state.identity, now: new Date(), instance, contentType,
          seal: idem?.owned && idem.sealed ? {
            key: { scope: idem.scope, key: idem.key, hash: hash(), nowMs: Date.now() },
            render: (result) => {
              const finished = finish(request, state, result, instance);
              // A response that breaks the contract is not stored: throwing undoes the operation too.
              if (finished.status >= 500) throw new Error(`response of ${op.operationId} breaks the contract: ${finished.text}`);
              state.sealed = { result, finished };
              return { status: finished.status, body: finished.text, headers: JSON.stringify(finished.headers) };
            },
          } : null,
        };
        let result: OperationResult;
        state.handling = true;
        try {
          try {
            result = await handler(ctx);
          } catch (e) {
            // Another process stored a response for this key while this one ran: nothing of ours was written.
            if (e instanceof IdempotencyConflict && idem) return await replayConflict(request, reply, idem, hash());
            // Business refusals are real outcomes of the request: they are stored for replay like successes.
            if (!(e instanceof Problem) || e.status >= 500) throw e;
            result = { status: e.status, body: e.toBody(instance), headers: e.headers };
          }
          return await respond(reply, request, state, result, instance, hash);
        } finally {
          // The client left while the operation ran: its outcome is stored (or not); free the key now.
          if (state.aborted) await releaseUnfinished(request);
        }
      },
    });
  }

  // ---- Open311 GeoReport v2
  const o311 = open311Contract.byId;
  const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  const sendOpen311 = (reply: FastifyReply, operationId: string, status: number, body: unknown) => {
    const validate = o311.get(operationId)?.responses.get(status)?.();
    if (validateResponses && validate && !validate(body)) {
      app.log.error({ operationId, errors: validate.errors }, 'Open311 response breaks the contract');
      return reply.code(500).type(JSON_TYPE).send(JSON.stringify([{ code: 500, description: 'Ответ нарушает контракт Open311' }]));
    }
    return reply.code(status).type(JSON_TYPE).send(JSON.stringify(body));
  };
  const open311Route = (method: 'GET' | 'POST', url: string, operationId: string, run: (request: FastifyRequest) => Promise<[number, unknown]>) => {
    registerRoute(method, `/open311/v2${url}`);
    app.route({
      method, url: `/open311/v2${url}`,
      handler: async (request, reply) => {
        try {
          // GeoReport v2 reads are public and a report is signed by its api_key, not by the caller's
          // credential: one that fails verification leaves the caller anonymous.
          await admit(request, { anonymousOnFailure: true });
          const op = o311.get(operationId)!;
          const errors = op.validateParams({ path: { ...(request.params as Record<string, string>) }, query: { ...(request.query as Record<string, unknown>) }, header: {} });
          if (errors.length) throw new Open311Error(400, errors.map((e) => `${e.pointer.replace(/^\/(query|path)\//, '')}: ${e.detail}`).join('; '));
          const [status, body] = await run(request);
          return sendOpen311(reply, operationId, status, body);
        } catch (e) {
          if (e instanceof Open311Error) return sendOpen311(reply, operationId, e.status, [{ code: e.status, description: e.message }]);
          const problem = problemFromError(e);
          for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
          return reply.code(problem.status).type(JSON_TYPE).send(JSON.stringify([{ code: problem.status, description: problem.message }]));
        }
      },
    });
  };
  open311Route('GET', '/services.json', 'open311ListServices', async () => [200, await open311.services()]);
  open311Route('GET', '/services/:service_code.json', 'open311GetServiceDefinition', async (r) => [200, await open311.service((r.params as { service_code: string }).service_code)]);
  open311Route('GET', '/requests.json', 'open311ListRequests', async (r) => [200, await open311.requests(r.query as Record<string, unknown>, new Date(), baseUrl(r))]);
  open311Route('GET', '/requests/:service_request_id.json', 'open311GetRequest', async (r) => [200, await open311.request((r.params as { service_request_id: string }).service_request_id, baseUrl(r))]);
  const validateOpen311Form = open311Contract.schema('Open311RequestCreate');
  open311Route('POST', '/requests.json', 'open311CreateRequest', async (r) => {
    // GeoReport v2 posts forms; a JSON body would reach the form's checks with other types.
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(r.headers['content-type'] ?? '')) throw new Open311Error(415, 'Ожидается application/x-www-form-urlencoded');
    if (!validateOpen311Form(r.body)) {
      throw new Open311Error(400, toFieldErrors(validateOpen311Form.errors).map((e) => `${e.pointer.slice(1) || 'тело'}: ${e.detail}`).join('; '));
    }
    return [201, await open311.create(r.body as Record<string, string | string[]>, new Date())];
  });

  const purge = setInterval(() => { void idempotency.purge(Date.now()); }, 3600_000);
  purge.unref();

  return {
    app,
    get writer() { return writer; },
    threads: () => ({ http: process.pid, voteWriter: writer?.tid ?? null, checkpointer: checkpointer?.tid ?? null }),
    async listen(port: number, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      return `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
    },
    async close() {
      // New requests get a 503 problem while in-flight ones finish; then the database is closed.
      closing = true;
      clearInterval(purge);
      await app.close();
      await writer?.close();
      await checkpointer?.close();
      await store.close();
    },
  };
}

export { SESSION_COOKIE };
