/**
 * What an upload may hold. README, the import form and next.config.mjs's
 * server-action body limit quote these; upload-limits.test.ts holds them together.
 */
const MB = 1024 * 1024;

/** One post file, uploaded on its own or unpacked from a zip. */
export const MAX_FILE_BYTES = 25 * MB;
/** Everything one zip unpacks to, counted as it inflates. */
export const MAX_UNZIPPED_BYTES = 200 * MB;
/** One import request: every file chosen in the form, zips as uploaded. */
export const MAX_UPLOAD_BYTES = 200 * MB;
/** Post files in one zip. */
export const MAX_ZIP_ENTRIES = 20_000;

export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
