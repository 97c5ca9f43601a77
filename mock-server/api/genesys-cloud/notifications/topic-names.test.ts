import { describe, expect, it } from 'vitest';
import { checkTopic, type TopicIds } from './topic-names.ts';

const IDS: TopicIds = {
  queueToSim: (v) => (v === 'q-uuid' ? 'sales' : undefined),
  agentToSim: (v) => (v === 'a-uuid' ? 'agent-01' : undefined),
  queueToVendor: () => 'q-uuid',
  agentToVendor: () => 'a-uuid',
  isOtherUser: (v) => v.toLowerCase() === 'boss-uuid',
};

describe('checkTopic', () => {
  it('should accept the observations of a queue and the routing status of an agent that exist', () => {
    expect(checkTopic('v2.analytics.queues.Q-UUID.observations', { ...IDS, queueToSim: (v) => (v === 'Q-UUID' ? 'sales' : undefined) })).toMatchObject({
      ok: true,
      topic: 'v2.analytics.queues.q-uuid.observations',
      target: { kind: 'queueObservations', queueId: 'sales' },
    });
    expect(checkTopic('v2.users.a-uuid.routingStatus', IDS)).toMatchObject({ ok: true, target: { kind: 'userRoutingStatus', agentId: 'agent-01' } });
  });

  it('should accept the routing status of a user who takes no calls, which never changes', () => {
    expect(checkTopic('v2.users.BOSS-UUID.routingStatus', IDS)).toEqual({ ok: true, topic: 'v2.users.boss-uuid.routingStatus', target: { kind: 'quietUser', userId: 'boss-uuid' } });
  });

  it('should refuse objects that do not exist and topics the mock does not serve, saying which', () => {
    expect(checkTopic('v2.users.nobody.routingStatus', IDS)).toMatchObject({ ok: false, reason: 'User nobody was not found' });
    expect(checkTopic('v2.analytics.queues.nope.observations', IDS)).toMatchObject({ ok: false, reason: 'Queue nope was not found' });
    expect(checkTopic('v2.users.a-uuid.presence', IDS)).toMatchObject({ ok: false });
  });
});
