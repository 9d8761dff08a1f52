import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RecordedLaw } from '@libs/workflow';
import { Roles } from '../auth/roles';
import { QUERY_RESPONSES } from '../queries/query-responses';
import { AtQueryDto } from './law.dto';
import { LAW_RESPONSES } from './law-responses';
import { calendarYearView, tableView } from './law-views';

const READERS = ['reviewer', 'supervisor', 'auditor', 'admin'] as const;
const AT =
  'With `at=yyyy-MM-dd`: as in force on that day (the amendments that had taken effect by then); without: the latest amendments, which the service decides with.';

/**
 * The law in force, read from its streams (ADR 22): each table with the amendment in force and its
 * history, each amendment with its legal basis. Read from the store on every call, so an amendment
 * made through any instance is shown at once.
 */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class LawReferenceController {
  constructor(private readonly law: RecordedLaw) {}

  @Get('calendar/:year')
  @Roles(...READERS)
  @ApiOkResponse({ schema: LAW_RESPONSES.calendar })
  @ApiOperation({
    summary: 'The working-day calendar of a year: days off with reasons, working days, version, history',
    description: AT,
  })
  async calendar(@Param('year', ParseIntPipe) year: number, @Query() query: AtQueryDto) {
    await this.law.refresh();
    const amendments = this.law.recorded().calendarYears.get(year) ?? [];
    return tableView(
      `calendar of ${year}`,
      this.law.tableOn(amendments, query.at),
      amendments.length - 1,
      query.at,
      calendarYearView,
      (a) => ({
        workingDays: a.workingDays,
        daysOffAdded: a.daysOffAdded,
        daysOffRemoved: a.daysOffRemoved,
      }),
    );
  }

  @Get('mci')
  @Roles(...READERS)
  @ApiOkResponse({ schema: LAW_RESPONSES.mci })
  @ApiOperation({ summary: 'The MCI table (tenge from a date on) and its amendments', description: AT })
  async mci(@Query() query: AtQueryDto) {
    await this.law.refresh();
    const amendments = this.law.recorded().mci;
    return tableView(
      'MCI',
      this.law.tableOn(amendments, query.at),
      amendments.length - 1,
      query.at,
      (a) => ({ table: a.table }),
      (a) => ({
        rowsAdded: a.rowsAdded,
        rowsChanged: a.rowsChanged,
      }),
    );
  }

  @Get('rent-rates')
  @Roles(...READERS)
  @ApiOkResponse({ schema: LAW_RESPONSES.rentRates })
  @ApiOperation({
    summary: 'The rent and utilities subsidy rates (MCI a month, 15–30) and their amendments',
    description: AT,
  })
  async rentRates(@Query() query: AtQueryDto) {
    await this.law.refresh();
    const amendments = this.law.recorded().rentRates;
    return tableView(
      'rent-rate table',
      this.law.tableOn(amendments, query.at),
      amendments.length - 1,
      query.at,
      (a) => ({
        provisional: a.rates.provisional,
        rates: a.rates.rates,
      }),
    );
  }

  @Get('sla-policy')
  @Roles(...READERS)
  @ApiOkResponse({ schema: LAW_RESPONSES.slaPolicy })
  @ApiOperation({
    summary: 'The review clock: zone, working hours, the term and the at-risk warning, and their amendments',
    description: AT,
  })
  async slaPolicy(@Query() query: AtQueryDto) {
    await this.law.refresh();
    const amendments = this.law.recorded().slaPolicy;
    return tableView('SLA policy', this.law.tableOn(amendments, query.at), amendments.length - 1, query.at, (a) => ({
      ...a.policy,
    }));
  }

  @Get('refusal-grounds')
  @Roles('portal', 'operator', 'payments', ...READERS)
  @ApiOkResponse({ schema: QUERY_RESPONSES.refusalGrounds })
  @ApiOperation({
    summary: 'The refusal grounds in force: their codes, labels in Kazakh, Russian and English, and the list version',
    description:
      'The codes a review (`grounds` of a not-eligible verdict) and a refusal (`grounds`) take; a decision records the list version it used. Retired grounds are left out. ' +
      AT,
  })
  async refusalGrounds(@Query() query: AtQueryDto) {
    await this.law.refresh();
    const amendments = this.law.recorded().refusalGrounds;
    const table = this.law.tableOn(amendments, query.at);
    tableView('refusal-ground list', table, amendments.length - 1, query.at, () => ({}));
    const list = table.inForce!;
    return {
      version: list.version,
      grounds: list.grounds
        .filter((g) => g.retired !== true)
        .map(({ code, kk, ru, en, explanationRequired }) => ({ code, labels: { kk, ru, en }, explanationRequired })),
    };
  }
}
