import { ACWR_SWEET_SPOT, type RollingLoadDay } from '@runningcoach/engine';
import type { Reason } from '@runningcoach/contracts';
import { fixed } from './number.ts';
import { renderTable } from './table.ts';

export interface LoadDay extends RollingLoadDay {
  flags: Reason[];
}

const FLAG_LABELS: Record<string, string> = { ACWR_HIGH: 'ACWR high', MONOTONY_HIGH: 'monotony high' };

const opt = (v: number | null, digits: number): string => (v === null ? '-' : fixed(v, digits));

/** The last days as a table, flagged rows marked with `!`, then a summary of the latest day. */
export function renderLoad(days: readonly LoadDay[], shown: number): string[] {
  const last = days[days.length - 1];
  if (!last) return ['No load data.'];
  const window = days.slice(-shown);
  const rows = window.map((d) => [
    d.flags.length ? '!' : '',
    d.date,
    fixed(d.load, 0),
    fixed(d.acute, 1),
    fixed(d.chronic, 1),
    opt(d.acwr, 2),
    fixed(d.tsb, 1),
    opt(d.monotony, 2),
    d.flags.map((f) => FLAG_LABELS[f.code] ?? f.code).join(', '),
  ]);
  const flagged = window.filter((d) => d.flags.length > 0).length;
  const acwr =
    last.acwr === null
      ? 'ACWR - (needs 3 weeks of history)'
      : `ACWR ${fixed(last.acwr, 2)} (sweet spot ${ACWR_SWEET_SPOT.min}-${ACWR_SWEET_SPOT.max})`;
  return [
    `Training load, last ${window.length} days (${window[0]!.date} to ${last.date})`,
    ...renderTable(['', 'Date', 'Load', 'Acute', 'Chronic', 'ACWR', 'TSB', 'Monotony', 'Flags'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    '',
    `Summary ${last.date}: acute ${fixed(last.acute, 1)}, chronic ${fixed(last.chronic, 1)}, ${acwr}, ` +
      `TSB ${fixed(last.tsb, 1)}, monotony ${opt(last.monotony, 2)}; ` +
      `${flagged} flagged day${flagged === 1 ? '' : 's'} in the last ${window.length}.`,
    ...last.flags.map((f) => `! ${f.message}`),
    'ACWR and monotony are guardrails associated with injury risk, not predictions.',
  ];
}
