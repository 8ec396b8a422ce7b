/**
 * The upload transport of the API client: XMLHttpRequest, because `fetch` cannot report
 * upload progress. Loaded only by widgets that upload (photos), so the others don't pay for it.
 */
import type { RawResponse } from './api-client.js';

export function sendWithProgress(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  withCookies: boolean,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = withCookies;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      onProgress(1);
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('Content-Type'),
        retryAfter: xhr.getResponseHeader('Retry-After'),
        text: xhr.responseText,
      });
    };
    xhr.onerror = () => reject(new Error('Network error'));
    xhr.onabort = () => reject(new Error('Aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send((body as XMLHttpRequestBodyInit | undefined) ?? null);
  });
}
