import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import { AggregateLookup } from './application-lookup';
import { CommandGateway } from './command-gateway';
import type { CommandResponse, RequestMeta } from './command-gateway';
import { AuthorityDecisionDto, RecordHearingDto, RejectComplaintDto, SatisfyComplaintDto } from './dto/hearing.dto';
import { NoBodyDto, ReasonDto } from './dto/workflow.dto';
import { CommandRequest } from './request-meta.decorator';

const Id = () => Param('id', new ParseUUIDPipe());
const ComplaintId = () => Param('complaintId', new ParseUUIDPipe());

/**
 * The officers' side of a preliminary refusal and of a complaint (ADR 32): the hearing's record, the
 * supervisor's final decision on the proposal, the answer to a complaint, the authority's decision.
 */
@ApiTags('applications: hearings and complaints')
@ApiBearerAuth()
@Controller('applications')
export class HearingsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookup: AggregateLookup,
  ) {}

  @Post(':id/hearing')
  @HttpCode(200)
  @Roles('reviewer', 'supervisor')
  @ApiOperation({
    summary: 'Record the hearing on a proposed refusal: when, how the applicant took part, what was said',
    description:
      'Once per proposal; the caller is recorded as who heard. 422 APPLICATION.NO_REFUSAL_PROPOSED when no refusal is proposed, APPLICATION.HEARING_ALREADY_HELD the second time, REQUEST.INVALID naming `heldAt` when it is in the future.',
  })
  recordHearing(
    @Id() id: string,
    @Body() body: RecordHearingDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application(
      {
        type: 'RecordHearing',
        applicationId: id,
        heardBy: meta.actor.id,
        heldAt: body.heldAt,
        attendance: body.attendance,
        statement: body.statement,
        documentsAdded: body.documentsAdded ?? [],
      },
      meta,
    );
  }

  @Post(':id/refusal/confirm')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Confirm the proposed refusal: the final, numbered refusal (supervisors)',
    description:
      'Allowed once the hearing was recorded, or once the time offered for it (`hearing.heldBy`) has passed; before, 422 APPLICATION.HEARING_WINDOW_OPEN says until when the applicant may be heard.',
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  confirmRefusal(
    @Id() id: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application({ type: 'ConfirmRefusal', applicationId: id }, meta);
  }

  @Post(':id/refusal/reopen')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Do not confirm the proposed refusal: the application stands as eligible and the quota is asked again',
  })
  reopen(@Id() id: string, @Body() body: ReasonDto, @CommandRequest() meta: RequestMeta): Promise<CommandResponse> {
    return this.gateway.application(
      { type: 'ReopenReviewAsEligible', applicationId: id, supervisorId: meta.actor.id, reason: body.reason },
      meta,
    );
  }

  @Post(':id/complaints/:complaintId/satisfy')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Satisfy a complaint: the decision is revoked, and the application returns to review or is included',
    description:
      'A complaint about a missed term is only answered (there is no decision to revoke). 422 APPLICATION.COMPLAINT_NOT_OPEN naming `complaintId` when no such complaint is being considered.',
  })
  async satisfy(
    @Id() id: string,
    @ComplaintId() complaintId: string,
    @Body() body: SatisfyComplaintDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.application(
      {
        type: 'SatisfyComplaint',
        applicationId: id,
        complaintId,
        remedy: body.remedy,
        reason: body.reason,
        supervisorId: meta.actor.id,
      },
      meta,
    );
  }

  @Post(':id/complaints/:complaintId/reject')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Reject a complaint with reasons: the decision stands' })
  async reject(
    @Id() id: string,
    @ComplaintId() complaintId: string,
    @Body() body: RejectComplaintDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.application(
      { type: 'RejectComplaint', applicationId: id, complaintId, reasons: body.reasons, supervisorId: meta.actor.id },
      meta,
    );
  }

  @Post(':id/authority-decisions')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Record the decision of the authority for the quality of public services on a complaint (binding)',
    description:
      'Satisfied (with its remedy) revokes the decision as a satisfied complaint does, and closes the complaint it names if still open; rejected is recorded only.',
  })
  async authorityDecision(
    @Id() id: string,
    @Body() body: AuthorityDecisionDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    const { complaintId, authority, documentNumber, date, outcome, remedy } = body;
    return this.gateway.application(
      {
        type: 'RecordAuthorityDecision',
        applicationId: id,
        ...(complaintId ? { complaintId } : {}),
        authority,
        documentNumber,
        date,
        outcome,
        ...(remedy ? { remedy } : {}),
      },
      meta,
    );
  }
}
