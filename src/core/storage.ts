/**
 * Small key-value persistence over localStorage, with an in-memory fallback for browsers
 * where storage throws (Safari private mode, a full quota, storage disabled by policy).
 * Everything the kit stores is namespaced `veche:` so a portal can see and clear it.
 */
const memory = new Map<string, string>();

function backend(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const storage = globalThis.localStorage;
    const probe = 'veche:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}

export function readStored<T>(key: string): T | undefined {
  try {
    const raw = backend().getItem(`veche:${key}`);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): boolean {
  try {
    backend().setItem(`veche:${key}`, JSON.stringify(value));
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
