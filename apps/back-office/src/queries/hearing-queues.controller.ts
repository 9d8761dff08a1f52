import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HearingsQuery } from '@infra/read-models';
import { Roles } from '../auth/roles';
import { guarded } from '../http/guarded-query';
import { PageQueryDto } from './dto/query.dto';
import { QUERY_RESPONSES } from './query-responses';
import { ReadYourWrites } from './read-your-writes';
import { SlaClocks } from './sla-clocks';

/** The work of a preliminary refusal and of a complaint (ADR 32), earliest deadline first, by cursor pages. */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('queues')
export class HearingQueuesController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly hearings: HearingsQuery,
    private readonly clocks: SlaClocks,
  ) {}

  @Get('hearings')
  @ApiOkResponse({ schema: QUERY_RESPONSES.hearings })
  @Roles('reviewer', 'supervisor')
  @ApiOperation({
    summary: 'Applications whose refusal is proposed: to hear, then to decide; the review’s earliest due instant first',
    description:
      '`objections` counts the applicant’s objections, `heardAt` is null until the hearing is recorded; the clock is the review’s, whose term the final decision must meet.',
  })
  hearingsQueue(@Query() query: PageQueryDto) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.pageOf(
        guarded(() => this.hearings.hearingsQueue(pageOf(query))),
        (item) => item.review,
      ),
    );
  }

  @Get('complaints')
  @ApiOkResponse({ schema: QUERY_RESPONSES.complaints })
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Complaints being considered, the earliest term first',
    description: 'The clock is the complaint’s own term (5 working days from its acceptance under the terms in force).',
  })
  complaintsQueue(@Query() query: PageQueryDto) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.pageOf(
        guarded(() => this.hearings.complaintsQueue(pageOf(query))),
        (item) => item.term,
      ),
    );
  }
}

function pageOf(query: PageQueryDto) {
  return { limit: query.limit === undefined ? undefined : Number(query.limit), cursor: query.cursor };
}
