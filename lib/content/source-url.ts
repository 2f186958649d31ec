/**
 * The source platform stores an article's URL as hex with `:` separators inserted
 * at arbitrary places. Returns the URL, or null when the text is not such an encoding.
 */
export function decodeSourceUrl(encoded: string): string | null {
  const hex = encoded.replace(/[:\s]/g, '');
  if (!hex || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(hex, 'hex'));
  } catch {
    return null;
  }
  return /^https?:\/\/\S+$/.test(text) ? text : null;
}

/** The platform's encoding, with a `:` every 16 hex digits. */
export function encodeSourceUrl(url: string): string {
  return Buffer.from(url, 'utf8').toString('hex').replace(/(.{16})(?=.)/g, '$1:');
}
