import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REGIONS, type ApplicantCategory, type RegionCode } from '@domain/shared/region';
import { QuotaUsageQuery } from '@infra/read-models';
import { Roles } from '../auth/roles';
import { guarded } from '../http/guarded-query';
import { ReadYourWrites } from '../queries/read-your-writes';
import { OpenRegionsQueryDto } from './open-regions.dto';
import { OPEN_REGIONS } from './portal-responses';

/** The regions a family can still apply to: the portal offers only these. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('regions')
export class OpenRegionsController {
  constructor(
    private readonly rw: ReadYourWrites,
    private readonly quotas: QuotaUsageQuery,
  ) {}

  @Get('open')
  @Roles('portal', 'operator', 'reviewer', 'supervisor', 'auditor', 'admin', 'payments')
  @ApiOperation({
    summary: "A year's quotas with seats left, by region (and category): capacity, seats taken, seats left",
    description:
      'From the quota usage read model. A quota whose capacity no order set yet, or whose seats are all taken, is not listed.',
  })
  @ApiOkResponse({ schema: OPEN_REGIONS })
  open(@Query() query: OpenRegionsQueryDto) {
    const year = Number(query.year);
    return this.rw.read('quota-usage', query.atLeast, () =>
      guarded(() => ({
        year,
        regions: this.quotas
          .list({ year, category: query.category })
          .filter((quota) => quota.capacity !== null && quota.remaining > 0)
          .map((quota) => ({
            region: regionNamed(quota.region as RegionCode),
            category: quota.category as ApplicantCategory,
            capacity: quota.capacity!,
            taken: quota.seatsTaken,
            left: quota.remaining,
          })),
      })),
    );
  }
}

function regionNamed(code: RegionCode) {
  return { code, kk: REGIONS[code].kk, ru: REGIONS[code].ru };
}
