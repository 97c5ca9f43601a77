/** "Each WebSocket connection is limited to 1,000 topics" (docs/vendors/genesys-cloud.md "Notifications"). */
export const MAX_TOPICS_PER_CHANNEL = 1000;

/** A channel's topics now, as the plan sees them. */
export interface ChannelTopics {
  readonly id: number;
  readonly topics: ReadonlySet<string>;
}

export interface TopicPlan {
  /** The topics each existing channel should hold next, by channel id (empty: none left). */
  readonly keep: ReadonlyMap<number, readonly string[]>;
  /** Topics for channels still to be made, at most `max` each. */
  readonly create: readonly (readonly string[])[];
}

/**
 * Spreads the wanted topics over channels with as few subscription changes as possible: a topic
 * stays on the channel that has it, new topics fill the channels with room first (in order), and
 * only the rest opens new channels. Topics are compared as given (callers pass one spelling).
 */
export function planTopics(channels: readonly ChannelTopics[], wanted: Iterable<string>, max = MAX_TOPICS_PER_CHANNEL): TopicPlan {
  const want = new Set(wanted);
  const keep = new Map<number, string[]>();
  const placed = new Set<string>();
  for (const channel of channels) {
    const kept = [...channel.topics].filter((t) => want.has(t) && !placed.has(t)).slice(0, max);
    for (const t of kept) placed.add(t);
    keep.set(channel.id, kept);
  }
  const rest = [...want].filter((t) => !placed.has(t));
  for (const channel of channels) {
    const list = keep.get(channel.id) ?? [];
    while (list.length < max && rest.length > 0) list.push(rest.shift() as string);
  }
  const create: string[][] = [];
  for (let i = 0; i < rest.length; i += max) create.push(rest.slice(i, i + max));
  return { keep, create };
}

/** True when a channel's next topics differ from what it has (order aside). */
export function topicsChanged(current: ReadonlySet<string>, next: readonly string[]): boolean {
  return current.size !== next.length || next.some((t) => !current.has(t));
}
