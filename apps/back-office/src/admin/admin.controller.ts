import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isRegionCode, RegionCode } from '@domain/shared/region';
import { DeadLetter } from '@libs/event-sourcing';
import { pageOfSorted } from '@infra/read-models';
import type { Page } from '@infra/read-models';
import { StepOutcome } from '@libs/event-sourcing-nest';
import { DeadLetterOperations, DeadlineScheduler, scheduledDeadlineOf, LAW_IN_FORCE } from '@libs/workflow';
import type { LawInForce } from '@libs/workflow';
import { Roles } from '../auth/roles';
import { AggregateLookup } from '../commands/application-lookup';
import { CommandGateway } from '../commands/command-gateway';
import type { CommandResponse, RequestMeta } from '../commands/command-gateway';
import { GrantSubsidyDto, NoBodyDto, SetQuotaCapacityDto } from '../commands/dto/workflow.dto';
import { CommandRequest } from '../commands/request-meta.decorator';
import { guarded } from '../http/guarded-query';
import { HttpProblem, problem } from '../http/problem';
import { ADMIN_RESPONSES } from './admin-responses';
import { DeadLettersQueryDto } from './dead-letters-query.dto';

type ListedDeadLetter = Omit<DeadLetter, 'position'> & { position: string };

const CATEGORIES = ['kandas', 'resettler'] as const;

/**
 * Administration: the yearly quota orders, and the system steps an administrator may re-drive by
 * hand (the same commands the saga and the scheduler issue; the domain checks them just the same).
 * Seats are reserved and released only by the saga, so that no manual step can overfill a quota.
 */
@ApiTags('administration')
@ApiBearerAuth()
@Controller()
export class AdminController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookup: AggregateLookup,
    private readonly scheduler: DeadlineScheduler,
    private readonly deadLetters: DeadLetterOperations,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
  ) {}

  @Post('quotas/:region/:year/:category')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Set a region's yearly quota (persons) by the minister's order; a new order may change it, never below the seats taken",
  })
  setQuota(
    @Param('region') region: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('category') category: string,
    @Body() body: SetQuotaCapacityDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    const errors = [
      ...(isRegionCode(region) ? [] : [{ field: 'region', reason: 'is not a region of Kazakhstan' }]),
      ...((CATEGORIES as readonly string[]).includes(category)
        ? []
        : [{ field: 'category', reason: 'must be kandas or resettler' }]),
    ];
    if (errors.length > 0) throw new HttpProblem(problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, errors));
    return this.gateway.quota(
      {
        type: 'SetQuotaCapacity',
        region: region as RegionCode,
        year,
        category: category as 'kandas',
        capacity: body.capacity,
        order: body.order,
      },
      meta,
    );
  }

  @Post('applications/:id/subsidies')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Grant a subsidy of an included application (the saga does it on inclusion; each kind once)',
  })
  grantSubsidy(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: GrantSubsidyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application(
      { type: 'GrantSubsidy', applicationId: id, kind: body.kind, policy: this.law.current().subsidyPolicy },
      meta,
    );
  }

  @Post('applications/:id/deadline')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Schedule the review deadline from the calendar (the saga does it at signing; recorded once)',
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async scheduleDeadline(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    const state = await this.lookup.application(id);
    if (!('signature' in state))
      throw new HttpProblem(problem(422, 'APPLICATION.NOT_SIGNED', 'Not signed', 'The review clock starts at signing'));
    return this.gateway.application(
      {
        type: 'ScheduleReviewDeadline',
        applicationId: id,
        deadline: scheduledDeadlineOf(state.signature.signedAt, this.law.current()),
      },
      meta,
    );
  }

  @Post('applications/:id/sla/at-risk')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Flag the review as at risk (the scheduler does it at the warning point; refused before it)',
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  flagAtRisk(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application({ type: 'FlagReviewSlaAtRisk', applicationId: id }, meta);
  }

  @Post('applications/:id/sla/breach')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Record the breach of the review deadline (the scheduler does it at the due instant; refused before it)',
  })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  recordBreach(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _body: NoBodyDto,
    @CommandRequest() meta: RequestMeta,
  ): Promise<CommandResponse> {
    return this.gateway.application({ type: 'RecordReviewSlaBreach', applicationId: id }, meta);
  }

  @Post('admin/sla/fire-due')
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({ summary: 'Fire the deadlines due now, without waiting for the next tick' })
  @ApiOkResponse({ schema: ADMIN_RESPONSES.fireDue })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async fireDue(@Body() _body: NoBodyDto): Promise<{ fired: number }> {
    return { fired: await this.scheduler.fireDue() };
  }

  @Get('admin/dead-letters')
  @Roles('operator', 'admin')
  @ApiOperation({
    summary:
      'Events the review saga parked, with their errors, and steps waiting for data (ADR 23): what they await and the coded reason; by cursor pages in store order',
  })
  @ApiOkResponse({ schema: ADMIN_RESPONSES.deadLetters })
  async listDeadLetters(@Query() query: DeadLettersQueryDto): Promise<Page<ListedDeadLetter>> {
    const wanted = (query.status ?? 'parked') as DeadLetter['status'] | 'all';
    const letters = (await this.deadLetters.list(wanted)).map((letter) => ({
      ...letter,
      position: letter.position.toString(),
    }));
    const page = { limit: query.limit === undefined ? undefined : Number(query.limit), cursor: query.cursor };
    // One consumer parks an event once: its position, zero-padded to order as text, is a total order.
    return guarded(() =>
      pageOfSorted(letters, page, 2, (letter) => [letter.position.padStart(20, '0'), letter.eventId]),
    );
  }

  @Post('admin/dead-letters/:eventId/retry')
  @HttpCode(200)
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Run a parked event through the saga again' })
  @ApiOkResponse({ schema: ADMIN_RESPONSES.retry })
  @ApiBody({ type: NoBodyDto, required: false, description: 'None: any field is refused' })
  async retryDeadLetter(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() _body: NoBodyDto,
  ): Promise<{ outcome: StepOutcome['kind']; commands?: number; error?: string }> {
    const outcome = await this.deadLetters.retry(eventId).catch((error: Error) => {
      throw new HttpProblem(problem(404, 'DEAD_LETTER.NOT_FOUND', 'No such parked event', error.message));
    });
    return outcome.kind === 'done'
      ? { outcome: 'done', commands: outcome.commands }
      : { outcome: 'parked', error: (outcome.error as Error).message };
  }
}
