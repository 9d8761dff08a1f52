import { Folds } from '../fold';
import type { ApplicationSubmission } from '../submission';
import { CURRENT_SUBMISSION_VERSION } from '../submission-version';
import type { DocumentPolicy } from '../documents';
import { DEFAULT_DOCUMENT_POLICY } from '../documents';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ApplicationSubmitted } from '../events';
import { ApplicationState } from '../state';
import { validateSubmission } from '../validate-submission';
import type { TimedCommand } from './timed-command';

export interface SubmitApplication extends TimedCommand {
  readonly type: 'SubmitApplication';
  readonly submission: ApplicationSubmission;
  /**
   * SHA-256 (lower-case hex) of the canonical JSON of `submission` (today's shape, version 2): the digest the applicant will
   * sign. Computed by the caller, since the domain does no cryptography; recorded as given.
   */
  readonly digest: string;
  /** Whether the year's order gives the region a quota for the applicant's category (looked up by the handler). */
  readonly regionHasQuota: boolean;
  readonly documentPolicy?: DocumentPolicy;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Only the shape can be checked here: that it is the submission's digest is the caller's to compute. */
function requireDigestShape(digest: string): void {
  if (SHA256_HEX.test(digest)) return;
  throw new ApplicationError(ApplicationErrorCode.InvalidCommand, 'The submission digest is missing or malformed', [
    { field: 'digest', reason: 'must be a SHA-256 digest in lower-case hex' },
  ]);
}

export function submit(command: SubmitApplication, state: ApplicationState): ApplicationSubmitted[] {
  if (state.status !== 'none')
    throw new ApplicationError(
      ApplicationErrorCode.AlreadySubmitted,
      `Application ${command.applicationId} was already submitted`,
    );
  requireDigestShape(command.digest);
  const policy = command.documentPolicy ?? DEFAULT_DOCUMENT_POLICY;
  validateSubmission(command.submission, command.at, policy).throwIfAny(
    (violations) =>
      new ApplicationError(
        ApplicationErrorCode.InvalidSubmission,
        'The application is incomplete or invalid',
        violations,
      ),
  );
  if (!command.regionHasQuota) {
    const { region, year, applicant } = command.submission;
    throw new ApplicationError(
      ApplicationErrorCode.RegionHasNoQuota,
      `${region} has no ${applicant.category} quota in ${year}`,
      [{ field: 'region', reason: `receives no ${applicant.category} quota in ${year}` }],
    );
  }
  return [
    {
      type: 'ApplicationSubmitted',
      data: {
        applicationId: command.applicationId,
        submission: command.submission,
        digest: command.digest,
        submissionVersion: CURRENT_SUBMISSION_VERSION,
        documentPolicyVersion: policy.version,
        submittedAt: command.at,
      },
    },
  ];
}

export const submitFolds: Folds<'ApplicationSubmitted'> = {
  ApplicationSubmitted: (_, { data: { applicationId, submission, digest, submittedAt } }) => ({
    status: 'submitted',
    applicationId,
    submission,
    digest,
    submittedAt,
  }),
};
