import { errorEnvelope, okEnvelope, partialEnvelope, type StatusObject } from '../genesys-envelope.ts';
import type { ApiRequest, ApiResponse, Route } from '../http-types.ts';
import { guard, type StatisticsApiContext } from './statistics-context.ts';
import { describeIssue, getStatisticExBodySchema } from './statistics-schemas.ts';

/** `POST /statistics/v3/operations/get-statistic-ex`: values of pre-configured statistics without a subscription (docs/vendors/genesys-engage.md §2.6). */
function getStatisticEx(context: StatisticsApiContext): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const allowed = guard(context, request);
    if (!allowed.ok) return allowed.response;
    const body = getStatisticExBodySchema.safeParse(request.body);
    if (!body.success) return errorEnvelope(400, describeIssue(body.error));
    const statistics: Record<string, unknown>[] = [];
    const errors: StatusObject[] = [];
    body.data.data.statistics.forEach((s, i) => {
      const resolved = context.engine.resolve(s);
      if (!resolved.ok) {
        errors.push({ code: 400, message: `statistics[${i}] (${s.name} of ${s.objectType} ${s.objectId}): ${resolved.message}` });
        return;
      }
      const { value, timestamp } = context.engine.current(resolved.statistic);
      statistics.push({ name: s.name, objectType: s.objectType, objectId: s.objectId, value, timestamp });
    });
    if (statistics.length === 0) {
      return { status: 400, json: { status: { code: 400, message: errors[0]?.message ?? 'invalid request' }, errors: errors.map((status) => ({ status })) } };
    }
    return errors.length > 0 ? partialEnvelope({ statistics }, errors) : okEnvelope({ statistics });
  };
}

/** `GET /statistics/v3/statistic-values/{statisticName}?objectType&objectId` (docs/vendors/genesys-engage.md §2.7). */
function statisticValue(context: StatisticsApiContext): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const allowed = guard(context, request);
    if (!allowed.ok) return allowed.response;
    const objectType = request.query.get('objectType');
    const objectId = request.query.get('objectId');
    if (!objectType || !objectId) return errorEnvelope(400, 'objectType and objectId query parameters are required');
    const resolved = context.engine.resolve({ name: request.params.name ?? '', objectType, objectId });
    if (!resolved.ok) return errorEnvelope(resolved.reason === 'unknown-type' ? 400 : 404, resolved.message);
    const { value, timestamp } = context.engine.current(resolved.statistic);
    return okEnvelope({ statistic: { value, timestamp } });
  };
}

export function statisticValueRoutes(context: StatisticsApiContext): Route[] {
  return [
    { method: 'POST', path: '/statistics/v3/operations/get-statistic-ex', handler: getStatisticEx(context) },
    { method: 'GET', path: '/statistics/v3/statistic-values/:name', handler: statisticValue(context) },
  ];
}
