import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApplicationStory, AuditStreamNotFoundError } from '@libs/workflow';
import { Role, Roles } from '../auth/roles';
import { HttpProblem, problem } from '../http/problem';
import { AUDIT_RESPONSES } from './audit-responses';
import { RecordedRead } from './recorded-read';
import { ACCEPT_LANGUAGE_HEADER, answerLanguage, CONTENT_LANGUAGE_HEADER } from './timeline-language';

/** As the history: those who decide on an application, and the auditors. */
const DECISION_READERS: Role[] = ['reviewer', 'supervisor', 'auditor', 'admin'];

/** The application's story for people (ADR 27): its decision in one answer. The told history is `AuditController.history`. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class ApplicationStoryController {
  constructor(private readonly story: ApplicationStory) {}

  @Get('applications/:id/decision')
  @Roles(...DECISION_READERS)
  @RecordedRead('decision')
  @ApiOperation({
    summary:
      "An application's decision in one answer: who decided, when, on what grounds, under which calendar and MCI, the due date and whether it was met",
    description:
      'Read from the application’s events. Undecided: `decided: false` with the status and the due date. Sentences and labels in the language of `Accept-Language`; no personal data.',
  })
  @ApiHeader(ACCEPT_LANGUAGE_HEADER)
  @ApiOkResponse({ schema: AUDIT_RESPONSES.decision, headers: CONTENT_LANGUAGE_HEADER })
  async decision(
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const language = answerLanguage(acceptLanguage, response);
    try {
      return await this.story.decision(id, language);
    } catch (error) {
      if (error instanceof AuditStreamNotFoundError)
        throw new HttpProblem(problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${id}`));
      throw error;
    }
  }
}
