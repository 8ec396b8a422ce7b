/**
 * Small key-value persistence over localStorage, with an in-memory fallback for browsers
 * where storage throws (Safari private mode, a full quota, storage disabled by policy).
 * Everything the kit stores is namespaced `veche:` so a portal can see and clear it.
 */
const memory = new Map<string, string>();

type Backend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
let chosen: Backend | undefined;

/**
 * localStorage when the page may use it, else memory. Asked once per page, and only read: a
 * write probe would cost a disk write (tens of milliseconds on an old phone) and tell other tabs
 * about it. Storage that exists but refuses writes (Safari's old private mode, a full quota)
 * makes `setItem` throw, and `writeStored` keeps the value in memory then.
 */
function backend(): Backend {
  if (chosen) return chosen;
  try {
    const storage = globalThis.localStorage;
    // Throws where storage is disabled by policy or in a sandboxed frame.
    storage.getItem('veche:probe');
    chosen = storage;
  } catch {
    chosen = {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
  return chosen;
}

export function readStored<T>(key: string): T | undefined {
  try {
    // A value that could not be stored (a full quota) is kept in memory and is the newest one.
    const raw = memory.get(`veche:${key}`) ?? backend().getItem(`veche:${key}`);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    backend().setItem(`veche:${key}`, JSON.stringify(value));
    memory.delete(`veche:${key}`);
    return true;
  } catch {
    memory.set(`veche:${key}`, JSON.stringify(value));
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    backend().removeItem(`veche:${key}`);
  } catch {
    // Nothing to do: the fallback below covers what could not be removed.
  }
  memory.delete(`veche:${key}`);
}
