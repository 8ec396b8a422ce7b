/** Small fetch helpers for the server tests. */
import assert from 'node:assert/strict';

export interface Reply<T = any> { status: number; headers: Headers; body: T; text: string }

export async function call<T = any>(url: string, init: { method?: string; token?: string; body?: unknown; raw?: string | Buffer; contentType?: string; key?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.key) headers['idempotency-key'] = init.key;
  let body: string | Buffer | undefined;
  if (init.raw !== undefined) { body = init.raw; headers['content-type'] = init.contentType ?? 'application/json'; }
  else if (init.body !== undefined) { body = JSON.stringify(init.body); headers['content-type'] = 'application/json'; }
  const res = await fetch(url, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* non-JSON body stays text */ }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** Asserts an RFC 9457 problem document with the given status (and type slug, if given). */
export function assertProblem(r: Reply, status: number, slug?: string): void {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.title, 'string');
  assert.match(r.body.type, /^https:\/\/veche\.dev\/problems\/[a-z-]+$/);
  if (slug) assert.equal(r.body.type, `https://veche.dev/problems/${slug}`);
}

/**
 * Waits on a condition instead of a fixed delay: calls `attempt` until it returns a value (not
 * null), polling every `intervalMs`, and fails after `timeoutMs` with the last state described.
 */
export async function eventually<T>(attempt: () => Promise<T | null>, { timeoutMs = 10_000, intervalMs = 10 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
