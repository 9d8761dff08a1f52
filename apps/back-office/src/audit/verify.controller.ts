import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { Roles } from '../auth/roles';
import { ProblemSchema } from '../http/openapi/problem.schema';
import { HttpProblem, problem, PROBLEM_CONTENT_TYPE } from '../http/problem';
import { AUDIT_RESPONSES } from './audit-responses';
import { RecordedRead } from './recorded-read';

/** Tamper evidence: recompute the hash chains of the store and name the first broken link. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyController {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  @Get('verify')
  @Roles('auditor', 'admin')
  @RecordedRead('verify')
  @ApiOperation({
    summary:
      "Recompute every event's hash, chained per stream and over the global order; the first broken link is named",
  })
  @ApiOkResponse({
    description: 'The store verified to its end (`ok: true`), or the first broken link named (`ok: false`)',
    schema: AUDIT_RESPONSES.verification,
  })
  @ApiResponse({
    status: 501,
    description:
      'AUDIT.VERIFY_UNSUPPORTED: the configured store keeps no hash chains (only the embedded SQLite store does)',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  })
  async verify() {
    if (this.config.eventStore !== 'sqlite') {
      throw new HttpProblem(
        problem(
          501,
          'AUDIT.VERIFY_UNSUPPORTED',
          'Not available for this store',
          `Hash chains are kept by the embedded SQLite store; this service runs on ${this.config.eventStore}`,
        ),
      );
    }
    return verifySqliteEventStore(this.config.eventsFile);
  }
}
