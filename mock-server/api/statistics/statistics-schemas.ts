import { z } from 'zod';
import { notificationModeSchema, statDefinitionSchema } from '../../stats/statistic-definition.ts';

/** Ids are client-chosen strings; keep them printable and bounded. */
const idSchema = z.string().min(1).max(256);

/** An inline `definition` (docs/vendors/genesys-engage.md §2.3): statisticDefinitionEx plus its notification settings. */
export const inlineDefinitionSchema = statDefinitionSchema.extend({
  notificationMode: notificationModeSchema.optional(),
  notificationFrequency: z.number().int().min(0).max(86_400).optional(),
  insensitivity: z.number().min(0).optional(),
});

export const statisticRequestSchema = z
  .object({
    statisticId: idSchema,
    objectId: idSchema,
    objectType: z.string().min(1).max(64),
    name: z.string().min(1).max(256).optional(),
    definition: z.unknown().optional(),
  })
  .refine((s) => (s.name === undefined) !== (s.definition === undefined), {
    message: 'exactly one of name and definition is required',
  });
export type StatisticRequest = z.infer<typeof statisticRequestSchema>;

export const createSubscriptionBodySchema = z.object({
  operationId: idSchema.optional(),
  data: z.object({
    statistics: z.array(z.unknown()).min(1).max(10_000),
  }),
});

export const getStatisticExBodySchema = z.object({
  data: z.object({
    statistics: z
      .array(
        z.object({
          name: z.string().min(1).max(256),
          objectType: z.string().min(1).max(64),
          objectId: idSchema,
        }),
      )
      .min(1)
      .max(10_000),
  }),
});

export const verboseSchema = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.toUpperCase() === 'INFO') return 'INFO' as const;
    if (v.toUpperCase() === 'OFF') return 'OFF' as const;
    ctx.addIssue({ code: 'custom', message: 'verbose must be INFO or OFF' });
    return z.NEVER;
  });

/** Where in a request zod found the first problem, for an error message a person can act on. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${path}: ${issue.message}`;
}
