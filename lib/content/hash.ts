import { createHash } from 'node:crypto';

/** SHA-256 of a text's UTF-8 bytes, in hex: what Postgres' encode(sha256(convert_to(text, 'UTF8')), 'hex') gives. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
