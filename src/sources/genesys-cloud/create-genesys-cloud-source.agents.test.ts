// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { ANNA, BEN, seedFloor, SKILL } from './test-support/gc-floor.ts';
import { createGcRig, gcSpec, keyOf, type GcRig } from './test-support/source-rig.ts';

const CARL = 'aaaaaaaa-0000-5000-8000-000000000003';

describe('createGenesysCloudSource for agents and skills', () => {
  let rig: GcRig;
  afterEach(async () => {
    await rig.source.stop();
  });

  async function started(specs = [gcSpec('agent', ANNA, 'CurrentAgentState')], expand = true): Promise<GcRig> {
    rig = createGcRig();
    rig.gc.expand = expand;
    seedFloor(rig.gc, rig.time.now());
    rig.source.watch(specs);
    rig.source.start();
    await rig.time.advance(100);
    return rig;
  }

  it("should read a user's routing status directly when the listing does not expand it", async () => {
    await started([gcSpec('agent', ANNA, 'CurrentAgentState')], false);
    expect(rig.gc.count('GET', `/api/v2/users/${ANNA}/routingstatus`)).toBe(1);
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toMatchObject({ state: 'ready', label: 'Idle' });
  });

  it('should read the presence within 5 s of a user going off queue: logged out when Offline', async () => {
    await started();
    const user = rig.gc.users.find((u) => u.id === ANNA);
    if (!user) throw new Error('no Anna');
    const t = rig.time.now();
    Object.assign(user, { status: 'OFF_QUEUE', presence: 'OFFLINE', startTime: t });
    rig.gc.pushUser(ANNA, 'OFF_QUEUE', t);
    await rig.time.settle();
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toEqual({ state: 'not-ready', since: t, label: 'Off queue' });
    await rig.time.advance(5_000);
    expect(rig.value('agent', ANNA, 'CurrentAgentState')).toEqual({ state: 'logged-out', since: t, label: 'Offline' });
  });

  it("should count a skill's members by routing status and follow them as they change", async () => {
    await started([gcSpec('skill', SKILL, 'CurrentReadyAgents'), gcSpec('skill', SKILL, 'CurrNumberInCall'), gcSpec('skill', SKILL, 'LongestIdleTime')]);
    expect([rig.value('skill', SKILL, 'CurrentReadyAgents'), rig.value('skill', SKILL, 'CurrNumberInCall'), rig.value('skill', SKILL, 'LongestIdleTime')]).toEqual([1, 0, 120]);
    rig.gc.pushUser(ANNA, 'INTERACTING', rig.time.now());
    await rig.time.settle();
    expect([rig.value('skill', SKILL, 'CurrentReadyAgents'), rig.value('skill', SKILL, 'CurrNumberInCall'), rig.value('skill', SKILL, 'LongestIdleTime')]).toEqual([0, 1, 0]);
  });

  it('should take in a new member at the next membership read, subscribing to them', async () => {
    await started([gcSpec('skill', SKILL, 'CurrentReadyAgents')]);
    rig.gc.users.push({ id: CARL, name: 'Carl', skills: [SKILL], status: 'IDLE', startTime: rig.time.now(), presence: 'ON_QUEUE' });
    await rig.time.advance(10 * 60_000);
    expect(rig.value('skill', SKILL, 'CurrentReadyAgents')).toBe(2);
    expect([...(rig.gc.channels.values().next().value ?? [])]).toContain(`v2.users.${CARL}.routingstatus`);
  });

  it('should refuse a skill the platform does not have', async () => {
    const ghost = '99999999-2222-5333-8444-555555555555';
    await started([gcSpec('skill', ghost, 'CurrentReadyAgents'), gcSpec('skill', SKILL, 'CurrentReadyAgents')]);
    expect(rig.sink.status(keyOf('skill', ghost, 'CurrentReadyAgents'))).toMatchObject({ status: 'error', reason: `Skill ${ghost} was not found` });
    expect(rig.value('skill', SKILL, 'CurrentReadyAgents')).toBe(1);
  });

  it("should give a skill's not-ready count no value when a member's presence is unknown", async () => {
    await started([gcSpec('skill', SKILL, 'CurrentNotReadyAgents')], false);
    expect(rig.sink.latest(keyOf('skill', SKILL, 'CurrentNotReadyAgents'))?.value).toBeNull();
    expect(rig.gc.count('GET', `/api/v2/users/${BEN}/routingstatus`)).toBe(1);
  });

  it('should send every agent value again every minute while the sockets vouch for them', async () => {
    await started();
    const sent = (): number => rig.sink.updates.batches.flat().filter((u) => u.key === keyOf('agent', ANNA, 'CurrentAgentState')).length;
    const before = sent();
    await rig.time.advance(180_000);
    expect(sent() - before).toBe(3);
    expect(rig.sink.latest(keyOf('agent', ANNA, 'CurrentAgentState'))?.periodMs).toBe(60_000);
    // Anna is on queue: her presence needs no reading.
    expect(rig.gc.count('GET', '/api/v2/users?')).toBe(1);
  });
});
