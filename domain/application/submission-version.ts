import type { ApplicationSubmission } from './submission';

/**
 * The shapes a submission has been signed in. The digest an applicant signs is computed over the
 * submission's canonical JSON, keys included, so the keys of a signed submission are part of what
 * was signed: an old submission is read in today's vocabulary, and signed over its old keys.
 *
 * - 1: the region and the year were `receivingRegion` and `quotaYear` (before ADR 20);
 * - 2: `region` and `year`, as every request, answer and event calls them.
 */
export type SubmissionVersion = 1 | 2;

export const CURRENT_SUBMISSION_VERSION: SubmissionVersion = 2;

/** A submission as version 1 wrote it: `receivingRegion` and `quotaYear` for `region` and `year`. */
export type SubmissionV1 = Omit<ApplicationSubmission, 'region' | 'year'> & {
  readonly receivingRegion: ApplicationSubmission['region'];
  readonly quotaYear: number;
};

/** Reads a version-1 submission in today's vocabulary; every other field is kept as it was. */
export function submissionFromV1(stored: SubmissionV1): ApplicationSubmission {
  const { receivingRegion, quotaYear, ...rest } = stored;
  return { ...rest, region: receivingRegion, year: quotaYear };
}

/**
 * The content whose canonical JSON the applicant signed, in the shape it was signed in: what a
 * digest is recomputed over to check it (`applicationDigest`, libs/workflow).
 */
export function signedContentOf(submission: ApplicationSubmission, version: SubmissionVersion): object {
  if (version === CURRENT_SUBMISSION_VERSION) return submission;
  const { region, year, ...rest } = submission;
  return { ...rest, receivingRegion: region, quotaYear: year };
}
