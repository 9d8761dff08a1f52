import { OmitType } from '@nestjs/swagger';
import { PageQueryDto } from '../queries/dto/query.dto';

/** An application's notices: no parameter (any is refused, like every query); they come from its stream, never stale. */
export class NoticesQueryDto {}

/** `GET /admin/notices`: the parked notices, paged like every list; no `atLeast` (read from the delivery read model as is). */
export class ParkedNoticesQueryDto extends OmitType(PageQueryDto, ['atLeast'] as const) {}
