import type { TopicRefusal } from './gc-channel-api.ts';
import { queueObservationsTopic, userRoutingStatusTopic } from './gc-frames.ts';
import type { Watched, WatchBook } from './gc-watch-book.ts';

/**
 * The topics the watched statistics need (lower case → spelled as the specs and the platform spell
 * the ids): each queue with an observation statistic, and each user whose routing status is wanted.
 */
export function wantedTopics(book: WatchBook, users: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, spelled] of book.objects('observations', 'queue')) out.set(queueObservationsTopic(id), queueObservationsTopic(spelled));
  for (const [id, spelled] of users) out.set(userRoutingStatusTopic(id).toLowerCase(), userRoutingStatusTopic(spelled));
  return out;
}

const QUEUE = /^v2\.analytics\.queues\.(.+)\.observations$/i;
const USER = /^v2\.users\.(.+)\.routingstatus$/i;

/**
 * The statistics a refused topic stands for: a queue's observation statistics, or an agent's state.
 * A skill's member whose topic is refused is left out of nothing: the skill counts are read again.
 */
export function refusedStatistics(book: WatchBook, refusal: TopicRefusal): readonly Watched[] {
  const queue = QUEUE.exec(refusal.topic)?.[1];
  if (queue !== undefined) return book.of('observations', queue.toLowerCase());
  const user = USER.exec(refusal.topic)?.[1];
  if (user !== undefined) return book.of('agents', user.toLowerCase()).filter((w) => w.spec.kind === 'agent');
  return [];
}
