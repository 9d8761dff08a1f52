import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { APPLICANT_CATEGORIES } from '@domain/shared/region';
import { ReadQueryDto } from '../queries/dto/query.dto';

/** `GET /regions/open`: the year is required (a quota is a year's), the category narrows. */
export class OpenRegionsQueryDto extends ReadQueryDto {
  @ApiProperty({ example: '2026' })
  @Matches(/^\d{4}$/, { message: 'year must be a year (4 digits)' })
  year!: string;

  @ApiPropertyOptional({ enum: APPLICANT_CATEGORIES, description: 'Only the quotas of this category' })
  @IsOptional()
  @IsIn(APPLICANT_CATEGORIES)
  category?: string;
}
