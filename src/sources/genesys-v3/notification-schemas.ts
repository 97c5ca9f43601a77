import { z } from 'zod';

/**
 * The `data` of CometD messages on the two Statistics channels (docs/vendors/genesys-engage.md §2.9). The documented
 * object `{name, topic, data:{statistics}}` is the Bayeux message's `data`; other deployments put
 * `statistics` one level up, so both are accepted. Dispatch is on the Bayeux channel, never on
 * `topic` (one documented sample has it without its leading slash).
 */

/** One statistic of a StatisticUpdate: the four documented fields; `value` is parsed later, per statistic. */
export const notifiedStatisticSchema = z.object({
  subscriptionId: z.string().min(1),
  statisticId: z.string().min(1),
  value: z.unknown(),
  timestamp: z.number(),
});
export type NotifiedStatistic = z.infer<typeof notifiedStatisticSchema>;

const statisticsListSchema = z.object({ statistics: z.array(z.unknown()) });
const statisticUpdateSchema = z.union([
  z.object({ name: z.string().optional(), data: statisticsListSchema }),
  z.object({ name: z.string().optional(), statistics: z.array(z.unknown()) }),
]);

const serviceStateSchema = z.union([
  z.object({ name: z.string().optional(), data: z.object({ serviceState: z.string() }) }),
  z.object({ name: z.string().optional(), serviceState: z.string() }),
]);

export type StatisticUpdateResult =
  | { readonly ok: true; readonly statistics: readonly NotifiedStatistic[]; readonly malformed: number }
  | { readonly ok: false; readonly reason: string };

/**
 * A StatisticUpdate's statistics. One broken statistic does not sink its neighbours: it is
 * counted in `malformed` and the rest are kept.
 */
export function parseStatisticUpdate(data: unknown): StatisticUpdateResult {
  const parsed = statisticUpdateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'malformed StatisticUpdate' };
  const message = parsed.data;
  if (message.name !== undefined && message.name !== 'StatisticUpdate') return { ok: false, reason: 'unexpected message on the updates channel' };
  const raw = 'data' in message ? message.data.statistics : message.statistics;
  const statistics: NotifiedStatistic[] = [];
  let malformed = 0;
  for (const entry of raw) {
    const statistic = notifiedStatisticSchema.safeParse(entry);
    if (statistic.success) statistics.push(statistic.data);
    else malformed++;
  }
  return { ok: true, statistics, malformed };
}

export type ServiceStateResult =
  | { readonly ok: true; readonly state: 'AVAILABLE' | 'UNAVAILABLE' }
  | { readonly ok: false; readonly reason: string };

/** A ServiceStateChange's state; the vendor's own client treats any other word as Unknown and ignores it. */
export function parseServiceState(data: unknown): ServiceStateResult {
  const parsed = serviceStateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: 'malformed ServiceStateChange' };
  const message = parsed.data;
  if (message.name !== undefined && message.name !== 'ServiceStateChange') return { ok: false, reason: 'unexpected message on the service channel' };
  const state = ('data' in message ? message.data.serviceState : message.serviceState).toUpperCase();
  return state === 'AVAILABLE' || state === 'UNAVAILABLE' ? { ok: true, state } : { ok: false, reason: 'unknown service state' };
}
