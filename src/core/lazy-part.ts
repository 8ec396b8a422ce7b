/**
 * Parts of a widget its first render does not need (a dialog, a secondary view, a form step),
 * imported on first use so the entry stays within its budget. One way for every widget to do
 * it: load once, show the standard error with a retry when the import fails. A part brings its
 * styles with `adoptStyles` (adopt-styles.ts, apart so that entries whose parts alone use it do
 * not carry it).
 */
import type { ReactiveControllerHost } from 'lit';
import { loadFailureHandling } from './failure-handling.js';
import { ApiError } from './problem.js';
import { newTask } from './render-queue.js';

/**
 * A lazily imported part. Asking twice imports once. A failed import (offline, a deploy that
 * replaced the chunk) stays failed — re-renders do not start a retry loop — until `retry()`, so
 * the widget can render `renderError(part.error, () => part.retry())` instead of a blank area.
 */
export class LazyPart<T> {
  value?: T;
  error?: ApiError;
  private pending?: Promise<T | undefined>;
  /** The import under way is only a prefetch: its failure is not shown. */
  private quiet = false;
  /** Starts a prefetch's import now, while it still waits for its task. */
  private startNow?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importPart: () => Promise<T>,
    private readonly onError?: (error: ApiError) => void,
  ) {}

  /**
   * Starts the import unless it is done, under way or failed; resolves with the part, or undefined
   * when it failed. A `prefetch` (the widget expects to need the part soon; nobody waits for it
   * yet) fails quietly: no error is shown or reported, and the next `load()` tries again. It
   * also starts in a task of its own: an import costs the task that calls it a few milliseconds
   * per module at 4× CPU, and a prefetch is asked for from a render, which is long enough; a
   * `load()` meanwhile starts it at once.
   */
  load({ prefetch = false }: { prefetch?: boolean } = {}): Promise<T | undefined> {
    if (this.error) return Promise.resolve(undefined);
    if (!this.pending) {
      const imported = prefetch ? this.importInOwnTask() : this.importPart();
      const attempt: Promise<T | undefined> = imported.then(
        (value) => {
          this.value = value;
          this.host.requestUpdate();
          return value;
        },
        async (cause: unknown) => {
          // As with the API client, a failure shows once core's failure handling has settled, so
          // that it is told in the citizen's words at once (failure-handling.ts).
          await loadFailureHandling();
          this.pending = undefined;
          if (this.quiet) return undefined;
          this.error = new ApiError('network', `could not load a part of the widget: ${String(cause)}`);
          this.onError?.(this.error);
          this.host.requestUpdate();
          return undefined;
        },
      );
      this.pending = attempt;
      this.quiet = prefetch;
    } else if (!prefetch) {
      // Someone waits for it now: if this import fails, the failure is theirs to see.
      this.quiet = false;
      this.startNow?.();
    }
    return this.pending;
  }

  private importInOwnTask(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.startNow = undefined;
        try {
          this.importPart().then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      };
      this.startNow = start;
      void newTask().then(() => this.startNow === start && start());
    });
  }

  /** Forgets a failed import and tries again. */
  retry(): Promise<T | undefined> {
    this.error = undefined;
    this.host.requestUpdate();
    return this.load();
  }
}
