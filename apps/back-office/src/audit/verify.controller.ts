import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import type { ServiceSigningKey } from '@libs/auth';
import { CHECKPOINT_LOG, type CheckpointLog, RUNTIME_CONFIG, SERVICE_SIGNING_KEY } from '@libs/workflow';
import {
  latestCheckpointAnchor,
  parseExpectedHead,
  verifyEventStore,
} from '@infra/audit/tamper-evidence/verify-event-store';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { Roles } from '../auth/roles';
import { AUDIT_RESPONSES } from './audit-responses';
import { RecordedRead } from './recorded-read';
import { VerifyQueryDto } from './verify-query.dto';

/** Tamper evidence: every link of the store's hash chains, every missing position, and the head against the last checkpoint (ADR 24). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class VerifyController {
  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_LOG) private readonly checkpoints: CheckpointLog,
    @Inject(SERVICE_SIGNING_KEY) private readonly key: ServiceSigningKey,
  ) {}

  @Get('verify')
  @Roles('auditor', 'admin')
  @RecordedRead('verify')
  @ApiOperation({
    summary:
      "Recompute every event's hash links (SQLite: per stream and over the global order; EventStoreDB: the digest chain over $all), " +
      'list every broken link and every missing position, and check the head against the latest signed checkpoint or `expectHead`',
  })
  @ApiOkResponse({
    description:
      '`ok: false` with the findings (the first 1000 of each kind listed, with their totals) when anything does not hold',
    schema: AUDIT_RESPONSES.verification,
  })
  async verify(@Query() query: VerifyQueryDto) {
    const anchor =
      query.expectHead !== undefined
        ? parseExpectedHead(query.expectHead)
        : await latestCheckpointAnchor(this.checkpoints, this.key.publicKeyPem);
    return verifyEventStore(this.config, this.store, anchor);
  }
}
