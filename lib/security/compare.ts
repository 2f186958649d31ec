import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a secret given by a client with the expected one in constant time,
 * whatever their lengths or characters: both sides are hashed first, so neither
 * the length nor any prefix of the secret shows in the timing.
 */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}
