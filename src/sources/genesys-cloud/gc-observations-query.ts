import { observationDatumSchema, parseEach, queueGroupSchema, resultsSchema } from './gc-analytics-schemas.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';
import { sameId } from './gc-frames.ts';
import type { QueryGroup } from './gc-queue-store.ts';

/** Queue ids per `observations/query` (a public client validates at most 100; the platform's cap is not documented). */
export const QUEUES_PER_QUERY = 100;
export const OBSERVATIONS_PERMISSION = 'analytics:queueObservation:view';

export interface ObservationsAsk {
  readonly metrics: readonly string[];
  readonly detailMetrics: readonly string[];
}

export type ObservationsAnswer =
  | { readonly ok: true; readonly groups: readonly QueryGroup[]; readonly bad: number }
  | ({ readonly ok: false } & GcFailure);

/** `QueueObservationQuery` for up to QUEUES_PER_QUERY queues. */
export function observationsBody(queueIds: readonly string[], ask: ObservationsAsk): unknown {
  return {
    filter: { type: 'or', predicates: queueIds.map((value) => ({ type: 'dimension', dimension: 'queueId', operator: 'matches', value })) },
    metrics: ask.metrics,
    ...(ask.detailMetrics.length > 0 ? { detailMetrics: ask.detailMetrics } : {}),
  };
}

/**
 * One `POST /api/v2/analytics/queues/observations/query`: its result groups by queue (lower-case
 * id) and media type. A group or datum that does not parse is left out and counted in `bad`.
 */
export async function queryObservations(http: GcHttp, queueIds: readonly string[], ask: ObservationsAsk): Promise<ObservationsAnswer> {
  const answer = await http.request('POST', '/api/v2/analytics/queues/observations/query', {
    body: observationsBody(queueIds, ask),
    schema: resultsSchema,
    permission: OBSERVATIONS_PERMISSION,
  });
  if (!answer.ok) return answer;
  const groups = parseEach(answer.value.results, queueGroupSchema);
  let bad = groups.bad;
  const out = groups.ok.map((g) => {
    const data = parseEach(g.data, observationDatumSchema);
    bad += data.bad;
    return { queueId: sameId(g.group.queueId), mediaType: g.group.mediaType ?? '', data: data.ok };
  });
  return { ok: true, groups: out, bad };
}

/** Splits a list into runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
