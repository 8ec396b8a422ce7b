/**
 * Loads failure.ts — what the kit needs only once something failed: the backend's problem
 * document, retries, the error in the citizen's words — once per page and apart from every entry.
 * A widget that connects and the API client when a request starts have it loaded when the page is
 * next idle (`preloadFailureHandling`), so it is usually here before anything fails; a failure
 * that comes first asks for it at once (on a network that just failed, that import may fail too:
 * the generic error below), and the client lets no error out before it settled. A render, which
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

/**
 * How long an idle preload may wait for the page to be idle: on a page that is never idle it
 * still comes, while the citizen is reading.
 */
const IDLE_TIMEOUT_MS = 2000;
let preloadScheduled = false;

/**
 * Loads the failure handling when the page is next idle. Not at once: its imports (six modules)
 * cost ~25 ms at 4× CPU in the task that asked, which was a widget's connect or its first
 * request, on the way to its first render (bench/idea-board.mjs) — for code needed only once
 * something failed. A failure before then does not wait for the page to be idle:
 * `loadFailureHandling()` starts the import at once.
 */
export function preloadFailureHandling(): void {
  if (pending || preloadScheduled) return;
  preloadScheduled = true;
  const load = () => {
    preloadScheduled = false;
    void loadFailureHandling();
  };
  // Safari has no requestIdleCallback: a later task, past the first render's.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(load, 100);
}

/** The module once loaded; undefined before, or when it could not load. */
export const loadedFailureHandling = (): FailureHandling | undefined => loaded;

/** Test-only: forgets the module and imports it with `load` from now on (e.g. an import that fails). */
export function setFailureImport(load: () => Promise<FailureHandling>): void {
  importFailure = load;
  loaded = undefined;
  pending = undefined;
}
