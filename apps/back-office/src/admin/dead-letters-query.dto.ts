import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../queries/dto/query.dto';

const STATUSES = ['parked', 'waiting-for-data', 'resolved', 'all'];

/**
 * `GET /admin/dead-letters`: paged like every list (`limit`, `cursor`), validated like every query
 * (an unknown parameter or status is a 400). No `atLeast`: the dead letters are no projection of
 * the store, so there is no position to wait for.
 */
export class DeadLettersQueryDto extends OmitType(PageQueryDto, ['atLeast'] as const) {
  @ApiPropertyOptional({
    enum: STATUSES,
    description:
      'parked unless given; waiting-for-data: steps that resume by themselves once the awaited table is amended (ADR 23)',
  })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}
