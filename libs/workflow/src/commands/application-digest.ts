import { createHash } from 'node:crypto';
import { CURRENT_SUBMISSION_VERSION, signedContentOf } from '@domain/application';
import type { ApplicationSubmission, SubmissionVersion } from '@domain/application';
import { canonicalJson } from '@domain/shared/canonical-json';

/**
 * The digest the applicant signs: SHA-256 of the canonical JSON of the submitted content, as
 * lower-case hex. Computed here, at the edge, because the domain may not import node:crypto: a
 * SubmitApplication command carries it in, as commands carry the time. Every place that builds
 * that command (HTTP, the CLI seed, tests, benchmarks) calls this one function, so the bytes hashed
 * stay those of the events already stored.
 *
 * The keys are part of what is signed. A submission stored before ADR 20 is read as `region` and
 * `year`, but was signed as `receivingRegion` and `quotaYear`: given its `submissionVersion`, the
 * digest is recomputed over that shape, and equals the one recorded and signed.
 */
export function applicationDigest(
  submission: ApplicationSubmission,
  submissionVersion: SubmissionVersion = CURRENT_SUBMISSION_VERSION,
): string {
  return createHash('sha256')
    .update(canonicalJson(signedContentOf(submission, submissionVersion)), 'utf8')
    .digest('hex');
}
