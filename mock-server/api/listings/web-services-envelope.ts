import type { ApiResponse } from '../http-types.ts';

/** Web Services' envelope (docs/vendors/genesys-engage.md §4.1): `statusCode` 0 on success, `statusMessage` on errors only. */
export function wsOk(body: Readonly<Record<string, unknown>>): ApiResponse {
  return { status: 200, json: { statusCode: 0, ...body } };
}

export function wsError(httpStatus: number, statusCode: number, statusMessage: string): ApiResponse {
  return { status: httpStatus, json: { statusCode, statusMessage } };
}

/** `fields=*` keeps everything; `fields=id,name` keeps those (id always, so a picker can use it). */
export function projectFields(item: Readonly<Record<string, unknown>>, fields: string): Record<string, unknown> {
  const wanted = fields.split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (wanted.length === 0 || wanted.includes('*')) return { ...item };
  const out: Record<string, unknown> = { id: item.id };
  for (const f of wanted) if (f in item) out[f] = item[f];
  return out;
}
