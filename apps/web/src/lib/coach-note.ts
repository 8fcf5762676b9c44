import type { Readiness, Workout } from '@runningcoach/contracts';
import type { RollingLoadDay } from '@runningcoach/engine';

/** The coach's note: one or two sentences from today's readiness, workout and load, in plain words. */
export function coachNote(
  readiness: Readiness | null,
  workout: Workout | null,
  load: RollingLoadDay | undefined,
): string {
  const parts: string[] = [];
  if (!readiness)
    parts.push('Start with your morning check-in: it takes 20 seconds and lets the plan adapt to you.');
  else if (readiness.color === 'red')
    parts.push(
      'Your body is asking for recovery today. Keep it truly easy or rest — fitness is built when you absorb training.',
    );
  else if (readiness.color === 'yellow')
    parts.push('You are a little under par. Run by feel and keep the effort conversational.');
  else parts.push('You are good to go. Trust the plan and hit today’s targets.');
  if (workout?.type === 'rest') parts.push('Enjoy the rest day: sleep, eat well, maybe a gentle walk.');
  else if (workout?.type === 'long')
    parts.push('Long run: start slower than you think and practise your fuelling.');
  else if (workout?.type === 'intervals' || workout?.type === 'threshold')
    parts.push('Quality day: warm up properly and stop a rep early if form falls apart.');
  if (load?.acwr != null && load.acwr > 1.5)
    parts.push(
      `Your acute:chronic load is ${load.acwr.toFixed(2)} — above 1.5, so the plan holds you back a little.`,
    );
  return parts.join(' ');
}
