import { canonicalJson } from '../../shared/canonical-json';
import { sha256Hex } from '../../shared/sha256';
import { SubmitApplication } from '../commands';
import { DEFAULT_DOCUMENT_POLICY } from '../documents';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { ApplicationSubmitted } from '../events';
import { ApplicationState } from '../state';
import { ApplicationSubmission } from '../submission';
import { validateSubmission } from '../validate-submission';

/** The digest the applicant signs: SHA-256 of the canonical JSON of the submitted content. */
export function applicationDigest(submission: ApplicationSubmission): string {
  return sha256Hex(canonicalJson(submission));
}

export function submit(command: SubmitApplication, state: ApplicationState): ApplicationSubmitted[] {
  if (state.status !== 'none') throw new ApplicationError(ApplicationErrorCode.AlreadySubmitted, `Application ${command.applicationId} was already submitted`);
  const policy = command.documentPolicy ?? DEFAULT_DOCUMENT_POLICY;
  validateSubmission(command.submission, command.at, policy).throwIfAny(
    (violations) => new ApplicationError(ApplicationErrorCode.InvalidSubmission, 'The application is incomplete or invalid', violations),
  );
  if (!command.receivingRegionHasQuota) {
    const { receivingRegion, quotaYear, applicant } = command.submission;
    throw new ApplicationError(ApplicationErrorCode.RegionHasNoQuota, `${receivingRegion} has no ${applicant.category} quota in ${quotaYear}`, [
      { field: 'receivingRegion', reason: `receives no ${applicant.category} quota in ${quotaYear}` },
    ]);
  }
  return [
    {
      type: 'ApplicationSubmitted',
      data: {
        applicationId: command.applicationId,
        submission: command.submission,
        digest: applicationDigest(command.submission),
        documentPolicyVersion: policy.version,
        submittedAt: command.at,
      },
    },
  ];
}
