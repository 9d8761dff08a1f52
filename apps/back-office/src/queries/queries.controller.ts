import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { maskIin } from '@domain/shared/iin';
import {
  ApplicationFilter,
  ApplicationsQuery,
  ApplicationView,
  InvalidReadModelQueryError,
  QuotaUsageQuery,
  SlaDashboardQuery,
  SubsidyTotalsQuery,
} from '@infra/read-models';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Role, Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { HttpProblem, problem } from '../http/problem';
import { ReadYourWrites } from './read-your-writes';
import type { Reflecting } from './read-your-writes';

const READERS: Role[] = ['operator', 'reviewer', 'supervisor', 'auditor', 'admin'];

/** Queries of the back office, each from a rebuildable read model, each saying the position it reflects. */
@ApiTags('queries')
@ApiBearerAuth()
@ApiQuery({
  name: 'atLeast',
  required: false,
  description: 'Wait until the read model reflects this global position (read your writes)',
})
@Controller()
export class QueriesController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly applications: ApplicationsQuery,
    private readonly dashboard: SlaDashboardQuery,
    private readonly quotas: QuotaUsageQuery,
    private readonly subsidies: SubsidyTotalsQuery,
  ) {}

  @Get('applications')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Applications, filtered, by cursor pages (ordered by submission time)' })
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'region', required: false })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'reviewerId', required: false })
  @ApiQuery({ name: 'atRisk', required: false })
  @ApiQuery({ name: 'overdue', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(@Query() query: Record<string, string>, @CurrentActor() actor: AuthenticatedActor) {
    singleValued(query);
    return this.rw.read('applications', query.atLeast, () => {
      const page = guarded(() =>
        this.applications.list(filterOf(query), {
          limit: query.limit === undefined ? undefined : intOf(query.limit, 'limit'),
          cursor: query.cursor,
        }),
      );
      return { items: page.items.map((item) => view(item, actor)), nextCursor: page.nextCursor };
    });
  }

  @Get('applications/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: "One application's current state" })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('atLeast') atLeast: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const answer = await this.rw.read('applications', atLeast, () => this.applications.get(id));
    if (!answer.data)
      throw new HttpProblem(problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${id}`));
    return { position: answer.position, data: view(answer.data, actor) };
  }

  @Get('queues/mine')
  @Roles('reviewer')
  @ApiOperation({ summary: "The caller's review queue, earliest due date first" })
  mine(@Query('atLeast') atLeast: string | undefined, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', atLeast, () =>
      this.applications.reviewerQueue(actor.id).map((item) => view(item, actor)),
    );
  }

  @Get('queues/unassigned')
  @Roles('reviewer', 'supervisor')
  @ApiOperation({ summary: 'Signed applications nobody reviews yet, earliest due date first' })
  unassigned(@Query('atLeast') atLeast: string | undefined, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', atLeast, () =>
      this.applications.unassignedQueue().map((item) => view(item, actor)),
    );
  }

  @Get('queues/supervisors')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Escalated and overdue applications, earliest due date first' })
  supervisors(@Query('atLeast') atLeast: string | undefined, @CurrentActor() actor: AuthenticatedActor) {
    return this.rw.read('applications', atLeast, () =>
      this.applications.supervisorQueue().map((item) => view(item, actor)),
    );
  }

  @Get('queues/reviewers/:reviewerId')
  @Roles('supervisor')
  @ApiOperation({ summary: "A reviewer's queue, for supervisors" })
  reviewerQueue(
    @Param('reviewerId') reviewerId: string,
    @Query('atLeast') atLeast: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.rw.read('applications', atLeast, () =>
      this.applications.reviewerQueue(reviewerId).map((item) => view(item, actor)),
    );
  }

  @Get('dashboard/sla')
  @Roles('supervisor', 'auditor', 'admin', 'operator')
  @ApiOperation({ summary: 'SLA dashboard: open on time, at risk, breached, decided on time and late, by region' })
  sla(
    @Query('year') year: string | undefined,
    @Query('atLeast') atLeast: string | undefined,
  ): Promise<Reflecting<unknown>> {
    return this.rw.read('applications', atLeast, () =>
      this.dashboard.byRegion(year === undefined ? undefined : intOf(year, 'year')),
    );
  }

  @Get('quotas')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Quota usage per region, year and category' })
  quotaUsage(@Query() query: Record<string, string>) {
    singleValued(query);
    return this.rw.read('quota-usage', query.atLeast, () =>
      this.quotas.list({
        year: query.year === undefined ? undefined : intOf(query.year, 'year'),
        region: query.region,
        category: query.category as 'kandas' | undefined,
      }),
    );
  }

  @Get('subsidies/totals')
  @Roles('supervisor', 'auditor', 'admin')
  @ApiOperation({ summary: 'Subsidies granted: count and amount (whole tenge) by region, decision year and kind' })
  subsidyTotals(@Query() query: Record<string, string>) {
    singleValued(query);
    return this.rw.read('subsidy-totals', query.atLeast, () =>
      this.subsidies.totals({
        year: query.year === undefined ? undefined : intOf(query.year, 'year'),
        region: query.region,
      }),
    );
  }
}

/** IINs are masked for every role but the reviewers and supervisors who decide on the person. */
function view(item: ApplicationView, actor: AuthenticatedActor): ApplicationView {
  const unmasked = actor.role === 'reviewer' || actor.role === 'supervisor';
  return unmasked
    ? item
    : { ...item, applicantIin: item.applicantIin ? maskIin(item.applicantIin) : item.applicantIin };
}

function filterOf(query: Record<string, string>): ApplicationFilter {
  const bool = (name: string) =>
    query[name] === undefined
      ? undefined
      : query[name] === 'true'
        ? true
        : query[name] === 'false'
          ? false
          : invalid(name, 'must be true or false');
  return {
    status: query.status as ApplicationFilter['status'],
    region: query.region,
    year: query.year === undefined ? undefined : intOf(query.year, 'year'),
    category: query.category,
    reviewerId: query.reviewerId,
    atRisk: bool('atRisk'),
    overdue: bool('overdue'),
  };
}

function intOf(value: string, field: string): number {
  return /^\d{1,9}$/.test(value) ? Number(value) : invalid(field, 'must be a whole number');
}

/** `?region=a&region=b` arrives as an array, which no filter binds: a 400, not the SQLite driver's TypeError (a 500). */
function singleValued(query: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(query))
    if (typeof value !== 'string') invalid(field, 'must be given once, as text');
}

function invalid(field: string, reason: string): never {
  throw new HttpProblem(problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, [{ field, reason }]));
}

function guarded<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof InvalidReadModelQueryError) invalid(error.field, error.message.slice(error.field.length + 1));
    throw error;
  }
}
