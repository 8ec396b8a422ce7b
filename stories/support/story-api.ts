/** The backend base URL every story's widgets use; MSW answers it (`parameters.msw.handlers`). */
export const STORY_API = '/api';

/**
 * The backend URL of a story that goes offline: one of its own, passed to the widget as
 * `parameters.storyApi`. An outbox keeps what waits for the connection, keyed by backend, and may
 * write it again after the next story cleared the storage (a retry failing after its story
 * ended); under its own URL, a queued action can never be sent in another story.
 */
export const offlineApi = (story: string) => `${STORY_API}/offline-${story}`;
