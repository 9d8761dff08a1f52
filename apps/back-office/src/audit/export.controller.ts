import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CLOCK, EventTypeRegistry } from '@libs/event-sourcing';
import type { Clock, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { DisclosureGrantRefusedError, EXPORT_LINE_END, exportEvents, InvalidExportRequestError } from '@libs/workflow';
import type { ExportFormat, ExportSelection } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { ProblemSchema } from '../http/openapi/problem.schema';
import { HttpProblem, problem, PROBLEM_CONTENT_TYPE } from '../http/problem';
import { RecordedRead } from './recorded-read';

/**
 * Exports for external audit tools, streamed as JSON Lines or CSV. Personal data is masked as
 * declared (ADR 26); an export in clear names an admin's grant (`grant`, see
 * DisclosureGrantsController), and that disclosure is recorded as an event (`PersonalDataDisclosed`
 * in `audit-disclosures`, referring to the grant) before the first line leaves.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) private readonly registry: EventTypeRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @Roles('auditor', 'admin')
  @RecordedRead('export')
  @ApiOperation({
    summary:
      'Export a stream, a correlation or a period (occurredAt, from inclusive, to exclusive) as JSON Lines or CSV',
  })
  @ApiQuery({ name: 'stream', required: false })
  @ApiQuery({ name: 'correlationId', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['jsonl', 'csv'] })
  @ApiQuery({
    name: 'grant',
    required: false,
    description:
      'Export in clear under this disclosure grant (POST /audit/disclosure-grants): given to you by an admin, for this very selection, unexpired, unused (single use)',
  })
  @ApiOkResponse({
    description:
      'The events selected, each with every piece of its metadata (the fields of an audit history entry), IINs and names masked unless exported in clear',
    content: {
      'application/x-ndjson': {
        schema: { type: 'string', description: 'JSON Lines (the default): one entry per line' },
      },
      'text/csv': {
        schema: {
          type: 'string',
          description: '`format=csv`: RFC 4180 with a header record; `actor` and `data` as JSON strings',
        },
      },
    },
  })
  @ApiResponse({
    status: 403,
    description:
      'AUTH.FORBIDDEN, or the grant refused: AUDIT.GRANT_UNKNOWN, AUDIT.GRANT_EXPIRED, AUDIT.GRANT_OTHER_GRANTEE, AUDIT.GRANT_OTHER_SELECTION',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  })
  @ApiResponse({
    status: 409,
    description: 'AUDIT.GRANT_USED: the grant was already used (a grant allows one export)',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  })
  async export(
    @Query() query: Record<string, string>,
    @CurrentActor() actor: AuthenticatedActor,
    @Res() response: Response,
  ): Promise<void> {
    const format = (query.format ?? 'jsonl') as ExportFormat;
    if (query.unmaskReason !== undefined)
      throw new HttpProblem(
        problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [
          {
            field: 'unmaskReason',
            reason: 'is no longer taken: an export in clear names an admin’s grant (grant=<grant-id>)',
          },
        ]),
      );
    const selection = (
      query.stream
        ? { stream: query.stream }
        : query.correlationId
          ? { correlationId: query.correlationId }
          : { from: query.from, to: query.to }
    ) as ExportSelection;
    let lines: AsyncIterable<string>;
    try {
      lines = await exportEvents({
        store: this.store,
        registry: this.registry,
        selection,
        format,
        unmask: query.grant === undefined ? undefined : { grantId: query.grant },
        now: this.clock.now(),
        actor,
      });
    } catch (error) {
      if (error instanceof InvalidExportRequestError)
        throw new HttpProblem(
          problem(400, error.code, 'Invalid export request', error.message, [
            { field: error.field, reason: error.message },
          ]),
        );
      if (error instanceof DisclosureGrantRefusedError)
        throw new HttpProblem(
          problem(error.refusal === 'used' ? 409 : 403, error.code, 'Disclosure grant refused', error.message),
        );
      throw error;
    }
    response.status(200).type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    for await (const line of lines) response.write(line + EXPORT_LINE_END[format]);
    response.end();
  }
}
