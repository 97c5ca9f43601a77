import { statisticUpdateData } from '../../mock-server/api/cometd/notification-messages.ts';
import { AGENT_STATUS_CODES, formatExact, type StatValueObject } from '../../mock-server/stats/stat-value.ts';
import type { StatisticNotification } from '../../mock-server/stats/subscription-registry.ts';
import { createSubscriptionBook, type SubscriptionBook } from '../../src/sources/genesys-v3/subscription-book.ts';
import type { EngageSpec } from '../../src/sources/genesys-v3/engage-spec.ts';
import { statKey } from '../../src/sources/stat-spec.ts';
import type { ObjectKind } from '../../src/vocabulary/object-kinds.ts';

/**
 * The input of the pipeline benchmark: a wallboard's statistics held in a SubscriptionBook as the
 * app's adapter holds them, and StatisticUpdate messages for them exactly as the mock puts them on
 * the wire (its own `statisticUpdateData` and value objects), round-tripped through JSON so the
 * objects are what a CometD client's JSON.parse hands the app.
 */
export interface PipelineFixture {
  readonly book: SubscriptionBook;
  readonly statistics: number;
  readonly updatesPerMessage: number;
  /** `passes` rounds over every statistic, each with other values than the one before. */
  readonly messages: readonly unknown[];
  /** Every notified statistic of every message, to re-stamp (see `stampMessage`). */
  readonly notified: readonly (readonly WireStatistic[])[];
}

interface WireStatistic {
  timestamp: number;
}

const QUEUE_NAMES = ['ServiceLevel', 'Current_In_Queue', 'CurrMaxCallWaitingTime', 'Total_Answered', 'Total_Abandoned', 'AverageWaitingTime'];
const GROUP_NAMES = ['CurrentReadyAgents', 'CurrentNotReadyAgents', 'CurrNumberInCall', 'CurrentNumberLoggedInAgents', 'LongestIdleTime', 'AverageHandlingTime'];
const AGENT_NAMES = ['CurrentAgentState', 'AverageHandlingTime', 'Productivity', 'InboundCalls', 'ReadyDuration', 'WrapDuration', 'TalkDuration', 'TimeInCurrentState'];
const TYPES: readonly { readonly objectType: string; readonly kind: ObjectKind; readonly prefix: string; readonly names: readonly string[] }[] = [
  { objectType: 'Queue', kind: 'queue', prefix: 'queue', names: QUEUE_NAMES },
  { objectType: 'GroupAgents', kind: 'skill', prefix: 'group', names: GROUP_NAMES },
  { objectType: 'Agent', kind: 'agent', prefix: 'agent', names: AGENT_NAMES },
];
const AGENT_STATES = ['WaitForNextCall', 'NotReadyForNextCall', 'CallInbound', 'AfterCallWork'];
/** Statistics per subscription, as the adapter batches a board's tiles into few subscriptions. */
const SUBSCRIPTION_SIZE = 500;
const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

/** The i-th statistic: queue, group and agent statistics in turn, every (name, object) distinct. */
export function pipelineSpec(i: number): EngageSpec {
  const type = TYPES[i % TYPES.length] as (typeof TYPES)[number];
  const nth = Math.floor(i / TYPES.length);
  const name = type.names[nth % type.names.length] as string;
  const objectId = `${type.prefix}-${Math.floor(nth / type.names.length)}`;
  // The key the app gives it (the wallboard's spec), the wire type the adapter asks it with.
  return { key: statKey({ source: 'genesys-v3', kind: type.kind, objectId, statistic: name }), objectType: type.objectType, objectId, statistic: name };
}

/** A value in the mock's shape (mock-server/stats/stat-value.ts): numbers vary by statistic and pass. */
function valueOf(spec: EngageSpec, index: number, pass: number, timestamp: number): StatValueObject {
  if (spec.statistic === 'CurrentAgentState') {
    const status = AGENT_STATES[(index + pass) % AGENT_STATES.length] as string;
    return {
      intValue: AGENT_STATUS_CODES[status] ?? 0,
      stringValue: status,
      tag: -1,
      intervalLength: 0,
      timestamp: timestamp - 1000 * ((index % 50) + 1),
      ...(status === 'NotReadyForNextCall' ? { reasonCode: 'Break' } : {}),
    };
  }
  const value = ((index * 7 + pass * 13) % 1000) / (index % 3 === 0 ? 10 : 1);
  return { intValue: Math.round(value), stringValue: formatExact(value), tag: -1, intervalLength: 3600, timestamp };
}

export function createPipelineFixture(options: { readonly statistics: number; readonly updatesPerMessage: number; readonly passes: number }): PipelineFixture {
  const specs = Array.from({ length: options.statistics }, (_, i) => pipelineSpec(i));
  const book = createSubscriptionBook();
  book.want(specs);
  // The very key strings the app's sync records (subscription-sync.ts takes them from
  // needingCreate()): the same objects as the book's and the store's map keys, so a lookup finds
  // its key by identity. Keys built again with statKey would be equal strings but other objects,
  // and every lookup would compare them character by character.
  const keys = book.needingCreate();
  if (keys.length !== specs.length || keys.some((key, i) => key !== (specs[i] as EngageSpec).key)) throw new Error('pipeline fixture: keys out of order');
  const location: { subscriptionId: string; statisticId: string }[] = [];
  for (let first = 0; first < keys.length; first += SUBSCRIPTION_SIZE) {
    const subscriptionId = `wallboard-${first / SUBSCRIPTION_SIZE}`;
    const chunk = keys.slice(first, first + SUBSCRIPTION_SIZE);
    book.recordOpened(
      subscriptionId,
      chunk.map((key, i) => ({ statisticId: String(i), key })),
      BASE_TIME,
    );
    chunk.forEach((_, i) => location.push({ subscriptionId, statisticId: String(i) }));
  }

  const messages: unknown[] = [];
  const notified: WireStatistic[][] = [];
  for (let pass = 0; pass < options.passes; pass++) {
    for (let first = 0; first < specs.length; first += options.updatesPerMessage) {
      const timestamp = BASE_TIME + pass * 10_000;
      const updates: StatisticNotification[] = [];
      for (let i = first; i < Math.min(first + options.updatesPerMessage, specs.length); i++) {
        const at = location[i] as (typeof location)[number];
        updates.push({ ...at, value: valueOf(specs[i] as EngageSpec, i, pass, timestamp), timestamp });
      }
      const wire = JSON.parse(JSON.stringify(statisticUpdateData(updates))) as { data: { statistics: WireStatistic[] } };
      messages.push(wire);
      notified.push(wire.data.statistics);
    }
  }
  return { book, statistics: specs.length, updatesPerMessage: options.updatesPerMessage, messages, notified };
}

let stamp = BASE_TIME + 1_000_000_000;

/**
 * Gives the statistics of the message about to be applied a timestamp later than any before.
 * The store ignores a value older than the one it shows (a re-read that overtook a notification),
 * so replaying the fixture's passes with their original timestamps would be skipped work, not
 * measured work. Called outside the timed part; the mutation keeps the objects' shape.
 */
export function stampMessage(fixture: PipelineFixture, index: number): void {
  stamp += 1;
  for (const statistic of fixture.notified[index] ?? []) statistic.timestamp = stamp;
}
