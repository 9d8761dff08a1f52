import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
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
 * Strict input: unknown fields are refused (not silently dropped), types are not coerced, and every
 * failing field is reported at once.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException({ message: 'The request body is invalid', errors: fieldErrors(errors) }),
  });
}
