/**
 * The suite's HTTP client: every response it receives is checked against the contract (status
 * declared, content type declared, body valid) before a test looks at it, and every operation hit
 * is recorded so the suite can prove it exercised the whole contract.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked against the contract's schemas at run time (client.ts); the tests read them as plain JSON */
import assert from 'node:assert/strict';
import { Contract } from './contract';

export interface ContractTarget {
  /** shown in test names */
  name: string;
  /** the contract's base URL (the widgets' `api` setting) */
  apiUrl: string;
  /** the Open311 GeoReport v2 base URL */
  open311Url: string;
  /** A bearer token for a demo person, or for a new citizen with an empty wallet. */
  signIn(who: { citizenId: string } | { fresh: true }): Promise<string>;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  operationId: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** sent as is (no JSON encoding) */
  raw?: BodyInit;
  contentType?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
}

const contract = new Contract();

export class ContractClient {
  readonly covered = new Set<string>();
  readonly operations = contract.operations.map((o) => o.operationId);
  constructor(readonly target: ContractTarget) {}

  api<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    return this.call('veche', this.target.apiUrl, method, path, options);
  }

  open311<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    return this.call('open311', this.target.open311Url, method, path, options);
  }

  private async call<T>(doc: 'veche' | 'open311', base: string, method: string, path: string, options: CallOptions): Promise<Reply<T>> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let body: BodyInit | undefined = options.raw;
    if (options.body !== undefined) { body = JSON.stringify(options.body); headers['Content-Type'] = 'application/json'; }
    if (options.contentType) headers['Content-Type'] = options.contentType;
    const response = await fetch(base + path, { method, headers, body });
    const pathname = new URL(base + path).pathname.slice(new URL(base).pathname.replace(/\/$/, '').length);
    const op = contract.match(doc, method, pathname);
    assert.ok(op, `${method} ${path} is not an operation of the ${doc} contract`);
    this.covered.add(op.operationId);
    const contentType = response.headers.get('content-type') ?? '';
    const text = contentType.startsWith('image/') ? '' : await response.text();
    let parsed: unknown = undefined;
    if (/json/.test(contentType)) {
      try { parsed = JSON.parse(text); } catch { assert.fail(`${op.operationId} ${response.status}: body is not JSON: ${text.slice(0, 200)}`); }
    }
    if (response.status >= 400 && doc === 'veche') {
      assert.match(contentType, /^application\/problem\+json/, `${op.operationId} ${response.status}: errors must be application/problem+json, got "${contentType}": ${text.slice(0, 300)}`);
    }
    const problems = response.status === 204 ? [] : contract.check(op, response.status, contentType, parsed);
    assert.deepEqual(problems, [], `${method} ${path} → ${response.status} breaks the contract:\n  ${problems.join('\n  ')}\n  body: ${text.slice(0, 600)}`);
    return { status: response.status, headers: response.headers, body: parsed as T, text, operationId: op.operationId };
  }
}

/** Sign-in through `POST /auth/demo` — what any backend in demo mode offers. */
export function demoSignIn(apiUrl: string): ContractTarget['signIn'] {
  return async (who) => {
    const response = await fetch(`${apiUrl}/auth/demo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
    assert.equal(response.status, 200, `POST /auth/demo ${JSON.stringify(who)} → ${response.status}: is the backend in demo mode? ${await response.clone().text()}`);
    return ((await response.json()) as { token: string }).token;
  };
}
