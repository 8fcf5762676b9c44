// Fahrenheit conversions: the heat index regression and the temperature + dew point pace table are
// published in °F, while the engine works in °C.
export function cToF(c: number): number {
  return (c * 9) / 5 + 32;
}

export function fToC(f: number): number {
  return ((f - 32) * 5) / 9;
}
