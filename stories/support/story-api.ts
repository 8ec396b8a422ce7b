import { http } from 'msw';
import { problemResponse } from '../../src/mocks/http.js';

/** The backend base URL every story's widgets use; MSW answers it (`parameters.msw.handlers`). */
export const STORY_API = '/api';

/**
 * A POST the backend refuses for now, to be retried a day later (503 with Retry-After): the
 * widget keeps the action queued, as it does offline, and retries nothing while the story is
 * shown. A network error would be retried within two seconds, and a retry failing after the
 * story ended would write its queue again after the next story cleared the storage; the next
 * story on the same backend would then send it.
 */
export const refusedForNow = (path: string) =>
  http.post(path, ({ request }) =>
    problemResponse(503, 'unavailable', 'Сервис временно недоступен', { instance: new URL(request.url).pathname, headers: { 'Retry-After': '86400' }, extra: { retryAfter: 86400 } }),
  );
