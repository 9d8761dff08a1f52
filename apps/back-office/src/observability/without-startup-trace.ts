import type { LoggerService } from '@nestjs/common';

/**
 * Nest logs a failure of `NestFactory.create` with its stack (under the context `ExceptionHandler`)
 * before handing it on; `main.ts` reports that failure itself, in one line an operator can act on.
 * Only that context is dropped: every other line goes to the logger as it is.
 */
export function withoutStartupTrace(logger: LoggerService): LoggerService {
  const fromExceptionHandler = (params: unknown[]) => params.at(-1) === 'ExceptionHandler';
  return {
    log: (message: unknown, ...params: unknown[]) => void logger.log(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => void logger.warn(message, ...params),
    error: (message: unknown, ...params: unknown[]) => {
      if (!fromExceptionHandler(params)) logger.error(message, ...params);
    },
    debug: (message: unknown, ...params: unknown[]) => void logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => void logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => void logger.fatal?.(message, ...params),
  };
}
