import { Inject, Injectable } from '@nestjs/common';
import type { ActivitySamples, EffortQuery, WeatherQuery, Workout } from '@runningcoach/contracts';
import {
  type EffortScore,
  type ForecastDay,
  type PreRunNote,
  type WeatherNow,
  type WeatherSuggestion,
  effortScore,
  preRunWeatherNote,
  weatherSuggestions,
} from '@runningcoach/engine';
import type { Forecast, OpenWeatherClient } from '@runningcoach/integrations';
import { ForecastCache } from '../providers/forecast-cache.ts';
import type { Cached } from '../providers/stale-cache.ts';
import { FORECAST_CACHE, OPENWEATHER_CLIENT } from '../providers/openweather.provider.ts';
import { isProviderFailure, notConfigured, providerError } from '../providers/provider-error.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import { AppError } from '../utils/errors.ts';
import { ActivityService } from './activity.service.ts';
import { engineError, runnerToday, toWorkout } from './plan.service.ts';

export interface WeatherForecastDto {
  location: { lat: number; lon: number; timezone: string };
  today: string;
  /** When OpenWeather made this forecast (ISO-8601). */
  fetchedAt: string;
  /** True when OpenWeather is down and this is the last forecast for the place (at most 6 h old). */
  stale: boolean;
  current: WeatherNow;
  days: ForecastDay[];
  /** Long and hard sessions to run early, swap to a cooler day, or soften. */
  suggestions: WeatherSuggestion[];
  /** The weather part of today's pre-run note; null on a day without a run. */
  coachNote: WeatherNote | null;
}

/** The pre-run weather note of a planned run: feels-like and what to drink (also on the dashboard). */
export type WeatherNote = Pick<PreRunNote, 'feelsLikeC' | 'message' | 'fluids' | 'reasons'> & {
  workoutId: string;
};

/** A run the weather note is about: a planned workout of a running type. */
type NoteRun = Pick<Workout, 'id' | 'type' | 'targetDurationSec'>;

export interface EffortDto extends EffortScore {
  activityId: string;
  weather: WeatherNow | null;
}

// Without the runner's weight the note assumes 70 kg (fluids only; a judgement).
const DEFAULT_WEIGHT_KG = 70;
const RUN_TYPES = new Set(['easy', 'long', 'threshold', 'intervals', 'marathon_pace', 'recovery', 'race']);
const weatherDown = () =>
  new AppError(503, 'PROVIDER_UNAVAILABLE', 'openweather is unavailable; try again later');

/** The forecast at the runner's location, read against their plan by the engine; effort scored in context. */
@Injectable()
export class WeatherService {
  constructor(
    @Inject(OPENWEATHER_CLIENT) private readonly weather: OpenWeatherClient | null,
    @Inject(FORECAST_CACHE) private readonly cache: ForecastCache,
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(ActivityService) private readonly activities: ActivityService,
  ) {}

  async forecast(userId: string, q: WeatherQuery): Promise<WeatherForecastDto> {
    const client = this.client();
    const { today, weightKg, workouts } = await this.runner(userId);
    let cached: Cached<Forecast>;
    try {
      cached = await this.cache.get(ForecastCache.key(q.lat, q.lon), () => client.forecast(q.lat, q.lon));
    } catch (err) {
      throw providerError(err, weatherDown);
    }
    const f = cached.value;
    const ahead = workouts.filter((w) => w.date >= today);
    try {
      const suggestions = weatherSuggestions({ workouts: ahead, forecast: f.days, today });
      const run = ahead.find((w) => w.date === today && RUN_TYPES.has(w.type));
      return {
        location: { lat: f.lat, lon: f.lon, timezone: f.timezone },
        today,
        fetchedAt: new Date(cached.fetchedAt).toISOString(),
        stale: cached.stale,
        current: f.current,
        days: f.days,
        suggestions,
        coachNote: run ? weatherNote(run, f.current, weightKg) : null,
      };
    } catch (err) {
      throw engineError(err);
    }
  }

  /**
   * The dashboard's weather note for today's run at the runner's location, or null: no run of a running
   * type, weather not configured, or OpenWeather down with no recent forecast of the place (the dashboard
   * then goes without it; it never fails for the weather). `stale`: from the last forecast, OpenWeather down.
   */
  async todayNote(
    place: { lat: number; lon: number },
    workout: NoteRun & { state: string },
    weightKg = DEFAULT_WEIGHT_KG,
  ): Promise<(WeatherNote & { stale: boolean }) | null> {
    if (!this.weather || workout.state !== 'planned' || !RUN_TYPES.has(workout.type)) return null;
    const client = this.weather;
    let cached: Cached<Forecast>;
    try {
      cached = await this.cache.get(ForecastCache.key(place.lat, place.lon), () =>
        client.forecast(place.lat, place.lon),
      );
    } catch (err) {
      if (isProviderFailure(err)) return null;
      throw err;
    }
    return { ...weatherNote(workout, cached.value.current, weightKg), stale: cached.stale };
  }

  /**
   * A finished run's effort with heat (the weather when it started, at its first GPS point or `q`) and
   * hills (its climb) taken out, scored against the plan's threshold pace when there is one.
   */
  async effort(userId: string, activityId: string, q: EffortQuery): Promise<EffortDto> {
    const activity = await this.activities.get(userId, activityId);
    const { thresholdPace } = await this.runner(userId);
    if (!activity.distanceMeters) {
      throw new AppError(422, 'NO_DISTANCE', 'activity: has no distance to score a pace from', {
        issues: [{ path: 'distanceMeters', code: 'missing', message: 'is missing' }],
      });
    }
    const place =
      firstFix(activity.samples) ?? (q.lat !== undefined ? { lat: q.lat, lon: q.lon! } : undefined);
    let weather: WeatherNow | null = null;
    if (place && this.weather) {
      const at = Math.floor(Date.parse(activity.startTime ?? `${activity.date}T12:00:00Z`) / 1000);
      try {
        weather = await this.weather.at(place.lat, place.lon, at);
      } catch (err) {
        throw providerError(err, weatherDown);
      }
    }
    try {
      const score = effortScore({
        distanceMeters: activity.distanceMeters,
        durationSec: activity.durationSec,
        ...(activity.elevationGainMeters !== undefined && {
          elevationGainMeters: activity.elevationGainMeters,
        }),
        ...(weather && { tempC: weather.tempC, dewPointC: Math.min(weather.dewPointC, weather.tempC) }),
        ...(thresholdPace !== undefined && { thresholdPaceSecPerKm: thresholdPace }),
      });
      return { activityId: activity.id, weather, ...score };
    } catch (err) {
      throw engineError(err);
    }
  }

  private client(): OpenWeatherClient {
    if (!this.weather) throw notConfigured('weather', 'OPENWEATHER_URL or OPENWEATHER_API_KEY');
    return this.weather;
  }

  private runner(userId: string) {
    return this.database.asUser(userId, async () => {
      const user = await this.users.findById(userId);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'user not found');
      const plan = await this.plans.findActive(userId);
      const rows = plan ? await this.plans.workoutsOf(userId, plan.id) : [];
      const workouts: Workout[] = rows.filter((r) => r.state === 'planned').map(toWorkout);
      return {
        today: runnerToday(user),
        weightKg: user.profile.weightKg ?? DEFAULT_WEIGHT_KG,
        workouts,
        thresholdPace: plan?.meta.paces?.threshold,
      };
    });
  }
}

function weatherNote(run: NoteRun, weather: WeatherNow, weightKg: number): WeatherNote {
  const note = preRunWeatherNote({
    weather,
    durationSec: run.targetDurationSec ?? 3600,
    weightKg,
    repeats: run.type === 'intervals' || run.type === 'threshold',
  });
  const { feelsLikeC, message, fluids, reasons } = note;
  return { workoutId: run.id, feelsLikeC, message, fluids, reasons };
}

function firstFix(samples: ActivitySamples | null | undefined): { lat: number; lon: number } | undefined {
  const lat = samples?.lat;
  const lon = samples?.lon;
  if (!lat || !lon) return undefined;
  for (let i = 0; i < lat.length; i++) {
    if (lat[i] != null && lon[i] != null) return { lat: lat[i]!, lon: lon[i]! };
  }
  return undefined;
}
