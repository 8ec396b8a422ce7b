/**
 * Photo preparation, loaded on the first photo: images larger than 2 megapixels are scaled down
 * in the browser (a phone's 12 MP photo would take minutes on a slow uplink and exceed the
 * backend's 5 MB), and formats the backend does not take are re-encoded as JPEG.
 */

export const MAX_PIXELS = 2_000_000;
const KEPT = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export interface Prepared {
  blob: Blob;
  width: number;
  height: number;
}

/** The size to draw at: the same aspect ratio, at most `MAX_PIXELS`. */
export function fit(width: number, height: number): { width: number; height: number } {
  const pixels = width * height;
  if (pixels <= MAX_PIXELS) return { width, height };
  const scale = Math.sqrt(MAX_PIXELS / pixels);
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** Rejects when the file cannot be decoded as an image. */
export async function prepareImage(file: Blob): Promise<Prepared> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = fit(bitmap.width, bitmap.height);
    if (size.width === bitmap.width && size.height === bitmap.height && KEPT.includes(file.type)) {
      return { blob: file, ...size };
    }
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) throw new Error('The image could not be encoded');
    return { blob, ...size };
  } finally {
    bitmap.close();
  }
}
