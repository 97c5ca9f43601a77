import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readBody } from '../express-adapter.ts';
import { errorEnvelope } from '../genesys-envelope.ts';
import type { ApiResponse } from '../http-types.ts';

const bayeuxMessageSchema = z.looseObject({
  channel: z.string().min(1),
  clientId: z.string().optional(),
});
/** Bayeux sends an array; a lone message object is accepted too, as CometD servers do. */
const bayeuxBodySchema = z.union([z.array(bayeuxMessageSchema).min(1), bayeuxMessageSchema.transform((m) => [m])]);

export type BayeuxMessage = z.infer<typeof bayeuxMessageSchema>;

export type BayeuxBody =
  | { readonly ok: true; readonly messages: BayeuxMessage[] }
  | { readonly ok: false; readonly response: ApiResponse };

/** A request as Express may hand it over: `body` is set when a body parser ran first. */
export type MaybeParsedRequest = IncomingMessage & { body?: unknown };

function alreadyParsed(req: MaybeParsedRequest): unknown {
  const { body } = req;
  if (body === undefined || body === null) return undefined;
  // Express 4 leaves `{}` when no parser matched and the stream is still unread.
  if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) && Object.keys(body).length === 0 && !req.readableEnded) {
    return undefined;
  }
  return body;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the Bayeux messages of a request before cometd-nodejs-server sees them, so the facade can
 * check channels and clientIds first. The server reads `req.body` when it is set (and otherwise
 * the stream, without a size limit), so the caller stores the result there.
 */
export async function readBayeuxBody(req: MaybeParsedRequest, maxBytes: number): Promise<BayeuxBody> {
  let value = alreadyParsed(req);
  if (value === undefined) {
    const { raw, tooLarge } = await readBody(req, maxBytes);
    if (tooLarge) return { ok: false, response: errorEnvelope(413, 'Request body too large') };
    value = parseJson(raw);
  } else if (typeof value === 'string' || Buffer.isBuffer(value)) {
    value = parseJson(value.toString());
  }
  const parsed = bayeuxBodySchema.safeParse(value);
  if (!parsed.success) return { ok: false, response: errorEnvelope(400, 'Body must be a JSON array of Bayeux messages') };
  return { ok: true, messages: parsed.data };
}
