import { CalendarDate, Instant, instantMillis, isInstant, localDateOf, yearsBetween } from '../shared/calendar-date';
import { checkPastDate } from './date-checks';
import { ViolationCollector } from '../shared/errors';
import { iinProblem } from '../shared/iin';
import { nameViolations } from '../shared/person-name';
import { APPLICANT_CATEGORIES, isRegionCode } from '../shared/region';
import { DocumentPolicy } from './documents';
import { validateDocuments } from './validate-documents';
import { validateFamily } from './validate-family';
import { ApplicationSubmission } from './submission';

const CHANNELS = ['egov-portal', 'egov-mobile', 'con', 'enbek'];
const SETTLEMENT_KINDS = ['city', 'town', 'village'];
const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'];
const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Every rule the content of an application must meet at submission (FACTS.md, "The service"),
 * collected so that the applicant learns of all faults at once, each with its field.
 */
export function validateSubmission(
  submission: ApplicationSubmission,
  submittedAt: Instant,
  policy: DocumentPolicy,
): ViolationCollector {
  const found = new ViolationCollector();
  const today = localDateOf(submittedAt);
  found.check(CHANNELS.includes(submission.channel), 'channel', `must be one of ${CHANNELS.join(', ')}`);
  validateConsent(submission, submittedAt, found);
  found.check(isRegionCode(submission.region), 'region', 'is not a region of Kazakhstan');
  const thisYear = Number(today.slice(0, 4));
  found.check(
    Number.isInteger(submission.year) && (submission.year === thisYear || submission.year === thisYear + 1),
    'year',
    `must be ${thisYear} or ${thisYear + 1}`,
  );
  found.check(
    SETTLEMENT_KINDS.includes(submission.settlement?.kind),
    'settlement.kind',
    `must be one of ${SETTLEMENT_KINDS.join(', ')}`,
  );
  validateApplicant(submission, today, found);
  validateFamily(submission, today, found);
  validateDocuments(submission, today, policy, found);
  return found;
}

function validateConsent(submission: ApplicationSubmission, submittedAt: Instant, found: ViolationCollector): void {
  const consent = submission.consent;
  if (consent?.given !== true) {
    found.add('consent.given', 'consent to the use of personal data must be given');
    return;
  }
  if (!isInstant(consent.givenAt)) found.add('consent.givenAt', 'must be an ISO-8601 instant');
  else if (instantMillis(consent.givenAt) > instantMillis(submittedAt))
    found.add('consent.givenAt', 'must not be after the submission');
}

function validateApplicant(submission: ApplicationSubmission, today: CalendarDate, found: ViolationCollector): void {
  const applicant = submission.applicant;
  if (!applicant) return found.add('applicant', 'is required');
  const iin = iinProblem(applicant.iin);
  if (iin) found.add('applicant.iin', iin);
  found.addAll(nameViolations(applicant.name, 'applicant.name'));
  if (applicant.nameLatin !== undefined) found.addAll(nameViolations(applicant.nameLatin, 'applicant.nameLatin'));
  checkPastDate(applicant.birthDate, today, 'applicant.birthDate', found);
  found.check(APPLICANT_CATEGORIES.includes(applicant.category), 'applicant.category', 'must be kandas or resettler');
  if (applicant.category === 'kandas') validateKandas(submission, today, found);
  if (applicant.category === 'resettler') validateResettler(submission, today, found);
  found.check(
    MARITAL_STATUSES.includes(applicant.maritalStatus),
    'applicant.maritalStatus',
    `must be one of ${MARITAL_STATUSES.join(', ')}`,
  );
  if (applicant.maritalStatus === 'divorced') checkPastDate(applicant.divorcedOn, today, 'applicant.divorcedOn', found);
  found.check(
    PHONE.test(applicant.contacts?.phone ?? ''),
    'applicant.contacts.phone',
    'must be an international number, e.g. +77011234567',
  );
  if (applicant.contacts?.email !== undefined)
    found.check(EMAIL.test(applicant.contacts.email), 'applicant.contacts.email', 'is not an e-mail address');
}

function validateKandas(submission: ApplicationSubmission, today: CalendarDate, found: ViolationCollector): void {
  const status = submission.applicant.kandasStatus;
  if (!status) return found.add('applicant.kandasStatus', 'a kandas applies with the reference of the kandas status');
  found.check(
    typeof status.certificateNumber === 'string' && status.certificateNumber.trim() !== '',
    'applicant.kandasStatus.certificateNumber',
    'is required',
  );
  checkPastDate(status.issuedOn, today, 'applicant.kandasStatus.issuedOn', found);
}

/** A resettler is registered at a career centre and has ≥ 1 year of permanent registration where he leaves. */
function validateResettler(submission: ApplicationSubmission, today: CalendarDate, found: ViolationCollector): void {
  const origin = submission.applicant.resettler;
  if (!origin)
    return found.add(
      'applicant.resettler',
      'a resettler gives the region of origin and the career-centre registration',
    );
  if (!isRegionCode(origin.originRegion))
    found.add('applicant.resettler.originRegion', 'is not a region of Kazakhstan');
  else
    found.check(
      origin.originRegion !== submission.region,
      'applicant.resettler.originRegion',
      'must differ from the receiving region',
    );
  if (
    checkPastDate(origin.permanentRegistrationSince, today, 'applicant.resettler.permanentRegistrationSince', found)
  ) {
    found.check(
      yearsBetween(origin.permanentRegistrationSince, today) >= 1,
      'applicant.resettler.permanentRegistrationSince',
      'needs at least 1 year of permanent registration in the region of origin',
    );
  }
  const centre = origin.careerCentre;
  if (!centre)
    return found.add('applicant.resettler.careerCentre', 'registration as a job seeker at a career centre is required');
  found.check(
    typeof centre.name === 'string' && centre.name.trim() !== '',
    'applicant.resettler.careerCentre.name',
    'is required',
  );
  found.check(
    typeof centre.registrationNumber === 'string' && centre.registrationNumber.trim() !== '',
    'applicant.resettler.careerCentre.registrationNumber',
    'is required',
  );
  checkPastDate(centre.registeredOn, today, 'applicant.resettler.careerCentre.registeredOn', found);
}
