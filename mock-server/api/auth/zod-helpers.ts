import { z } from 'zod';

/** The first issue's message: schemas here carry human messages, so this is what the client reads. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Invalid request';
}

/** A non-empty, bounded string whose errors name the parameter ("code is required"). */
export function requiredString(name: string, maxLength: number): z.ZodString {
  return z
    .string({ error: `${name} is required` })
    .min(1, `${name} is required`)
    .max(maxLength, `${name} is too long`);
}
