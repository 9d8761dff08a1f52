import { randomUUID } from 'node:crypto';
import { ApplicationSubmission, applicationStreamId, DEFAULT_SIGNING_CODE_POLICY } from '@domain/application';
import { applicationDigest } from '@libs/workflow';
import { PAYMENT_TERMS_V1 } from '@domain/support';
import { kandasFamily, withFreshPersons } from '../../domain/application/fixtures';
import { SagaHarness } from './saga-harness';

/**
 * The test family's submission (3 persons, Pavlodar 2026, kandas) with persons of its own: a person
 * may be on one open application only (ADR 16), so every call names new IINs.
 */
export function family(change: (s: ApplicationSubmission) => ApplicationSubmission = (s) => s): ApplicationSubmission {
  const submission = withFreshPersons(kandasFamily());
  return change({ ...submission, consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' } });
}

/**
 * The fixture family itself (applicant APPLICANT_IIN), for the one application of a store whose
 * tests look for that IIN (masking, read-model rows).
 */
export function knownFamily(): ApplicationSubmission {
  return { ...kandasFamily(), consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' } };
}

/** Submits and signs (OTP) a new application at the harness clock's time; returns its id. */
export async function submitAndSign(h: SagaHarness, submission: ApplicationSubmission = family()): Promise<string> {
  const applicationId = randomUUID();
  await h.apply(
    {
      type: 'SubmitApplication',
      applicationId,
      submission,
      digest: applicationDigest(submission),
      regionHasQuota: true,
    },
    { id: 'egov', role: 'portal' },
  );
  const [submitted] = await h.events(applicationStreamId(applicationId));
  const digest = (submitted!.data as { digest: string }).digest;
  // The saga tests are about what follows the signature: the code is recorded under a made-up MAC
  // (the edge's HMAC is tested in test/signatures and test/e2e) and presented as typed.
  const code = { otpRequestId: 'otp-1', codeMac: 'm'.repeat(43) };
  await h.apply(
    {
      type: 'IssueSigningCode',
      applicationId,
      signerIin: submission.applicant.iin,
      ...code,
      policy: DEFAULT_SIGNING_CODE_POLICY,
    },
    { id: 'egov', role: 'portal' },
  );
  await h.apply(
    {
      type: 'SignApplication',
      applicationId,
      method: 'otp',
      signerIin: submission.applicant.iin,
      signedDigest: digest,
      code,
    },
    { id: 'egov', role: 'portal' },
  );
  return applicationId;
}

const ALL_ACCEPTED = [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true }));

/** A reviewer starts and records the review of an application. */
export async function review(
  h: SagaHarness,
  applicationId: string,
  verdict: 'eligible' | 'not-eligible',
  reviewerId = 'reviewer-1',
): Promise<void> {
  await h.apply({ type: 'StartReview', applicationId, reviewerId });
  const findings =
    verdict === 'eligible'
      ? ALL_ACCEPTED
      : ALL_ACCEPTED.map((f) =>
          f.documentIndex === 0 ? { ...f, accepted: false, note: 'passport copy unreadable' } : f,
        );
  await h.apply({
    type: 'RecordReview',
    applicationId,
    reviewerId,
    verdict,
    findings,
    grounds: verdict === 'eligible' ? [] : ['INVALID_OR_EXPIRED_DOCUMENTS'],
  });
}

/** The RefusalProposed of an application (ADR 32), the last one if several. */
export async function proposalOf(h: SagaHarness, applicationId: string) {
  const events = await h.events(applicationStreamId(applicationId));
  const proposed = events.filter((e) => e.type === 'RefusalProposed').at(-1);
  return proposed?.data as { hearing: { heldBy: string }; grounds: string[]; explanation: string } | undefined;
}

/**
 * The applicant was not heard: once the hearing's time ran out, a supervisor confirms the proposed
 * refusal (ADR 32). The clock moves just past the hearing's last instant, unless it is already later.
 */
export async function confirmAfterHearingWindow(h: SagaHarness, applicationId: string): Promise<void> {
  const proposal = await proposalOf(h, applicationId);
  if (!proposal) throw new Error(`No refusal is proposed for ${applicationId}`);
  const after = new Date(Date.parse(proposal.hearing.heldBy) + 1);
  if (h.clock.now() < after) await h.advanceTo(after.toISOString());
  await h.apply({ type: 'ConfirmRefusal', applicationId }, { id: 'supervisor-1', role: 'supervisor' });
  await h.settle();
}

/** The applicant heard at once and the refusal confirmed by a supervisor, at the clock's instant (ADR 32). */
export async function hearAndConfirm(h: SagaHarness, applicationId: string): Promise<void> {
  await h.settle();
  const heldAt = h.clock.now().toISOString();
  await h.apply(
    {
      type: 'RecordHearing',
      applicationId,
      heardBy: 'officer-1',
      heldAt,
      attendance: 'attended',
      statement: 'The applicant keeps to the application',
    },
    { id: 'officer-1', role: 'reviewer' },
  );
  await h.apply({ type: 'ConfirmRefusal', applicationId }, { id: 'supervisor-1', role: 'supervisor' });
  await h.settle();
}

/** The test family's account: the SWIFT registry's example of an IBAN of Kazakhstan. */
export const TEST_IBAN = 'KZ86125KZT5004100100';

/**
 * The included family arrives (ADR 33), as the portal records it — in Ekibastuz, registered at its
 * address, paid to the test account — and the saga lets everything it causes settle.
 */
export async function arrive(
  h: SagaHarness,
  applicationId: string,
  dates: { readonly arrivedOn: string; readonly registeredOn?: string },
  by: 'portal' | 'officer' = 'portal',
): Promise<void> {
  const { arrivedOn, registeredOn = arrivedOn } = dates;
  await h.apply(
    {
      type: 'RecordArrival',
      applicationId,
      settlement: { kind: 'town', name: 'Ekibastuz' },
      arrivedOn,
      registration: { address: 'Ekibastuz, Satpayev St 12', registeredOn },
      iban: TEST_IBAN,
      recordedBy: by,
      terms: PAYMENT_TERMS_V1,
    },
    by === 'portal' ? { id: 'egov', role: 'portal' } : { id: 'payments-1', role: 'payments' },
  );
  await h.settle();
}
