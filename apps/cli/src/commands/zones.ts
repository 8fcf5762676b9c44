import { estimateMaxHr, heartRateZones, paceZones, type HrZoneMethod } from '@runningcoach/engine';
import { COMMON_HELP, flag, optional, unitsOption } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { renderHrZones, renderPaceZones } from '../format/zones.ts';
import { parsePace } from '../parse/time.ts';
import { parseChoice, parseNumber } from '../parse/values.ts';

const METHODS: readonly HrZoneMethod[] = ['karvonen', 'percentMax', 'lthr'];
const bpm = (min: number, max: number) => (t: string, o: string) => parseNumber(t, o, { min, max });

export const zones: Command = {
  name: 'zones',
  summary: 'heart-rate zones, and pace zones from a threshold pace',
  help: `Usage: runningcoach zones --max-hr <bpm> [--resting-hr <bpm>] [--lthr <bpm>] [--age <years>]
                          [--method karvonen|percentMax|lthr] [--threshold-pace <m:ss>]

Five heart-rate zones: Friel's %LTHR when --lthr is given, else Karvonen (heart-rate
reserve) with --resting-hr, else % of max HR. Without --max-hr, --age estimates it
(Tanaka: 208 - 0.7 x age) and the zones are marked as estimates. With
--threshold-pace, also Friel's pace zones.

Options:
  --max-hr <bpm>         maximum heart rate (120-230)
  --resting-hr <bpm>     resting heart rate (25-120)
  --lthr <bpm>           lactate-threshold heart rate (90-220)
  --age <years>          estimates max HR when --max-hr is unknown
  --method <m>           force karvonen, percentMax or lthr
  --threshold-pace <p>   threshold pace as m:ss per --units (or 4:15/km, 6:50/mi)
${COMMON_HELP}

Example:
  runningcoach zones --max-hr 190 --resting-hr 50 --threshold-pace 4:15`,
  options: {
    'max-hr': { type: 'string' },
    'resting-hr': { type: 'string' },
    lthr: { type: 'string' },
    age: { type: 'string' },
    method: { type: 'string' },
    'threshold-pace': { type: 'string' },
  },
  engineFields: {
    maxHr: '--max-hr',
    restingHr: '--resting-hr',
    lthr: '--lthr',
    age: '--age',
    thresholdPaceSecPerKm: '--threshold-pace',
  },
  run(args, ctx) {
    const units = unitsOption(args);
    const input = {
      maxHr: optional(args, 'max-hr', bpm(120, 230)),
      restingHr: optional(args, 'resting-hr', bpm(25, 120)),
      lthr: optional(args, 'lthr', bpm(90, 220)),
      age: optional(args, 'age', (t, o) => parseNumber(t, o, { min: 5, max: 110 })),
      method: optional(args, 'method', (t, o) => parseChoice(t, o, METHODS)),
    };
    const threshold = optional(args, 'threshold-pace', (t, o) => parsePace(t, o, units));
    const hasHr = input.maxHr !== undefined || input.lthr !== undefined || input.age !== undefined;
    if (!hasHr && threshold === undefined) {
      throw new UsageError(
        '--max-hr: is required (or --age, --lthr, or --threshold-pace for pace zones only)',
      );
    }
    if (input.restingHr !== undefined && input.maxHr !== undefined && input.restingHr >= input.maxHr) {
      throw new UsageError('--resting-hr: must be below --max-hr');
    }
    const hr = hasHr ? heartRateZones(input) : null;
    const pace = threshold === undefined ? null : paceZones(threshold);

    if (flag(args, 'json')) {
      ctx.json({ heartRate: hr, pace });
      return 0;
    }
    const lines: string[] = [];
    if (hr) {
      const note =
        input.age !== undefined
          ? `Estimates: max HR ${estimateMaxHr(input.age)} comes from your age (208 - 0.7 x ${input.age}); ` +
            'it can be 10+ bpm off, so a measured max HR (--max-hr) will sharpen these zones.'
          : undefined;
      lines.push(...renderHrZones(hr, note));
      if (hr[0]?.method === 'percentMax' && input.restingHr === undefined) {
        lines.push('', 'Tip: add --resting-hr for Karvonen (heart-rate reserve) zones.');
      }
    }
    if (pace && threshold !== undefined) {
      if (lines.length) lines.push('');
      lines.push(...renderPaceZones(pace, threshold, units));
    }
    ctx.out(lines);
    return 0;
  },
};
