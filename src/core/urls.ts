/**
 * Addresses that reach the page from outside — the backend's data, the citizens' own text,
 * the webmaster's attributes — are only ever used as http(s) links, so a `javascript:` URL
 * in a title or a reward can never run.
 */

function resolve(value: string, base?: string): URL | undefined {
  try {
    // A base is a folder: `…/api` + `media/1` → `…/api/media/1`.
    const folder = base ? new URL(base.replace(/\/?$/, '/'), document.baseURI).href : document.baseURI;
    return new URL(value, folder);
  } catch {
    return undefined;
  }
}

/** An http(s) link, resolved against `base` (the API base for backend data); else undefined. */
export function safeUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  const url = resolve(value.trim(), base);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
}

/** An image source: an http(s) address (see `safeUrl`) or an image inlined as a data URI. */
export function imageSource(value: string | null | undefined, base?: string): string | undefined {
  if (value && /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(value.trim())) return value.trim();
  return safeUrl(value, base);
}
