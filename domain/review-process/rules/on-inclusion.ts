import type { ApplicationIncluded } from '../../application/events';
import { sendToApplication, sendToPersons, type Intent } from '../intents';
import type { ProcessContext } from '../process-policy';

/**
 * Inclusion unlocks state support: the relocation subsidy and the rent subsidy, each computed by
 * the Application with the MCI in force on the decision date, each granted once. Each person of
 * the application is recorded as included, so no other application can include them again.
 */
export function grantSubsidies(event: ApplicationIncluded, { policy }: ProcessContext): Intent[] {
  const { applicationId } = event.data;
  const grants = (['relocation', 'rent'] as const).map((kind) =>
    sendToApplication(`grant-${kind}-subsidy`, {
      type: 'GrantSubsidy',
      applicationId,
      kind,
      policy: policy.subsidyPolicy,
    }),
  );
  return [...grants, sendToPersons('record-inclusion-of-persons', { type: 'RecordInclusionOfPersons', applicationId })];
}
