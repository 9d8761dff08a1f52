import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DayOffKind, LawCommand, LegalActKind, LegalBasis, Untimed } from '@domain/law';
import type { RegionCode } from '@domain/shared/region';
import type { SettlementKind } from '@domain/subsidy';
import { RecordedLaw } from '@libs/workflow';
import { Roles } from '../auth/roles';
import { CommandGateway } from '../commands/command-gateway';
import type { CommandResponse, RequestMeta } from '../commands/command-gateway';
import { CommandRequest } from '../commands/request-meta.decorator';
import {
  AmendmentDto,
  ConfirmCalendarYearDto,
  DeclareDayOffDto,
  DeclareWorkedDayDto,
  SetMciDto,
  SetRefusalGroundsDto,
  SetRentRatesDto,
  SetSlaPolicyDto,
  WithdrawDayOffDto,
} from './law.dto';

const BASIS =
  'Each amendment names its legal basis and the day it takes effect; a day already past needs a reason. If-Match: the revision of the table (`revision` of its `GET /reference/...`).';

/** The administrator amends the law (ADR 22): each change an event on its table's stream, with its legal basis. */
@ApiTags('law')
@ApiBearerAuth()
@Controller('admin/law')
export class LawAdminController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly law: RecordedLaw,
  ) {}

  @Post('calendar/:year/days-off')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Declare a day off: a holiday (moved off a weekend by the rule), a non-moving day or a transfer',
    description: BASIS,
  })
  dayOff(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DeclareDayOffDto,
    @CommandRequest() meta: RequestMeta,
  ) {
    const { date, kind, name, workingDay, expectedWorkingDays } = body;
    return this.amend(
      {
        type: 'DeclareDayOff',
        year,
        date,
        kind: kind as DayOffKind,
        name,
        ...opt({ workingDay, expectedWorkingDays }),
        ...amendment(body),
      },
      meta,
    );
  }

  @Post('calendar/:year/withdrawn-days-off')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Withdraw a listed day off (a holiday with the day it moved to, a non-moving day, a transfer)',
    description: BASIS,
  })
  withdraw(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: WithdrawDayOffDto,
    @CommandRequest() meta: RequestMeta,
  ) {
    const { date, expectedWorkingDays } = body;
    return this.amend(
      { type: 'WithdrawDayOff', year, date, ...opt({ expectedWorkingDays }), ...amendment(body) },
      meta,
    );
  }

  @Post('calendar/:year/worked-days')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Declare a day worked: a weekday off loses its cause (31 Aug 2026: 30 Aug no longer a holiday); a weekend day needs the weekday given off',
    description: BASIS,
  })
  worked(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: DeclareWorkedDayDto,
    @CommandRequest() meta: RequestMeta,
  ) {
    const { date, dayOff, expectedWorkingDays } = body;
    return this.amend(
      { type: 'DeclareWorkedDay', year, date, ...opt({ dayOff, expectedWorkingDays }), ...amendment(body) },
      meta,
    );
  }

  @Post('calendar/:year/confirmation')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Confirm a provisional year (its Kurban Ait date and transfer orders are now published)',
    description: BASIS,
  })
  confirm(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: ConfirmCalendarYearDto,
    @CommandRequest() meta: RequestMeta,
  ) {
    return this.amend(
      {
        type: 'ConfirmCalendarYear',
        year,
        ...opt({ expectedWorkingDays: body.expectedWorkingDays }),
        ...amendment(body),
      },
      meta,
    );
  }

  @Post('mci')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Record the MCI from a date on (a new row, or a corrected value); several a year allowed',
    description: BASIS,
  })
  mci(@Body() body: SetMciDto, @CommandRequest() meta: RequestMeta) {
    return this.amend({ type: 'SetMci', validFrom: body.validFrom, value: body.value, ...amendment(body) }, meta);
  }

  @Put('rent-rates')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the rent-rate table (MCI a month, 15–30, by region and settlement kind)',
    description: BASIS,
  })
  rentRates(@Body() body: SetRentRatesDto, @CommandRequest() meta: RequestMeta) {
    const rates = body.rates as Partial<Record<RegionCode, Partial<Record<SettlementKind, number>>>>;
    return this.amend({ type: 'SetRentRates', provisional: body.provisional, rates, ...amendment(body) }, meta);
  }

  @Put('refusal-grounds')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the refusal-ground list: a listed ground is never removed, only retired',
    description: BASIS,
  })
  refusalGrounds(@Body() body: SetRefusalGroundsDto, @CommandRequest() meta: RequestMeta) {
    const grounds = body.grounds.map(({ retired, ...ground }) => ({ ...ground, ...opt({ retired }) }));
    return this.amend({ type: 'SetRefusalGrounds', grounds, ...amendment(body) }, meta);
  }

  @Put('sla-policy')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the SLA policy: zone, working hours, the term and the at-risk warning',
    description: BASIS,
  })
  slaPolicy(@Body() body: SetSlaPolicyDto, @CommandRequest() meta: RequestMeta) {
    const { zone, workdayStart, workdayEnd, reviewWorkingDays, atRiskWorkingDaysBeforeDue } = body;
    const policy = { zone, workdayStart, workdayEnd, reviewWorkingDays, atRiskWorkingDaysBeforeDue };
    return this.amend({ type: 'SetSlaPolicy', policy, ...amendment(body) }, meta);
  }

  /** The amendment is recorded, then read back here, so this instance decides with it from the next request on. */
  private async amend(command: Untimed<LawCommand>, meta: RequestMeta): Promise<CommandResponse> {
    const response = await this.gateway.law(command, meta);
    await this.law.refresh();
    return response;
  }
}

function amendment(body: AmendmentDto): { legalBasis: LegalBasis; takesEffectOn: string; reason?: string } {
  const { kind, number, date, title, source } = body.legalBasis;
  return {
    legalBasis: { kind: kind as LegalActKind, ...opt({ number }), date, title, source },
    takesEffectOn: body.takesEffectOn,
    ...opt({ reason: body.reason }),
  };
}

/** The fields that were given: an absent optional stays absent in the command (and the event). */
function opt<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
