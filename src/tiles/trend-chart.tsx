import type { ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Threshold } from '../boards/board-schema.ts';
import { formatAge, formatValue, type ValueFormat } from '../lib/format-value.ts';
import { trendLines, type TrendSeries } from './trend-series.ts';

/**
 * Colours are CSS variables (src/index.css), so the chart follows the theme like the rest of the
 * board; the SVG attributes recharts writes read variables too. Lines are distinct in either theme
 * and also differ in dash pattern, so they do not rely on colour alone.
 */
const COLOURS = Array.from({ length: 8 }, (_, i) => `var(--chart-line-${i + 1})`);
const DASHES = ['', '8 4', '2 3', '12 4 2 4'];
const THRESHOLD_COLOURS = { warning: 'var(--chart-warning)', critical: 'var(--chart-critical)' } as const;

export interface TrendChartProps {
  readonly series: readonly TrendSeries[];
  readonly format: ValueFormat;
  readonly minutes: number;
  readonly thresholds?: readonly Threshold[] | undefined;
}

function minutesAgo(x: number): string {
  return x >= 0 ? 'now' : `−${formatAge(-x)}`;
}

/**
 * The recharts part of the trend tile, in its own module so that recharts is loaded only when a
 * board has a trend (trend-tile.tsx imports it lazily). No animation: a wallboard redraws all day.
 */
export function TrendChart({ series, format, minutes, thresholds }: TrendChartProps): ReactElement {
  const lines = trendLines(series, minutes);
  const ticks = Array.from({ length: 7 }, (_, i) => -minutes * 60_000 + (i * minutes * 60_000) / 6);
  // Text in rem, so labels grow with the kiosk's viewport-scaled root font like the rest of the board.
  const tick = { fontSize: '0.8rem' };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
        <XAxis dataKey="x" type="number" domain={[-minutes * 60_000, 0]} ticks={ticks} tick={tick} tickFormatter={minutesAgo} stroke="var(--chart-axis)" allowDuplicatedCategory={false} />
        <YAxis stroke="var(--chart-axis)" tick={tick} tickFormatter={(v: number) => formatValue(v, format)} allowDecimals={format !== 'count'} width="auto" />
        <Tooltip
          contentStyle={{ background: 'var(--chart-tooltip)', border: '1px solid var(--chart-tooltip-border)' }}
          labelFormatter={(x) => minutesAgo(Number(x))}
          formatter={(v) => formatValue(typeof v === 'number' ? v : null, format)}
        />
        <Legend verticalAlign="top" align="right" wrapperStyle={tick} />
        {(thresholds ?? []).map((threshold, i) => (
          <ReferenceLine key={i} y={threshold.value} stroke={THRESHOLD_COLOURS[threshold.level]} strokeDasharray="6 6" ifOverflow="extendDomain" />
        ))}
        {lines.map((line, i) => (
          <Line
            key={line.id}
            data={[...line.data]}
            dataKey="y"
            name={line.name}
            type="stepAfter"
            stroke={COLOURS[i % COLOURS.length]}
            strokeDasharray={DASHES[i % DASHES.length] ?? ''}
            strokeWidth={3}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
