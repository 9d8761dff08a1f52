import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

export const CORRELATION_HEADER = 'X-Correlation-Id';

function correlationOf(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object' || !('correlationId' in answer)) return undefined;
  return typeof answer.correlationId === 'string' ? answer.correlationId : undefined;
}

/**
 * A command's answer says its correlation in the body and in the `X-Correlation-Id` header, the way
 * a proxy or a log collector reads it without parsing the body.
 */
@Injectable()
export class CorrelationHeader implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((answer) => {
        const correlationId = correlationOf(answer);
        if (correlationId !== undefined)
          context.switchToHttp().getResponse<Response>().setHeader(CORRELATION_HEADER, correlationId);
      }),
    );
  }
}
