/**
 * The built-in demo contact center: six voice queues, five skills, four teams and forty agents on
 * staggered shifts so the center is staffed around the clock (about nine agents at night, thirty
 * or more at the late-morning and afternoon peaks). Arrival rates are tuned against that staffing
 * so the peaks are busy — calls wait, some abandon — without the queues collapsing.
 */
import type { AgentConfig, AgentGroupConfig, ContactCenterConfig, QueueConfig, SkillConfig } from './sim-types.ts';

const SKILLS: readonly SkillConfig[] = [
  { id: 'sales', name: 'Sales', description: 'New contracts, upgrades and offers' },
  { id: 'support', name: 'Customer Support', description: 'Questions about orders, deliveries and accounts' },
  { id: 'billing', name: 'Billing', description: 'Invoices, payments and refunds' },
  { id: 'tech', name: 'Technical', description: 'Troubleshooting devices and connectivity' },
  { id: 'retention', name: 'Retention & VIP Care', description: 'Cancellation saves and VIP customers' },
];

const QUEUES: readonly QueueConfig[] = [
  { id: 'sales', name: 'Sales', channel: 'voice', skillId: 'sales', peakCallsPerHour: 60, meanPatienceSec: 150, meanTalkSec: 270, meanAcwSec: 40 },
  { id: 'support', name: 'Support', channel: 'voice', skillId: 'support', peakCallsPerHour: 72, meanPatienceSec: 180, meanTalkSec: 330, meanAcwSec: 50 },
  { id: 'billing', name: 'Billing', channel: 'voice', skillId: 'billing', peakCallsPerHour: 40, meanPatienceSec: 150, meanTalkSec: 240, meanAcwSec: 45 },
  { id: 'technical', name: 'Technical', channel: 'voice', skillId: 'tech', peakCallsPerHour: 35, meanPatienceSec: 240, meanTalkSec: 480, meanAcwSec: 60 },
  // VIP callers are served by the retention specialists: both need the most experienced agents.
  { id: 'vip', name: 'VIP', channel: 'voice', skillId: 'retention', peakCallsPerHour: 11, meanPatienceSec: 120, meanTalkSec: 360, meanAcwSec: 60 },
  { id: 'retention', name: 'Retention', channel: 'voice', skillId: 'retention', peakCallsPerHour: 15, meanPatienceSec: 150, meanTalkSec: 420, meanAcwSec: 60 },
];

const GROUPS: readonly AgentGroupConfig[] = [
  { id: 'team-north', name: 'Team North' },
  { id: 'team-south', name: 'Team South' },
  { id: 'team-east', name: 'Team East' },
  { id: 'team-west', name: 'Team West' },
];

const FIRST_NAMES = [
  'Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Lucas', 'Mia', 'Ethan', 'Sofia', 'Mateo',
  'Isla', 'Leo', 'Amelia', 'Oscar', 'Chloe', 'Elias', 'Nora', 'Hugo', 'Zoe', 'Felix',
  'Grace', 'Jonas', 'Ruby', 'Theo', 'Alice', 'Omar', 'Clara', 'Max', 'Lena', 'Samuel',
  'Hannah', 'Daniel', 'Maya', 'Adam', 'Julia', 'Victor', 'Elena', 'Aaron', 'Ines', 'Marco',
] as const;

const LAST_NAMES = [
  'Lopez', 'Nguyen', 'Smith', 'Mueller', 'Rossi', 'Kowalski', 'Jensen', 'Garcia', 'Novak', 'Dubois',
  'Silva', 'Schmidt', 'Andersen', 'Martin', 'Costa', 'Fischer', 'Ivanov', 'Kim', 'Patel', 'Larsen',
  'Moreau', 'Weber', 'Santos', 'Horvat', 'Berg', 'Fontaine', 'Haddad', 'Okafor', 'Tanaka', 'Walsh',
  'Romano', 'Becker', 'Lindqvist', 'Ortiz', 'Keller', 'Nowak', 'Murphy', 'Petrov', 'Suzuki', 'Vidal',
] as const;

/** [team, shift start, shift end, skills] per agent, in agent-id order. */
type AgentRow = readonly [team: string, start: string, end: string, skills: readonly string[]];

// Night and evening agents hold three skills each: with few agents on duty every queue still
// needs several people who can take its calls.
const AGENT_ROWS: readonly AgentRow[] = [
  ['team-north', '06:00', '16:00', ['support', 'billing']],
  ['team-north', '06:00', '16:00', ['sales', 'retention']],
  ['team-north', '06:00', '16:00', ['tech', 'support']],
  ['team-north', '06:00', '16:00', ['sales', 'billing']],
  ['team-north', '07:00', '17:00', ['support']],
  ['team-north', '07:00', '17:00', ['sales']],
  ['team-north', '07:00', '17:00', ['tech']],
  ['team-north', '07:00', '17:00', ['billing', 'support']],
  ['team-north', '07:00', '17:00', ['retention', 'sales']],
  ['team-north', '07:00', '17:00', ['support', 'tech']],
  ['team-south', '07:00', '17:00', ['sales', 'billing']],
  ['team-south', '08:00', '18:00', ['support']],
  ['team-south', '08:00', '18:00', ['tech']],
  ['team-south', '08:00', '18:00', ['sales']],
  ['team-south', '08:00', '18:00', ['retention', 'support']],
  ['team-south', '08:00', '18:00', ['billing', 'support', 'sales']],
  ['team-south', '08:00', '18:00', ['support', 'tech']],
  ['team-south', '08:00', '18:00', ['sales', 'retention']],
  ['team-south', '08:00', '18:00', ['tech']],
  ['team-south', '09:00', '19:00', ['support', 'billing']],
  ['team-east', '09:00', '19:00', ['sales']],
  ['team-east', '09:00', '19:00', ['support']],
  ['team-east', '09:00', '19:00', ['tech', 'support']],
  ['team-east', '09:00', '19:00', ['retention', 'billing']],
  ['team-east', '10:00', '20:30', ['sales', 'retention', 'billing']],
  ['team-east', '10:00', '20:30', ['support', 'tech']],
  ['team-east', '10:00', '20:30', ['billing', 'support']],
  ['team-east', '10:30', '21:00', ['tech', 'support', 'billing']],
  ['team-east', '10:30', '21:00', ['sales', 'retention']],
  ['team-east', '10:30', '21:00', ['support', 'billing', 'sales']],
  ['team-east', '10:30', '21:00', ['tech', 'retention', 'sales']],
  ['team-west', '19:00', '05:00', ['support', 'billing', 'sales']],
  ['team-west', '19:00', '05:00', ['tech', 'support', 'retention']],
  ['team-west', '20:30', '06:30', ['retention', 'sales', 'billing']],
  ['team-west', '20:30', '06:30', ['support', 'tech', 'billing']],
  ['team-west', '20:30', '06:30', ['sales', 'retention', 'support']],
  ['team-west', '21:30', '07:30', ['tech', 'billing', 'sales']],
  ['team-west', '21:30', '07:30', ['support', 'sales', 'billing']],
  ['team-west', '21:30', '07:30', ['tech', 'support', 'retention']],
  ['team-west', '21:30', '07:30', ['retention', 'sales', 'tech']],
];

function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function buildAgent(row: AgentRow, index: number): AgentConfig {
  const [team, start, end, skillIds] = row;
  const firstName = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Agent';
  // 13 is coprime with the list length, so every agent of a round of 40 gets a different last
  // name; the round number shifts it, so every agent of a bigger center has a name of its own.
  const round = Math.floor(index / FIRST_NAMES.length);
  const lastName = LAST_NAMES[(index * 13 + round) % LAST_NAMES.length] ?? 'Demo';
  return {
    id: `agent-${String(index + 1).padStart(2, '0')}`,
    userName: `${firstName}.${lastName}@demo.example`.toLowerCase(),
    firstName,
    lastName,
    skillIds,
    groupIds: [team],
    shift: { startMinute: minuteOfDay(start), endMinute: minuteOfDay(end) },
  };
}

export const DEFAULT_AGENT_COUNT = AGENT_ROWS.length;
/** Every agent needs a name of its own: first names × last names. */
export const MAX_AGENT_COUNT = FIRST_NAMES.length * LAST_NAMES.length;

/**
 * A fresh copy of the demo contact center (callers may not mutate the shared constants). `agents`
 * above 40 repeats the forty agents' teams, shifts and skills for a bigger floor (benchmarks, a
 * 1,000-tile board); the queues' arrival rates stay those of the forty, so the extra agents are
 * idle more.
 */
export function createDefaultContactCenter(options: { readonly agents?: number } = {}): ContactCenterConfig {
  const count = options.agents ?? DEFAULT_AGENT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_AGENT_COUNT) {
    throw new RangeError(`agents must be a whole number from 1 to ${MAX_AGENT_COUNT}, not ${count}`);
  }
  return {
    queues: QUEUES.map((q) => ({ ...q })),
    skills: SKILLS.map((s) => ({ ...s })),
    groups: GROUPS.map((g) => ({ ...g })),
    agents: Array.from({ length: count }, (_, index) => buildAgent(AGENT_ROWS[index % AGENT_ROWS.length] as AgentRow, index)),
  };
}
