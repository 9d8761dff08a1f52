import type { ApplicationPlan } from './families';
import { reviewBody } from './families';
import { performance } from 'node:perf_hooks';
import { uuidV5 } from '@libs/event-sourcing';
import { pause, type Answer, type Caller, type CrashClient } from './crash-client';

export const PORTAL: Caller = { role: 'portal', id: 'egov' };
export const ADMIN: Caller = { role: 'admin', id: 'admin-1' };
export const reviewerOf = (client: number): Caller => ({ role: 'reviewer', id: `reviewer-${client}` });
export const SUPERVISOR: Caller = { role: 'supervisor', id: 'supervisor-1' };

/** How long a journey waits for the process to propose the refusal its review asked for. */
const PROPOSAL_WAIT_MS = 30_000;

/** Bound on signing attempts: each one after the first follows an OTP expired by a clock move. */
const MAX_SIGN_ATTEMPTS = 6;

/** Where a journey got to: the application id once submitted. */
export interface Journey {
  readonly plan: ApplicationPlan;
  applicationId?: string;
  signed: boolean;
  reviewStarted: boolean;
  reviewed: boolean;
  /** A not-eligible one: the applicant heard and the refusal confirmed by a supervisor (ADR 32). */
  refusalConfirmed: boolean;
  /** Its complaint filed and answered as planned. */
  complaintAnswered: boolean;
  /** Included, then its family's arrival recorded: its support pays (ADR 33). */
  arrived: boolean;
  /** Signing attempts beyond the first: a new OTP was needed because the clock moved past the first's expiry. */
  extraSignAttempts: number;
}

export function newJourney(plan: ApplicationPlan): Journey {
  return {
    plan,
    signed: false,
    reviewStarted: false,
    reviewed: false,
    refusalConfirmed: false,
    complaintAnswered: false,
    arrived: false,
    extraSignAttempts: 0,
  };
}

function expectStatus(answer: Answer, expected: number, what: string): void {
  if (answer.status !== expected)
    throw new Error(
      `${what}: expected HTTP ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 600)}`,
    );
}

export async function openQuota(client: CrashClient, capacity: number): Promise<void> {
  const answer = await client.command(
    'open-quota',
    ADMIN,
    '/quotas/pavlodar/2026/kandas',
    { capacity, order: { number: '12-01/412', date: '2025-12-12' } },
    'crash-open-quota-pavlodar-2026',
  );
  expectStatus(answer, 200, 'open the quota');
}

/** Submits (the application id derives from the Idempotency-Key, so a retried submission is the same application). */
export async function submit(client: CrashClient, journey: Journey): Promise<void> {
  const { label, submission } = journey.plan;
  const answer = await client.command(`${label}:submit`, PORTAL, '/applications', submission, `${label}-submit`);
  expectStatus(answer, 201, `${label}: submit`);
  journey.applicationId = answer.body.applicationId;
}

/**
 * OTP, then sign with it. A sign whose try died in a crash (or met a 409 or a 503) is retried by the
 * client with the same key and code, and must succeed: the code is used only by the append that
 * signs (ADR 17), so a retry either finds its first try stored (already handled) or signs now.
 * Only an expiry can refuse it — the test moves the clock, and a retry decides at the instant it is
 * made — and then the applicant asks for a new code. Any other refusal fails the run.
 */
export async function sign(client: CrashClient, journey: Journey): Promise<void> {
  const { label, submission } = journey.plan;
  const id = journey.applicationId!;
  const signerIin = submission.applicant.iin;
  for (let attempt = 0; attempt < MAX_SIGN_ATTEMPTS; attempt++) {
    const otp = await client.call(PORTAL, 'POST', `/applications/${id}/otp`, { signerIin });
    if (otp.status === 422 && otp.body?.code === 'APPLICATION.ALREADY_SIGNED') {
      // An earlier attempt was stored though its answer was lost in a crash.
      journey.signed = true;
      return;
    }
    expectStatus(otp, 201, `${label}: request an OTP`);
    const signed = await client.command(
      `${label}:sign`,
      PORTAL,
      `/applications/${id}/sign`,
      { method: 'otp', signerIin, otpRequestId: otp.body.otpRequestId, code: otp.body.code },
      `${label}-sign-${attempt}`,
    );
    if (signed.status === 201) {
      journey.signed = true;
      return;
    }
    // Refused only if the test's clock has passed the code's expiry: then a new code is asked for.
    const expiredByTheClock =
      signed.status === 422 &&
      signed.body?.code === 'APPLICATION.OTP_EXPIRED' &&
      Date.parse(client.clockNow()) >= Date.parse(otp.body.expiresAt);
    if (!expiredByTheClock) expectStatus(signed, 201, `${label}: sign`);
    journey.extraSignAttempts += 1;
  }
  throw new Error(`${label}: could not sign in ${MAX_SIGN_ATTEMPTS} attempts`);
}

export async function startReview(client: CrashClient, journey: Journey): Promise<void> {
  const { label, client: clientIndex } = journey.plan;
  const answer = await client.command(
    `${label}:start-review`,
    reviewerOf(clientIndex),
    `/applications/${journey.applicationId}/review/start`,
    {},
    `${label}-start-review`,
  );
  expectStatus(answer, 200, `${label}: start the review`);
  journey.reviewStarted = true;
}

export async function recordReview(
  client: CrashClient,
  journey: Journey,
  verdict: 'eligible' | 'not-eligible',
): Promise<void> {
  const { label, client: clientIndex } = journey.plan;
  const answer = await client.command(
    `${label}:review`,
    reviewerOf(clientIndex),
    `/applications/${journey.applicationId}/review`,
    reviewBody(verdict),
    `${label}-review`,
  );
  expectStatus(answer, 200, `${label}: record the review`);
  journey.reviewed = true;
}

/**
 * A not-eligible review makes the process propose the refusal (ADR 32); the applicant is heard and a
 * supervisor confirms it, each a command retried across crashes with its key. Until the process has
 * proposed it, the hearing is refused with NO_REFUSAL_PROPOSED: asked again, under a new key, a few
 * milliseconds later (the server works in real time; its clock stands still here).
 */
export async function hearAndConfirm(client: CrashClient, journey: Journey): Promise<void> {
  const { label, client: clientIndex } = journey.plan;
  const id = journey.applicationId!;
  const giveUpAt = performance.now() + PROPOSAL_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    const heard = await client.command(
      `${label}:hearing`,
      reviewerOf(clientIndex),
      `/applications/${id}/hearing`,
      { heldAt: client.clockNow(), attendance: 'attended', statement: 'The applicant keeps to the application' },
      `${label}-hearing-${attempt}`,
    );
    if (heard.status === 200) break;
    const notYet = heard.status === 422 && heard.body?.code === 'APPLICATION.NO_REFUSAL_PROPOSED';
    if (!notYet || performance.now() > giveUpAt) expectStatus(heard, 200, `${label}: record the hearing`);
    await pause(20);
  }
  const confirmed = await client.command(
    `${label}:confirm-refusal`,
    SUPERVISOR,
    `/applications/${id}/refusal/confirm`,
    {},
    `${label}-confirm-refusal`,
  );
  expectStatus(confirmed, 200, `${label}: confirm the refusal`);
  journey.refusalConfirmed = true;
}

/** Any UUID will do for the namespace of the test's complaint ids; this one is the crash test's. */
const COMPLAINT_IDS = '6f1e2c3a-8d4b-5e7f-9a0b-1c2d3e4f5a6b';

/** The complaint's id from the journey's label: a retried filing names the same complaint. */
export const complaintIdOf = (journey: Journey): string => uuidV5(`${journey.plan.label}-complaint`, COMPLAINT_IDS);

/**
 * The refused applicant complains (portal) and a supervisor answers at once, each a command retried
 * across crashes with its key: satisfied, the refusal is revoked and the family included — or
 * refused anew if the quota filled meanwhile; rejected, the refusal stands.
 */
export async function complainAndAnswer(client: CrashClient, journey: Journey): Promise<void> {
  const { label, complaint } = journey.plan;
  if (complaint === null) return;
  const id = journey.applicationId!;
  const complaintId = complaintIdOf(journey);
  const filed = await client.command(
    `${label}:complain`,
    PORTAL,
    `/portal/applications/${id}/complaints`,
    { complaintId, against: 'refusal', text: 'The passport copy was valid on the day I applied' },
    `${label}-complaint`,
  );
  expectStatus(filed, 200, `${label}: file the complaint`);
  const answered =
    complaint === 'satisfy'
      ? await client.command(
          `${label}:satisfy-complaint`,
          SUPERVISOR,
          `/applications/${id}/complaints/${complaintId}/satisfy`,
          { remedy: 'include', reason: 'The passport copy was valid: the ground falls' },
          `${label}-complaint-answer`,
        )
      : await client.command(
          `${label}:reject-complaint`,
          SUPERVISOR,
          `/applications/${id}/complaints/${complaintId}/reject`,
          { reasons: 'The passport copy had expired on the day of submission' },
          `${label}-complaint-answer`,
        );
  expectStatus(answered, 200, `${label}: ${complaint} the complaint`);
  journey.complaintAnswered = true;
}

/**
 * The first part of an application's life, as far as its plan goes before the clock moves: submit
 * and sign; eligible and not-eligible ones are reviewed at once (the not-eligible heard, refused,
 * then complaining); abandoned ones may be taken for
 * review and are then left; late ones wait (see `reviewLate`).
 */
export async function runJourney(client: CrashClient, journey: Journey): Promise<void> {
  await submit(client, journey);
  await sign(client, journey);
  const { plan, startReview: takeIt } = journey.plan;
  if (plan === 'late') return;
  if (plan === 'abandoned') {
    if (takeIt) await startReview(client, journey);
    return;
  }
  await startReview(client, journey);
  await recordReview(client, journey, plan);
  if (plan !== 'not-eligible') return;
  await hearAndConfirm(client, journey);
  await complainAndAnswer(client, journey);
}

/** A late application: reviewed (eligible) once the clock has passed its at-risk point. */
export async function reviewLate(client: CrashClient, journey: Journey): Promise<void> {
  await startReview(client, journey);
  await recordReview(client, journey, 'eligible');
}

/** An IBAN of Kazakhstan (the SWIFT registry's example): every crash-test family is paid to it. */
export const CRASH_IBAN = 'KZ86125KZT5004100100';

/**
 * The family of an included application arrives (portal, ADR 33), retried across crashes with its
 * key. Right after the inclusion its subsidies may still be being granted: asked again, under a new
 * key, a few milliseconds later, as the hearing is.
 */
export async function arrive(client: CrashClient, journey: Journey, on: string): Promise<void> {
  const { label } = journey.plan;
  const giveUpAt = performance.now() + PROPOSAL_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    const answer = await client.command(
      `${label}:arrive`,
      PORTAL,
      `/portal/applications/${journey.applicationId}/arrival`,
      {
        settlement: { kind: 'town', name: 'Ekibastuz' },
        arrivedOn: on,
        registration: { address: `Ekibastuz, house ${journey.plan.client}`, registeredOn: on },
        iban: CRASH_IBAN,
      },
      `${label}-arrive-${attempt}`,
    );
    if (answer.status === 200) break;
    const notYet = answer.status === 422 && answer.body?.code === 'APPLICATION.SUBSIDIES_PENDING';
    if (!notYet || performance.now() > giveUpAt) expectStatus(answer, 200, `${label}: record the arrival`);
    await pause(20);
  }
  journey.arrived = true;
}
