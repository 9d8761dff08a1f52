import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APPLICANT_CATEGORIES, ApplicantCategory, isRegionCode, RegionCode } from '@domain/shared/region';
import { seesPersonalDataInClear } from '@libs/auth';
import {
  ApplicationStory,
  AuditStreamNotFoundError,
  AuditTrail,
  InvalidAuditPointError,
  maskDiff,
  maskEntries,
  maskStateAsOf,
  parseInstant,
} from '@libs/workflow';
import type { PointInTime, StateAsOf } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Role, Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import { FieldError, HttpProblem, problem } from '../http/problem';
import { AUDIT_RESPONSES } from './audit-responses';
import { ACCEPT_LANGUAGE_HEADER, answerLanguage, CONTENT_LANGUAGE_HEADER } from './timeline-language';
import { RecordedRead } from './recorded-read';
import { TimelinessChanges } from './timeliness-changes';
import { TimelinessChangesQueryDto } from './timeliness-changes.dto';
import { InvalidReadModelQueryError } from '@infra/read-models';

/** Auditing is the auditors' and the admins' work. */
const AUDITORS: Role[] = ['auditor', 'admin'];
/**
 * The history of one application is also open to the reviewers and supervisors who decide on it:
 * they already see the application (IINs included) and need its story to decide. Correlations across
 * streams, past states and diffs stay with the auditors.
 */
const HISTORY_READERS: Role[] = ['reviewer', 'supervisor', 'auditor', 'admin'];

/**
 * The auditors' view of the event store: histories with full metadata, correlations, time travel.
 * Read straight from the store (never from a read model), so every answer is the recorded truth.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditTrail,
    private readonly timeliness: TimelinessChanges,
    private readonly story: ApplicationStory,
  ) {}

  @Get('applications/:id/history')
  @Roles(...HISTORY_READERS)
  @RecordedRead('history')
  @ApiOperation({
    summary: "Every event of an application's stream, with its metadata (actor, command, correlation, causation)",
    description:
      'Each event also told as a sentence (`text`, in the language of `Accept-Language`, no personal data) with its Almaty time (`occurredAtLocal`).',
  })
  @ApiHeader(ACCEPT_LANGUAGE_HEADER)
  @ApiOkResponse({ schema: AUDIT_RESPONSES.history, headers: CONTENT_LANGUAGE_HEADER })
  async history(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: AuthenticatedActor,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const events = await found(() => this.audit.applicationHistory(id), 'application', id);
    const told = this.story.narrator.tellAll(events, answerLanguage(acceptLanguage, response));
    return {
      applicationId: id,
      events: masked(actor, maskEntries, events).map((event, i) => ({ ...event, ...told[i] })),
    };
  }

  @Get('correlations/:correlationId')
  @Roles(...AUDITORS)
  @RecordedRead('correlation')
  @ApiOperation({ summary: 'Everything one correlation caused, across streams, in global order' })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.correlation })
  async correlation(@Param('correlationId') correlationId: string, @CurrentActor() actor: AuthenticatedActor) {
    if (correlationId.length > 200) invalid([{ field: 'correlationId', reason: 'is too long' }]);
    const events = await this.audit.correlation(correlationId);
    if (events.length === 0)
      throw new HttpProblem(
        problem(
          404,
          'AUDIT.CORRELATION_NOT_FOUND',
          'No such correlation',
          `No event carries correlation id ${correlationId}`,
        ),
      );
    return { correlationId, events: masked(actor, maskEntries, events) };
  }

  @Get('applications/:id/as-of')
  @Roles(...AUDITORS)
  @RecordedRead('as-of')
  @ApiOperation({
    summary: "An application's state as it was at a revision or an instant (compared with the events' occurredAt)",
  })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.stateAsOf })
  @ApiQuery({ name: 'at', required: false, description: 'ISO-8601 instant, compared with occurredAt' })
  @ApiQuery({ name: 'revision', required: false })
  async applicationAsOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, string>,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const point = pointOf(query);
    const state = await found(() => this.audit.applicationAsOf(id, point), 'application', id);
    return masked(actor, maskStateAsOf, existing(state, `application ${id}`, point));
  }

  @Get('quotas/:region/:year/:category/as-of')
  @Roles(...AUDITORS)
  @RecordedRead('as-of')
  @ApiOperation({
    summary: "A regional quota's state as it was at a revision or an instant (compared with the events' occurredAt)",
  })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.stateAsOf })
  @ApiQuery({ name: 'at', required: false, description: 'ISO-8601 instant, compared with occurredAt' })
  @ApiQuery({ name: 'revision', required: false })
  async quotaAsOf(
    @Param('region') region: string,
    @Param('year') year: string,
    @Param('category') category: string,
    @Query() query: Record<string, string>,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const errors: FieldError[] = [
      ...(isRegionCode(region) ? [] : [{ field: 'region', reason: 'is not a region of Kazakhstan' }]),
      ...(/^\d{4}$/.test(year) ? [] : [{ field: 'year', reason: 'must be a year (4 digits)' }]),
      ...((APPLICANT_CATEGORIES as readonly string[]).includes(category)
        ? []
        : [{ field: 'category', reason: `must be one of ${APPLICANT_CATEGORIES.join(', ')}` }]),
    ];
    if (errors.length > 0) invalid(errors);
    const point = pointOf(query);
    const key = `${region}-${year}-${category}`;
    const state = await found(
      () => this.audit.quotaAsOf(region as RegionCode, Number(year), category as ApplicantCategory, point),
      'quota',
      key,
    );
    return masked(actor, maskStateAsOf, existing(state, `quota ${key}`, point));
  }

  @Get('timeliness-changes')
  @Roles(...AUDITORS)
  @ApiOperation({
    summary:
      'Decided applications whose timeliness (on time or late) differs between the calendar they were decided under and the law in force now',
    description:
      'Each with both due instants and the amendments recorded since the decision that touch its deadline (the SLA policy, the calendar years it spans). Their history stands: this only lists them. Paged in decision order (`limit`, `cursor`).',
  })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.timelinessChanges })
  async timelinessChanges(@Query() query: TimelinessChangesQueryDto) {
    try {
      return await this.timeliness.page({
        limit: query.limit === undefined ? undefined : Number(query.limit),
        cursor: query.cursor,
      });
    } catch (error) {
      if (error instanceof InvalidReadModelQueryError)
        invalid([{ field: error.field, reason: error.message.slice(error.field.length + 1) }]);
      throw error;
    }
  }

  @Get('applications/:id/diff')
  @Roles(...AUDITORS)
  @RecordedRead('diff')
  @ApiOperation({
    summary: 'The events between two points of an application (revisions or instants) and the fields that changed',
  })
  @ApiOkResponse({ schema: AUDIT_RESPONSES.diff })
  @ApiQuery({ name: 'from', required: true, description: 'A revision (whole number) or an ISO-8601 instant' })
  @ApiQuery({ name: 'to', required: true, description: 'A revision (whole number) or an ISO-8601 instant' })
  async diff(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    const errors = [boundError(from, 'from'), boundError(to, 'to')].filter(
      (error): error is FieldError => error !== null,
    );
    if (errors.length > 0) invalid(errors);
    const diff = await found(() => this.audit.diff('application', id, boundOf(from!), boundOf(to!)), 'application', id);
    return masked(actor, maskDiff, diff);
  }
}

/**
 * Personal data, as declared per event type (ADR 26), is masked for every role but the reviewers
 * and supervisors who decide on the person — the one rule the queries follow too. An auditor reads
 * it in clear only through an export under an admin's grant.
 */
function masked<T>(actor: AuthenticatedActor, mask: (value: T) => T, value: T): T {
  return seesPersonalDataInClear(actor) ? value : mask(value);
}

function pointOf(query: Record<string, string>): PointInTime {
  const { at, revision } = query;
  if (at === undefined && revision === undefined)
    invalid([{ field: 'at', reason: 'give either at (an ISO-8601 instant) or revision' }]);
  if (at !== undefined && revision !== undefined)
    invalid([{ field: 'revision', reason: 'give either at or revision, not both' }]);
  if (revision !== undefined) {
    if (!/^\d{1,9}$/.test(revision)) invalid([{ field: 'revision', reason: 'must be a whole number' }]);
    return { revision: Number(revision) };
  }
  if (parseInstant(at!) === null)
    invalid([{ field: 'at', reason: 'must be an ISO-8601 instant with its offset (2026-03-02T05:00:00Z)' }]);
  return { at };
}

function boundError(value: string | undefined, field: string): FieldError | null {
  if (value === undefined || value === '') return { field, reason: 'is required: a revision or an ISO-8601 instant' };
  if (/^\d{1,9}$/.test(value) || parseInstant(value) !== null) return null;
  return { field, reason: 'must be a revision (whole number) or an ISO-8601 instant with its offset' };
}

function boundOf(value: string): PointInTime {
  return /^\d{1,9}$/.test(value) ? { revision: Number(value) } : { at: value };
}

function existing(state: StateAsOf | null, what: string, point: PointInTime): StateAsOf {
  if (state) return state;
  const when = point.revision !== undefined ? `at revision ${point.revision}` : `at ${point.at}`;
  throw new HttpProblem(
    problem(404, 'AUDIT.NOTHING_AS_OF', 'Nothing existed then', `The ${what} had no state ${when}`),
  );
}

async function found<T>(read: () => Promise<T>, kind: string, id: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AuditStreamNotFoundError) {
      const code = kind === 'application' ? 'APPLICATION.NOT_FOUND' : 'QUOTA.NOT_FOUND';
      throw new HttpProblem(problem(404, code, `No such ${kind}`, `No ${kind} ${id}`));
    }
    if (error instanceof InvalidAuditPointError)
      invalid([{ field: error.field, reason: error.message.slice(error.field.length + 1) }]);
    throw error;
  }
}

function invalid(errors: readonly FieldError[]): never {
  throw new HttpProblem(problem(400, 'REQUEST.INVALID', 'Invalid request', undefined, errors));
}
