import { z } from 'zod';

/**
 * A statistic definition in Stat Server's terms: `statisticDefinitionEx` of statistics.yaml
 * (docs/vendors/genesys-engage.md §3.2) and the inline `definition` of a subscription request (§2.3 there) share it.
 * Values are checked for meaning later (compile-definition.ts); this only checks the shape.
 */
export const statDefinitionSchema = z.object({
  category: z.string().min(1),
  subject: z.string().min(1),
  mainMask: z.string().optional(),
  relativeMask: z.string().optional(),
  intervalType: z.string().optional(),
  dynamicTimeProfile: z.string().optional(),
  timeRangeLeft: z.number().int().nonnegative().optional(),
  timeRangeRight: z.number().int().nonnegative().optional(),
  timeRangeLeft2: z.number().int().nonnegative().optional(),
  timeRangeRight2: z.number().int().nonnegative().optional(),
  dynamicFilter: z.string().optional(),
  distinguishByConnId: z.boolean().optional(),
  maskType: z.string().optional(),
});
export type StatDefinition = z.infer<typeof statDefinitionSchema>;

/** How often a statistic is pushed (docs/vendors/genesys-engage.md §2.9): `Periodical` every N s, `Changes` on change. */
export interface NotificationSettings {
  readonly mode: 'Periodical' | 'Changes';
  readonly frequencySec: number;
  readonly insensitivity: number;
}

/** The documents spell modes `Periodical`/`PERIODICAL`; `Immediate`/`IMMEDIATE` and `Changes` mean "on change". */
export const notificationModeSchema = z
  .string()
  .transform((s, ctx) => {
    const mode = s.toLowerCase();
    if (mode === 'periodical') return 'Periodical' as const;
    if (mode === 'immediate' || mode === 'changes' || mode === 'changesbased') return 'Changes' as const;
    ctx.addIssue({ code: 'custom', message: `unknown notificationMode "${s}" (Periodical, Changes or Immediate)` });
    return z.NEVER;
  });

/** Object types of statistics.yaml (docs/vendors/genesys-engage.md §3.1). */
export const CATALOG_OBJECT_TYPES = ['AGENT', 'QUEUE', 'SKILL_Q', 'SKILL_AG'] as const;
export type CatalogObjectType = (typeof CATALOG_OBJECT_TYPES)[number];

export interface CatalogEntry {
  readonly name: string;
  readonly objectType: CatalogObjectType;
  readonly definition: StatDefinition;
  readonly notification: NotificationSettings;
}
