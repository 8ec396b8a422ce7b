/**
 * Loads a page in an iframe and resolves with the one message it posts to its parent: how the
 * strict-CSP pages (their own headers, their own Trusted Types policy) report what happened.
 */
export function loadReportingFrame<Report>(src: string, { timeoutMs = 15000, width, height }: { timeoutMs?: number; width?: number; height?: number } = {}): Promise<Report> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error(`${src} did not report`)), timeoutMs);
    addEventListener('message', function onMessage(event: MessageEvent<Report>) {
      if (event.source !== frame.contentWindow) return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      frame.remove();
      resolve(event.data);
    });
    frame.src = src;
    if (width) frame.width = String(width);
    if (height) frame.height = String(height);
    document.body.append(frame);
  });
}
