import 'server-only';
import { db } from '@/lib/db';

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * Where the media library keeps bytes. Keys are content-hashed, so a key's bytes
 * never change. Postgres is the default (every instance sees every file with no
 * other service); any S3-compatible store could implement the same three calls.
 */
export interface MediaStorage {
  put(key: string, file: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  delete(keys: string[]): Promise<void>;
}

export const postgresStorage: MediaStorage = {
  async put(key, { bytes, contentType }) {
    // Same key, same bytes: a second upload of an image writes nothing new.
    await db.mediaBlob.upsert({ where: { key }, create: { key, contentType, data: new Uint8Array(bytes) }, update: {} });
  },
  async get(key) {
    const row = await db.mediaBlob.findUnique({ where: { key }, select: { data: true, contentType: true } });
    return row ? { bytes: Buffer.from(row.data), contentType: row.contentType } : null;
  },
  async delete(keys) {
    await db.mediaBlob.deleteMany({ where: { key: { in: keys } } });
  },
};

export const mediaStorage = (): MediaStorage => postgresStorage;
