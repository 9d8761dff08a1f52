import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortalApplications } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { readingApplication } from '../decision-document/document-problems';
import { PORTAL_APPLICATION } from './portal-responses';

/** What the portal reads of the applications it submitted, and only of those (ADR 29). */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal')
export class PortalController {
  constructor(private readonly applications: PortalApplications) {}

  @Get('applications/:id')
  @Roles('portal')
  @ApiOperation({
    summary: 'An application this portal submitted: its status, dates (submitted, accepted, due) and decision',
    description:
      'Read from the application’s events, so it reflects every command already answered. The decision carries its number, date, outcome, and the amounts (inclusion) or each ground with its Kazakh and Russian label (refusal), and the link to the signed letter. An application another portal submitted, like an unknown one, is 404.',
  })
  @ApiOkResponse({ schema: PORTAL_APPLICATION })
  application(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: AuthenticatedActor) {
    return readingApplication(id, () => this.applications.view(id, actor.id));
  }
}
