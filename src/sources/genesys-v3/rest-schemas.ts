import { z } from 'zod';

/**
 * Bodies of the Statistics API v3 (docs/vendors/genesys-engage.md §0.3, §2.3, §2.4): the Engage Cloud envelope
 * `{status:{code,message?}, data?, errors?}`. Only what the adapter uses is checked; a statistic
 * entry is checked on its own so one broken entry does not discard the others.
 */
const statusSchema = z.object({ code: z.number(), message: z.string().optional() });

export const envelopeSchema = z.object({
  status: statusSchema.optional(),
  data: z.unknown().optional(),
  errors: z.array(z.object({ status: z.object({ code: z.number().optional(), message: z.string().optional() }) })).optional(),
  /** The platform's 403 body is `{"message":"Forbidden"}` (§0.4 there). */
  message: z.string().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** `data` of create (§2.3 there) and read (§2.4). */
export const statisticsDataSchema = z.object({
  subscriptionId: z.string().optional(),
  statistics: z.array(z.unknown()),
});

/** One statistic of a create or read answer; verbose=OFF leaves only these three fields. */
export const reportedStatisticSchema = z.object({
  statisticId: z.string().min(1),
  value: z.unknown(),
  timestamp: z.number(),
});
export type ReportedStatistic = z.infer<typeof reportedStatisticSchema>;

export interface ParsedStatistics {
  readonly subscriptionId: string | undefined;
  readonly statistics: readonly ReportedStatistic[];
  readonly malformed: number;
}

/** The statistics of a create or read answer's `data`, or undefined when `data` is not that shape. */
export function parseStatisticsData(data: unknown): ParsedStatistics | undefined {
  const parsed = statisticsDataSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const statistics: ReportedStatistic[] = [];
  let malformed = 0;
  for (const entry of parsed.data.statistics) {
    const statistic = reportedStatisticSchema.safeParse(entry);
    if (statistic.success) statistics.push(statistic.data);
    else malformed++;
  }
  return { subscriptionId: parsed.data.subscriptionId, statistics, malformed };
}

/** The messages of `errors[]`, one per statistic the server refused. */
export function errorMessages(envelope: Envelope): string[] {
  return (envelope.errors ?? []).flatMap((e) => (e.status.message ? [e.status.message] : []));
}
