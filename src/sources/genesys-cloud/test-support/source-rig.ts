import type { ObjectKind } from '../../../vocabulary/object-kinds.ts';
import type { StatSource } from '../../stat-source.ts';
import { statKey, type StatSpec } from '../../stat-spec.ts';
import { createGenesysCloudSource, type GenesysCloudSourceDeps } from '../create-genesys-cloud-source.ts';
import { createFakeGc, type FakeGc } from './fake-gc.ts';
import { createRecordingSink, type RecordingSink } from './recording-sink.ts';
import { createVirtualTime, type VirtualTime } from './virtual-time.ts';

export const SOURCE_ID = 'cloud';

export function gcSpec(kind: ObjectKind, objectId: string, statistic: string): StatSpec {
  return { source: SOURCE_ID, kind, objectId, statistic };
}

export const keyOf = (kind: ObjectKind, objectId: string, statistic: string): string => statKey(gcSpec(kind, objectId, statistic));

/** The source over a fake Genesys Cloud on virtual time, with a sink that records. */
export interface GcRig {
  readonly gc: FakeGc;
  readonly time: VirtualTime;
  readonly sink: RecordingSink;
  readonly source: StatSource;
  /** The token the source is given, and how often it asked for a newer one after a 401. */
  token: string | null;
  readonly reauthentications: string[];
  /** The fake's sockets get a heartbeat every 30 s of virtual time, as the platform's do; false stops them. */
  heartbeats: boolean;
  /** Token listeners registered by the source. */
  readonly tokenListeners: Array<(token: string | null | undefined) => void>;
  value(kind: ObjectKind, objectId: string, statistic: string): unknown;
}

export function createGcRig(overrides: Partial<GenesysCloudSourceDeps> & { readonly reauthenticate?: boolean } = {}): GcRig {
  const gc = createFakeGc();
  const time = createVirtualTime(gc.serverNow());
  gc.serverNow = () => time.now();
  const sink = createRecordingSink();
  const tokenListeners: Array<(token: string | null | undefined) => void> = [];
  const rig: GcRig = {
    gc,
    time,
    sink,
    token: 'token-1',
    heartbeats: true,
    reauthentications: [],
    tokenListeners,
    source: undefined as unknown as StatSource,
    value: (kind, objectId, statistic) => sink.latest(keyOf(kind, objectId, statistic))?.value,
  };
  const source = createGenesysCloudSource({
    authorizedFetch: gc.fetch,
    getAccessToken: () => rig.token,
    onTokenChange: (listener) => {
      tokenListeners.push(listener);
      return () => undefined;
    },
    handleUnauthorized: (rejected) => {
      rig.reauthentications.push(rejected);
      return Promise.resolve(overrides.reauthenticate ?? false);
    },
    sink,
    sourceId: SOURCE_ID,
    openSocket: gc.sockets.factory,
    timers: time,
    random: () => 0.5,
    timeZone: 'UTC',
    ...overrides,
  });
  (rig as { source: StatSource }).source = source;
  const beat = (): void => {
    if (rig.heartbeats) gc.heartbeat();
    time.setTimeout(beat, 30_000);
  };
  time.setTimeout(beat, 30_000);
  return rig;
}
