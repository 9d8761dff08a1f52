import { CalendarDate, isCalendarDate, monthsBetween } from '../shared/calendar-date';
import { ViolationCollector } from '../shared/errors';
import { DocumentKind, DocumentPolicy, isDocumentKind } from './documents';
import { ApplicationSubmission } from './submission';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Array.isArray without its `any[]`: on a readonly array it narrows to `any[]`, unchecking every use after it. */
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

/**
 * The package is complete (the policy's kinds, plus the marriage certificate of a married applicant
 * and the divorce certificate of a recent divorce) and no document is expired: FACTS.md lists an
 * incomplete package or expired documents as the grounds for refusal at intake.
 */
export function validateDocuments(
  submission: ApplicationSubmission,
  today: CalendarDate,
  policy: DocumentPolicy,
  found: ViolationCollector,
): void {
  if (!isList(submission.documents)) return found.add('documents', 'must be a list');
  submission.documents.forEach((doc, index) => {
    const at = `documents[${index}]`;
    if (!isDocumentKind(doc.kind)) found.add(`${at}.kind`, 'is not a known document kind');
    found.check(typeof doc.fileRef === 'string' && doc.fileRef.trim() !== '', `${at}.fileRef`, 'is required');
    found.check(SHA256_HEX.test(doc.sha256 ?? ''), `${at}.sha256`, 'must be a SHA-256 digest in lower-case hex');
    if (doc.issuedOn !== undefined && (!isCalendarDate(doc.issuedOn) || doc.issuedOn > today))
      found.add(`${at}.issuedOn`, 'must be a date not in the future');
    if (doc.expiresOn !== undefined) {
      if (!isCalendarDate(doc.expiresOn)) found.add(`${at}.expiresOn`, 'must be a date (yyyy-MM-dd)');
      else if (doc.expiresOn < today) found.add(`${at}.expiresOn`, 'the document has expired');
    } else if (policy.expiryRequired.includes(doc.kind)) {
      found.add(`${at}.expiresOn`, 'is required for this kind of document');
    }
  });
  for (const kind of requiredKinds(submission, today, policy)) {
    if (!submission.documents.some((doc) => doc.kind === kind))
      found.add('documents', `a ${kind} document is required`);
  }
}

/** The kinds this package must hold on `today`: the policy's, and the certificates the marital status calls for. */
export function requiredKinds(
  submission: Pick<ApplicationSubmission, 'applicant'>,
  today: CalendarDate,
  policy: DocumentPolicy,
): DocumentKind[] {
  const kinds = [...policy.alwaysRequired];
  const applicant = submission.applicant;
  if (applicant?.maritalStatus === 'married') kinds.push('marriage-certificate');
  const divorcedOn = applicant?.divorcedOn;
  if (
    applicant?.maritalStatus === 'divorced' &&
    isCalendarDate(divorcedOn) &&
    monthsBetween(divorcedOn, today) < policy.divorceCertificateMonths
  ) {
    kinds.push('divorce-certificate');
  }
  return kinds;
}
