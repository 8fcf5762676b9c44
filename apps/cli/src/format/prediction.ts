import { predictRaceTime, riegel, trainingPaces, type TrainingPaces } from '@runningcoach/engine';
import { fixed } from './number.ts';
import { renderTable } from './table.ts';
import { METERS_PER_MILE, formatDuration, formatPace, formatPaceRange, type Units } from './units.ts';

export interface RacePrediction {
  name: string;
  distanceMeters: number;
  danielsSec: number;
  /** Riegel from the input race; null when predicting from a VDOT alone. */
  riegelSec: number | null;
}

export interface Prediction {
  vdot: number;
  source: { distanceMeters: number; timeSec: number } | null;
  predictions: RacePrediction[];
  /** Seconds per km. */
  paces: TrainingPaces;
}

const RACES: ReadonlyArray<[string, number]> = [
  ['1500 m', 1500],
  ['Mile', METERS_PER_MILE],
  ['5K', 5000],
  ['10K', 10_000],
  ['Half marathon', 21_097.5],
  ['Marathon', 42_195],
];

export function buildPrediction(vdot: number, source: Prediction['source']): Prediction {
  return {
    vdot,
    source,
    predictions: RACES.map(([name, distanceMeters]) => ({
      name,
      distanceMeters,
      danielsSec: predictRaceTime(vdot, distanceMeters),
      riegelSec: source ? riegel(source.timeSec, source.distanceMeters, distanceMeters) : null,
    })),
    paces: trainingPaces(vdot),
  };
}

export function renderPrediction(p: Prediction, units: Units): string[] {
  const from = p.source
    ? ` (from ${formatRaceDistance(p.source.distanceMeters)} in ${formatDuration(p.source.timeSec)})`
    : '';
  const withRiegel = p.source !== null;
  const headers = ['Race', 'Daniels', ...(withRiegel ? ['Riegel'] : []), 'Pace'];
  const rows = p.predictions.map((r) => [
    r.name,
    formatDuration(r.danielsSec),
    ...(withRiegel && r.riegelSec !== null ? [formatDuration(r.riegelSec)] : []),
    formatPace(r.danielsSec / (r.distanceMeters / 1000), units),
  ]);
  const paces = p.paces;
  return [
    `VDOT ${fixed(p.vdot, 1)}${from}`,
    '',
    'Race predictions (Daniels VDOT tables' + (withRiegel ? '; Riegel t2 = t1 x (d2/d1)^1.06' : '') + ')',
    ...renderTable(headers, rows, ['left', 'right', 'right', 'right']),
    '',
    `Training paces (per ${units === 'mi' ? 'mile' : 'km'})`,
    ...renderTable(
      ['Pace', 'Target', 'Use'],
      [
        ['Easy (E)', formatPaceRange(paces.easy, units), 'most running, long runs'],
        ['Marathon (M)', formatPace(paces.marathon, units), 'marathon-pace runs'],
        ['Threshold (T)', formatPace(paces.threshold, units), 'tempo runs, cruise intervals'],
        ['Interval (I)', formatPace(paces.interval, units), '3-5 min repeats'],
        ['Repetition (R)', formatPace(paces.repetition, units), 'short fast repeats, full recovery'],
      ],
      ['left', 'right', 'left'],
    ),
  ];
}

/** `5K`, `Marathon`, or `12.3 km` for anything else. */
export function formatRaceDistance(meters: number): string {
  const named = RACES.find(([, d]) => Math.abs(d - meters) < 1);
  if (named) return named[0];
  return meters % 1000 === 0 ? `${meters / 1000} km` : `${fixed(meters / 1000, 2)} km`;
}
