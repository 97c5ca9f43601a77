import { z } from 'zod';
import type { StatisticDescriptor } from '../../stats/stat-engine.ts';
import type { SubscribedStatistic } from '../../stats/subscription-registry.ts';
import { errorEnvelope, okEnvelope, partialEnvelope, type StatusObject } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { statisticEntry } from './statistic-entry.ts';
import { guard, type StatisticsApiContext } from './statistics-context.ts';
import {
  createSubscriptionBodySchema,
  describeIssue,
  inlineDefinitionSchema,
  statisticRequestSchema,
  verboseSchema,
} from './statistics-schemas.ts';

const BASE = '/statistics/v3/subscriptions';

type Parsed = { readonly ok: true; readonly statistic: SubscribedStatistic } | { readonly ok: false; readonly error: StatusObject };

function parseStatistic(context: StatisticsApiContext, raw: unknown, index: number): Parsed {
  const label = (id: string | undefined): string => (id ? `statistic "${id}"` : `statistics[${index}]`);
  const request = statisticRequestSchema.safeParse(raw);
  if (!request.success) {
    const id = z.object({ statisticId: z.string() }).safeParse(raw);
    return { ok: false, error: { code: 400, message: `${label(id.data?.statisticId)}: ${describeIssue(request.error)}` } };
  }
  const { statisticId, objectId, objectType, name, definition } = request.data;
  if (name !== undefined && context.refusedStatistics?.().includes(name)) {
    return { ok: false, error: { code: 403, message: `${label(statisticId)}: statistic "${name}" is not permitted for this tenant (injected fault)` } };
  }
  let descriptor: StatisticDescriptor;
  if (name !== undefined) {
    descriptor = { objectType, objectId, name };
  } else {
    const def = inlineDefinitionSchema.safeParse(definition);
    if (!def.success) {
      return { ok: false, error: { code: 400, message: `${label(statisticId)}: definition.${describeIssue(def.error)}` } };
    }
    const { notificationMode, notificationFrequency, insensitivity, ...statDefinition } = def.data;
    descriptor = {
      objectType,
      objectId,
      definition: statDefinition,
      notification: {
        mode: notificationMode ?? 'Periodical',
        frequencySec: notificationFrequency ?? 10,
        insensitivity: insensitivity ?? (notificationMode === 'Changes' ? 1 : 0),
      },
    };
  }
  const resolved = context.engine.resolve(descriptor);
  if (!resolved.ok) {
    const code = resolved.reason === 'unknown-statistic' || resolved.reason === 'unknown-object' ? 404 : 400;
    return { ok: false, error: { code, message: `${label(statisticId)}: ${resolved.message}` } };
  }
  return { ok: true, statistic: { statisticId, statistic: resolved.statistic, name, objectId, objectType } };
}

function create(context: StatisticsApiContext): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const allowed = guard(context, request);
    if (!allowed.ok) return allowed.response;
    const verbose = verboseSchema.safeParse(request.query.get('verbose') ?? undefined);
    if (!verbose.success) return errorEnvelope(400, describeIssue(verbose.error));
    const body = createSubscriptionBodySchema.safeParse(request.body);
    if (!body.success) return errorEnvelope(400, describeIssue(body.error));

    // "The subscriptionId is filled from the operationId" (docs/vendors/genesys-engage.md §2.3); clients that omit it still work (§2.12 there).
    const subscriptionId = body.data.operationId ?? context.newId();
    if (context.engine.subscriptions.get(subscriptionId)) {
      return errorEnvelope(400, `operationId "${subscriptionId}" is already an open subscription`);
    }
    const opened: SubscribedStatistic[] = [];
    const errors: StatusObject[] = [];
    const seen = new Set<string>();
    body.data.data.statistics.forEach((raw, index) => {
      const parsed = parseStatistic(context, raw, index);
      if (!parsed.ok) {
        errors.push(parsed.error);
        return;
      }
      if (seen.has(parsed.statistic.statisticId)) {
        errors.push({ code: 400, message: `statistic "${parsed.statistic.statisticId}": duplicate statisticId` });
        return;
      }
      seen.add(parsed.statistic.statisticId);
      opened.push(parsed.statistic);
    });
    if (errors.some((e) => e.message?.endsWith('duplicate statisticId'))) {
      return { status: 400, json: { status: { code: 400, message: 'Duplicate statisticId in request' }, errors: errors.map((status) => ({ status })) } };
    }
    if (opened.length === 0) {
      return {
        status: 400,
        json: { status: { code: 400, message: errors[0]?.message ?? 'No statistic could be opened' }, errors: errors.map((status) => ({ status })) },
      };
    }
    context.engine.subscriptions.open({
      id: subscriptionId,
      owner: context.sessionOwner(request, allowed.principal),
      tokenId: allowed.principal.tokenId,
      tokenExpiresAt: allowed.principal.expiresAt,
      subject: allowed.principal.subject,
      statistics: opened,
    });
    const data = {
      subscriptionId,
      operationId: subscriptionId,
      statistics: opened.map((s) => statisticEntry(verbose.data, s, context.engine.current(s.statistic))),
    };
    return errors.length > 0 ? partialEnvelope(data, errors) : okEnvelope(data);
  };
}

/** `statisticIds` comes as a comma list (documents) or a repeated parameter (Genesys's client library). */
function requestedIds(query: URLSearchParams): string[] | undefined {
  const all = query.getAll('statisticIds').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return all.length > 0 ? all : undefined;
}

function values(context: StatisticsApiContext): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const allowed = guard(context, request);
    if (!allowed.ok) return allowed.response;
    const verbose = verboseSchema.safeParse(request.query.get('verbose') ?? undefined);
    if (!verbose.success) return errorEnvelope(400, describeIssue(verbose.error));
    const id = request.params.id ?? '';
    const subscription = context.engine.subscriptions.get(id);
    // Another user's subscription does not exist for this caller.
    if (!subscription || subscription.subject !== allowed.principal.subject) return errorEnvelope(404, `Subscription "${id}" not found`);
    const wanted = requestedIds(request.query);
    let statistics = subscription.statistics;
    const errors: StatusObject[] = [];
    if (wanted) {
      const known = new Set(statistics.map((s) => s.statisticId));
      for (const w of wanted) if (!known.has(w)) errors.push({ code: 404, message: `statistic "${w}" is not in subscription "${id}"` });
      const keep = new Set(wanted);
      statistics = statistics.filter((s) => keep.has(s.statisticId));
    }
    const data = {
      subscriptionId: id,
      statistics: statistics.map((s) => statisticEntry(verbose.data, s, context.engine.current(s.statistic))),
    };
    return errors.length > 0 ? partialEnvelope(data, errors) : okEnvelope(data);
  };
}

function remove(context: StatisticsApiContext): (request: ApiRequest) => ApiResponse {
  return (request) => {
    // Fire-and-forget: "always returns a success response" (docs/vendors/genesys-engage.md §2.5), even while the service is down.
    const allowed = guard(context, request, { whenUnavailable: 'serve' });
    if (!allowed.ok) return allowed.response;
    const subscription = context.engine.subscriptions.get(request.params.id ?? '');
    if (subscription?.subject === allowed.principal.subject) context.engine.subscriptions.close(subscription.id);
    return okEnvelope();
  };
}

export function subscriptionRoutes(context: StatisticsApiContext): Route[] {
  return [
    { method: 'POST', path: BASE, handler: create(context) },
    { method: 'GET', path: `${BASE}/:id/statistic-values`, handler: values(context) },
    { method: 'DELETE', path: `${BASE}/:id`, handler: remove(context) },
  ];
}
