import type { SimEvent, Simulation } from '../../sim/sim-types.ts';
import type { VendorIdMap } from '../../vendor-ids/vendor-ids.ts';
import { createCallHistory, type CallHistory } from './call-history.ts';
import type { AgentCall, GcFloor } from './gc-floor.ts';
import { routingStatusOf, systemPresenceOf, type GcSystemPresence } from './gc-status.ts';

/**
 * What Genesys Cloud knows beyond the simulation's snapshot, kept from the simulation's events:
 * which queue each agent's call came from, since when each agent has had its GC routing status
 * and presence (consecutive simulation states with one GC status keep the first one's start), and
 * every call of the last days for the aggregates. Create it before the simulation first advances,
 * so it sees the whole simulated day.
 */
export interface GenesysCloudState {
  readonly ids: VendorIdMap;
  /** The floor now; build payloads with the functions of gc-floor.ts. */
  floor(): GcFloor;
  readonly history: CallHistory;
  /** Simulated epoch ms at which this state started watching (start of the simulated day). */
  readonly startedAt: number;
}

const HOLDS_CALL = new Set(['CallRinging', 'CallInbound', 'AfterCallWork']);

export function createGenesysCloudState(sim: Simulation, ids: VendorIdMap): GenesysCloudState {
  const agentCalls = new Map<string, AgentCall>();
  const routingSince = new Map<string, number>();
  const presenceSince = new Map<string, number>();
  const history = createCallHistory();
  const startedAt = sim.now();
  const presence = new Map<string, GcSystemPresence>(sim.snapshot().agents.map((a) => [a.id, systemPresenceOf(a.state, a.reason)]));

  const apply = (e: SimEvent): void => {
    history.apply(e);
    switch (e.type) {
      case 'CallDistributed':
        agentCalls.set(e.agentId, { callId: e.callId, queueId: e.queueId, distributedAt: e.at });
        return;
      case 'CallAnswered': {
        const call = agentCalls.get(e.agentId);
        if (call?.callId === e.callId) agentCalls.set(e.agentId, { ...call, answeredAt: e.at });
        return;
      }
      case 'AgentStateChanged': {
        if (!HOLDS_CALL.has(e.to)) agentCalls.delete(e.agentId);
        if (routingStatusOf(e.from) !== routingStatusOf(e.to)) routingSince.set(e.agentId, e.at);
        const next = systemPresenceOf(e.to, e.reason);
        if (presence.get(e.agentId) !== next) presenceSince.set(e.agentId, e.at);
        presence.set(e.agentId, next);
        return;
      }
      default:
        return;
    }
  };
  sim.onEvents((events) => {
    for (const e of events) apply(e);
  });

  return {
    ids,
    startedAt,
    history,
    floor: () => ({ snapshot: sim.snapshot(), config: sim.config, ids, agentCalls, routingSince, presenceSince }),
  };
}
