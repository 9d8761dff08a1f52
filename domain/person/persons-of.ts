import type { ApplicationSubmission } from '../application/submission';
import type { PersonRole } from './events';

/** A person an application names, with their role and the path of their IIN in the submission. */
export interface NamedPerson {
  readonly iin: string;
  readonly role: PersonRole;
  readonly field: string;
}

/**
 * The persons of a submission that an IIN identifies, sorted by IIN: every submission claims them in
 * the same order, so two submissions naming the same persons meet on the first one they share
 * instead of each holding a part. A family member known only by a foreign document has no IIN and
 * cannot be matched across applications (ADR 16).
 */
export function personsOf(submission: Pick<ApplicationSubmission, 'applicant' | 'familyMembers'>): NamedPerson[] {
  const persons: NamedPerson[] = [{ iin: submission.applicant.iin, role: 'applicant', field: 'applicant.iin' }];
  submission.familyMembers.forEach((member, index) => {
    if (member.iin !== undefined)
      persons.push({ iin: member.iin, role: 'family-member', field: `familyMembers[${index}].iin` });
  });
  return persons.sort((a, b) => (a.iin < b.iin ? -1 : a.iin > b.iin ? 1 : 0));
}
