import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { grantDisclosure, InvalidExportRequestError } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { HttpProblem, problem } from '../http/problem';
import { AUDIT_RESPONSES } from './audit-responses';
import { DisclosureGrantDto } from './disclosure-grant.dto';

/**
 * Admins grant exports in clear: each grant a recorded event (`DisclosureGranted`) naming the
 * admin, the auditor, the selection, the reason and the expiry; the export refers to it.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class DisclosureGrantsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('disclosure-grants')
  @Roles('admin')
  @ApiOperation({
    summary: 'Grant one auditor one export of one selection in clear (single use, expiring), for a stated reason',
    description:
      'Refused (400) when the grantee is the admin, the selection is not one an export takes, or the expiry is past or more than 30 days ahead.',
  })
  @ApiCreatedResponse({ description: 'The grant, as recorded', schema: AUDIT_RESPONSES.disclosureGrant })
  async grant(@Body() body: DisclosureGrantDto, @CurrentActor() actor: AuthenticatedActor) {
    try {
      return await grantDisclosure(this.store, this.clock.now(), actor, body);
    } catch (error) {
      if (error instanceof InvalidExportRequestError)
        throw new HttpProblem(
          problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [
            { field: error.field, reason: error.message.slice(error.field.length + 1) },
          ]),
        );
      throw error;
    }
  }
}
