import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomId } from './random-id.ts';

export const SECRET_FILE = 'auth-secret';
const SECRET_BYTES = 32;

type SecretRead = { readonly kind: 'ok'; readonly secret: Buffer } | { readonly kind: 'missing' | 'corrupt' };

function readSecret(file: string): SecretRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const secret = Buffer.from(text.trim(), 'base64url');
  return secret.length >= SECRET_BYTES ? { kind: 'ok', secret } : { kind: 'corrupt' };
}

/**
 * The HMAC key tokens are signed with. Created randomly on first start and kept in
 * `<stateDir>/auth-secret` (mode 0600) so tokens outlive a restart; nothing in the repository
 * can forge them. The file is published with a hard link, which fails if another process was
 * first, so two mocks starting on one state dir still agree on one secret.
 */
export function loadOrCreateSigningSecret(stateDir: string): Buffer {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = join(stateDir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing.kind === 'ok') return existing.secret;

  const secret = randomBytes(SECRET_BYTES);
  const temp = `${file}.${process.pid}.${randomId(6)}.tmp`;
  writeFileSync(temp, `${secret.toString('base64url')}\n`, { mode: 0o600 });
  try {
    if (existing.kind === 'corrupt') {
      console.warn(`mock: ${file} was unreadable; created a new one (tokens issued before are no longer valid)`);
      renameSync(temp, file);
      return secret;
    }
    try {
      linkSync(temp, file);
      return secret;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        const winner = readSecret(file);
        if (winner.kind === 'ok') return winner.secret;
      }
      // Filesystems without hard links: a plain rename is still atomic.
      renameSync(temp, file);
      return secret;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
