/**
 * The photos of one complaint: checked (images only, at most N), prepared in the browser
 * (`image.ts`, loaded on the first photo), and uploaded one at a time to `POST /media` with a
 * progress value each; a failed one can be retried or removed on its own.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import { newIdempotencyKey } from '../../core/ids.js';
import { ApiError } from '../../core/problem.js';
import { uploadPhoto } from './api.js';

export type PhotoStatus = 'preparing' | 'waiting' | 'uploading' | 'done' | 'failed';

export interface Photo {
  id: string;
  name: string;
  /** The upload's idempotency key: a retry cannot store the photo twice. */
  key: string;
  status: PhotoStatus;
  /** 0…1 while uploading. */
  progress: number;
  mediaId?: string;
  /** A preview: an object URL of the prepared image, or the backend's URL after a reload. */
  url?: string;
  /** `decode` when the file is not a readable image; otherwise the upload's error. */
  error?: ApiError | 'decode';
  blob?: Blob;
}

/** What a draft keeps of a photo: only uploaded ones survive a reload (blobs do not). */
export type SavedPhoto = Required<Pick<Photo, 'id' | 'name' | 'key' | 'mediaId'>> & { url?: string };

export interface PhotoOptions {
  client: () => ApiClient | undefined;
  /** A photo changed state (save the draft, announce it). */
  changed: (photo: Photo) => void;
}

export class PhotoController implements ReactiveController {
  list: Photo[] = [];
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PhotoOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const photo of this.list) this.revoke(photo);
  }

  /** Some photo is not uploaded yet (preparing, uploading, or failed and not removed). */
  get unfinished(): boolean {
    return this.list.some((p) => p.status !== 'done');
  }

  get mediaIds(): string[] {
    return this.list.flatMap((p) => (p.mediaId ? [p.mediaId] : []));
  }

  saved(): SavedPhoto[] {
    return this.list.flatMap((p) => (p.mediaId ? [{ id: p.id, name: p.name, key: p.key, mediaId: p.mediaId, ...(p.url?.startsWith('blob:') ? {} : { url: p.url }) }] : []));
  }

  restore(saved: SavedPhoto[] = []): void {
    this.clear();
    this.list = saved.map((p) => ({ ...p, status: 'done', progress: 1 }));
  }

  clear(): void {
    for (const photo of this.list) this.revoke(photo);
    this.list = [];
  }

  /** Adds image files up to `max`; returns the files refused because they are not images, and how many did not fit. */
  add(files: Iterable<File>, max: number): { notImages: string[]; overflow: number } {
    const notImages: string[] = [];
    let overflow = 0;
    for (const file of files) {
      if (!file.type.startsWith('image/')) {
        notImages.push(file.name);
        continue;
      }
      if (this.list.length >= max) {
        overflow++;
        continue;
      }
      const photo: Photo = { id: newIdempotencyKey(), name: file.name, key: newIdempotencyKey(), status: 'preparing', progress: 0 };
      this.list = [...this.list, photo];
      void this.prepare(photo, file);
    }
    this.host.requestUpdate();
    return { notImages, overflow };
  }

  remove(id: string): void {
    const photo = this.list.find((p) => p.id === id);
    if (!photo) return;
    this.revoke(photo);
    this.list = this.list.filter((p) => p !== photo);
    this.update(photo);
  }

  retry(id: string): void {
    const photo = this.list.find((p) => p.id === id);
    if (!photo || photo.status !== 'failed' || !photo.blob) return;
    this.set(photo, { status: 'waiting', progress: 0, error: undefined });
    void this.pump();
  }

  private async prepare(photo: Photo, file: File): Promise<void> {
    try {
      const { prepareImage } = await import('./image.js');
      const { blob } = await prepareImage(file);
      this.set(photo, { blob, url: URL.createObjectURL(blob), status: 'waiting' });
      void this.pump();
    } catch {
      this.set(photo, { status: 'failed', error: 'decode' });
    }
  }

  /** One upload at a time: a citizen on a weak uplink sees each photo finish in turn. */
  private async pump(): Promise<void> {
    const client = this.options.client();
    if (this.busy || !client) return;
    this.busy = true;
    try {
      let photo: Photo | undefined;
      while ((photo = this.list.find((p) => p.status === 'waiting'))) {
        const current = photo;
        this.set(current, { status: 'uploading', progress: 0 });
        try {
          const media = await uploadPhoto(client, current.blob!, current.key, (progress) => this.set(current, { progress }, false));
          this.set(current, { status: 'done', progress: 1, mediaId: media.id });
        } catch (error) {
          this.set(current, { status: 'failed', error: error instanceof ApiError ? error : new ApiError('network', String(error)) });
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private set(photo: Photo, changes: Partial<Photo>, notify = true): void {
    if (!this.list.includes(photo)) return;
    Object.assign(photo, changes);
    this.list = [...this.list];
    if (notify) this.update(photo);
    else this.host.requestUpdate();
  }

  private update(photo: Photo): void {
    this.options.changed(photo);
    this.host.requestUpdate();
  }

  private revoke(photo: Photo): void {
    if (photo.url?.startsWith('blob:')) URL.revokeObjectURL(photo.url);
  }
}
