import { DomainError } from '@domain/shared/errors';

/** The DomainError `fn` throws, so a spec can check its stable code and violations. */
export function thrownBy(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
