/**
 * How a tile combines one statistic over several objects (issue 8: "Current_In_Queue over all
 * sales queues"). Pure maths, kept apart from React and the store so it can be tested on its own.
 */
export type AggregateKind = 'sum' | 'mean' | 'max' | 'min' | 'weighted-mean';

/** One object's value, and for `weighted-mean` its weight (e.g. answered calls for a ServiceLevel). */
export interface AggregatePart {
  readonly value: number | null;
  readonly weight?: number | null;
}

export interface AggregateResult {
  /** `null` when no object has a value to combine (or, weighted, none has a weight above 0). */
  readonly value: number | null;
  /** Objects whose value took part; the others are waiting for their first value or have none. */
  readonly counted: number;
}

function usable(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Combines the parts: objects with no value yet are left out rather than read as 0, so a queue
 * still loading never drags a sum or a mean down; the result says how many took part.
 * `weighted-mean` is Σ value·weight / Σ weight over the parts with a weight above 0: a percentage
 * per queue combined by what it is a percentage of, not a plain mean of percentages (a queue that
 * answered 2 calls must not count as much as one that answered 200).
 */
export function aggregate(kind: AggregateKind, parts: readonly AggregatePart[]): AggregateResult {
  if (kind === 'weighted-mean') {
    let total = 0;
    let weights = 0;
    let counted = 0;
    for (const part of parts) {
      if (!usable(part.value) || !usable(part.weight) || part.weight <= 0) continue;
      total += part.value * part.weight;
      weights += part.weight;
      counted++;
    }
    return { value: weights > 0 ? total / weights : null, counted };
  }
  const values = parts.map((part) => part.value).filter(usable);
  if (values.length === 0) return { value: null, counted: 0 };
  switch (kind) {
    case 'sum':
      return { value: values.reduce((a, b) => a + b, 0), counted: values.length };
    case 'mean':
      return { value: values.reduce((a, b) => a + b, 0) / values.length, counted: values.length };
    case 'max':
      return { value: Math.max(...values), counted: values.length };
    case 'min':
      return { value: Math.min(...values), counted: values.length };
  }
}

/** What the tile says about how its number was made, e.g. "sum of 4 queues", "weighted by answered calls". */
export function describeAggregate(kind: AggregateKind, objects: number, noun: string, weightNoun = 'answered calls'): string {
  const over = `${objects} ${noun}`;
  switch (kind) {
    case 'sum':
      return `sum of ${over}`;
    case 'mean':
      return `mean of ${over}`;
    case 'max':
      return `highest of ${over}`;
    case 'min':
      return `lowest of ${over}`;
    case 'weighted-mean':
      return `${over}, weighted by ${weightNoun}`;
  }
}
