import { ApiError } from '../../core/problem.js';
import type { RatingHost } from './parts.js';

/**
 * Waits for a request of a view, reporting its failure (the task or list that asked keeps the
 * error to show); an aborted request or a 404 ("not found" is shown, not news) is not reported.
 */
export async function reported<T>(host: Pick<RatingHost, 'reportError'>, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (!(error instanceof ApiError && (error.kind === 'aborted' || error.kind === 'not-found'))) host.reportError(error);
    throw error;
  }
}
