import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problem';

/** Flattens class-validator's tree into one entry per failing field, named by its path (`applicant.iin`). */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/**
 * Deeper than any body the API takes (a submission nests 4 levels), far shallower than what makes
 * class-transformer's recursion overflow the stack: a 20 kB body of nested `{"a":…}` was a 500.
 */
export const MAX_BODY_DEPTH = 32;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Keys that Nest's ValidationPipe (`__proto__`, `constructor`, `prototype`) and class-transformer
 * (names of Object.prototype's members: `toString`, `valueOf`…) drop before the whitelist sees them:
 * they would be silently ignored instead of refused as unknown fields.
 */
function droppedKeys(value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [current, parent] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const field = parent ? (/^\d+$/.test(key) ? `${parent}[${key}]` : `${parent}.${key}`) : key;
      if (!Array.isArray(current) && (key === 'prototype' || key in Object.prototype))
        found.push({ field, reason: `property ${key} should not exist` });
      pending.push([child, field]);
    }
  }
  return found;
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestedDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new BadRequestException({ message: `The request body is nested deeper than ${MAX_BODY_DEPTH} levels` });
    }
    // A list would be validated as an object with the keys 0, 1…: `[]` passed for a command that takes no body.
    if (metadata.type === 'body' && Array.isArray(value))
      throw new BadRequestException({ message: 'The request body must be a JSON object' });
    if (metadata.type === 'query') return this.queryOf(value, metadata);
    const dropped = metadata.type === 'body' ? droppedKeys(value) : [];
    if (dropped.length === 0) return super.transform(value, metadata);
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (error instanceof BadRequestException)
          return (error.getResponse() as { errors?: FieldError[] }).errors ?? [];
        throw error;
      },
    );
    throw new BadRequestException({ message: 'The request body is invalid', errors: [...dropped, ...others] });
  }

  /** The same rules for query strings, said of the query: an unknown parameter is refused, named. */
  private async queryOf(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const { errors } = error.getResponse() as { errors?: FieldError[] };
      throw new BadRequestException({ message: 'The query parameters are invalid', errors });
    }
  }

  /** Path parameters are not coerced either: `Number('0x7EA')` made /quotas/pavlodar/0x7EA/kandas the 2026 quota. */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/**
 * Strict input: unknown fields are refused (not silently dropped), types are not coerced, bodies
 * nested absurdly deep are refused, and every failing field is reported at once.
 */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ message: 'The request body is invalid', errors: fieldErrors(errors) }),
  });
}
