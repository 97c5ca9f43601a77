/**
 * The mock's agent statuses (its snapshot names them as Stat Server does) in the wallboard's
 * words (src/vocabulary/agent-states.ts), as an agent tile's `data-value` says them: the
 * genesys-v3 source's mapping (docs/vendors/genesys-engage.md "Agent states") for the statuses
 * the simulation uses. Written out here, not imported from the app, so a spec comparing the page
 * with the snapshot checks the app's mapping instead of repeating it. Every spec maps through
 * this one table.
 */
const WALLBOARD_STATE_OF: Readonly<Record<string, string>> = {
  WaitForNextCall: 'ready',
  CallRinging: 'ringing',
  CallInbound: 'on-call',
  AfterCallWork: 'after-call-work',
  NotReadyForNextCall: 'not-ready',
  LoggedOut: 'logged-out',
};

/** The wallboard agent state a tile shows for a status of the mock's snapshot; a status this table does not know fails the spec. */
export function wallboardAgentState(snapshotStatus: string): string {
  const state = Object.hasOwn(WALLBOARD_STATE_OF, snapshotStatus) ? WALLBOARD_STATE_OF[snapshotStatus] : undefined;
  if (state === undefined) throw new Error(`the mock reported agent status ${snapshotStatus}, which e2e/support/agent-states.ts does not map`);
  return state;
}
