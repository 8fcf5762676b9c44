export { cToF, fToC } from './temperature.ts';
export { heatIndex, heatIndexF } from './heat-index.ts';
export { dewPointC, relativeHumidityPct } from './dew-point.ts';
export { heatAdjustedPace, heatAdjustmentPct } from './heat-adjusted-pace.ts';
export type { HeatAdjustedPace, HeatAdjustOptions, HeatLevel } from './heat-adjusted-pace.ts';
export { MINETTI_MAX_GRADE, MINETTI_MIN_GRADE, gradeCostRatio, runningCostJPerKgM } from './running-cost.ts';
export { gradeAdjustedPace, runGradeAdjustedPace, segmentsFromStream } from './grade-adjusted-pace.ts';
export type {
  GradeAdjustedPace,
  RunGradeAdjustedPace,
  RunSegment,
  StreamPoint,
} from './grade-adjusted-pace.ts';
export { effortScore } from './effort-score.ts';
export type { EffortInput, EffortScore } from './effort-score.ts';
export { windChillC } from './wind-chill.ts';
export type { ForecastDay, WeatherNow } from './weather-types.ts';
export { HEAT_CUT_SUM_F, HEAT_OK_SUM_F, weatherSuggestions } from './weather-schedule.ts';
export type { WeatherScheduleInput, WeatherSuggestion } from './weather-schedule.ts';
export { feelsLikeC, preRunWeatherNote } from './pre-run-note.ts';
export type { PreRunNote, PreRunNoteInput } from './pre-run-note.ts';
