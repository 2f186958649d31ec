import 'server-only';
import { mediaStorage, type StoredFile } from './storage';
import { MEDIA_KEY } from './views';

/** A stored file by its public name, or null for a name that is not one of ours. */
export async function readMediaFile(name: string): Promise<StoredFile | null> {
  if (!MEDIA_KEY.test(name)) return null;
  return mediaStorage().get(name);
}
