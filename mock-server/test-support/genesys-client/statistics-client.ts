import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * Genesys's published Node client (`genesys-statistics-client-js`, CommonJS), loaded as is and typed
 * with only what the integration test uses. Its methods resolve with untyped model objects: narrow
 * them with the schemas below.
 */

/** The statistic descriptors `createSubscription` posts as `data.statistics`. */
export interface StatisticDescriptorInput {
  readonly statisticId: string;
  readonly name: string;
  readonly objectType: string;
  readonly objectId: string;
}

/** A CometD message as the bundled cometd 3 hands it to listeners. */
export interface CometdMessage {
  readonly channel: string;
  readonly successful?: boolean;
  readonly subscription?: string | readonly string[];
  readonly error?: string;
  readonly data?: unknown;
}

/** The bit of cometd 3's `CometD` the test listens on (meta channels). */
export interface CometdLike {
  addListener(channel: string, callback: (message: CometdMessage) => void): unknown;
  removeListener(subscription: unknown): void;
  getStatus(): string;
  getClientId(): string | null;
}

export interface StatisticsClient {
  readonly SERVICE_CHANGE_EVENT: string;
  readonly UPDATES_EVENT: string;
  readonly notifications: { readonly cometd: CometdLike };
  initialize(token: string, cometdConfiguration?: Readonly<Record<string, unknown>>): Promise<StatisticsClient>;
  createSubscription(operationId: string, descriptors: readonly StatisticDescriptorInput[], verbose?: boolean): Promise<unknown>;
  peekSubscriptionStats(id: string, statisticIds?: readonly string[], verbose?: boolean): Promise<unknown>;
  deleteSubscription(id: string): Promise<unknown>;
  getStatValue(name: string, objectId: string, objectType: string): Promise<unknown>;
  getStatValues(infos: readonly Omit<StatisticDescriptorInput, 'statisticId'>[]): Promise<unknown>;
  destroy(): void;
  on(event: string, listener: (data: unknown) => void): unknown;
  off(event: string, listener: (data: unknown) => void): unknown;
}

type StatisticsClientConstructor = new (apiKey: string, baseUrl: string) => StatisticsClient;

const requireCjs = createRequire(import.meta.url);

/** `new Statistics(apiKey, baseUrl)`; the client appends `/statistics/v3` itself. */
export function createStatisticsClient(apiKey: string, baseUrl: string): StatisticsClient {
  const Statistics = requireCjs('genesys-statistics-client-js') as StatisticsClientConstructor;
  return new Statistics(apiKey, baseUrl);
}

/** One value of a create / peek response (the client's `StatisticValue` model). */
export const statisticValueSchema = z.object({
  statisticId: z.string(),
  name: z.string().optional(),
  objectId: z.string().optional(),
  objectType: z.string().optional(),
  timestamp: z.number(),
  value: z.object({ stringValue: z.string() }).passthrough(),
});
export type StatisticValue = z.infer<typeof statisticValueSchema>;

/** `StatisticDataResponse`: what `createSubscription` and `peekSubscriptionStats` resolve with. */
export const statisticDataResponseSchema = z.object({
  status: z.object({ code: z.number(), message: z.string().optional() }),
  data: z.object({
    subscriptionId: z.string(),
    operationId: z.string().optional(),
    statistics: z.array(statisticValueSchema),
  }),
});
export type StatisticDataResponse = z.infer<typeof statisticDataResponseSchema>;

/** `ApiResponse`: what `deleteSubscription` resolves with. */
export const apiResponseSchema = z.object({ status: z.object({ code: z.number() }) });

/** `PeekedStatisticResponse`: what `getStatValue` resolves with. */
export const peekedStatisticResponseSchema = z.object({
  status: z.object({ code: z.number() }),
  data: z.object({ statistic: z.object({ timestamp: z.number(), value: z.object({ stringValue: z.string() }).passthrough() }) }),
});

/** `PeekedStatisticsResponse`: what `getStatValues` resolves with. */
export const peekedStatisticsResponseSchema = z.object({
  status: z.object({ code: z.number() }),
  data: z.object({
    statistics: z.array(
      z.object({
        name: z.string(),
        objectType: z.string(),
        objectId: z.string(),
        timestamp: z.number(),
        value: z.object({ stringValue: z.string() }).passthrough(),
      }),
    ),
  }),
});

/** The CometD `data` the client emits as its Updates event (docs/vendors/genesys-engage.md §2.9). */
export const statisticUpdateSchema = z.object({
  name: z.literal('StatisticUpdate'),
  topic: z.literal('/statistics/v3/updates'),
  data: z.object({
    statistics: z.array(
      z.object({
        subscriptionId: z.string(),
        statisticId: z.string(),
        timestamp: z.number(),
        value: z.object({ stringValue: z.string() }).passthrough(),
      }),
    ),
  }),
});
export type StatisticUpdate = z.infer<typeof statisticUpdateSchema>;

/** The CometD `data` the client emits as its ServiceChange event. */
export const serviceStateChangeSchema = z.object({
  name: z.literal('ServiceStateChange'),
  topic: z.literal('/statistics/v3/service'),
  data: z.object({ serviceState: z.enum(['AVAILABLE', 'UNAVAILABLE']) }),
});
export type ServiceStateChange = z.infer<typeof serviceStateChangeSchema>;
