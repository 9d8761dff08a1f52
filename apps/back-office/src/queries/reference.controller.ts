import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CURRENT_REFUSAL_GROUNDS } from '@domain/application';
import { ROLES, Roles } from '../auth/roles';
import { QUERY_RESPONSES } from './query-responses';

/** Reference data the callers need to build valid requests; read from the domain, not from a read model. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  @Get('refusal-grounds')
  @ApiOkResponse({ schema: QUERY_RESPONSES.refusalGrounds })
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'The refusal grounds in force: their codes, labels in Kazakh, Russian and English, and the list version',
    description:
      'The codes a review (`grounds` of a not-eligible verdict) and a refusal (`grounds`) take; a decision records the list version it used.',
  })
  refusalGrounds() {
    const list = CURRENT_REFUSAL_GROUNDS;
    return {
      version: list.version,
      grounds: list.grounds.map(({ code, kk, ru, en, explanationRequired }) => ({
        code,
        labels: { kk, ru, en },
        explanationRequired,
      })),
    };
  }
}
