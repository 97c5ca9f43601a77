import type { z } from 'zod';

/** A refused file's first problem: the bad field (`tiles[2].thresholds[0].level`; empty for the whole file) and why. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** The first issue of a zod error, named so a person can fix the file (board files, the statistics catalog). */
export function firstZodIssue(error: z.ZodError, fallback: string): FieldError {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: fallback };
  // An unknown key is the bad field itself, not the object that holds it.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  return { path: formatPath(path), message: issue.message };
}
