/** What a topic the mock serves is about, in the simulation's own ids. */
export type TopicTarget =
  | { readonly kind: 'queueObservations'; readonly queueId: string }
  | { readonly kind: 'userRoutingStatus'; readonly agentId: string }
  /** A user who takes no calls (a supervisor): always off queue, so nothing is ever published. */
  | { readonly kind: 'quietUser'; readonly userId: string };

export type TopicCheck =
  | { readonly ok: true; readonly topic: string; readonly target: TopicTarget }
  | { readonly ok: false; readonly topic: string; readonly reason: string };

/** Vendor id ↔ simulation id for the objects topics name. */
export interface TopicIds {
  queueToSim(vendorId: string): string | undefined;
  agentToSim(vendorId: string): string | undefined;
  queueToVendor(simId: string): string;
  agentToVendor(simId: string): string;
  /** A user of the org who is no agent of the simulation (the demo supervisor and kiosk). */
  isOtherUser(vendorId: string): boolean;
}

const QUEUE_OBSERVATIONS = /^v2\.analytics\.queues\.([^.]+)\.observations$/;
const USER_ROUTING_STATUS = /^v2\.users\.([^.]+)\.routingStatus$/;

export const queueObservationsTopic = (queueVendorId: string): string => `v2.analytics.queues.${queueVendorId}.observations`;
export const userRoutingStatusTopic = (userVendorId: string): string => `v2.users.${userVendorId}.routingStatus`;

/**
 * Accepts the two topics the mock publishes, naming an object that exists. The answer names the
 * topic with the id as the platform spells it (lower case), which is also the `topicName` of its
 * frames.
 */
export function checkTopic(topic: string, ids: TopicIds): TopicCheck {
  const queue = QUEUE_OBSERVATIONS.exec(topic);
  if (queue?.[1] !== undefined) {
    const queueId = ids.queueToSim(queue[1]);
    if (queueId === undefined) return { ok: false, topic, reason: `Queue ${queue[1]} was not found` };
    return { ok: true, topic: queueObservationsTopic(ids.queueToVendor(queueId)), target: { kind: 'queueObservations', queueId } };
  }
  const user = USER_ROUTING_STATUS.exec(topic);
  if (user?.[1] !== undefined) {
    const agentId = ids.agentToSim(user[1]);
    // Every user has a routing status, agent or not (GET /users/{id}/routingstatus answers OFF_QUEUE).
    if (agentId === undefined && ids.isOtherUser(user[1])) return { ok: true, topic: userRoutingStatusTopic(user[1].toLowerCase()), target: { kind: 'quietUser', userId: user[1].toLowerCase() } };
    if (agentId === undefined) return { ok: false, topic, reason: `User ${user[1]} was not found` };
    return { ok: true, topic: userRoutingStatusTopic(ids.agentToVendor(agentId)), target: { kind: 'userRoutingStatus', agentId } };
  }
  return { ok: false, topic, reason: `Topic ${topic} is not a valid topic` };
}

/** The target of a topic already accepted (canonical name), or undefined for anything else. */
export function targetOf(topic: string, ids: TopicIds): TopicTarget | undefined {
  const check = checkTopic(topic, ids);
  return check.ok ? check.target : undefined;
}
