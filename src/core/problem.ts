/**
 * Errors from the backend as values a widget can render: a typed error from the HTTP status,
 * with the RFC 9457 problem document (read by api-failure.ts) and its per-field messages, plus
 * the failures that never reach a server.
 */
import { loadedFailureHandling } from './failure-handling.js';

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

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** From `Retry-After`, when the server said when to come back. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /**
   * The problem's per-field messages, read by core's failure handling (failure.ts), which every
   * failed request waits for; none where it could not load (the general message still shows).
   */
  get fieldErrors(): FieldError[] {
    return loadedFailureHandling()?.fieldErrorsOf(this.problem) ?? [];
  }

  /** The first message for each field, for rendering next to the control. */
  get fields(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) byField[field] ??= message;
    return byField;
  }

  /** The problem type's last segment: `…/problems/already-voted` → `already-voted`. */
  get slug(): string | undefined {
    // A backend's `type` that is not a string (a number, an object) names no problem we know.
    const type: unknown = this.problem?.type;
    return (typeof type === 'string' && type.split('/').pop()) || undefined;
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
