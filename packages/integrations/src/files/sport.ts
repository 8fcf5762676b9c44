import type { ActivityType } from '@runningcoach/contracts';

/** FIT `sport` / `sub_sport` (Profile types) to our activity type. */
export function fitSport(sport: unknown, subSport: unknown): ActivityType {
  if (sport === 'running') {
    if (subSport === 'trail') return 'trail_run';
    if (subSport === 'treadmill' || subSport === 'indoorRunning' || subSport === 'virtualActivity') {
      return 'treadmill';
    }
    return 'run';
  }
  if (sport === 'walking' || sport === 'hiking') return 'walk';
  if (sport === 'cycling' || sport === 'eBiking') return 'bike';
  if (sport === 'swimming') return 'swim';
  if (sport === 'training' && subSport === 'strengthTraining') return 'strength';
  return sport === undefined || sport === null ? 'run' : 'other';
}

/**
 * A free-text sport (GPX `<type>`, TCX `Sport`): Garmin writes `running`, Strava `Run` or `9`, TCX
 * `Running`/`Biking`/`Other`. Nothing at all means a run: this is a running coach's import.
 */
export function textSport(text: string | undefined): ActivityType {
  const s = (text ?? '').trim().toLowerCase();
  if (s === '' || s === '9') return 'run';
  if (s.includes('trail')) return 'trail_run';
  if (s.includes('treadmill')) return 'treadmill';
  if (s.includes('run')) return 'run';
  if (s.includes('walk') || s.includes('hik')) return 'walk';
  if (s.includes('bik') || s.includes('cycl') || s.includes('ride') || s === '1') return 'bike';
  if (s.includes('swim')) return 'swim';
  if (s.includes('strength') || s.includes('weight')) return 'strength';
  return 'other';
}
