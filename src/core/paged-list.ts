import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from './problem.js';

/** One page of any list in the contract: cursor pagination everywhere. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One cursor-paginated list (a wallet's history, my complaints, rewards): the first page on
 * `load()`, the next one on `more()` ("show more"). A new `load()` (another filter, a
 * refresh) cancels the one in flight.
 */
export class PagedList<T> implements ReactiveController {
  items: T[] = [];
  next: string | null = null;
  /** `more`: a further page is loading while the items already shown stay. */
  status: 'idle' | 'loading' | 'more' | 'ready' | 'error' = 'idle';
  error?: unknown;
  private controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>> | undefined,
  ) {
    host.addController(this);
  }

  get loaded(): boolean {
    return this.status !== 'idle';
  }

  hostDisconnected(): void {
    this.controller?.abort();
    // Taken off the page mid-load (a portal moving it to another tab or column): the page it was
    // loading is asked for again when it is back (`loaded` is false again), instead of a skeleton
    // or a disabled "show more" for good.
    if (this.status === 'loading') this.status = 'idle';
    else if (this.status === 'more') this.status = 'ready';
  }

  load(): Promise<void> {
    return this.page(null);
  }

  more(): Promise<void> {
    return this.next && this.status === 'ready' ? this.page(this.next) : Promise.resolve();
  }

  /** Forgets everything (another citizen signed in): the list loads again when shown. */
  reset(): void {
    this.controller?.abort();
    this.items = [];
    this.next = null;
    this.status = 'idle';
    this.error = undefined;
  }

  /** Replaces one item in place (a reward's stock, a fund's total after a spend). */
  replace(match: (item: T) => boolean, item: T): void {
    this.items = this.items.map((x) => (match(x) ? item : x));
    this.host.requestUpdate();
  }

  private async page(cursor: string | null): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.status = cursor ? 'more' : 'loading';
    this.host.requestUpdate();
    try {
      const request = this.fetchPage(cursor, controller.signal);
      if (!request) return;
      const page = await request;
      if (controller.signal.aborted) return;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
      this.status = 'ready';
      this.error = undefined;
    } catch (error) {
      if (controller.signal.aborted || (error instanceof ApiError && error.kind === 'aborted')) return;
      this.error = error;
      // A failed "show more" keeps what is shown; the error sits next to the button.
      this.status = cursor ? 'ready' : 'error';
      if (!cursor) this.items = [];
      throw error;
    } finally {
      this.host.requestUpdate();
    }
  }
}
