import { useId, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import type { AggregateCombine, BoardError } from '../boards/board-schema.ts';
import { defaultWeightStatistic } from '../vocabulary/statistics.ts';
import type { ValueFormat } from '../lib/format-value.ts';
import { weightNoun } from '../tiles/aggregate-words.ts';
import { ObjectPicker } from './object-picker.tsx';
import type { StatisticChoice } from './statistic-choice.ts';
import { thresholdDrafts, type ThresholdDraft, type TileDraft, type TileKind } from './tile-draft.ts';
import { useStatisticChoices } from './use-statistic-choices.ts';
import { useSources } from '../boards/sources-context.tsx';
import { OBJECT_KINDS, objectKindWords } from '../vocabulary/object-kinds.ts';

const KINDS: readonly { readonly kind: TileKind; readonly label: string; readonly hint: string }[] = [
  { kind: 'stat', label: 'Number', hint: 'one statistic, a big number per object' },
  { kind: 'aggregate', label: 'Combined number', hint: 'one statistic summed, averaged or maxed over several objects' },
  { kind: 'table', label: 'Table', hint: 'a row per object, a column per statistic' },
  { kind: 'trend', label: 'Trend', hint: 'one statistic over the last minutes' },
  { kind: 'agent-grid', label: 'Agent grid', hint: 'every agent’s state' },
];


const FORMATS: readonly { readonly format: ValueFormat; readonly label: string }[] = [
  { format: 'count', label: 'Count' },
  { format: 'percent', label: 'Percent' },
  { format: 'duration', label: 'Duration (m:ss)' },
  { format: 'decimal', label: 'Decimal' },
];

const COMBINES: readonly { readonly combine: AggregateCombine; readonly label: string }[] = [
  { combine: 'sum', label: 'Sum' },
  { combine: 'mean', label: 'Mean (each object counts the same)' },
  { combine: 'weighted-mean', label: 'Weighted mean' },
  { combine: 'max', label: 'Highest' },
  { combine: 'min', label: 'Lowest' },
];

/** How an aggregate's number is made, in the words the tile will use. */
function combineMeaning(combine: AggregateCombine, statistic: string, weightStatistic: string | undefined): string {
  switch (combine) {
    case 'sum':
      return 'The values of the objects added up.';
    case 'mean':
      return 'The plain average: a quiet queue counts as much as a busy one.';
    case 'weighted-mean': {
      const weight = weightStatistic ?? defaultWeightStatistic(statistic);
      return weight
        ? `The average weighted by ${weightNoun(weight)}: a busy queue counts for more than a quiet one.`
        : 'Needs a statistic to weight by; only a service level has one by default (answered calls).';
    }
    case 'max':
      return 'The highest value of the objects.';
    case 'min':
      return 'The lowest value of the objects.';
  }
}

const field = 'rounded border border-slate-600 bg-slate-900 px-2 py-1 text-sm text-slate-100';
const labelText = 'flex flex-col gap-1 text-sm font-semibold text-slate-200';

/** The draft after choosing a statistic: its format and default thresholds come with it. */
function withStatistic(draft: TileDraft, choice: StatisticChoice | undefined, name: string): TileDraft {
  if (!choice) return { ...draft, statistic: name };
  return { ...draft, statistic: name, format: choice.format ?? draft.format, ...thresholdDrafts(choice.thresholds), serviceLevelSeconds: '' };
}

export interface TileFormProps {
  /** Adding offers the kinds; editing keeps the tile's kind. */
  readonly mode: 'add' | 'edit';
  readonly initial: TileDraft;
  /** The runtime config's service-level target: the pre-filled warning line of a service level. */
  readonly serviceLevelTargetPercent: number;
  /** Turns the draft into a tile, or names what is wrong. */
  readonly onSubmit: (draft: TileDraft) => BoardError | undefined;
  readonly onCancel: () => void;
  /** Editing only: removes the tile. */
  readonly onDelete?: () => void;
  readonly headingId: string;
}

function ThresholdRow({ level, value, onChange }: { readonly level: 'warning' | 'critical'; readonly value: ThresholdDraft; readonly onChange: (t: ThresholdDraft) => void }): ReactElement {
  const id = useId();
  const name = level === 'warning' ? 'Warning' : 'Critical';
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-200">
      <label className="flex items-center gap-1">
        <input type="checkbox" data-testid={`threshold-${level}`} checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.target.checked })} />
        {name}
      </label>
      <label className="sr-only" htmlFor={`${id}-when`}>
        {name} when the value is
      </label>
      <select
        id={`${id}-when`}
        data-testid={`threshold-${level}-when`}
        value={value.when}
        disabled={!value.enabled}
        onChange={(e) => onChange({ ...value, when: e.target.value === 'below' ? 'below' : 'above' })}
        className={field}
      >
        <option value="above">above</option>
        <option value="below">below</option>
      </select>
      <label className="sr-only" htmlFor={`${id}-value`}>
        {name} value
      </label>
      <input
        id={`${id}-value`}
        data-testid={`threshold-${level}-value`}
        inputMode="decimal"
        value={value.value}
        disabled={!value.enabled}
        onChange={(e) => onChange({ ...value, value: e.target.value })}
        className={`${field} w-20`}
      />
    </div>
  );
}

function Section({ children }: { readonly children: ReactNode }): ReactElement {
  return <div className="flex flex-col gap-1">{children}</div>;
}

/**
 * A tile's settings: what it shows (kind, objects, statistic with its meaning), how (format, title,
 * thresholds, target, combination). Nothing reaches the board until the draft passes the board
 * schema; a refusal names the field, as an import would.
 */
export function TileForm({ mode, initial, serviceLevelTargetPercent, onSubmit, onCancel, onDelete, headingId }: TileFormProps): ReactElement {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<BoardError | undefined>(undefined);
  const ids = useId();
  const sources = useSources();
  const sourceId = draft.source || sources.defaultSource;
  const statistics = useStatisticChoices(sourceId, serviceLevelTargetPercent);
  const { objectKinds } = statistics;
  const choices = statistics.forKind(draft.objectKind);
  const missing = statistics.missingForKind(draft.objectKind).filter((m) => m.name !== 'CurrentAgentState');
  const chosen = choices.find((c) => c.name === draft.statistic);
  const numeric = choices.filter((c) => c.format !== undefined);
  const needsStatistic = draft.kind === 'stat' || draft.kind === 'trend' || draft.kind === 'aggregate';
  const showsThresholds = needsStatistic;
  const serviceLevel = needsStatistic && draft.kind !== 'aggregate' && chosen?.answerTimeTarget === true;

  function update(patch: Partial<TileDraft>): void {
    setDraft((d) => ({ ...d, ...patch }));
    setError(undefined);
  }

  function chooseKind(kind: TileKind): void {
    setDraft((d) => ({
      ...d,
      kind,
      // An agent grid lists agents; every other kind keeps the objects chosen so far.
      objectKind: kind === 'agent-grid' ? 'agent' : d.objectKind,
      statistic: kind === 'agent-grid' ? 'CurrentAgentState' : d.kind === 'agent-grid' ? '' : d.statistic,
      objectIds: kind === 'aggregate' || d.objectIds.length === 1 ? d.objectIds : ['*'],
    }));
    setError(undefined);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    setError(onSubmit(draft));
  }

  const meaningId = `${ids}-meaning`;
  const combineId = `${ids}-combine`;
  return (
    <form data-testid="tile-form" data-mode={mode} onSubmit={submit} className="flex flex-col gap-4" aria-labelledby={headingId} noValidate>
      {mode === 'add' && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-semibold text-slate-200">Kind of tile</legend>
          {KINDS.map(({ kind, label, hint }) => (
            <label key={kind} className="flex items-start gap-2 text-sm text-slate-200">
              <input type="radio" name={`${ids}-kind`} data-testid="tile-kind" data-kind={kind} checked={draft.kind === kind} onChange={() => chooseKind(kind)} className="mt-1" />
              <span>
                {label} <span className="text-slate-400">— {hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {sources.byId.size > 1 && (
        <label className={labelText}>
          Data from
          <select
            data-testid="tile-data-source"
            value={sourceId}
            onChange={(e) => update({ source: e.target.value === sources.defaultSource ? '' : e.target.value, objectIds: ['*'], statistic: '', columns: [] })}
            className={field}
          >
            {[...sources.byId.values()].map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.definition.label} ({entry.id}){entry.id === sources.defaultSource ? ', the default' : ''}
              </option>
            ))}
          </select>
        </label>
      )}

      {draft.kind !== 'agent-grid' && (
        <label className={labelText}>
          Objects
          <select
            data-testid="tile-source"
            value={draft.objectKind}
            onChange={(e) => {
              const objectKind = OBJECT_KINDS.find((k) => k === e.target.value) ?? 'queue';
              update({ objectKind, objectIds: ['*'], statistic: '', columns: [] });
            }}
            className={field}
          >
            {objectKinds
              .filter((k) => k !== 'agent' || draft.kind !== 'table')
              .map((k) => (
                <option key={k} value={k}>
                  {objectKindWords(k).title}
                </option>
              ))}
          </select>
        </label>
      )}

      <ObjectPicker source={sourceId} kind={draft.objectKind} value={draft.objectIds} multiple={draft.kind === 'aggregate'} onChange={(objectIds) => update({ objectIds })} />

      {needsStatistic && (
        <Section>
          <label className={labelText}>
            Statistic
            <select
              data-testid="tile-statistic"
              value={draft.statistic}
              aria-describedby={meaningId}
              onChange={(e) => {
                setDraft((d) => withStatistic(d, choices.find((c) => c.name === e.target.value), e.target.value));
                setError(undefined);
              }}
              className={field}
            >
              <option value="">Choose a statistic…</option>
              {numeric.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.label} ({c.name})
                </option>
              ))}
              {missing.length > 0 && (
                <optgroup label={`Not available from ${statistics.sourceLabel}`} data-testid="statistic-unavailable">
                  {missing.map((m) => (
                    <option key={m.name} value={m.name} disabled data-testid="statistic-missing" data-statistic={m.name}>
                      {m.label} — {statistics.sourceLabel} cannot supply it
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <p id={meaningId} data-testid="statistic-meaning" className="text-sm text-slate-300">
            {chosen?.meaning ??
              (statistics.status === 'loading' ? 'Loading the statistics…' : statistics.status === 'error' ? `The statistics could not be loaded: ${statistics.error ?? ''}` : 'Each statistic says here what it counts.')}
          </p>
        </Section>
      )}

      {draft.kind === 'table' && (
        <fieldset className="flex flex-col gap-1" data-testid="table-columns">
          <legend className="text-sm font-semibold text-slate-200">Columns</legend>
          <div className="max-h-56 overflow-auto rounded border border-slate-700 p-1">
            {numeric.map((c) => {
              const on = draft.columns.some((col) => col.statistic === c.name);
              return (
                <label key={c.name} className="flex items-start gap-2 px-1 py-0.5 text-sm text-slate-200">
                  <input
                    type="checkbox"
                    data-testid="table-column"
                    data-statistic={c.name}
                    checked={on}
                    className="mt-1"
                    onChange={(e) =>
                      update({
                        columns: e.target.checked
                          ? [...draft.columns, { statistic: c.name, format: c.format ?? 'count', ...(c.thresholds.length > 0 && { thresholds: [...c.thresholds] }) }]
                          : draft.columns.filter((col) => col.statistic !== c.name),
                      })
                    }
                  />
                  <span>
                    {c.label} <span className="text-slate-400">— {c.meaning}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      {draft.kind === 'aggregate' && (
        <Section>
          <label className={labelText}>
            Combine the objects by
            <select
              data-testid="tile-combine"
              value={draft.combine}
              aria-describedby={combineId}
              onChange={(e) => update({ combine: COMBINES.find((c) => c.combine === e.target.value)?.combine ?? 'sum' })}
              className={field}
            >
              {COMBINES.map(({ combine, label }) => (
                <option key={combine} value={combine}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <p id={combineId} data-testid="combine-meaning" className="text-sm text-slate-300">
            {combineMeaning(draft.combine, draft.statistic, draft.weightStatistic)}
          </p>
        </Section>
      )}

      {needsStatistic && (
        <label className={labelText}>
          Format
          <select data-testid="tile-format" value={draft.format} onChange={(e) => update({ format: FORMATS.find((f) => f.format === e.target.value)?.format ?? 'count' })} className={field}>
            {FORMATS.map(({ format, label }) => (
              <option key={format} value={format}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}

      <label className={labelText}>
        Title (optional)
        <input data-testid="tile-title" value={draft.title} placeholder={chosen?.label ?? ''} onChange={(e) => update({ title: e.target.value })} className={field} />
      </label>

      {serviceLevel && (
        <label className={labelText}>
          Answer-time target, seconds (optional)
          <input
            data-testid="tile-sl-seconds"
            inputMode="numeric"
            value={draft.serviceLevelSeconds}
            placeholder="as defined"
            onChange={(e) => update({ serviceLevelSeconds: e.target.value })}
            className={`${field} w-28`}
          />
        </label>
      )}

      {draft.kind === 'trend' && (
        <label className={labelText}>
          Minutes shown
          <input data-testid="tile-minutes" inputMode="numeric" value={draft.minutes} onChange={(e) => update({ minutes: e.target.value })} className={`${field} w-28`} />
        </label>
      )}

      {showsThresholds && (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold text-slate-200">Thresholds</legend>
          <ThresholdRow level="warning" value={draft.warning} onChange={(warning) => update({ warning })} />
          <ThresholdRow level="critical" value={draft.critical} onChange={(critical) => update({ critical })} />
        </fieldset>
      )}

      {error && (
        <p role="alert" data-testid="tile-form-error" data-path={error.path} className="text-sm text-red-300">
          {error.path ? `${error.path}: ` : ''}
          {error.message}
        </p>
      )}

      <div className="flex flex-wrap gap-2">
        <button type="submit" data-testid="tile-form-submit" className="rounded-md bg-sky-300 px-3 py-1.5 text-sm font-semibold text-slate-950 hover:bg-sky-200">
          {mode === 'add' ? 'Add to board' : 'Apply'}
        </button>
        <button type="button" data-testid="tile-form-cancel" onClick={onCancel} className="rounded-md border border-slate-600 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-800">
          {mode === 'add' ? 'Cancel' : 'Close'}
        </button>
        {onDelete && (
          <button type="button" data-testid="tile-delete" onClick={onDelete} className="ml-auto rounded-md border border-red-400 px-3 py-1.5 text-sm text-red-200 hover:bg-red-950">
            Delete tile
          </button>
        )}
      </div>
    </form>
  );
}

