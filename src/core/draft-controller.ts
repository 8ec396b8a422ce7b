import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStored, removeStored, writeStored } from './storage.js';

export interface StoredDraft<T> {
  value: T;
  /** Epoch milliseconds of the last save. */
  savedAt: number;
  /** The signed-in citizen who typed it (`DraftOptions.author`); none for a draft typed signed out. */
  author?: string;
}

export interface DraftOptions {
  /** Storage key, e.g. `draft:poll:42`; undefined while the widget has nothing to key on. */
  key: () => string | undefined;
  /** Debounce before writing; the contract is "saved within about a second". */
  delayMs?: number;
  /**
   * Who is typing, when known (the signed-in citizen): the draft is stored with its author and
   * `load(reader)` gives it to that citizen only, so on a shared computer the next one signed in
   * does not see another's text, address or photos. A draft typed signed out is anyone's.
   */
  author?: () => string | undefined;
}

/**
 * Autosaves a form's state so nothing a citizen typed is lost to a reload, a crash or a
 * closed tab: `save()` on every change (debounced), `load()` on start, `clear()` once the
 * server confirmed. Pending writes are flushed when the page is hidden or the widget leaves.
 */
export class DraftController<T> implements ReactiveController {
  private pending?: { key: string; value: T; author: string | undefined };
  private timer?: ReturnType<typeof setTimeout>;
  private readonly flushNow = () => this.flush();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.flush();
    removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** The stored draft; one with an author only when `reader` is that author (see `author`). */
  load(reader?: string): StoredDraft<T> | undefined {
    const key = this.options.key();
    if (!key) return undefined;
    const stored = this.pending?.key === key ? { value: this.pending.value, savedAt: Date.now(), author: this.pending.author } : readStored<StoredDraft<T>>(key);
    if (!stored || typeof stored !== 'object' || !('value' in stored)) return undefined;
    return stored.author === undefined || stored.author === reader ? stored : undefined;
  }

  save(value: T): void {
    const key = this.options.key();
    if (!key) return;
    this.pending = { key, value, author: this.options.author?.() };
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flushNow, this.options.delayMs ?? 400);
  }

  flush(): void {
    clearTimeout(this.timer);
    if (!this.pending) return;
    const { key, value, author } = this.pending;
    this.pending = undefined;
    writeStored(key, { value, savedAt: Date.now(), ...(author ? { author } : {}) } satisfies StoredDraft<T>);
  }

  /** Forgets the draft, including personal data in it; call after the server confirmed. */
  clear(): void {
    clearTimeout(this.timer);
    const key = this.pending?.key ?? this.options.key();
    this.pending = undefined;
    if (key) removeStored(key);
  }
}
