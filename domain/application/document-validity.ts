import { CalendarDate, Instant, localDateOf } from '../shared/calendar-date';
import { DEFAULT_DOCUMENT_POLICY, DocumentKind, DocumentPolicy } from './documents';
import { AttachedDocument, ApplicationSubmission } from './submission';
import { requiredKinds } from './validate-documents';

/**
 * How a document stood on the day of submission, as `validateDocuments` judges it: attached and in
 * force (`valid`), attached but past its expiry date (`expired`), or required and not attached
 * (`missing`). The submission refuses the last two, so an accepted application shows them only when
 * the policy it was judged by is not the one it was submitted under.
 */
export type DocumentValidity = 'valid' | 'expired' | 'missing';

export interface JudgedDocument {
  /** Its place in the submission, which a review's findings point at; null for a missing one. */
  readonly index: number | null;
  readonly kind: DocumentKind;
  readonly issuedOn: CalendarDate | null;
  readonly expiresOn: CalendarDate | null;
  readonly fileRef: string | null;
  readonly sha256: string | null;
  readonly validity: DocumentValidity;
}

/** The document policies by version, so a submission is judged by the one it recorded. */
export const DOCUMENT_POLICIES: Readonly<Record<string, DocumentPolicy>> = {
  [DEFAULT_DOCUMENT_POLICY.version]: DEFAULT_DOCUMENT_POLICY,
};

/**
 * Each attached document with its validity on the day of submission (Asia/Almaty), then each kind
 * the policy required that is not attached. An unknown policy version judges expiry only: what was
 * required under it cannot be said.
 */
export function judgeDocuments(
  submission: Pick<ApplicationSubmission, 'documents' | 'applicant'>,
  submittedAt: Instant,
  policy: DocumentPolicy | undefined,
): JudgedDocument[] {
  const today = localDateOf(submittedAt);
  const attached = submission.documents.map((doc, index) => judged(doc, index, today));
  const kinds = policy ? requiredKinds(submission, today, policy) : [];
  const missing = [...new Set(kinds)]
    .filter((kind) => !submission.documents.some((doc) => doc.kind === kind))
    .map((kind): JudgedDocument => ({
      index: null,
      kind,
      issuedOn: null,
      expiresOn: null,
      fileRef: null,
      sha256: null,
      validity: 'missing',
    }));
  return [...attached, ...missing];
}

function judged(doc: AttachedDocument, index: number, today: CalendarDate): JudgedDocument {
  return {
    index,
    kind: doc.kind,
    issuedOn: doc.issuedOn ?? null,
    expiresOn: doc.expiresOn ?? null,
    fileRef: doc.fileRef,
    sha256: doc.sha256,
    validity: doc.expiresOn !== undefined && doc.expiresOn < today ? 'expired' : 'valid',
  };
}
