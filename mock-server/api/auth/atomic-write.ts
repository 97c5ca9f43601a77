import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomId } from './random-id.ts';

/**
 * Writes a file so readers see either the old or the new content, never half of it: write a
 * sibling temp file, flush it to disk, then rename over the target (atomic on POSIX).
 */
export function writeFileAtomic(file: string, data: string, mode = 0o600): void {
  const temp = `${file}.${process.pid}.${randomId(6)}.tmp`;
  try {
    const fd = openSync(temp, 'w', mode);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
