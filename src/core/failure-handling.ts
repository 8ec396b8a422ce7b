/**
 * Loads failure.ts — what the kit needs only once something failed: the backend's problem
 * document, retries, the error in the citizen's words — once per page and apart from every entry.
 * A widget asks for it when it connects and the API client when a request starts, so it is here
 * before anything fails, and the client lets no error out before it settled. A render, which
 * cannot wait, reads `loadedFailureHandling()`; while it is missing (it could not load: offline, a
 * deploy that replaced the chunk) widgets show a generic error, still with its retry. A failed
 * import is forgotten: the next one tries again.
 */
export type FailureHandling = typeof import('./failure.js');

let loaded: FailureHandling | undefined;
let pending: Promise<FailureHandling | undefined> | undefined;
let importFailure = (): Promise<FailureHandling> => import('./failure.js');

export function loadFailureHandling(): Promise<FailureHandling | undefined> {
  return (pending ??= importFailure().then(
    (module) => (loaded = module),
    () => (pending = undefined),
  ));
}

/** The module once loaded; undefined before, or when it could not load. */
export const loadedFailureHandling = (): FailureHandling | undefined => loaded;

/** Test-only: forgets the module and imports it with `load` from now on (e.g. an import that fails). */
export function setFailureImport(load: () => Promise<FailureHandling>): void {
  importFailure = load;
  loaded = undefined;
  pending = undefined;
}
