import { describe, expect, it } from 'vitest';
import { isAgentState } from '../../vocabulary/agent-states.ts';
import { agentStateValue } from './gc-agent-state.ts';

describe('agentStateValue', () => {
  it("should map Genesys Cloud's routing statuses onto the wallboard's states, keeping its name as the label", () => {
    expect(agentStateValue('IDLE', 1, 'ON_QUEUE')).toEqual({ state: 'ready', since: 1, label: 'Idle' });
    expect(agentStateValue('INTERACTING', 1, undefined)).toEqual({ state: 'on-call', since: 1, label: 'Interacting' });
    expect(agentStateValue('COMMUNICATING', 1, undefined)).toEqual({ state: 'on-call', since: 1, label: 'Communicating' });
    expect(agentStateValue('NOT_RESPONDING', 1, 'ON_QUEUE')).toEqual({ state: 'not-ready', since: 1, label: 'Not responding' });
  });

  it('should tell off queue apart by presence: offline is logged out, a break is not ready', () => {
    expect(agentStateValue('OFF_QUEUE', 1, 'OFFLINE')).toEqual({ state: 'logged-out', since: 1, label: 'Offline' });
    expect(agentStateValue('OFF_QUEUE', 1, 'MEAL')).toEqual({ state: 'not-ready', since: 1, label: 'Meal' });
    expect(agentStateValue('OFF_QUEUE', 1, undefined)).toEqual({ state: 'not-ready', since: 1, label: 'Off queue' });
  });

  it('should say unknown for a status it does not know, under its own name', () => {
    const value = agentStateValue('OutdatedSdkVersion', 1, undefined);
    expect(value).toEqual({ state: 'unknown', since: 1, label: 'OutdatedSdkVersion' });
    expect(isAgentState(value.state)).toBe(true);
  });
});
