import { applyDecorators, Inject, Injectable, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { seesPersonalDataInClear } from '@libs/auth';
import { recordAuditRead } from '@libs/workflow';
import type { AuditRead } from '@libs/workflow';
import type { AuthenticatedRequest } from '../auth/auth.guard';

const RECORDED_READ = 'kandas:recorded-read';
/** A target value is recorded as given, up to this length (a refused, overlong id is still a read asked for). */
const MAX_TARGET_LENGTH = 200;

/**
 * Records the auditor's read in the access chain (`AuditRecordRead` in `audit-access`, ADR 26)
 * before the handler answers: who (the authenticated actor), what (the operation, the path
 * parameters and the query as given), when (the clock), masked or in clear, under which grant. A
 * read that cannot be recorded is not answered.
 */
@Injectable()
export class AuditReadRecorder implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const operation = this.reflector.get<AuditRead>(RECORDED_READ, context.getHandler());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = request.actor!;
    const target = Object.fromEntries(
      Object.entries({ ...request.params, ...(request.query as Record<string, unknown>) })
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .map(([key, value]) => [key, value.slice(0, MAX_TARGET_LENGTH)]),
    );
    const grantId = operation === 'export' && typeof target.grant === 'string' ? target.grant : null;
    await recordAuditRead(this.store, this.clock.now(), {
      reader: { id: actor.id, role: actor.role },
      operation,
      target,
      inClear: grantId !== null || (operation !== 'export' && seesPersonalDataInClear(actor)),
      grantId,
    });
    return next.handle();
  }
}

/** The handler is an auditor's read: recorded before it answers (AuditReadRecorder). */
export const RecordedRead = (operation: AuditRead) =>
  applyDecorators(SetMetadata(RECORDED_READ, operation), UseInterceptors(AuditReadRecorder));
