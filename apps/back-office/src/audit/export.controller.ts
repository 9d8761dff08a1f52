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
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { AuditExports, DisclosureGrantRefusedError, EXPORT_LINE_END, InvalidExportRequestError } from '@libs/workflow';
import type { ExportFormat, ExportOutput, ExportSelection } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { ProblemSchema } from '../http/openapi/problem.schema';
import { HttpProblem, problem, PROBLEM_CONTENT_TYPE } from '../http/problem';
import { RecordedRead } from './recorded-read';

/**
 * The HTTP trailer that carries a CSV export's signed manifest (base64 of its JSON): it is known only
 * after the last row has been streamed. JSON Lines carry it in band, as their last line (ADR 25).
 */
export const EXPORT_MANIFEST_TRAILER = 'Kandas-Export-Manifest';

/**
 * Exports for external audit tools, streamed as JSON Lines or CSV, every row with its hashes and the
 * export with a signed manifest (ADR 25). Personal data is masked as declared (ADR 26); an export in
 * clear names an admin's grant (`grant`, see DisclosureGrantsController), and that disclosure is
 * recorded as an event (`PersonalDataDisclosed` in `audit-disclosures`, referring to the grant)
 * before the first line leaves.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ExportController {
  constructor(
    private readonly exports: AuditExports,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @Roles('auditor', 'admin')
  @RecordedRead('export')
  @ApiOperation({
    summary:
      'Export a stream, a correlation or a period (occurredAt, from inclusive, to exclusive) as JSON Lines or CSV, with row hashes and a signed manifest',
    description:
      'Every row carries `rowHash` and `chainHash`; the manifest, signed with the service key, is the last JSON line (`{"manifest":{…}}`) or, for CSV, the HTTP trailer `Kandas-Export-Manifest` (base64 of its JSON). `npm run cli -- verify-export` checks a saved export offline (ADR 25).',
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
      'The events selected, each with every piece of its metadata (the fields of an audit history entry) and its `rowHash` and `chainHash`, IINs and names masked unless exported in clear',
    headers: {
      Trailer: {
        description: `\`format=csv\`: announces the trailer ${EXPORT_MANIFEST_TRAILER}, sent after the last record: the signed manifest, base64 of its JSON`,
        schema: { type: 'string' },
      },
    },
    content: {
      'application/x-ndjson': {
        schema: {
          type: 'string',
          description: 'JSON Lines (the default): one entry per line, then the signed manifest as `{"manifest":{…}}`',
        },
      },
      'text/csv': {
        schema: {
          type: 'string',
          description:
            '`format=csv`: RFC 4180 with a header record; `actor` and `data` as JSON strings; the manifest in the trailer',
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
    let output: ExportOutput;
    try {
      output = await this.exports.start({
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
    if (format === 'csv') response.setHeader('Trailer', EXPORT_MANIFEST_TRAILER);
    for await (const line of output.lines) response.write(line + EXPORT_LINE_END[format]);
    if (format === 'csv')
      response.addTrailers({
        [EXPORT_MANIFEST_TRAILER]: Buffer.from(JSON.stringify(output.manifest()), 'utf8').toString('base64'),
      });
    response.end();
  }
}
