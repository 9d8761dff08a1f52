import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../queries/dto/query.dto';
import { LAW_TABLES } from './law-amendments';

/** `GET /reference/amendments`: paged like every list; no `atLeast` (read from the law streams, never stale). */
export class LawAmendmentsQueryDto extends OmitType(PageQueryDto, ['atLeast'] as const) {
  @ApiPropertyOptional({ enum: LAW_TABLES, description: 'Only the amendments of this table' })
  @IsOptional()
  @IsIn(LAW_TABLES)
  table?: string;

  @ApiPropertyOptional({ example: '2026', description: 'Only the amendments of this calendar year' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  year?: string;
}

/** `GET /reference/amendments/:eventId/moved-applications`: `limit` and `cursor` only. */
export class MovedApplicationsQueryDto extends OmitType(PageQueryDto, ['atLeast'] as const) {}
