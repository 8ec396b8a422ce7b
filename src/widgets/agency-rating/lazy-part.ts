import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../../core/problem.js';

/**
 * A part of the widget its first render does not need (a section, a dialog), imported on first
 * use. Asking twice imports once. A failed import (offline, a deploy replaced the chunk) stays
 * failed — no retry loop from re-renders — until `retry()`, so the widget can show the standard
 * network error with a retry button instead of a blank area.
 */
export class LazyPart<T> {
  value?: T;
  error?: ApiError;
  private pending?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importPart: () => Promise<T>,
    private readonly onError: (error: ApiError) => void,
  ) {}

  /** Starts the import unless it is done, under way or failed; resolves with the part, or undefined when it failed. */
  load(): Promise<T | undefined> {
    if (this.error) return Promise.resolve(undefined);
    return (this.pending ??= this.importPart().then(
      (value) => {
        this.value = value;
        this.host.requestUpdate();
        return value;
      },
      (cause: unknown) => {
        this.pending = undefined;
        this.error = new ApiError('network', `could not load a part of the widget: ${String(cause)}`);
        this.onError(this.error);
        this.host.requestUpdate();
        return undefined;
      },
    ));
  }

  retry(): Promise<T | undefined> {
    this.error = undefined;
    this.host.requestUpdate();
    return this.load();
  }
}
