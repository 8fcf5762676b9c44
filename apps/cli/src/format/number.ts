/** Fixed decimals, rounding half up first so a value like 49.95 never prints as 49.9. */
export function fixed(value: number, digits: number): string {
  const f = 10 ** digits;
  return (Math.round(value * f) / f).toFixed(digits);
}
