import { describe, expect, it } from 'vitest';
import { addDays, isSunday, localDate } from './local-time.ts';
import { scanMidnights } from './midnight.ts';

const QUARTER = 15 * 60_000;
const HOUR = 4 * QUARTER;

/** Runs the 15-minute scan over [from, to) and returns, per ended local day, the ticks that reported it. */
function simulate(timeZone: string, from: string, to: string, skip: (t: number) => boolean = () => false) {
  const seen = new Map<string, string[]>();
  for (let t = Date.parse(from); t < Date.parse(to); t += QUARTER) {
    if (skip(t)) continue;
    for (const run of scanMidnights([{ userId: 'u', timeZone }], t, HOUR).due) {
      seen.set(run.date, [...(seen.get(run.date) ?? []), new Date(t).toISOString().slice(0, 16) + 'Z']);
    }
  }
  return seen;
}

const firstTicks = (seen: Map<string, string[]>) =>
  Object.fromEntries([...seen].map(([d, ticks]) => [d, ticks[0]]));

describe('midnight scan across DST changes', () => {
  // Each ended local day is reported first at the tick on its local midnight, then by the 3 ticks of the
  // next 45 minutes (the job id makes those no-ops), and never again.
  it.each([
    [
      'Pacific/Auckland',
      'DST ends 5 Apr',
      '2026-04-04T00:00Z',
      { '2026-04-04': '2026-04-04T11:00Z', '2026-04-05': '2026-04-05T12:00Z' },
    ],
    [
      'Pacific/Auckland',
      'DST starts 27 Sep',
      '2026-09-26T00:00Z',
      { '2026-09-26': '2026-09-26T12:00Z', '2026-09-27': '2026-09-27T11:00Z' },
    ],
    [
      'Europe/Berlin',
      'DST starts 29 Mar',
      '2026-03-28T12:00Z',
      { '2026-03-28': '2026-03-28T23:00Z', '2026-03-29': '2026-03-29T22:00Z' },
    ],
    [
      'Europe/Berlin',
      'DST ends 25 Oct',
      '2026-10-24T12:00Z',
      { '2026-10-24': '2026-10-24T22:00Z', '2026-10-25': '2026-10-25T23:00Z' },
    ],
    [
      'America/Los_Angeles',
      'DST starts 8 Mar',
      '2026-03-07T12:00Z',
      { '2026-03-07': '2026-03-08T08:00Z', '2026-03-08': '2026-03-09T07:00Z' },
    ],
    [
      'America/Los_Angeles',
      'DST ends 1 Nov',
      '2026-10-31T12:00Z',
      { '2026-10-31': '2026-11-01T07:00Z', '2026-11-01': '2026-11-02T08:00Z' },
    ],
    // Santiago changes clocks AT midnight: 24:00 becomes 23:00 again (April), or 01:00 (September).
    [
      'America/Santiago',
      'midnight repeats 5 Apr',
      '2026-04-04T12:00Z',
      { '2026-04-04': '2026-04-05T04:00Z', '2026-04-05': '2026-04-06T04:00Z' },
    ],
    [
      'America/Santiago',
      'midnight skipped 6 Sep',
      '2026-09-05T12:00Z',
      { '2026-09-05': '2026-09-06T04:00Z', '2026-09-06': '2026-09-07T03:00Z' },
    ],
    [
      'Asia/Kathmandu',
      'UTC+05:45, no DST',
      '2026-03-28T00:00Z',
      { '2026-03-28': '2026-03-28T18:15Z', '2026-03-29': '2026-03-29T18:15Z' },
    ],
  ])('%s, %s', (timeZone, _what, from, expected) => {
    const seen = simulate(timeZone, from, new Date(Date.parse(from) + 48 * HOUR).toISOString());
    expect(firstTicks(seen)).toEqual(expected);
    for (const ticks of seen.values()) expect(ticks).toHaveLength(4);
  });

  it('still reports a day when the scan misses the tick at midnight (and the next two)', () => {
    const missed = new Set(['2026-03-28T23:00Z', '2026-03-28T23:15Z', '2026-03-28T23:30Z'].map(Date.parse));
    const seen = simulate('Europe/Berlin', '2026-03-28T12:00Z', '2026-03-29T12:00Z', (t) => missed.has(t));
    expect(seen.get('2026-03-28')).toEqual(['2026-03-28T23:45Z']);
  });

  it('evaluates each zone once, keeps every runner, and reports unknown zones instead of failing', () => {
    const at = Date.parse('2026-03-28T23:00Z'); // midnight in Berlin and Paris, 1 pm in Auckland
    const scan = scanMidnights(
      [
        { userId: 'a', timeZone: 'Europe/Berlin' },
        { userId: 'b', timeZone: 'Pacific/Auckland' },
        { userId: 'c', timeZone: 'Europe/Berlin' },
        { userId: 'd', timeZone: 'Mars/Olympus_Mons' },
        { userId: 'e', timeZone: 'Europe/Paris' },
      ],
      at,
      HOUR,
    );
    expect(scan.due).toEqual([
      { userId: 'a', timeZone: 'Europe/Berlin', date: '2026-03-28' },
      { userId: 'c', timeZone: 'Europe/Berlin', date: '2026-03-28' },
      { userId: 'e', timeZone: 'Europe/Paris', date: '2026-03-28' },
    ]);
    expect(scan.unknownZones).toEqual([{ userId: 'd', timeZone: 'Mars/Olympus_Mons' }]);
  });
});

describe('local calendar helpers', () => {
  it('reads the local day, steps days across months and years, and knows Sundays', () => {
    const t = Date.parse('2026-12-31T11:30:00Z');
    expect([
      localDate(t, 'Pacific/Auckland'),
      localDate(t, 'UTC'),
      localDate(t, 'America/Los_Angeles'),
    ]).toEqual(['2027-01-01', '2026-12-31', '2026-12-31']);
    expect([addDays('2026-12-31', 1), addDays('2026-03-01', -1), addDays('2028-03-01', -1)]).toEqual([
      '2027-01-01',
      '2026-02-28',
      '2028-02-29',
    ]);
    expect([isSunday('2026-03-29'), isSunday('2026-03-30')]).toEqual([true, false]);
  });
});
