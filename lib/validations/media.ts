/** The stored-file names the media route serves: content hash, optional width, extension. */
export const MEDIA_KEY = /^[0-9a-f]{32}(-\d{1,5})?\.(jpg|png|webp|gif|avif)$/;

/** A media-library file's URL: `/media/<key>`. */
export const MEDIA_PATH = new RegExp(`^/media/${MEDIA_KEY.source.slice(1)}`);
