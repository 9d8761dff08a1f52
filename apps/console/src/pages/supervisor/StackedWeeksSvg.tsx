import { Group, Text } from '@mantine/core';

export interface WeekSeries<Key extends string> {
  readonly key: Key;
  readonly label: string;
  readonly color: string;
}

export interface StackedWeek<Key extends string> {
  readonly label: string;
  /** Said on hover (the bar's SVG title): the week's dates and every count. */
  readonly title: string;
  readonly values: Readonly<Record<Key, number>>;
}

const WIDTH = 1000;
const HEIGHT = 300;
const PLOT = { left: 56, right: 12, top: 12, bottom: 44 };
const MAX_BAR = 40;

/** A round step giving at most `count` gridlines up to `max`: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/**
 * Stacked bars, one per week, drawn as plain SVG. Recharts drew the same 46 weeks × 5 series in
 * 400–500 ms of the page's main thread on the two-core machine (the board's slowest part by far);
 * these few hundred rectangles take a few milliseconds (docs/benchmarks.md §7, ADR 30).
 */
export function StackedWeeksSvg<Key extends string>({
  weeks,
  series,
  yLabel,
  xLabel,
}: {
  weeks: readonly StackedWeek<Key>[];
  series: readonly WeekSeries<Key>[];
  yLabel: string;
  xLabel: string;
}) {
  const totals = weeks.map((week) => series.reduce((sum, s) => sum + week.values[s.key], 0));
  const step = niceStep(Math.max(0, ...totals), 5);
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const band = plotWidth / Math.max(weeks.length, 1);
  const barWidth = Math.min(MAX_BAR, band * 0.7);
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  const labelEvery = Math.ceil(weeks.length / 26);
  const gridlines = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" aria-hidden style={{ display: 'block' }}>
        {gridlines.map((value) => (
          <g key={value}>
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(value)} y2={y(value)} stroke="#dee2e6" />
            <text x={PLOT.left - 6} y={y(value)} dy="0.32em" textAnchor="end" fontSize={12} fill="#495057">
              {value}
            </text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const x = PLOT.left + index * band + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={week.label}>
              <title>{week.title}</title>
              {series.map((s) => {
                const value = week.values[s.key];
                if (value <= 0) return null;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    width={barWidth}
                    y={y(base + value)}
                    height={y(base) - y(base + value)}
                    fill={s.color}
                  />
                );
                base += value;
                return rect;
              })}
              {index % labelEvery === 0 && (
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT - PLOT.bottom + 16}
                  textAnchor="middle"
                  fontSize={11}
                  fill="#495057"
                >
                  {week.label}
                </text>
              )}
            </g>
          );
        })}
        <text
          x={14}
          y={PLOT.top + plotHeight / 2}
          transform={`rotate(-90 14 ${PLOT.top + plotHeight / 2})`}
          textAnchor="middle"
          fontSize={12}
          fill="#343a40"
        >
          {yLabel}
        </text>
        <text x={PLOT.left + plotWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={12} fill="#343a40">
          {xLabel}
        </text>
      </svg>
      <Group gap="md" justify="center" mt="xs">
        {series.map((s) => (
          <Group key={s.key} gap={6} wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 12, height: 12, background: s.color, borderRadius: 2, display: 'inline-block' }}
            />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
