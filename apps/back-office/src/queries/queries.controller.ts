import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApplicationFilter,
  ApplicationsQuery,
  QuotaUsageQuery,
  SlaDashboardQuery,
  SubsidyTotalsQuery,
} from '@infra/read-models';
import type { ApplicationStatusView, PageRequest } from '@infra/read-models';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Role, Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { guarded } from '../http/guarded-query';
import { HttpProblem, problem } from '../http/problem';
import { QUERY_RESPONSES } from './query-responses';
import { ReadYourWrites } from './read-your-writes';
import type { Reflecting } from './read-your-writes';
import {
  ApplicationsQueryDto,
  PageQueryDto,
  QuotasQueryDto,
  ReadQueryDto,
  SlaDashboardQueryDto,
  SlaWeeksQueryDto,
  SUBSIDY_TOTALS_DEPRECATED_NAMES,
  SubsidyTotalsQueryDto,
} from './dto/query.dto';
import { withCurrentNames } from '../http/deprecated-names';
import { detailsFor, listedFor } from './personal-data';
import { SlaClocks } from './sla-clocks';

const READERS: Role[] = ['operator', 'reviewer', 'supervisor', 'auditor', 'admin'];

/**
 * Queries of the back office, each from a rebuildable read model, each saying the position it
 * reflects. Every list is a page: `{ items, nextCursor }`, `limit` and the opaque `cursor`.
 */
@ApiTags('queries')
@ApiBearerAuth()
@Controller()
export class QueriesController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly applications: ApplicationsQuery,
    private readonly dashboard: SlaDashboardQuery,
    private readonly quotas: QuotaUsageQuery,
    private readonly subsidies: SubsidyTotalsQuery,
    private readonly clocks: SlaClocks,
  ) {}

  @Get('applications')
  @ApiOkResponse({ schema: QUERY_RESPONSES.applications })
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Applications, filtered and searched (IIN, name, due dates), by cursor pages in submission order',
  })
  list(@Query() query: ApplicationsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.page(
        listedFor(
          actor,
          guarded(() => this.applications.list(filterOf(query), pageOf(query))),
        ),
      ),
    );
  }

  @Get('applications/:id')
  @ApiOkResponse({
    schema: QUERY_RESPONSES.application,
    headers: {
      ETag: { description: 'The stream revision, quoted ("3"): send it back as If-Match', schema: { type: 'string' } },
    },
  })
  @Roles(...READERS)
  @ApiOperation({
    summary: 'One application whole: applicant, family, contacts, documents, SLA, review, decision',
    description:
      'Answers with `ETag: "<revision>"`, the revision of the application stream it reflects: send it back as `If-Match` on a command to have it refused (409) if the application changed since.',
  })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await this.rw.read('applications', query.atLeast, () => this.applications.details(id));
    if (!answer.data)
      throw new HttpProblem(problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${id}`));
    response.setHeader('ETag', `"${answer.data.revision}"`);
    return { position: answer.position, data: this.clocks.details(detailsFor(actor, answer.data)) };
  }

  @Get('queues/mine')
  @ApiOkResponse({ schema: QUERY_RESPONSES.applications })
  @Roles('reviewer')
  @ApiOperation({ summary: "The caller's review queue, earliest due date first, by cursor pages" })
  mine(@Query() query: PageQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.page(
        listedFor(
          actor,
          guarded(() => this.applications.reviewerQueue(actor.id, pageOf(query))),
        ),
      ),
    );
  }

  @Get('queues/unassigned')
  @ApiOkResponse({ schema: QUERY_RESPONSES.applications })
  @Roles('reviewer', 'supervisor')
  @ApiOperation({ summary: 'Signed applications nobody reviews yet, earliest due date first, by cursor pages' })
  unassigned(@Query() query: PageQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.page(
        listedFor(
          actor,
          guarded(() => this.applications.unassignedQueue(pageOf(query))),
        ),
      ),
    );
  }

  @Get('queues/supervisors')
  @ApiOkResponse({ schema: QUERY_RESPONSES.applications })
  @Roles('supervisor')
  @ApiOperation({ summary: 'Escalated and overdue applications, earliest due date first, by cursor pages' })
  supervisors(@Query() query: PageQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.page(
        listedFor(
          actor,
          guarded(() => this.applications.supervisorQueue(pageOf(query))),
        ),
      ),
    );
  }

  @Get('queues/reviewers/:reviewerId')
  @ApiOkResponse({ schema: QUERY_RESPONSES.applications })
  @Roles('supervisor')
  @ApiOperation({ summary: "A reviewer's queue, for supervisors, by cursor pages" })
  reviewerQueue(
    @Param('reviewerId') reviewerId: string,
    @Query() query: PageQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.rw.read('applications', query.atLeast, () =>
      this.clocks.page(
        listedFor(
          actor,
          guarded(() => this.applications.reviewerQueue(reviewerId, pageOf(query))),
        ),
      ),
    );
  }

  @Get('dashboard/sla')
  @ApiOkResponse({ schema: QUERY_RESPONSES.slaDashboard })
  @Roles('supervisor', 'auditor', 'admin', 'operator')
  @ApiOperation({
    summary:
      'SLA dashboard: open on time, at risk, breached, decided on time and late, by region (cursor pages in region order; `overall` counts every region)',
  })
  sla(@Query() query: SlaDashboardQueryDto): Promise<Reflecting<unknown>> {
    return this.rw.read('applications', query.atLeast, () =>
      guarded(() => this.dashboard.page(numberOf(query.year), pageOf(query))),
    );
  }

  @Get('dashboard/sla/weeks')
  @ApiOkResponse({ schema: QUERY_RESPONSES.slaWeeks })
  @Roles('supervisor', 'auditor', 'admin', 'operator')
  @ApiOperation({
    summary:
      'SLA by week: the applications due in each ISO week (by their due day in Almaty), open on time, at risk, breached, decided on time and late (cursor pages in week order)',
    description:
      'A week is Monday to Sunday, named `yyyy-Www` (ISO 8601); an application counts in the week of its due day, decided or not, so a week shows how the reviews due then fared. Weeks with no application due are left out. `year` is the quota year, as on `/dashboard/sla`.',
  })
  slaWeeks(@Query() query: SlaWeeksQueryDto) {
    return this.rw.read('applications', query.atLeast, () =>
      guarded(() => this.dashboard.weeks({ year: numberOf(query.year), region: query.region }, pageOf(query))),
    );
  }

  @Get('quotas')
  @ApiOkResponse({ schema: QUERY_RESPONSES.quotas })
  @Roles(...READERS)
  @ApiOperation({ summary: 'Quota usage per region, year and category, by cursor pages' })
  quotaUsage(@Query() query: QuotasQueryDto) {
    return this.rw.read('quota-usage', query.atLeast, () =>
      guarded(() =>
        this.quotas.page(
          {
            year: numberOf(query.year),
            region: query.region,
            category: query.category,
          },
          pageOf(query),
        ),
      ),
    );
  }

  @Get('subsidies/totals')
  @ApiOkResponse({ schema: QUERY_RESPONSES.subsidyTotals })
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({
    summary:
      'Subsidies granted: count and amount (whole tenge) by decision year, region and kind (cursor pages in that order; `grandTotal` sums every page)',
  })
  subsidyTotals(@Query() sent: SubsidyTotalsQueryDto) {
    const query = withCurrentNames(sent, SUBSIDY_TOTALS_DEPRECATED_NAMES);
    return this.rw.read('subsidy-totals', query.atLeast, () =>
      guarded(() =>
        this.subsidies.page(
          {
            decisionYear: numberOf(query.decisionYear),
            region: query.region,
          },
          pageOf(query),
        ),
      ),
    );
  }
}

function filterOf(query: ApplicationsQueryDto): ApplicationFilter {
  const bool = (value: string | undefined) => (value === undefined ? undefined : value === 'true');
  return {
    status: query.status as ApplicationStatusView | undefined,
    region: query.region,
    year: numberOf(query.year),
    category: query.category,
    reviewerId: query.reviewerId,
    atRisk: bool(query.atRisk),
    overdue: bool(query.overdue),
    iin: query.iin,
    name: query.name,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
  };
}

function pageOf(query: PageQueryDto): PageRequest {
  return { limit: numberOf(query.limit), cursor: query.cursor };
}

/** A whole number the DTO has checked (`year`, `limit`), or undefined when not sent. */
function numberOf(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
