/**
 * Photo uploads. The bytes decide what a file is — a content type can be anything the client
 * claims — so only recognised image signatures are stored.
 */
import { notFound, Problem } from '../problems';
import type { Store } from '../store/repository';
import { isoNow, newId, ok, requireIdentity, type OperationHandler, type Schemas } from './context';

type ImageType = Schemas['Media']['contentType'];

export function sniffImage(data: Buffer): { type: ImageType; width: number | null; height: number | null } | null {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) {
    return { type: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && (data.toString('latin1', 0, 6) === 'GIF87a' || data.toString('latin1', 0, 6) === 'GIF89a')) {
    return { type: 'image/gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return { type: 'image/webp', width: null, height: null };
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    // Walk JPEG segments to the first start-of-frame marker for the dimensions.
    let i = 2;
    while (i + 9 < data.length && data[i] === 0xff) {
      const marker = data[i + 1]!;
      const len = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'image/jpeg', width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
      }
      i += 2 + len;
    }
    return { type: 'image/jpeg', width: null, height: null };
  }
  return null;
}

/** Relative to the API base (the contract allows absolute or API-relative), so a server mounted under any path works. */
export const mediaUrl = (id: string) => `media/${id}`;

export function mediaOperations(store: Store): Record<string, OperationHandler> {
  return {
    uploadMedia: async (ctx) => {
      const me = requireIdentity(ctx);
      const data = ctx.body;
      if (!Buffer.isBuffer(data) || data.length === 0) throw new Problem(400, 'validation', 'Пустой файл', { errors: [{ pointer: '/', detail: 'пустое тело запроса', code: 'required' }] });
      const image = sniffImage(data);
      if (!image) throw new Problem(415, 'unsupported-media-type', 'Файл не является изображением JPEG, PNG, WebP или GIF');
      const id = newId('m');
      const at = isoNow(ctx.now);
      await store.media.insert({ id, citizenId: me.id, contentType: image.type, size: data.length, width: image.width, height: image.height, data, at });
      return ok({ id, url: mediaUrl(id), contentType: image.type, size: data.length, width: image.width, height: image.height, createdAt: at } satisfies Schemas['Media'], 201);
    },
    getMedia: async (ctx) => {
      const m = await store.media.get(ctx.params.id!);
      if (!m) throw notFound('Файл');
      return { status: 200, body: null, raw: { contentType: m.content_type, data: m.data }, headers: { 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' } };
    },
  };
}
