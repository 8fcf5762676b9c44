import { vdotFromRace } from '@runningcoach/engine';
import { COMMON_HELP, flag, optional, unitsOption } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';
import { buildPrediction, renderPrediction } from '../format/prediction.ts';
import { parseDistance } from '../parse/distance.ts';
import { parseDuration } from '../parse/time.ts';
import { parseNumber } from '../parse/values.ts';

export const predict: Command = {
  name: 'predict',
  summary: 'VDOT, race predictions and training paces from a race result',
  help: `Usage: runningcoach predict --distance <distance> --time <time>
       runningcoach predict --vdot <n>

Your VDOT (Daniels-Gilbert) from a race, the times it predicts for 1500 m to the
marathon (Daniels, with Riegel alongside) and your training paces.

Options:
  --distance <d>     race distance: 5k, 10k, half, marathon, mile, metres (1500)
                     or a number with km/mi (21.1km, 13.1mi)
  --time <t>         race time as mm:ss or h:mm:ss
  --vdot <n>         start from a known VDOT instead of a race
${COMMON_HELP}

Example:
  runningcoach predict --distance 5k --time 19:57`,
  options: { distance: { type: 'string' }, time: { type: 'string' }, vdot: { type: 'string' } },
  engineFields: { distanceMeters: '--distance', timeSec: '--time', vdot: '--vdot' },
  run(args, ctx) {
    const units = unitsOption(args);
    const vdotArg = optional(args, 'vdot', (t, o) => parseNumber(t, o, { min: 15, max: 90 }));
    const distance = optional(args, 'distance', parseDistance);
    const time = optional(args, 'time', parseDuration);
    let prediction;
    if (vdotArg !== undefined) {
      if (distance !== undefined || time !== undefined) {
        throw new UsageError('--vdot: give either --vdot or --distance with --time, not both');
      }
      prediction = buildPrediction(vdotArg, null);
    } else {
      if (distance === undefined) {
        throw new UsageError(
          time === undefined ? '--distance: is required (or --vdot)' : '--distance: is required with --time',
        );
      }
      if (time === undefined) throw new UsageError('--time: is required with --distance');
      const source = { distanceMeters: distance, timeSec: time };
      prediction = buildPrediction(vdotFromRace(distance, time), source);
    }
    if (flag(args, 'json')) ctx.json(prediction);
    else ctx.out(renderPrediction(prediction, units));
    return 0;
  },
};
