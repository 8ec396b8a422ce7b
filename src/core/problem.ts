/**
 * Errors from the backend as values a widget can render: RFC 9457 problem documents parsed
 * into a typed error with per-field messages, plus the failures that never reach a server.
 */

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ pointer?: string; detail?: string; code?: string; [extra: string]: unknown }>;
  [extension: string]: unknown;
}

export interface FieldError {
  /** The field as a dotted path from the JSON pointer: `/answers/0` → `answers.0`. */
  field: string;
  message: string;
  code?: string;
}

export type ApiErrorKind =
  | 'network'
  | 'aborted'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'rate-limited'
  | 'unavailable'
  | 'server'
  | 'client';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly fieldErrors: FieldError[];

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** From `Retry-After`, when the server said when to come back. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.fieldErrors = fieldErrorsOf(problem);
  }

  /** The first message for each field, for rendering next to the control. */
  get fields(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) byField[field] ??= message;
    return byField;
  }

  /** The problem type's last segment: `…/problems/already-voted` → `already-voted`. */
  get slug(): string | undefined {
    return this.problem?.type?.split('/').pop() || undefined;
  }

  /** True when trying again later may succeed (the data the citizen typed must be kept). */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'unavailable' || this.kind === 'rate-limited';
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate-limited';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'server';
  return 'client';
}

export function pointerToField(pointer: string): string {
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function fieldErrorsOf(problem: Problem | undefined): FieldError[] {
  if (!Array.isArray(problem?.errors)) return [];
  return problem.errors
    .filter((e) => e && typeof e === 'object')
    .map((e) => ({
      field: typeof e.pointer === 'string' ? pointerToField(e.pointer) : '',
      message: typeof e.detail === 'string' ? e.detail : '',
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
    }));
}

/** Reads a problem document, tolerating a backend that sends plain JSON or nothing. */
export function parseProblem(status: number, contentType: string | null, text: string): Problem {
  if (text && /json/i.test(contentType ?? '')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { status, ...(parsed as Problem) };
    } catch {
      // A broken body from a proxy: fall through to a problem built from the status.
    }
  }
  return { status, title: text && text.length < 200 && !/</.test(text) ? text : `HTTP ${status}` };
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
