import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@infra/read-models';

/** `limit` and `cursor`, as every list (ADR 19); validated by the global strict pipe. */
export class TimelinessChangesQueryDto {
  @ApiPropertyOptional({ description: `Items per page, 1 to ${MAX_PAGE_LIMIT}; ${DEFAULT_PAGE_LIMIT} by default` })
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
  limit?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;
}
