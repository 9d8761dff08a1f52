import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DecisionDocuments, OFFICER, type ApplicationReader, type SignedDecisionDocument } from '@libs/workflow';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Role, Roles } from '../auth/roles';
import type { AuthenticatedActor } from '../auth/roles';
import {
  DECISION_DOCUMENT_RESPONSE,
  DOCUMENT_SIGNATURE_SCHEMA,
  KEY_ID_HEADER,
  NOT_ISSUED_RESPONSE,
  SIGNATURE_HEADER,
} from './decision-document-responses';
import { readingApplication } from './document-problems';

/**
 * The letter names the applicant and the family in clear (it is the applicant's own document), so it
 * goes to the officers who see personal data in clear (ADR 26: reviewers, supervisors) and to the
 * ЦОН operator who hands it over; its signature, which holds no personal data, to every officer.
 */
const LETTER_READERS: Role[] = ['operator', 'reviewer', 'supervisor'];
const OFFICERS: Role[] = ['operator', 'reviewer', 'supervisor', 'auditor', 'admin'];

const DESCRIPTION =
  'Rendered from the application’s events, deterministic (same events, same bytes) and signed by the service with Ed25519 over the bytes (ADR 29). `npm run cli -- verify-document <file>` checks one offline.';

/** The signed decision letter (ADR 29): for officers, and for the portal of its own applications. */
@ApiTags('decision documents')
@ApiBearerAuth()
@Controller()
export class DecisionDocumentController {
  constructor(private readonly documents: DecisionDocuments) {}

  @Get('applications/:id/decision-document')
  @Roles(...LETTER_READERS)
  @ApiOperation({
    summary: "The application's decision letter in Kazakh and Russian, as a signed PDF",
    description: DESCRIPTION,
  })
  @ApiOkResponse(DECISION_DOCUMENT_RESPONSE)
  @ApiResponse(NOT_ISSUED_RESPONSE)
  async officerDocument(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    sendPdf(response, await this.document(id, OFFICER));
  }

  @Get('applications/:id/decision-document.sig')
  @Roles(...OFFICERS)
  @ApiOperation({
    summary: "The decision letter's detached signature, to keep beside the PDF",
    description: DESCRIPTION,
  })
  @ApiOkResponse({ schema: DOCUMENT_SIGNATURE_SCHEMA })
  @ApiResponse(NOT_ISSUED_RESPONSE)
  async officerSignature(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.document(id, OFFICER)).signature;
  }

  @Get('portal/applications/:id/decision-document')
  @Roles('portal')
  @ApiOperation({
    summary: 'The decision letter of an application this portal submitted, as a signed PDF',
    description: `${DESCRIPTION} Another portal's application, like an unknown one, is 404.`,
  })
  @ApiOkResponse(DECISION_DOCUMENT_RESPONSE)
  @ApiResponse(NOT_ISSUED_RESPONSE)
  async portalDocument(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: AuthenticatedActor,
    @Res() response: Response,
  ) {
    sendPdf(response, await this.document(id, { kind: 'portal', actorId: actor.id }));
  }

  @Get('portal/applications/:id/decision-document.sig')
  @Roles('portal')
  @ApiOperation({
    summary: 'The detached signature of the decision letter of an application this portal submitted',
    description: DESCRIPTION,
  })
  @ApiOkResponse({ schema: DOCUMENT_SIGNATURE_SCHEMA })
  @ApiResponse(NOT_ISSUED_RESPONSE)
  async portalSignature(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: AuthenticatedActor) {
    return (await this.document(id, { kind: 'portal', actorId: actor.id })).signature;
  }

  private document(id: string, reader: ApplicationReader): Promise<SignedDecisionDocument> {
    return readingApplication(id, () => this.documents.document(id, reader));
  }
}

function sendPdf(response: Response, document: SignedDecisionDocument): void {
  response
    .status(200)
    .setHeader('Content-Type', 'application/pdf')
    .setHeader('Content-Disposition', `inline; filename="decision-${document.applicationId}.pdf"`)
    .setHeader(SIGNATURE_HEADER, document.signature.signature)
    .setHeader(KEY_ID_HEADER, document.signature.keyId)
    .end(document.pdf);
}
