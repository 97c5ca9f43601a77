import { useId, useMemo, useState, type ReactElement } from 'react';
import { EVERY_OBJECT } from '../boards/board-objects.ts';
import { useObjects } from '../boards/objects-query.ts';
import { objectKindWords, type ObjectKind } from '../vocabulary/object-kinds.ts';

export interface ObjectPickerProps {
  /** The source id (resolved: never empty). */
  readonly source: string;
  readonly kind: ObjectKind;
  /** `['*']` is every object of the kind. */
  readonly value: readonly string[];
  readonly onChange: (ids: readonly string[]) => void;
  /** An aggregate combines several objects; every other tile shows one, or all. */
  readonly multiple: boolean;
}

/**
 * The objects of a tile, from the source's listing endpoint (react-query, cached with the board's
 * own listing queries). Native radio buttons and checkboxes in a fieldset: the keyboard and screen
 * readers know them, and a filter field narrows a long list of queues or agents.
 */
export function ObjectPicker({ source, kind, value, onChange, multiple }: ObjectPickerProps): ReactElement {
  const listing = useObjects(source, kind);
  const [filter, setFilter] = useState('');
  const name = useId();
  const { one, many: noun } = objectKindWords(kind);
  const every = value.includes(EVERY_OBJECT);

  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const objects = [...(listing.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    return needle ? objects.filter((o) => o.name.toLocaleLowerCase().includes(needle) || o.id.toLocaleLowerCase().includes(needle)) : objects;
  }, [listing.data, filter]);

  function toggle(id: string, on: boolean): void {
    if (!multiple) return onChange([id]);
    if (id === EVERY_OBJECT) return onChange(on ? [EVERY_OBJECT] : []);
    const rest = value.filter((v) => v !== id && v !== EVERY_OBJECT);
    onChange(on ? [...rest, id] : rest);
  }

  const type = multiple ? 'checkbox' : 'radio';
  return (
    <fieldset className="flex min-h-0 flex-col gap-2" data-testid="object-picker">
      <legend className="text-sm font-semibold text-slate-200">Which {noun}</legend>
      <label className="flex flex-col gap-1 text-xs text-slate-300">
        Filter {noun}
        <input
          type="search"
          data-testid="object-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="rounded border border-slate-600 bg-slate-900 px-2 py-1 text-sm text-slate-100"
        />
      </label>
      <div className="max-h-48 overflow-auto rounded border border-slate-700 p-1" role="group" aria-label={`${noun} to show`}>
        <label className="flex items-center gap-2 px-1 py-0.5 text-sm font-semibold text-slate-100">
          <input type={type} name={name} data-testid="object-option" data-object={EVERY_OBJECT} checked={every} onChange={(e) => toggle(EVERY_OBJECT, e.target.checked)} />
          Every {one} (follows the listing)
        </label>
        {shown.map((object) => (
          <label key={object.id} className="flex items-center gap-2 px-1 py-0.5 text-sm text-slate-200">
            <input
              type={type}
              name={name}
              data-testid="object-option"
              data-object={object.id}
              checked={!every && value.includes(object.id)}
              onChange={(e) => toggle(object.id, e.target.checked)}
            />
            {object.name || object.id}
          </label>
        ))}
        {listing.isPending && <p className="px-1 text-sm text-slate-400">Loading {noun}…</p>}
        {listing.isError && (
          <p role="alert" className="px-1 text-sm text-red-300">
            The {noun} could not be listed: {listing.error.message}
          </p>
        )}
        {listing.data && shown.length === 0 && <p className="px-1 text-sm text-slate-400">No {noun} match “{filter}”.</p>}
      </div>
    </fieldset>
  );
}
