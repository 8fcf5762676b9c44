import type { HrZone, PaceZone } from '@runningcoach/engine';
import { renderTable } from './table.ts';
import { formatPace, formatPaceRange, type Units } from './units.ts';

const METHOD_NAMES: Record<HrZone['method'], string> = {
  karvonen: 'Karvonen, % of heart-rate reserve',
  percentMax: '% of max heart rate',
  lthr: 'Friel, % of lactate-threshold heart rate',
};

export function renderHrZones(zones: readonly HrZone[], estimateNote: string | undefined): string[] {
  const method = zones[0]?.method;
  return [
    `Heart-rate zones (${method ? METHOD_NAMES[method] : 'unknown method'})`,
    ...renderTable(
      ['Zone', 'Name', 'BPM'],
      zones.map((z) => [String(z.zone), z.name, `${z.minBpm}-${z.maxBpm}`]),
      ['right', 'left', 'right'],
    ),
    ...(zones.some((z) => z.estimated) && estimateNote ? ['', estimateNote] : []),
  ];
}

export function renderPaceZones(
  zones: readonly PaceZone[],
  thresholdSecPerKm: number,
  units: Units,
): string[] {
  return [
    `Pace zones (Friel, % of threshold pace ${formatPace(thresholdSecPerKm, units)})`,
    ...renderTable(
      ['Zone', 'Name', 'Pace'],
      zones.map((z) => [String(z.zone), z.name, formatPaceRange(z.paceSecPerKm, units)]),
      ['right', 'left', 'right'],
    ),
  ];
}
