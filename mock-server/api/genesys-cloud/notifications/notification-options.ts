import { z } from 'zod';
import { GC_API_ROOT } from '../gc-auth.ts';

/**
 * Limits and timings of the Genesys Cloud Notifications API as the mock applies them
 * (docs/vendors/genesys-cloud.md "Notifications in the mock"). Timings are options so tests can
 * shorten them; the defaults are the platform's.
 */
export interface NotificationOptions {
  /** Real ms between `WebSocket Heartbeat` frames (platform: about 30 s). */
  readonly heartbeatMs: number;
  /** Real ms between `v2.system.socket_closing` and the close (the platform warns about a minute ahead). */
  readonly closeDelayMs: number;
  /** Real ms: one queue's observations topic is published at most once per this (platform: 1/s). */
  readonly minPublishIntervalMs: number;
  /** Simulated ms a channel lives after creation or its last subscribe (platform: 24 h). */
  readonly channelTtlMs: number;
  /** Real ms between the sweeps that expire channels and notice a vendor outage. */
  readonly sweepMs: number;
  /** Channels per user/app combination; creating one more removes one (platform: 20). */
  readonly maxChannelsPerOwner: number;
  /** Topics per channel (platform: 1,000). */
  readonly maxTopicsPerChannel: number;
}

export const DEFAULT_NOTIFICATION_OPTIONS: NotificationOptions = {
  heartbeatMs: 30_000,
  closeDelayMs: 1_000,
  minPublishIntervalMs: 1_000,
  channelTtlMs: 24 * 3_600_000,
  sweepMs: 250,
  maxChannelsPerOwner: 20,
  maxTopicsPerChannel: 1_000,
};

/** The timings a mock can be started with (`startMockServer({ gcNotifications })`; not on the command line). */
export const notificationTimingsSchema = z
  .object({
    heartbeatMs: z.number().int().positive().max(3_600_000),
    closeDelayMs: z.number().int().min(0).max(600_000),
    minPublishIntervalMs: z.number().int().min(0).max(60_000),
    sweepMs: z.number().int().positive().max(60_000),
  })
  .partial();

/** Where the WebSocket of a channel is served, below the facade's root (beside `/api/v2`, as the platform's streaming host is). */
export const CHANNEL_SOCKET_PATH = `${GC_API_ROOT}/notifications/channels`;
