import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { APPLICANT_CATEGORIES, REGION_CODES } from '@domain/shared/region';
import { APPLICATION_STATUSES, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@infra/read-models';
import { deprecatedDescription, NotBeside, type DeprecatedName } from '../../http/deprecated-names';

/**
 * Query strings are validated like bodies (the global strict pipe: whitelist + forbidNonWhitelisted):
 * an unknown parameter, a value no row could have, or a parameter given twice (an array) is a 400
 * naming the parameter. Values stay strings (no implicit conversion); the controller converts them.
 */
const WHOLE = /^\d{1,9}$/;
const BOOLEAN = ['true', 'false'];
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `atLeast`: every query can wait for its read model to reflect a command's position. */
export class ReadQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the read model reflects this global position (read your writes)' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'atLeast must be a global position returned by a command' })
  atLeast?: string;
}

/** `limit` and `cursor`: every list is paged the same way. */
export class PageQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: `Items per page, 1 to ${MAX_PAGE_LIMIT}; ${DEFAULT_PAGE_LIMIT} by default` })
  @IsOptional()
  @Matches(WHOLE, { message: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  limit?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;
}

export class ApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  year?: string;

  @ApiPropertyOptional({ enum: APPLICANT_CATEGORIES })
  @IsOptional()
  @IsIn(APPLICANT_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ example: 'reviewer-1' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  reviewerId?: string;

  @ApiPropertyOptional({ enum: BOOLEAN, description: 'At risk and still open (true) or not (false)' })
  @IsOptional()
  @IsIn(BOOLEAN)
  atRisk?: string;

  @ApiPropertyOptional({ enum: BOOLEAN, description: 'Breached and still open (true) or not (false)' })
  @IsOptional()
  @IsIn(BOOLEAN)
  overdue?: string;

  @ApiPropertyOptional({ description: 'IIN of the applicant or of a family member, exactly', example: '850315400124' })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'iin must be 12 digits' })
  iin?: string;

  @ApiPropertyOptional({
    description:
      'Words of a name of the applicant or a family member; any case, Cyrillic or Latin, with or without the Kazakh letters ("Нұрлан", "нурлан" and "Nurlan" find the same people); each word starts a word of the name',
    example: 'нурлан',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    description: 'Due strictly before: a date (yyyy-MM-dd, the due date in Almaty) or an instant with its offset',
    example: '2026-03-20',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'dueBefore must be a date (yyyy-MM-dd) or an ISO-8601 instant' })
  dueBefore?: string;

  @ApiPropertyOptional({
    description: 'Due strictly after: a date (yyyy-MM-dd, the due date in Almaty) or an instant with its offset',
    example: '2026-03-01T00:00:00+05:00',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'dueAfter must be a date (yyyy-MM-dd) or an ISO-8601 instant' })
  dueAfter?: string;
}

/** The SLA dashboard: its regions are paged like any list. */
export class SlaDashboardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  year?: string;
}

/** The SLA by week: of one quota year and one region, or of all. */
export class SlaWeeksQueryDto extends SlaDashboardQueryDto {
  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;
}

export class QuotasQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  year?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ enum: APPLICANT_CATEGORIES })
  @IsOptional()
  @IsIn(APPLICANT_CATEGORIES)
  category?: string;
}

/** `year` meant the decision year here, and the quota year everywhere else: retired by ADR 20. */
export const SUBSIDY_TOTALS_DEPRECATED_NAMES: readonly DeprecatedName[] = [{ old: 'year', current: 'decisionYear' }];

export class SubsidyTotalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2026',
    description: 'The calendar year of the inclusion decisions (not the quota year)',
  })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'decisionYear must be a year (4 digits)' })
  decisionYear?: string;

  @ApiPropertyOptional({
    example: '2026',
    deprecated: true,
    description: deprecatedDescription(SUBSIDY_TOTALS_DEPRECATED_NAMES[0]!),
  })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  @NotBeside('decisionYear')
  year?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;
}
