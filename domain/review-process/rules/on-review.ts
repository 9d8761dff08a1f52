import type { ApplicationReviewed } from '../../application/events';
import { DUPLICATE_OR_SUPPORT_RECEIVED } from '../../application/refusal-grounds';
import { sendToApplication, sendToQuota, type Intent } from '../intents';
import type { ProcessContext } from '../process-policy';
import { APPLICATION_CLOSED } from './closed-application';
import { proposal } from './on-hearing';
import { groundsOnlyExplanation } from '../process-explanation';

/**
 * An eligible review asks the region's quota for seats for the whole family; a not-eligible review
 * proposes a refusal on the reviewer's grounds, explained by the comment and the rejected documents,
 * and the applicant is heard before it is final (ADR 32). A person already included through another
 * application (data from before ADR 16) makes it a proposal on the duplicate / support-received
 * ground, whatever the verdict: support is received once.
 */
export function reserveOrPropose(event: ApplicationReviewed, context: ProcessContext): Intent[] {
  const { applicationId, quota, persons } = event.data;
  const duplicates = event.data.personsIncludedElsewhere ?? [];
  if (event.data.verdict === 'eligible' && duplicates.length === 0) {
    return [sendToQuota('reserve-seats', { type: 'ReserveSeats', ...quota, applicationId, persons })];
  }
  const grounds = duplicates.length === 0 ? event.data.grounds : groundsWithDuplicate(event);
  const proposed = proposal('review', { applicationId, grounds, explanation: explanationOf(event) }, context);
  const step = duplicates.length === 0 ? 'propose-refusal-not-eligible' : 'propose-refusal-person-already-included';
  return [sendToApplication(step, proposed, { codes: APPLICATION_CLOSED })];
}

function groundsWithDuplicate({ data }: ApplicationReviewed): string[] {
  const others = data.verdict === 'eligible' ? [] : data.grounds;
  return [DUPLICATE_OR_SUPPORT_RECEIVED, ...others.filter((ground) => ground !== DUPLICATE_OR_SUPPORT_RECEIVED)];
}

function explanationOf({ data }: ApplicationReviewed): string {
  // The fields, not the other applications: the explanation reaches the applicant.
  const included = (data.personsIncludedElsewhere ?? []).map((person) => person.field);
  const duplicate =
    included.length > 0 ? `Already included in a quota through another application: ${included.join(', ')}` : undefined;
  const rejected = data.findings
    .filter((f) => !f.accepted)
    .map((f) => `document ${f.documentIndex}${f.note ? `: ${f.note}` : ''}`);
  const parts = [duplicate, data.comment, rejected.length > 0 ? `Rejected: ${rejected.join('; ')}` : undefined].filter(
    Boolean,
  );
  return parts.join('. ') || groundsOnlyExplanation(data.grounds);
}
