import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { validationError } from '../utils/errors.ts';

/** Validates (and normalizes) a request part with a contracts schema; failures become a 400 naming the field. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw validationError(result.error);
    return result.data;
  }
}
