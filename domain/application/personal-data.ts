import { fieldsUnder, noPersonalData, PersonalDataDeclaration, PersonalFields } from '../shared/personal-data';
import { APPLICATION_EVENT_SCHEMAS, ApplicationEventType } from './events';

/** The person's data in a submission (ApplicationSubmission): the applicant, the family, their papers. */
export const SUBMISSION_PERSONAL_FIELDS: PersonalFields = {
  'applicant.iin': 'iin',
  'applicant.name': 'name',
  'applicant.nameLatin': 'name',
  'applicant.birthDate': 'birthDate',
  'applicant.divorcedOn': 'lifeDate',
  'applicant.kandasStatus.certificateNumber': 'documentNumber',
  'applicant.resettler.careerCentre.registrationNumber': 'documentNumber',
  'applicant.contacts.phone': 'phone',
  'applicant.contacts.email': 'email',
  'applicant.contacts.address': 'address',
  'familyMembers[].name': 'name',
  'familyMembers[].birthDate': 'birthDate',
  'familyMembers[].iin': 'iin',
  'familyMembers[].foreignDocument.number': 'documentNumber',
  // A marriage or divorce certificate is dated the day of that event of a life; a passport's dates
  // pick out its holder as well as a number would. What the reviewer made of them is in the review.
  'documents[].issuedOn': 'lifeDate',
  'documents[].expiresOn': 'lifeDate',
};

/** The signer, and what the verifier found in the certificate (its subject's IIN, its serial). */
const SIGNATURE_FIELDS: PersonalFields = {
  signerIin: 'iin',
  'evidence.subjectIin': 'iin',
  'evidence.certificateSerial': 'documentNumber',
};

/** A reviewer's words may name anyone; the persons found elsewhere are IINs. */
const REVIEW_FIELDS: PersonalFields = {
  comment: 'freeText',
  'findings[].note': 'freeText',
  'personsIncludedElsewhere[].iin': 'iin',
};

const version = (type: ApplicationEventType) => APPLICATION_EVENT_SCHEMAS[type].schemaVersion;
const declared = (type: ApplicationEventType, fields: PersonalFields): PersonalDataDeclaration => ({
  schemaVersion: version(type),
  fields,
});

const ARRIVAL_FIELDS: PersonalFields = {
  'registration.address': 'address',
  'recipient.iin': 'iin',
  'recipient.iban': 'bankAccount',
};

/**
 * The personal data of every Application event type, in the schema version it is read in. Mapped
 * over the event types: a new event type does not compile until it says what it carries.
 */
export const APPLICATION_PERSONAL_DATA: { readonly [T in ApplicationEventType]: PersonalDataDeclaration } = {
  ApplicationSubmitted: declared('ApplicationSubmitted', fieldsUnder('submission', SUBMISSION_PERSONAL_FIELDS)),
  SigningCodeIssued: noPersonalData(version('SigningCodeIssued')),
  SigningCodeRejected: noPersonalData(version('SigningCodeRejected')),
  ApplicationSigned: declared('ApplicationSigned', SIGNATURE_FIELDS),
  ReviewDeadlineScheduled: noPersonalData(version('ReviewDeadlineScheduled')),
  ReviewDeadlineRescheduled: noPersonalData(version('ReviewDeadlineRescheduled')),
  ReviewStarted: noPersonalData(version('ReviewStarted')),
  // Typed by a supervisor, about the case: may name the applicant.
  ReviewReassigned: declared('ReviewReassigned', { reason: 'freeText' }),
  ApplicationReviewed: declared('ApplicationReviewed', REVIEW_FIELDS),
  ApplicationIncluded: noPersonalData(version('ApplicationIncluded')),
  ApplicationRefused: declared('ApplicationRefused', { explanation: 'freeText' }),
  SubsidyGranted: noPersonalData(version('SubsidyGranted')),
  // Given by the applicant when withdrawing.
  ApplicationWithdrawn: declared('ApplicationWithdrawn', { reason: 'freeText' }),
  ReviewSlaAtRisk: noPersonalData(version('ReviewSlaAtRisk')),
  ReviewSlaBreached: noPersonalData(version('ReviewSlaBreached')),
  // The reason is the SLA scheduler's own sentence.
  ReviewEscalated: noPersonalData(version('ReviewEscalated')),
  HearingNoticeDeadlineScheduled: noPersonalData(version('HearingNoticeDeadlineScheduled')),
  HearingNoticeAtRisk: noPersonalData(version('HearingNoticeAtRisk')),
  HearingNoticeBreached: noPersonalData(version('HearingNoticeBreached')),
  // The reason is the process's own sentence.
  HearingNoticeEscalated: noPersonalData(version('HearingNoticeEscalated')),
  // The explanation reaches the applicant and may name a person, as a refusal's does; the place is an office.
  RefusalProposed: declared('RefusalProposed', { explanation: 'freeText' }),
  // The applicant's own words and the titles of the papers brought.
  ApplicantObjected: declared('ApplicantObjected', { text: 'freeText', 'documentsAdded[].title': 'freeText' }),
  HearingHeld: declared('HearingHeld', { statement: 'freeText', 'documentsAdded[].title': 'freeText' }),
  // Typed by a supervisor, about the case.
  ReviewReopenedAsEligible: declared('ReviewReopenedAsEligible', { reason: 'freeText' }),
  ComplaintFiled: declared('ComplaintFiled', { text: 'freeText' }),
  ComplaintAtRisk: noPersonalData(version('ComplaintAtRisk')),
  ComplaintBreached: noPersonalData(version('ComplaintBreached')),
  ComplaintEscalated: noPersonalData(version('ComplaintEscalated')),
  ComplaintSatisfied: declared('ComplaintSatisfied', { reason: 'freeText' }),
  ComplaintRejected: declared('ComplaintRejected', { reasons: 'freeText' }),
  AuthorityDecisionRecorded: noPersonalData(version('AuthorityDecisionRecorded')),
  DecisionRevoked: noPersonalData(version('DecisionRevoked')),
  // The address registered at, and who is paid where; the settlement's name is a place, not a person's.
  FamilyArrived: { schemaVersion: version('FamilyArrived'), fields: ARRIVAL_FIELDS },
};

/**
 * The application's folded state (ApplicationState) keeps the submission, the signature and the
 * review as the events carried them: its personal fields are theirs, under those keys.
 */
export const APPLICATION_STATE_PERSONAL_FIELDS: PersonalFields = {
  ...fieldsUnder('submission', SUBMISSION_PERSONAL_FIELDS),
  ...fieldsUnder('signature', SIGNATURE_FIELDS),
  ...fieldsUnder('review', REVIEW_FIELDS),
  ...fieldsUnder('arrival', ARRIVAL_FIELDS),
};
