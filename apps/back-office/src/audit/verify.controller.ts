import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { verifySqliteEventStore } from '@infra/audit/tamper-evidence/verify-sqlite-store';
import { RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { Roles } from '../auth/roles';
import { HttpProblem, problem } from '../http/problem';

/** Tamper evidence: recompute the hash chains of the store and name the first broken link. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyController {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  @Get('verify')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary:
      "Recompute every event's hash, chained per stream and over the global order; the first broken link is named",
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
