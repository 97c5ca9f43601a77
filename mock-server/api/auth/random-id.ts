import { randomBytes } from 'node:crypto';

/** An unguessable, URL-safe identifier (codes, token ids, refresh families). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
