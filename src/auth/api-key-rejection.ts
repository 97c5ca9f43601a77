import { z } from 'zod';

/** The platform's answer to a wrong API key (docs/vendors/genesys-engage.md §0.4): `403 {"message":"Forbidden"}` from any endpoint. */
const forbiddenBodySchema = z.object({ message: z.literal('Forbidden') });

/** True when a 403 is the API-key refusal (a configuration error), not some other refusal. */
export async function isApiKeyRejection(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    return forbiddenBodySchema.safeParse(await response.clone().json()).success;
  } catch {
    return false;
  }
}
