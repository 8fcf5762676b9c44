export type RaceClass = '5k' | '10k' | 'half' | 'marathon' | 'ultra';

export interface RaceClassConfig {
  name: RaceClass;
  /** Fewer weeks than this: the plan is refused. */
  minWeeks: number;
  /** Fewer weeks than this: a shortened plan with a warning. */
  recommendedWeeks: number;
  /** Taper length in weeks (Bosquet et al. 2007: 8-14 days optimal; 3 weeks for the marathon per Pfitzinger). */
  taperWeeks: number;
  /** Peak weekly volume the plan aims for at least, and at most (a runner's own volume x 1.4 in between). */
  peakMeters: number;
  maxPeakMeters: number;
  /** The longest long run coaches look for before this race (0: no such milestone). */
  keyLongRunMeters: number;
  /** Long-run caps: distance and time (Daniels: ~2.5 h for most marathoners; 3 h at most). */
  longRunCapMeters: number;
  longRunCapSec: number;
  /** Current weekly volume that makes this distance sensible in the recommended time, metres. */
  comfortableBaseMeters: number;
}

const CONFIGS: Record<RaceClass, RaceClassConfig> = {
  '5k': {
    name: '5k',
    minWeeks: 2,
    recommendedWeeks: 8,
    taperWeeks: 1,
    peakMeters: 40_000,
    maxPeakMeters: 80_000,
    keyLongRunMeters: 0,
    longRunCapMeters: 16_000,
    longRunCapSec: 90 * 60,
    comfortableBaseMeters: 10_000,
  },
  '10k': {
    name: '10k',
    minWeeks: 3,
    recommendedWeeks: 10,
    taperWeeks: 1,
    peakMeters: 50_000,
    maxPeakMeters: 100_000,
    keyLongRunMeters: 0,
    longRunCapMeters: 20_000,
    longRunCapSec: 105 * 60,
    comfortableBaseMeters: 15_000,
  },
  half: {
    name: 'half',
    minWeeks: 4,
    recommendedWeeks: 12,
    taperWeeks: 2,
    peakMeters: 55_000,
    maxPeakMeters: 110_000,
    keyLongRunMeters: 18_000,
    longRunCapMeters: 24_000,
    longRunCapSec: 135 * 60,
    comfortableBaseMeters: 20_000,
  },
  marathon: {
    name: 'marathon',
    minWeeks: 6,
    recommendedWeeks: 16,
    taperWeeks: 3,
    peakMeters: 70_000,
    maxPeakMeters: 130_000,
    keyLongRunMeters: 28_000,
    longRunCapMeters: 35_000,
    longRunCapSec: 180 * 60,
    comfortableBaseMeters: 30_000,
  },
  ultra: {
    name: 'ultra',
    minWeeks: 8,
    recommendedWeeks: 20,
    taperWeeks: 3,
    peakMeters: 90_000,
    maxPeakMeters: 160_000,
    keyLongRunMeters: 32_000,
    longRunCapMeters: 45_000,
    longRunCapSec: 240 * 60,
    comfortableBaseMeters: 40_000,
  },
};

export function raceClassOf(distanceMeters: number): RaceClassConfig {
  if (distanceMeters <= 7_000) return CONFIGS['5k'];
  if (distanceMeters <= 15_000) return CONFIGS['10k'];
  if (distanceMeters <= 30_000) return CONFIGS.half;
  if (distanceMeters <= 43_000) return CONFIGS.marathon;
  return CONFIGS.ultra;
}
