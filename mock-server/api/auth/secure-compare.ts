import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares secrets (passwords, client secrets, signatures, PKCE values) in constant time.
 * Both sides are hashed first because `timingSafeEqual` needs equal lengths, and comparing the
 * lengths directly would leak them.
 */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
