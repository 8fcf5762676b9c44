import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from '../components/chart-card.tsx';
import { type LoadRow, tickInterval, type WeekRow } from '../lib/chart-data.ts';
import { formatDay } from '../lib/dates.ts';
import type { Units } from '../lib/units.ts';

const axis = { fontSize: 11, fill: '#64748b' };
const [FITNESS, FATIGUE, FORM] = ['#0ea5e9', '#f43f5e', '#10b981'];
const [EASY, MODERATE, HARD] = ['#10b981', '#f59e0b', '#ef4444'];
const grid = <CartesianGrid stroke="#e2e8f0" vertical={false} />;
const margin = { left: -12, right: 8 };
const line = { type: 'monotone', dot: false, strokeWidth: 2, isAnimationActive: false } as const;
const bar = { isAnimationActive: false } as const;

/** A date axis labelled "3 Dec", at a fixed interval (no per-label text measuring). */
function dateAxis(key: 'date' | 'week', count: number) {
  return (
    <XAxis
      dataKey={key}
      tick={axis}
      tickFormatter={(d: string) => formatDay(d).split(' ').slice(1).join(' ')}
      interval={tickInterval(count)}
    />
  );
}

const dayTooltip = <Tooltip labelFormatter={(d) => formatDay(String(d))} />;
const weekTooltip = <Tooltip labelFormatter={(d) => `Week of ${formatDay(String(d))}`} />;

export function FitnessChart({ rows }: { rows: LoadRow[] }) {
  return (
    <ChartCard
      title="Fitness, fatigue and form"
      className="lg:col-span-2"
      height="h-64"
      legend={[
        { name: 'Fitness', color: FITNESS },
        { name: 'Fatigue', color: FATIGUE },
        { name: 'Form (TSB)', color: FORM },
      ]}
    >
      <ComposedChart data={rows} margin={margin}>
        {grid}
        {dateAxis('date', rows.length)}
        <YAxis tick={axis} />
        {dayTooltip}
        <Area
          type="monotone"
          dataKey="form"
          name="Form (TSB)"
          fill="#a7f3d0"
          stroke={FORM}
          fillOpacity={0.35}
          isAnimationActive={false}
        />
        <Line {...line} dataKey="fitness" name="Fitness" stroke={FITNESS} />
        <Line {...line} dataKey="fatigue" name="Fatigue" stroke={FATIGUE} />
      </ComposedChart>
    </ChartCard>
  );
}

/** While history is short: the daily loads themselves, which is all there is to see yet. */
export function DailyLoadChart({ rows }: { rows: LoadRow[] }) {
  return (
    <ChartCard title="Daily training load" className="lg:col-span-2">
      <BarChart data={rows} margin={margin}>
        {grid}
        {dateAxis('date', rows.length)}
        <YAxis tick={axis} />
        {dayTooltip}
        <Bar {...bar} dataKey="load" name="Load (RPE × min)" fill="#0ea5e9" radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartCard>
  );
}

export function AcwrChart({ rows }: { rows: LoadRow[] }) {
  return (
    <ChartCard
      title="Acute:chronic workload ratio"
      note="Green band 0.8–1.3 is the sweet spot; above 1.5 the plan eases off. A guardrail, not an injury prediction."
      empty={
        rows.every((r) => r.acwr == null) &&
        'The ratio appears after three weeks of training: until then there is no chronic load to compare with.'
      }
    >
      <LineChart data={rows} margin={margin}>
        {grid}
        <ReferenceArea y1={0.8} y2={1.3} fill="#10b981" fillOpacity={0.12} />
        <ReferenceArea y1={1.5} y2={2.5} fill="#ef4444" fillOpacity={0.1} />
        <ReferenceLine y={1.5} stroke="#ef4444" strokeDasharray="4 4" />
        {dateAxis('date', rows.length)}
        <YAxis tick={axis} domain={[0, 2.5]} allowDataOverflow />
        {dayTooltip}
        <Line {...line} dataKey="acwr" name="ACWR" stroke="#0f172a" connectNulls />
      </LineChart>
    </ChartCard>
  );
}

export function MonotonyChart({ rows }: { rows: LoadRow[] }) {
  return (
    <ChartCard
      title="Training monotony"
      note="Foster’s 7-day mean ÷ SD. Above 2.0 the weeks are too samey — vary hard and easy."
      empty={
        rows.every((r) => r.monotony == null) && 'Monotony appears after your first seven days of training.'
      }
    >
      <LineChart data={rows} margin={margin}>
        {grid}
        <ReferenceLine y={2} stroke="#f59e0b" strokeDasharray="4 4" />
        {dateAxis('date', rows.length)}
        <YAxis tick={axis} />
        {dayTooltip}
        <Line {...line} dataKey="monotony" name="Monotony" stroke="#8b5cf6" connectNulls />
      </LineChart>
    </ChartCard>
  );
}

export function VolumeChart({ weeks, units }: { weeks: WeekRow[]; units: Units }) {
  return (
    <ChartCard title={`Weekly volume (${units})`}>
      <BarChart data={weeks} margin={margin}>
        {grid}
        {dateAxis('week', weeks.length)}
        <YAxis tick={axis} />
        {weekTooltip}
        <Bar {...bar} dataKey="distance" name={`Distance (${units})`} fill="#0f172a" radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartCard>
  );
}

export function IntensityChart({ weeks }: { weeks: WeekRow[] }) {
  return (
    <ChartCard
      title="Intensity distribution (minutes)"
      legend={[
        { name: 'Easy (RPE ≤4)', color: EASY },
        { name: 'Moderate (5–6)', color: MODERATE },
        { name: 'Hard (≥7)', color: HARD },
      ]}
    >
      <BarChart data={weeks} margin={margin}>
        {grid}
        {dateAxis('week', weeks.length)}
        <YAxis tick={axis} />
        {weekTooltip}
        <Bar {...bar} dataKey="easy" name="Easy (RPE ≤4)" stackId="i" fill={EASY} />
        <Bar {...bar} dataKey="moderate" name="Moderate (5–6)" stackId="i" fill={MODERATE} />
        <Bar {...bar} dataKey="hard" name="Hard (≥7)" stackId="i" fill={HARD} />
      </BarChart>
    </ChartCard>
  );
}
