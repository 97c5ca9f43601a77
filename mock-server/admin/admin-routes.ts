import { z } from 'zod';
import type { ApiRequest, ApiResponse, Route } from '../api/http-types.ts';
import { NOT_READY_REASONS, type Simulation } from '../sim/sim-types.ts';
import { faultsBodySchema, type FaultState, type FaultVendor, type Faults, type VendorFaults } from './fault-state.ts';
import type { Firehose } from './firehose.ts';
import { nameOverrideBodySchema, type NameOverrides } from './name-overrides.ts';
import { VENDORS, type RequestCounts } from './request-counts.ts';

export type ServiceState = 'AVAILABLE' | 'UNAVAILABLE';

export interface ClockControl {
  getState(): { readonly speed: number; readonly paused: boolean; readonly simNow: number };
  set(change: { readonly speed?: number; readonly paused?: boolean; readonly advanceMs?: number }): void;
}

export interface SessionInfo {
  readonly id: string;
  readonly user: string;
  readonly subscriptions: number;
  readonly statistics: number;
  readonly queuedMessages: number;
  /** Only on sessions stalled by the fault (mock addition). */
  readonly stalled?: true;
}

export interface AdminContext {
  readonly sim: Simulation;
  readonly clock: ClockControl;
  readonly serviceState: () => ServiceState;
  readonly setServiceState: (state: ServiceState) => void;
  readonly faults: FaultState;
  readonly dropCometdSessions: () => void;
  readonly stallCometdSessions: () => void;
  readonly clearStalledCometdSessions: () => void;
  /** Requests of stalled sessions held open right now (mock addition), so tests can see none leaks. */
  readonly stalledRequests: () => number;
  readonly setMalformedRate: (rate: number) => void;
  readonly revokeAllTokens: (includeRefreshTokens: boolean) => void;
  readonly firehose: Firehose;
  readonly sessions: () => readonly SessionInfo[];
  readonly counts: () => { readonly subscriptions: number; readonly statistics: number };
  /** Display names served by the listings over the config's (mock addition). */
  readonly names: NameOverrides;
  /** The object's id in each vendor facade that names it differently, e.g. `{ "genesys-cloud": "<uuid>" }`. */
  readonly objectIds?: (kind: 'queue' | 'agent', simId: string) => Readonly<Record<string, string | number>>;
  /** What each facade has been asked (`GET /mock/admin/requests`). */
  readonly requests?: RequestCounts;
  /** Genesys Cloud's notification sockets, for the one-shot faults `socketClosing` and `expireChannels`. */
  readonly genesysCloudSockets?: { warnAndCloseSockets(): void; expireChannels(): void };
}

/** Vendors other than Genesys Engage show their faults only while they have some. */
function vendorsView(faults: FaultState): { vendors?: Partial<Record<FaultVendor, VendorFaults>> } {
  const entries = VENDORS.filter((v) => v !== 'genesys-v3').flatMap((v) => {
    const f = faults.forVendor(v);
    return f.httpErrorRate > 0 || f.latencyMs > 0 || f.down || f.rateLimitPerMinute > 0 ? [[v, f] as const] : [];
  });
  return entries.length > 0 ? { vendors: Object.fromEntries(entries) } : {};
}

const clockSchema = z
  .object({
    speed: z.number().positive().max(10_000).optional(),
    paused: z.boolean().optional(),
    advanceMs: z.number().int().min(0).max(7 * 86_400_000).optional(),
  })
  .strict();
/** No body: access tokens only (docs/mock-server.md "Admin API"); `refreshTokens: true` also ends every refresh token. */
const revokeSchema = z.object({ refreshTokens: z.boolean().optional() }).strict();
const serviceStateSchema = z.object({ state: z.enum(['AVAILABLE', 'UNAVAILABLE']) }).strict();
const firehoseSchema = z
  .object({
    updatesPerSecond: z.number().positive().max(1_000_000),
    statistics: z.number().int().positive().optional(),
  })
  .strict();
const callSchema = z
  .object({
    queueId: z.string().min(1),
    delayMs: z.number().int().min(0).optional(),
    patienceMs: z.number().int().positive().optional(),
    ringMs: z.number().int().min(0).optional(),
    talkMs: z.number().int().positive().optional(),
    acwMs: z.number().int().min(0).optional(),
  })
  .strict();
const agentStatusSchema = z
  .object({
    status: z.enum(['WaitForNextCall', 'NotReadyForNextCall', 'LoggedOut']),
    reason: z.enum(NOT_READY_REASONS).optional(),
  })
  .strict();

const json = (status: number, body: unknown): ApiResponse => ({ status, json: body });

function parse<T>(schema: z.ZodType<T>, request: ApiRequest): { ok: true; data: T } | { ok: false; response: ApiResponse } {
  if (request.bodyError) return { ok: false, response: json(request.bodyError === 'too-large' ? 413 : 400, { error: request.bodyError }) };
  const parsed = schema.safeParse(request.body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, response: json(400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` }) };
}

/** `/mock/admin/...` (docs/mock-server.md "Admin API"): ground truth, clock, faults and load for tests and demos. No auth: mock only. */
export function adminRoutes(context: AdminContext): Route[] {
  // `refuseStatistics` shows only while set, so the view of the documented faults stays as it was.
  const faultsView = ({ refuseStatistics, ...documented }: Faults): Record<string, unknown> => ({
    ...documented,
    ...(refuseStatistics.length > 0 ? { refuseStatistics } : {}),
    ...(context.faults.isDown('genesys-v3') ? { down: true } : {}),
    ...vendorsView(context.faults),
  });
  const snapshot = (): unknown => {
    const truth = context.sim.snapshot();
    const ids = context.objectIds;
    if (!ids) return truth;
    return {
      ...truth,
      queues: truth.queues.map((q) => ({ ...q, ids: ids('queue', q.id) })),
      agents: truth.agents.map((a) => ({ ...a, ids: ids('agent', a.id) })),
    };
  };
  return [
    { method: 'GET', path: '/mock/admin/snapshot', handler: () => json(200, snapshot()) },
    { method: 'GET', path: '/mock/admin/clock', handler: () => json(200, context.clock.getState()) },
    {
      method: 'POST',
      path: '/mock/admin/clock',
      handler(request) {
        const body = parse(clockSchema, request);
        if (!body.ok) return body.response;
        context.clock.set(body.data);
        return json(200, context.clock.getState());
      },
    },
    { method: 'GET', path: '/mock/admin/service-state', handler: () => json(200, { state: context.serviceState() }) },
    {
      method: 'POST',
      path: '/mock/admin/service-state',
      handler(request) {
        const body = parse(serviceStateSchema, request);
        if (!body.ok) return body.response;
        context.setServiceState(body.data.state);
        return json(200, { state: context.serviceState() });
      },
    },
    { method: 'GET', path: '/mock/admin/faults', handler: () => json(200, faultsView(context.faults.get())) },
    {
      method: 'POST',
      path: '/mock/admin/faults',
      handler(request) {
        const body = parse(faultsBodySchema, request);
        if (!body.ok) return body.response;
        const { vendor = 'genesys-v3', dropCometdSessions, stallCometdSessions, down, rateLimitPerMinute, socketClosing, expireChannels, ...rest } = body.data;
        if (socketClosing) context.genesysCloudSockets?.warnAndCloseSockets();
        if (expireChannels) context.genesysCloudSockets?.expireChannels();
        if (vendor !== 'genesys-v3') {
          const { httpErrorRate, latencyMs } = rest;
          context.faults.setVendor(vendor, { httpErrorRate, latencyMs, down, rateLimitPerMinute });
          return json(200, faultsView(context.faults.get()));
        }
        if (down !== undefined) context.faults.setVendor('genesys-v3', { down });
        const next = context.faults.set(rest);
        context.setMalformedRate(next.malformedRate);
        if (dropCometdSessions) context.dropCometdSessions();
        if (stallCometdSessions) context.stallCometdSessions();
        return json(200, faultsView(next));
      },
    },
    {
      method: 'DELETE',
      path: '/mock/admin/faults',
      handler(request) {
        const vendor = request.query.get('vendor');
        if (vendor !== null && !(VENDORS as readonly string[]).includes(vendor)) return json(400, { error: `vendor: must be one of ${VENDORS.join(', ')}` });
        if (vendor === null) context.faults.clear();
        else context.faults.clearVendor(vendor as FaultVendor);
        if (vendor === null || vendor === 'genesys-v3') {
          context.setMalformedRate(0);
          context.clearStalledCometdSessions();
        }
        return json(200, faultsView(context.faults.get()));
      },
    },
    { method: 'GET', path: '/mock/admin/requests', handler: () => json(200, context.requests?.view() ?? {}) },
    {
      method: 'DELETE',
      path: '/mock/admin/requests',
      handler() {
        context.requests?.reset();
        return json(200, context.requests?.view() ?? {});
      },
    },
    {
      method: 'POST',
      path: '/mock/admin/tokens/revoke',
      handler(request) {
        const body = parse(revokeSchema, request);
        if (!body.ok) return body.response;
        context.revokeAllTokens(body.data.refreshTokens ?? false);
        return json(200, { revoked: true, refreshTokens: body.data.refreshTokens ?? false });
      },
    },
    {
      method: 'POST',
      path: '/mock/admin/firehose',
      handler(request) {
        const body = parse(firehoseSchema, request);
        if (!body.ok) return body.response;
        context.firehose.start(body.data);
        return json(200, context.firehose.status());
      },
    },
    {
      method: 'DELETE',
      path: '/mock/admin/firehose',
      handler() {
        context.firehose.stop();
        return json(200, context.firehose.status());
      },
    },
    { method: 'GET', path: '/mock/admin/firehose', handler: () => json(200, context.firehose.status()) },
    {
      method: 'GET',
      path: '/mock/admin/sessions',
      handler: () => json(200, { sessions: context.sessions(), ...context.counts(), stalledRequests: context.stalledRequests() }),
    },
    {
      method: 'POST',
      path: '/mock/admin/calls',
      handler(request) {
        const body = parse(callSchema, request);
        if (!body.ok) return body.response;
        const { queueId, delayMs, ...fate } = body.data;
        if (!context.sim.config.queues.some((q) => q.id === queueId)) return json(404, { error: `unknown queue "${queueId}"` });
        const callId = context.sim.scheduleCall({ queueId, at: context.sim.now() + (delayMs ?? 0), ...fate });
        return json(200, { callId });
      },
    },
    { method: 'GET', path: '/mock/admin/names', handler: () => json(200, { names: context.names.list() }) },
    {
      method: 'POST',
      path: '/mock/admin/names',
      handler(request) {
        const body = parse(nameOverrideBodySchema, request);
        if (!body.ok) return body.response;
        const { type, id } = body.data;
        const { config } = context.sim;
        const known = (type === 'queue' ? config.queues : type === 'skill' ? config.skills : config.agents).some((o) => o.id === id);
        if (!known) return json(404, { error: `unknown ${type} "${id}"` });
        context.names.set(body.data);
        return json(200, { names: context.names.list() });
      },
    },
    {
      method: 'DELETE',
      path: '/mock/admin/names',
      handler() {
        context.names.clear();
        return json(200, { names: context.names.list() });
      },
    },
    {
      method: 'POST',
      path: '/mock/admin/agents/:id/status',
      handler(request) {
        const body = parse(agentStatusSchema, request);
        if (!body.ok) return body.response;
        const id = request.params.id ?? '';
        if (!context.sim.config.agents.some((a) => a.id === id)) return json(404, { error: `unknown agent "${id}"` });
        try {
          context.sim.setAgentStatus(id, body.data.status, body.data.reason);
        } catch (error) {
          return json(409, { error: error instanceof Error ? error.message : String(error) });
        }
        return json(200, { id, status: body.data.status });
      },
    },
  ];
}
