import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problem';

/** Flattens class-validator's tree into one entry per failing field, named by its path (`applicant.iin`). */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
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

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestedDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new BadRequestException({ message: `The request body is nested deeper than ${MAX_BODY_DEPTH} levels` });
    }
    return super.transform(value, metadata);
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
    exceptionFactory: (errors) => new BadRequestException({ message: 'The request body is invalid', errors: fieldErrors(errors) }),
  });
}
