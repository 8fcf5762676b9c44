import { describe, expect, it } from 'vitest';
import { formatDistance, formatDuration, formatPace, formatPaceRange } from './units.ts';

describe('units', () => {
  it('formats durations as h:mm:ss, or m:ss under an hour', () => {
    expect(formatDuration(1197)).toBe('19:57');
    expect(formatDuration(11449.4)).toBe('3:10:49');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(-65)).toBe('-1:05');
  });

  it('formats paces per km and per mile', () => {
    expect(formatPace(255.4, 'km')).toBe('4:15 /km');
    expect(formatPace(255.4, 'mi')).toBe('6:51 /mi');
    expect(formatPaceRange({ min: 293.8, max: 352.2 }, 'km')).toBe('4:54-5:52 /km');
  });

  it('formats distances', () => {
    expect(formatDistance(12_345, 'km')).toBe('12.3 km');
    expect(formatDistance(12_345, 'mi')).toBe('7.7 mi');
    expect(formatDistance(42_195, 'km', 2)).toBe('42.20 km');
  });
});
