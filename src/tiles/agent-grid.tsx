import type { ReactElement } from 'react';
import { useBoardObjects } from '../boards/board-objects.ts';
import type { AgentGridTileConfig } from '../boards/board-schema.ts';
import { AgentCell } from './agent-cell.tsx';
import { objectsNoun } from './object-nouns.ts';
import { tileSourceId, useSources } from '../boards/sources-context.tsx';
import { ObjectsStatus } from './objects-status.tsx';

/**
 * Every agent's current state. Cells are listed by name and each places itself by state and time
 * in state (agent-order.ts), so the grid reads Ready first and Logged out last.
 */
export function AgentGrid({ tile }: { readonly tile: AgentGridTileConfig }): ReactElement {
  const source = tileSourceId(tile, useSources());
  const resolved = useBoardObjects(source, tile.object);
  return (
    <section aria-label={tile.title ?? 'Agents'} className="flex h-full min-h-0 flex-col gap-1">
      {tile.title ? <h2 className="truncate text-[clamp(0.9rem,1.4vw,2rem)] font-semibold text-slate-200">{tile.title}</h2> : null}
      <ObjectsStatus resolved={resolved} noun={objectsNoun(tile.object)} />
      <div className="min-h-0 flex-1 overflow-auto [container-type:size]">
        <ul className="flex flex-wrap content-start gap-2" aria-label="Agents by state">
          {resolved.objects.map((agent) => (
            <AgentCell key={agent.id} source={source} agentId={agent.id} name={agent.name} statistic={tile.statistic} />
          ))}
        </ul>
      </div>
    </section>
  );
}
