import { z } from 'zod';

/**
 * The filter of the analytics queries: `{type: and|or, predicates?, clauses?: [{type, predicates}]}`,
 * each predicate `{type?: 'dimension', dimension, operator?: matches|exists|notExists, value?}`.
 * One schema per query, because each query names its own dimensions.
 */
export type Dimensions = Readonly<Record<string, string | undefined>>;

export interface Predicate {
  readonly type?: 'dimension';
  readonly dimension: string;
  readonly operator?: 'matches' | 'exists' | 'notExists';
  readonly value?: string;
}

export interface QueryFilter {
  readonly type: 'and' | 'or';
  readonly predicates?: readonly Predicate[];
  readonly clauses?: readonly { readonly type: 'and' | 'or'; readonly predicates: readonly Predicate[] }[];
}

const junction = z.enum(['and', 'or'], { error: 'type must be "and" or "or"' });

export function filterSchema(dimensions: readonly [string, ...string[]]): z.ZodType<QueryFilter> {
  const predicate = z
    .object({
      type: z.literal('dimension', { error: 'only dimension predicates are supported' }).optional(),
      dimension: z.enum(dimensions, { error: `dimension must be one of ${dimensions.join(', ')}` }),
      operator: z.enum(['matches', 'exists', 'notExists']).optional(),
      value: z.string().max(1000).optional(),
    })
    .refine((p) => p.operator === 'exists' || p.operator === 'notExists' || p.value !== undefined, {
      message: 'a matches predicate needs a value',
    });
  return z.object({
    type: junction,
    predicates: z.array(predicate).max(1000).optional(),
    clauses: z.array(z.object({ type: junction, predicates: z.array(predicate).min(1).max(1000) })).max(100).optional(),
  });
}

function test(p: Predicate, dims: Dimensions, ignored: readonly string[]): boolean {
  if (ignored.includes(p.dimension)) return true;
  const actual = dims[p.dimension];
  if (p.operator === 'exists') return actual !== undefined;
  if (p.operator === 'notExists') return actual === undefined;
  return actual !== undefined && actual.toLowerCase() === (p.value ?? '').toLowerCase();
}

function combine(type: 'and' | 'or', results: readonly boolean[]): boolean {
  return type === 'and' ? results.every(Boolean) : results.some(Boolean);
}

/** Whether a group with these dimension values passes; predicates on `ignored` dimensions pass (they do not apply to it). */
export function matchesFilter(filter: QueryFilter | undefined, dims: Dimensions, ignored: readonly string[] = []): boolean {
  if (!filter) return true;
  const parts = [
    ...(filter.predicates ?? []).map((p) => test(p, dims, ignored)),
    ...(filter.clauses ?? []).map((c) => combine(c.type, c.predicates.map((p) => test(p, dims, ignored)))),
  ];
  return parts.length === 0 || combine(filter.type, parts);
}

/** The values a filter names for one dimension with `matches` (e.g. the queue ids a query is about). */
export function matchedValues(filter: QueryFilter | undefined, dimension: string): string[] {
  if (!filter) return [];
  const all = [...(filter.predicates ?? []), ...(filter.clauses ?? []).flatMap((c) => c.predicates)];
  return all.filter((p) => p.dimension === dimension && (p.operator ?? 'matches') === 'matches' && p.value !== undefined).map((p) => p.value as string);
}
