import type { ApplicationEvent, JudgedDocument } from '@domain/application';
import { DOCUMENT_POLICIES, judgeDocuments } from '@domain/application';
import { nameSearchKey } from '@domain/shared/name-search';
import type { PersonName } from '@domain/shared/person-name';

type DataOf<T extends ApplicationEvent['type']> = Extract<ApplicationEvent, { type: T }>['data'];
type Submitted = DataOf<'ApplicationSubmitted'>;
type Submission = Submitted['submission'];
type Applicant = Submission['applicant'];

/** What an officer decides on, fixed at submission: the people, their contacts and each document as judged then. */
export interface SubmissionDetails {
  readonly channel: Submission['channel'];
  readonly region: Submission['region'];
  readonly year: number;
  readonly settlement: Submission['settlement'];
  readonly consent: Submission['consent'];
  readonly applicant: Omit<Applicant, 'contacts'>;
  readonly contacts: Applicant['contacts'];
  readonly familyMembers: Submission['familyMembers'];
  readonly documents: readonly JudgedDocument[];
  readonly documentPolicyVersion: string;
  /** SHA-256 of the submission: what the applicant signed. */
  readonly digest: string;
}

/** The reviewer's record, as ApplicationReviewed (v3) states it. */
export type ReviewDetails = Omit<DataOf<'ApplicationReviewed'>, 'applicationId' | 'quota' | 'persons'>;

/** What a refusal said beyond the columns of the list: its grounds' list version and its explanation. */
export type RefusalDetails = Pick<DataOf<'ApplicationRefused'>, 'grounds' | 'groundsListVersion' | 'explanation'>;

/** One person an application can be found by: the applicant (0) or a family member (1…). */
export interface SearchablePerson {
  readonly person: number;
  readonly iin: string | null;
  readonly nameKey: string;
}

export function submissionDetails({
  submission,
  digest,
  documentPolicyVersion,
  submittedAt,
}: Submitted): SubmissionDetails {
  const { contacts, ...applicant } = submission.applicant;
  return {
    channel: submission.channel,
    region: submission.region,
    year: submission.year,
    settlement: submission.settlement,
    consent: submission.consent,
    applicant,
    contacts,
    familyMembers: submission.familyMembers,
    documents: judgeDocuments(submission, submittedAt, DOCUMENT_POLICIES[documentPolicyVersion]),
    documentPolicyVersion,
    digest,
  };
}

export function reviewDetails(data: DataOf<'ApplicationReviewed'>): ReviewDetails {
  const { applicationId: _id, quota: _quota, persons: _persons, ...review } = data;
  return review;
}

export function refusalDetails({
  grounds,
  groundsListVersion,
  explanation,
}: DataOf<'ApplicationRefused'>): RefusalDetails {
  return { grounds, groundsListVersion, explanation };
}

/** The applicant (by the Cyrillic and the passport's Latin name) and each family member. */
export function searchablePersons(submission: Submission): SearchablePerson[] {
  const { applicant } = submission;
  return [
    { person: 0, iin: applicant.iin, nameKey: keyOf(applicant.name, applicant.nameLatin) },
    ...submission.familyMembers.map((member, index) => ({
      person: index + 1,
      iin: member.iin ?? null,
      nameKey: keyOf(member.name),
    })),
  ];
}

function keyOf(...names: Array<PersonName | undefined>): string {
  return names
    .filter((name): name is PersonName => name !== undefined)
    .map((name) => nameSearchKey([name.lastName, name.firstName, name.patronymic].filter(Boolean).join(' ')))
    .join(' ');
}
