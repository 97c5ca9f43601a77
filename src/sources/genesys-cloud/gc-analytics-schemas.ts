import { z } from 'zod';

/**
 * The analytics answers and the observations topic (docs/vendors/genesys-cloud.md "Queue
 * observations", "Aggregates", "Notifications"). Results are parsed group by group and metrics
 * datum by datum: one odd datum is dropped and counted, the rest of the answer is kept.
 */

const count = z.number().finite().nonnegative();

/** `ObservationValue`: only the time matters here (the oldest wait, the longest idle). */
export const observationValueSchema = z.object({
  observationDate: z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO-8601 date'),
  userId: z.string().optional(),
});

/** `ObservationMetricData` of `observations/query`. */
export const observationDatumSchema = z.object({
  metric: z.string().min(1),
  qualifier: z.string().optional(),
  stats: z
    .object({ count: count.optional(), calculatedMetricValue: z.number().finite().optional() })
    .default({}),
  truncated: z.boolean().optional(),
  observations: z.array(observationValueSchema).optional(),
});
export type ObservationDatum = z.infer<typeof observationDatumSchema>;

/** A result group: `{group: {queueId, mediaType?}, data: [...]}` (data parsed by the caller). */
export const queueGroupSchema = z.object({
  group: z.object({ queueId: z.string().min(1), mediaType: z.string().optional() }),
  data: z.array(z.unknown()).default([]),
});

export const resultsSchema = z.object({ results: z.array(z.unknown()).default([]) });

/** `StatEventQueueTopicMetricStats` of the observations topic: `stats` is a plain map of numbers. */
export const topicMetricSchema = z.object({
  metric: z.string().min(1),
  qualifier: z.string().optional(),
  stats: z.record(z.string(), z.number().finite()).default({}),
});
export type TopicMetric = z.infer<typeof topicMetricSchema>;

/** `StatEventQueueTopicStatsNotification`: metrics parsed by the caller. */
export const topicStatsSchema = z.object({
  group: z.object({ queueId: z.string().optional(), mediaType: z.string().optional() }).default({}),
  data: z.array(z.object({ interval: z.string().optional(), metrics: z.array(z.unknown()).default([]) })).default([]),
});

/** `AggregateMetricData` of `conversations/aggregates/query` (`StatisticalSummary` stats). */
export const aggregateDatumSchema = z.object({
  metric: z.string().min(1),
  qualifier: z.string().optional(),
  stats: z
    .object({
      count: count.optional(),
      sum: z.number().finite().optional(),
      ratio: z.number().finite().optional(),
      numerator: z.number().finite().optional(),
      denominator: z.number().finite().optional(),
    })
    .default({}),
});
export type AggregateDatum = z.infer<typeof aggregateDatumSchema>;

/** `ConversationAggregateDataContainer`: the group's dimensions (read by the caller) and intervals of metrics. */
export const aggregateGroupSchema = z.object({
  group: z.record(z.string(), z.unknown()),
  data: z.array(z.object({ interval: z.string().optional(), metrics: z.array(z.unknown()).default([]) })).default([]),
});

/** Parses a list item by item: what fits is kept, what does not is counted. */
export function parseEach<T>(items: readonly unknown[], schema: z.ZodType<T>): { readonly ok: T[]; readonly bad: number } {
  const ok: T[] = [];
  let bad = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) ok.push(parsed.data);
    else bad++;
  }
  return { ok, bad };
}
