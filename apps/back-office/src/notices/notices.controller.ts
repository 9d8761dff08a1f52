import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoticeError, NoticeErrorCode } from '@domain/notices';
import { pageOfSorted } from '@infra/read-models';
import { seesPersonalDataInClear } from '@libs/auth';
import { maskedNotice, NoticeOperations, type ListedNotice, type NoticeDeliveryRow } from '@libs/workflow';
import type { Page } from '@infra/read-models';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import type { RequestMeta } from '../commands/command-gateway';
import { NoBodyDto } from '../commands/dto/workflow.dto';
import { CommandRequest } from '../commands/request-meta.decorator';
import { guarded } from '../http/guarded-query';
import { HttpProblem, problem } from '../http/problem';
import { NOTICE_RESPONSES } from './notice-responses';
import { NoticesQueryDto, ParkedNoticesQueryDto } from './notices-query.dto';

interface NoticesAnswer {
  readonly applicationId: string;
  readonly items: ListedNotice[];
}

const noSuchApplication = (id: string) =>
  new HttpProblem(problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${id}`));

/**
 * The notices to the applicant (ADR 28): the portal reads those of the applications it submitted,
 * officers those of any application, operators see the parked ones and send them back to the queue.
 */
@ApiTags('notices')
@ApiBearerAuth()
@Controller()
export class NoticesController {
  constructor(
    private readonly operations: NoticeOperations,
    private readonly gateway: CommandGateway,
  ) {}

  @Get('portal/applications/:id/notices')
  @Roles('portal')
  @ApiOperation({
    summary: 'The notices of an application this portal submitted, in Kazakh and Russian, with their delivery state',
    description:
      'Only the applications submitted with this portal’s token (the same actor id); any other id answers 404, as if it did not exist.',
  })
  @ApiOkResponse({ schema: NOTICE_RESPONSES.notices })
  async portalNotices(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() _query: NoticesQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NoticesAnswer> {
    const submitter = await this.operations.submitterOf(id);
    if (!submitter || submitter.role !== 'portal' || submitter.id !== actor.id) throw noSuchApplication(id);
    return { applicationId: id, items: await this.operations.ofApplication(id) };
  }

  @Get('applications/:id/notices')
  @Roles('reviewer', 'supervisor', 'auditor', 'admin', 'operator')
  @ApiOperation({
    summary: 'The notices issued to the applicant of an application, both languages, with their delivery',
  })
  @ApiOkResponse({ schema: NOTICE_RESPONSES.notices })
  async notices(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() _query: NoticesQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NoticesAnswer> {
    if (!(await this.operations.submitterOf(id))) throw noSuchApplication(id);
    const items = await this.operations.ofApplication(id);
    // The applicant's own notices go to the portal in clear; officers read them as they read the rest (ADR 26).
    return { applicationId: id, items: seesPersonalDataInClear(actor) ? items : items.map(maskedNotice) };
  }

  @Get('admin/notices')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Notices parked after KANDAS_NOTICE_MAX_ATTEMPTS failed deliveries: incidents to look into and retry',
  })
  @ApiOkResponse({ schema: NOTICE_RESPONSES.parked })
  parked(@Query() query: ParkedNoticesQueryDto): Page<NoticeDeliveryRow> {
    const page = { limit: query.limit === undefined ? undefined : Number(query.limit), cursor: query.cursor };
    return guarded(() => pageOfSorted(this.operations.parked('', 100_000), page, 1, (row) => [row.noticeId]));
  }

  @Post('admin/notices/:noticeId/retry')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({
    summary: 'Send a parked notice back to the delivery queue, with a fresh allowance of attempts (recorded as a fact)',
  })
  @ApiOkResponse({ schema: NOTICE_RESPONSES.retried })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async retryParked(
    @Param('noticeId', ParseUUIDPipe) noticeId: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ) {
    const commandId = this.gateway.commandIdFor(meta);
    const outcome = await this.operations
      .retry(noticeId, meta.actor, commandId, meta.correlationId ?? commandId)
      .catch((error: unknown) => {
        if (error instanceof NoticeError && error.code === NoticeErrorCode.NotFound)
          throw new HttpProblem(problem(404, error.code, 'No such notice', error.message));
        throw error;
      });
    return {
      noticeId,
      applicationId: outcome.streamId.replace(/^notices-/, ''),
      revision: outcome.revision,
      position: outcome.position === null ? null : outcome.position.toString(),
      alreadyHandled: outcome.alreadyHandled,
    };
  }
}
