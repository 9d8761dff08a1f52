import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { complaintLawOf } from '@domain/review-process';
import { LAW_IN_FORCE, type LawInForce } from '@libs/workflow';
import { Roles } from '../auth/roles';
import { AggregateLookup } from '../commands/application-lookup';
import { CommandGateway } from '../commands/command-gateway';
import type { CommandResponse, RequestMeta } from '../commands/command-gateway';
import { FileComplaintDto, ObjectionDto } from '../commands/dto/hearing.dto';
import { ArrivalDto } from '../commands/dto/support.dto';
import { arrivalCommand } from '../commands/support.controller';
import { CommandRequest } from '../commands/request-meta.decorator';

const Id = () => Param('id', new ParseUUIDPipe());

/**
 * What the applicant says through the portal: an objection to a proposed refusal, a complaint (ADR
 * 32), the family's arrival after its inclusion (ADR 33).
 */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal/applications')
export class PortalCommandsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookup: AggregateLookup,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
  ) {}

  @Post(':id/objections')
  @HttpCode(200)
  @Roles('portal')
  @ApiOperation({
    summary: 'The applicant’s objection to a proposed refusal, with the documents brought',
    description:
      'Any number while the refusal is only proposed; the same `objectionId` again records nothing new. 422 APPLICATION.NO_REFUSAL_PROPOSED otherwise.',
  })
  object(@Id() id: string, @Body() body: ObjectionDto, @CommandRequest() meta: RequestMeta): Promise<CommandResponse> {
    return this.gateway.application(
      {
        type: 'RecordApplicantObjection',
        applicationId: id,
        objectionId: body.objectionId,
        text: body.text,
        documentsAdded: body.documentsAdded ?? [],
      },
      meta,
    );
  }

  @Post(':id/complaints')
  @HttpCode(200)
  @Roles('portal')
  @ApiOperation({
    summary: 'The applicant’s complaint against a refusal, the amounts of an inclusion, or a missed term',
    description:
      'Considered within the working days of the complaint terms in force, counted on the working-day calendar in force. ' +
      'One open complaint at a time (422 APPLICATION.COMPLAINT_ALREADY_OPEN; the same `complaintId` again records nothing new); ' +
      'after the filing period 422 APPLICATION.COMPLAINT_PERIOD_OVER naming `filedAt` and the day the period ended; ' +
      'nothing to complain of is 422 APPLICATION.NOTHING_TO_COMPLAIN_OF naming `against`.',
  })
  async complain(
    @Id() id: string,
    @Body() body: FileComplaintDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    // An id naming nothing is 404, as for the other commands (the complaint's rules would say "nothing to complain of").
    await this.lookup.application(id);
    return this.gateway.application(
      {
        type: 'FileComplaint',
        applicationId: id,
        complaintId: body.complaintId,
        against: body.against,
        text: body.text,
        law: complaintLawOf(this.law.current()),
      },
      meta,
    );
  }

  @Post(':id/arrival')
  @HttpCode(200)
  @Roles('portal')
  @ApiOperation({
    summary: 'The family’s arrival in its region, as the applicant records it after the inclusion',
    description:
      'Once; the same arrival again records nothing. Opens the support paid after arrival. 422 as for the officer’s `POST /applications/{id}/arrival`.',
  })
  async arrival(
    @Id() id: string,
    @Body() body: ArrivalDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    await this.lookup.application(id);
    return this.gateway.application(arrivalCommand(id, body, 'portal', this.law), meta);
  }
}
