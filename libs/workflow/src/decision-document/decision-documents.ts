import type { ServiceSigningKey } from '@libs/auth';
import type { AuditTrail } from '../audit/audit-trail';
import { groundsListsOf, type LawReading } from '../audit/timeline/grounds-lists';
import { TimelineNarrator } from '../audit/timeline/timeline-narrator';
import { decisionLetterOf, type DecisionLetter } from './decision-letter';
import { signDocument, type DocumentSignature } from './document-signature';
import { letterFactsOf, type DecisionLetterFacts } from './letter-facts';
import { letterPdf } from './letter-pdf';
import { OFFICER, readableHistory, type ApplicationReader } from './application-reader';

export interface SignedDecisionDocument {
  readonly applicationId: string;
  readonly facts: DecisionLetterFacts;
  readonly letter: DecisionLetter;
  readonly pdf: Buffer;
  readonly signature: DocumentSignature;
}

/**
 * The decision letter of an application, rendered from its events and signed by the service. Nothing
 * is stored: the same events give the same bytes, so the letter rendered again is the letter issued.
 */
export class DecisionDocuments {
  private readonly narrator: TimelineNarrator;

  constructor(
    private readonly audit: AuditTrail,
    private readonly law: LawReading,
    private readonly key: ServiceSigningKey,
  ) {
    this.narrator = new TimelineNarrator(groundsListsOf(law));
  }

  /**
   * Throws AuditStreamNotFoundError for an unknown application or one this reader may not see,
   * DecisionNotTakenError before the decision, SubsidiesNotGrantedYetError for an inclusion whose
   * subsidies are still being granted.
   */
  async document(applicationId: string, reader: ApplicationReader = OFFICER): Promise<SignedDecisionDocument> {
    const entries = await readableHistory(this.audit, applicationId, reader);
    const facts = letterFactsOf(applicationId, entries, this.narrator, this.law);
    const letter = decisionLetterOf(facts);
    const pdf = await letterPdf(letter);
    return { applicationId, facts, letter, pdf, signature: signDocument(this.key, pdf) };
  }
}
