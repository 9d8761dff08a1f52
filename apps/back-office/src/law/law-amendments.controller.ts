import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles';
import { guardedAsync } from '../http/guarded-query';
import { HttpProblem, problem } from '../http/problem';
import { AmendmentNotFoundError, LawAmendments, type LawTable } from './law-amendments';
import { LawAmendmentsQueryDto, MovedApplicationsQueryDto } from './law-amendments.dto';
import { LAW_RESPONSES } from './law-responses';

/** Those who read the law in force read how it came to be. */
const READERS = ['reviewer', 'supervisor', 'auditor', 'admin'] as const;

const pageRequest = (query: { limit?: string; cursor?: string }) => ({
  limit: query.limit === undefined ? undefined : Number(query.limit),
  cursor: query.cursor,
});

/**
 * Every amendment of the law across its tables (ADR 22), with the administrator who recorded it,
 * and the applications an amendment carried along (ADR 23): what an administrator checks after
 * amending and an auditor asks about a moved deadline.
 */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference/amendments')
export class LawAmendmentsController {
  constructor(private readonly amendments: LawAmendments) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The amendments of the law, newest first: table, version, legal basis, the day it takes effect, who recorded it and when, and what it changed',
  })
  @ApiOkResponse({ schema: LAW_RESPONSES.amendments })
  list(@Query() query: LawAmendmentsQueryDto) {
    const filter = {
      ...(query.table === undefined ? {} : { table: query.table as LawTable }),
      ...(query.year === undefined ? {} : { year: Number(query.year) }),
    };
    return guardedAsync(() => this.amendments.page(filter, pageRequest(query)));
  }

  @Get(':eventId/moved-applications')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The applications whose pending review deadline this amendment moved (their `ReviewDeadlineRescheduled` citing it), in store order',
    description:
      'Decided applications are never moved (their history stands): `GET /audit/timeliness-changes` compares them with the law in force.',
  })
  @ApiOkResponse({ schema: LAW_RESPONSES.movedApplications })
  async moved(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: MovedApplicationsQueryDto) {
    try {
      return await guardedAsync(() => this.amendments.moved(eventId, pageRequest(query)));
    } catch (error) {
      if (error instanceof AmendmentNotFoundError)
        throw new HttpProblem(problem(404, error.code, 'No such amendment', error.message));
      throw error;
    }
  }
}
