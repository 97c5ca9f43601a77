import { z } from 'zod';

/**
 * The REST answers of Genesys Cloud the source reads (docs/vendors/genesys-cloud.md), as the
 * platform's SDK models them. Unknown fields are ignored; every field the source relies on is checked.
 */

const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO-8601 date');

/** `ErrorBody`: only what the source shows or acts on. */
export const errorBodySchema = z.object({
  message: z.string().optional(),
  code: z.string().optional(),
  status: z.number().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `ServerDate` of `GET /api/v2/date`. */
export const serverDateSchema = z.object({ currentDate: isoDate });

/** `Channel` of `POST /api/v2/notifications/channels`. */
export const channelSchema = z.object({
  id: z.string().min(1),
  connectUri: z.string().regex(/^wss?:\/\//i, 'a ws:// or wss:// URI'),
  expires: isoDate.optional(),
});
export type ChannelAnswer = z.infer<typeof channelSchema>;

/** `ChannelTopic` of a subscriptions answer (`ChannelTopicEntityListing`). */
export const channelTopicSchema = z.object({
  id: z.string(),
  state: z.string().optional(),
  rejectionReason: z.string().optional(),
  missingPermissions: z.array(z.string()).optional(),
});
export type ChannelTopic = z.infer<typeof channelTopicSchema>;

export const channelTopicListingSchema = z.object({ entities: z.array(z.unknown()).default([]) });

/** The routing statuses of the platform's `RoutingStatus.status` enumeration; another string is kept as is. */
export const GC_ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;

/** `{status, startTime}`: `GET /users/{id}/routingstatus`, a user's `routingStatus`, and the topic's `routingStatus`. */
export const routingStatusSchema = z.object({
  status: z.string().min(1),
  startTime: isoDate.optional(),
});
export type RoutingStatusAnswer = z.infer<typeof routingStatusSchema>;

/** One page of an entity listing; its `entities` are parsed one by one by the caller. */
export const listingPageSchema = z.object({
  entities: z.array(z.unknown()).default([]),
  pageNumber: z.number().int().optional(),
  pageCount: z.number().int().optional(),
  nextUri: z.string().optional(),
});

export const namedEntitySchema = z.object({ id: z.string().min(1), name: z.string() });

/** A user of `GET /api/v2/users` with whatever of `skills`, `routingStatus`, `presence` was expanded. */
export const userSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  skills: z.array(z.object({ id: z.string().min(1), state: z.string().optional() })).optional(),
  routingStatus: routingStatusSchema.optional().catch(undefined),
  presence: z
    .object({ presenceDefinition: z.object({ systemPresence: z.string().min(1) }), modifiedDate: isoDate.optional() })
    .optional()
    .catch(undefined),
});
export type UserEntity = z.infer<typeof userSchema>;
