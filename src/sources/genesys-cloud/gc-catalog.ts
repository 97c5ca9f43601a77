import type { ObjectKind } from '../../vocabulary/object-kinds.ts';
import { wallboardStatistic, type WallboardStatisticId } from '../../vocabulary/statistics.ts';
import type { SourceCatalog, SourceStatistic } from '../source-definition.ts';

/**
 * What the Genesys Cloud source can supply (docs/vendors/genesys-cloud.md "The Genesys Cloud source
 * in the app"), and where each value comes from:
 * - `observations`: `observations/query` and the `v2.analytics.queues.{id}.observations` topic;
 * - `aggregates`: `conversations/aggregates/query`, local midnight to now, by queue or by requested skill;
 * - `agents`: users' routing status (`v2.users.{id}.routingStatus`) and presence, for an agent or
 *   every user who has a skill.
 */
export type GcFeed = 'observations' | 'aggregates' | 'agents';

/** The source's own statistics, beside the wallboard's. */
export const GC_OWN_STATISTICS = ['gc-interacting', 'gc-alerting', 'gc-on-queue-agents', 'gc-not-responding-agents', 'gc-offered'] as const;
export type GcOwnStatistic = (typeof GC_OWN_STATISTICS)[number];
export type GcStatistic = WallboardStatisticId | GcOwnStatistic;

interface Entry {
  readonly id: GcStatistic;
  /** The feed for each kind it is offered for. */
  readonly feeds: Readonly<Partial<Record<ObjectKind, GcFeed>>>;
  readonly meaning: string;
  /** For the source's own statistics (the wallboard's carry theirs). */
  readonly own?: Pick<SourceStatistic, 'label' | 'format'>;
}

const Q_OBS = { queue: 'observations' } as const;
const QS_AGG = { queue: 'aggregates', skill: 'aggregates' } as const;
const QS_AGENTS = { queue: 'observations', skill: 'agents' } as const;

const ENTRIES: readonly Entry[] = [
  { id: 'ServiceLevel', feeds: QS_AGG, meaning: "Today's service level against the queue's own target (oServiceLevel from the conversation aggregates, local midnight to now, refreshed every 30 s); for a skill, over the conversations that requested it. The target is the queue's setting in Genesys Cloud; a tile cannot choose another." },
  { id: 'Current_In_Queue', feeds: Q_OBS, meaning: 'Conversations waiting in the queue now, all media types (oWaiting).' },
  { id: 'CurrMaxCallWaitingTime', feeds: Q_OBS, meaning: 'How long the oldest conversation still waiting in the queue has waited (the oldest oWaiting observation, or oLongestWaiting).' },
  { id: 'LongestIdleTime', feeds: QS_AGENTS, meaning: 'How long the member who has been idle (on queue, routing status IDLE) the longest has been so: for a queue from its oOnQueueUsers IDLE observations, for a skill from the routing status of everyone who has it.' },
  { id: 'CurrentReadyAgents', feeds: QS_AGENTS, meaning: 'Members on queue and idle, ready for an interaction (routing status IDLE; oOnQueueUsers IDLE for a queue).' },
  { id: 'CurrentNotReadyAgents', feeds: QS_AGENTS, meaning: 'Members signed in but off queue (oOffQueueUsers for a queue; for a skill, routing status OFF_QUEUE with a presence other than Offline).' },
  { id: 'CurrNumberInCall', feeds: QS_AGENTS, meaning: 'Members on queue with an interaction (routing status INTERACTING, ringing and wrap-up included; oOnQueueUsers INTERACTING for a queue).' },
  { id: 'Total_Answered', feeds: QS_AGG, meaning: 'Conversations answered today, local midnight to now (tAnswered count); for a skill, those that requested it.' },
  { id: 'Total_Abandoned', feeds: QS_AGG, meaning: 'Conversations abandoned while waiting today, local midnight to now (tAbandon count); for a skill, those that requested it.' },
  { id: 'AverageWaitingTime', feeds: QS_AGG, meaning: 'Average speed of answer today: tAnswered sum ÷ count, local midnight to now; for a skill, over the conversations that requested it.' },
  { id: 'CurrentAgentState', feeds: { agent: 'agents' }, meaning: "The user's routing status and since when, told as soon as it changes (v2.users.{id}.routingStatus); off queue is Logged out when the presence is Offline. Genesys Cloud's own name is kept as the label." },
  { id: 'gc-interacting', feeds: Q_OBS, own: { label: 'Interacting', format: 'count' }, meaning: 'Conversations of the queue connected to an agent now, talking or in wrap-up (oInteracting).' },
  { id: 'gc-alerting', feeds: Q_OBS, own: { label: 'Alerting', format: 'count' }, meaning: 'Conversations of the queue ringing at an agent now (oAlerting).' },
  { id: 'gc-on-queue-agents', feeds: QS_AGENTS, own: { label: 'On queue', format: 'count' }, meaning: 'Members on queue now, whatever their routing status (oOnQueueUsers; for a skill, routing status other than OFF_QUEUE).' },
  { id: 'gc-not-responding-agents', feeds: QS_AGENTS, own: { label: 'Not responding', format: 'count' }, meaning: 'Members on queue who let an interaction ring out and are not offered more until they act (routing status NOT_RESPONDING).' },
  { id: 'gc-offered', feeds: QS_AGG, own: { label: 'Offered', format: 'count' }, meaning: 'Conversations offered today, local midnight to now (nOffered); for a skill, those that requested it.' },
];

const VENDOR_TYPES = { queue: 'queue', skill: 'skill', agent: 'user' } as const;
const BY_ID: ReadonlyMap<string, Entry> = new Map(ENTRIES.map((e) => [e.id, e]));

function describe(entry: Entry): SourceStatistic {
  const kinds = Object.keys(entry.feeds) as ObjectKind[];
  const shared = wallboardStatistic(entry.id);
  const vendorTypes = Object.fromEntries(kinds.map((k) => [k, VENDOR_TYPES[k as keyof typeof VENDOR_TYPES]]));
  return {
    id: entry.id,
    label: shared?.label ?? entry.own?.label ?? entry.id,
    meaning: entry.meaning,
    format: shared?.format ?? entry.own?.format ?? 'count',
    kinds,
    thresholdRule: shared?.thresholdRule,
    vendorTypes,
  };
}

const CATALOG: SourceCatalog = { statistics: ENTRIES.map(describe), objectKinds: ['queue', 'skill', 'agent'] };

export function genesysCloudCatalog(): SourceCatalog {
  return CATALOG;
}

/** Which feed supplies a statistic of a kind of object; undefined when this source cannot supply it. */
export function feedOf(statistic: string, kind: ObjectKind): GcFeed | undefined {
  return BY_ID.get(statistic)?.feeds[kind];
}
