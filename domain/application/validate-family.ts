import { CalendarDate } from '../shared/calendar-date';
import { ViolationCollector } from '../shared/errors';
import { iinProblem } from '../shared/iin';
import { nameViolations } from '../shared/person-name';
import { ApplicationSubmission } from './submission';
import { checkPastDate } from './date-checks';

const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other'];

/** Array.isArray without its `any[]`: on a readonly array it narrows to `any[]`, unchecking every use after it. */
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/** Each family member is named, born, and identified by an IIN or by a foreign document — once. */
export function validateFamily(
  submission: ApplicationSubmission,
  today: CalendarDate,
  found: ViolationCollector,
): void {
  if (!isList(submission.familyMembers))
    return found.add('familyMembers', 'must be a list (empty when the applicant moves alone)');
  const iins = new Set<string>([submission.applicant?.iin]);
  let spouses = 0;
  submission.familyMembers.forEach((member, index) => {
    const at = `familyMembers[${index}]`;
    found.check(RELATIONS.includes(member.relation), `${at}.relation`, `must be one of ${RELATIONS.join(', ')}`);
    if (member.relation === 'spouse') spouses += 1;
    found.addAll(nameViolations(member.name, `${at}.name`));
    checkPastDate(member.birthDate, today, `${at}.birthDate`, found);
    if (member.iin !== undefined) {
      const problem = iinProblem(member.iin);
      if (problem) found.add(`${at}.iin`, problem);
      else if (iins.has(member.iin)) found.add(`${at}.iin`, 'appears twice in the application');
      iins.add(member.iin);
    } else if (!member.foreignDocument) {
      found.add(`${at}.iin`, 'an IIN or a foreign identity document is required');
    } else {
      const doc = member.foreignDocument;
      found.check(typeof doc.kind === 'string' && doc.kind.trim() !== '', `${at}.foreignDocument.kind`, 'is required');
      found.check(
        typeof doc.number === 'string' && doc.number.trim() !== '',
        `${at}.foreignDocument.number`,
        'is required',
      );
      found.check(
        /^[A-Z]{3}$/.test(doc.issuingCountry ?? ''),
        `${at}.foreignDocument.issuingCountry`,
        'must be an ISO 3166-1 alpha-3 code',
      );
    }
  });
  if (spouses > 1) found.add('familyMembers', 'lists more than one spouse');
  if (spouses === 1 && submission.applicant?.maritalStatus !== 'married')
    found.add('applicant.maritalStatus', 'must be married when a spouse moves with the applicant');
}
