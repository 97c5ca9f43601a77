import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Frames of a notification channel's WebSocket (docs/vendors/genesys-cloud.md "Notifications in
 * the mock"): what clients send, and the platform's frames the mock sends back.
 */
export type ClientFrame =
  | { readonly kind: 'ping' }
  | { readonly kind: 'subscribe'; readonly topics: readonly string[]; readonly correlationId?: string }
  | { readonly kind: 'invalid'; readonly correlationId?: string; readonly message: string };

const envelopeSchema = z.object({ message: z.string(), correlationId: z.string().max(1_000).optional() });
const subscribeSchema = z.object({
  message: z.literal('subscribe'),
  topics: z.array(z.string().min(1).max(1_000)).min(1).max(100_000),
  correlationId: z.string().max(1_000).optional(),
});

type Correlated = { readonly correlationId?: string };

const correlationOf = (request: Correlated): Correlated =>
  request.correlationId === undefined ? {} : { correlationId: request.correlationId };

/** The text of a client frame; anything unreadable becomes an `invalid` the socket answers. */
export function parseClientFrame(text: string): ClientFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: 'Message is not valid JSON.' };
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { kind: 'invalid', message: 'Unknown message.' };
  const correlation = correlationOf(envelope.data);
  if (envelope.data.message === 'ping') return { kind: 'ping' };
  if (envelope.data.message === 'subscribe') {
    const subscribe = subscribeSchema.safeParse(value);
    // The platform's own words for a subscribe without topics, seen by a public client.
    if (!subscribe.success) return { kind: 'invalid', ...correlation, message: 'Required data missing from subscribe request.' };
    return { kind: 'subscribe', topics: subscribe.data.topics, ...correlation };
  }
  return { kind: 'invalid', ...correlation, message: `Unknown message ${JSON.stringify(envelope.data.message.slice(0, 100))}.` };
}

const metadataFrame = (message: string): unknown => ({ topicName: 'channel.metadata', eventBody: { message } });

export const HEARTBEAT_FRAME = metadataFrame('WebSocket Heartbeat');
export const PONG_FRAME = metadataFrame('pong');
export const SOCKET_CLOSING_FRAME: unknown = { topicName: 'v2.system.socket_closing', eventBody: {} };

/** A topic's event, as the platform frames it. */
export function eventFrame(topicName: string, eventBody: unknown): unknown {
  return { topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } };
}

export function subscribedReply(request: Correlated, topics: readonly string[]): unknown {
  return { ...correlationOf(request), topics, result: '200', status: 'subscribed' };
}

/** `error`: the request was unreadable; `failed`: readable, but its topics could not be had. */
export function failedReply(request: Correlated, status: 'error' | 'failed', message: string): unknown {
  return { ...correlationOf(request), topics: [], result: '400', status, message };
}
