/** A bad input to the Brain: a stable code and the field at fault, so every caller can answer 4xx. */
export class EngineError extends Error {
  readonly code: string;
  readonly field: string;

  constructor(code: string, field: string, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
  }
}

export function requireFinite(value: number, field: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineError('INVALID_NUMBER', field, `${field} must be a finite number`);
  }
  if (value < min || value > max) {
    throw new EngineError('OUT_OF_RANGE', field, `${field} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}
