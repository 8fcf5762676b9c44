// The weather part of the pre-run coach's note: what it feels like, how the heat changes the run, what to
// drink, and whether the air is fit for hard running.
// Feels-like: the provider's value when it has one; else the NWS heat index from 27 °C (where the NWS applies
// it) or the wind chill at 10 °C and below. Heat: Hadley's temperature + dew point chart. Fluids: Sawka et al.
// 2007 (fluidPlan). Air: OpenWeather's 1-5 index, after the European CAQI bands, 4 "poor" and 5 "very poor".
import type { Reason } from '@runningcoach/contracts';
import { requireFinite } from '../util/errors.ts';
import { round } from '../util/math.ts';
import { fluidPlan } from '../nutrition/fluids.ts';
import type { FluidPlan } from '../nutrition/fluids.ts';
import { relativeHumidityPct } from './dew-point.ts';
import { heatAdjustedPace } from './heat-adjusted-pace.ts';
import type { HeatLevel } from './heat-adjusted-pace.ts';
import { heatIndex } from './heat-index.ts';
import type { WeatherNow } from './weather-types.ts';
import { windChillC } from './wind-chill.ts';

export interface PreRunNoteInput {
  weather: WeatherNow;
  /** The planned run. */
  durationSec: number;
  weightKg: number;
  /** Interval sessions take half the heat adjustment (Hadley). */
  repeats?: boolean;
}

export interface PreRunNote {
  feelsLikeC: number;
  heatLevel: HeatLevel;
  paceAdjustmentPct: number;
  fluids: FluidPlan;
  message: string;
  reasons: Reason[];
}

const HEAT_INDEX_FROM_C = 27;
const COLD_FEELS_LIKE_C = -10;
const POOR_AIR_AQI = 4;

export function feelsLikeC(w: WeatherNow): number {
  if (w.feelsLikeC !== undefined) return requireFinite(w.feelsLikeC, 'weather.feelsLikeC', -90, 80);
  if (w.tempC >= HEAT_INDEX_FROM_C) {
    const rh = w.humidityPct ?? relativeHumidityPct(w.tempC, w.dewPointC);
    return heatIndex(w.tempC, rh);
  }
  if (w.windSpeedMs !== undefined) return windChillC(w.tempC, w.windSpeedMs * 3.6);
  return w.tempC;
}

export function preRunWeatherNote(input: PreRunNoteInput): PreRunNote {
  const w = input.weather;
  requireFinite(w.tempC, 'weather.tempC', -60, 60);
  requireFinite(w.dewPointC, 'weather.dewPointC', -90, 60);
  if (w.humidityPct !== undefined) requireFinite(w.humidityPct, 'weather.humidityPct', 0, 100);
  if (w.windSpeedMs !== undefined) requireFinite(w.windSpeedMs, 'weather.windSpeedMs', 0, 100);
  if (w.aqi !== undefined) requireFinite(w.aqi, 'weather.aqi', 1, 5);
  const feels = feelsLikeC(w);
  // The pace itself does not matter for the percentage; 6:00/km stands in.
  const heat = heatAdjustedPace(360, w.tempC, Math.min(w.dewPointC, w.tempC), { repeats: input.repeats });
  const fluids = fluidPlan({ durationSec: input.durationSec, weightKg: input.weightKg, tempC: w.tempC });
  const reasons: Reason[] = [
    {
      code: 'FEELS_LIKE',
      message: `Feels like ${round(feels)} °C (air ${round(w.tempC)} °C, dew point ${round(w.dewPointC)} °C).`,
      data: { feelsLikeC: round(feels, 1), tempC: round(w.tempC, 1), dewPointC: round(w.dewPointC, 1) },
    },
    ...heat.reasons,
  ];
  const drink =
    fluids.mlPerHour.min === 0
      ? `Drinking is optional on a run this short; up to ${fluids.mlPerHour.max} ml per hour if thirsty`
      : `Drink ${fluids.mlPerHour.min}-${fluids.mlPerHour.max} ml per hour`;
  const salt = fluids.sodiumMgPerHour
    ? ` with ${fluids.sodiumMgPerHour.min}-${fluids.sodiumMgPerHour.max} mg sodium`
    : '';
  reasons.push({
    code: 'HYDRATION',
    message: `${drink}${salt}.`,
    data: { mlPerHourMin: fluids.mlPerHour.min, mlPerHourMax: fluids.mlPerHour.max },
  });
  const parts = [`Feels like ${round(feels)} °C.`, heat.advice, `${drink}${salt}.`];
  if (feels <= COLD_FEELS_LIKE_C) {
    const cold = 'Cold: cover hands, ears and face, start into the wind and finish with it behind you.';
    reasons.push({ code: 'COLD', message: cold, data: { feelsLikeC: round(feels, 1) } });
    parts.push(cold);
  }
  if (w.aqi !== undefined && w.aqi >= POOR_AIR_AQI) {
    const air = `Air quality is ${w.aqi === 5 ? 'very poor' : 'poor'} (${w.aqi}/5): keep it easy and short, or run indoors.`;
    reasons.push({ code: 'AIR_QUALITY_POOR', message: air, data: { aqi: w.aqi } });
    parts.push(air);
  }
  return {
    feelsLikeC: feels,
    heatLevel: heat.level,
    paceAdjustmentPct: heat.adjustmentPct,
    fluids,
    message: parts.join(' '),
    reasons,
  };
}
