import type { ApplicationCommand, ApplicationSubmission } from '@domain/application';
import { APPLICANT_IIN, kandasFamily, withFreshPersons } from '../../domain/application/fixtures';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { ApplicationCommandMessage, type Untimed } from '@libs/workflow';
import { E2eApp } from './e2e-app';
import { eventsOfType } from './problems';

/** The test family's submission (3 persons, Pavlodar 2026, kandas), as the portal sends it. */
export function submissionBody(
  change: (s: ApplicationSubmission) => ApplicationSubmission = (s) => s,
): ApplicationSubmission {
  return change({ ...kandasFamily(), consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' } });
}

/**
 * The same family with persons no other application of this test process names: a person may be on
 * one open application only (ADR 16), so each application a test submits has its own.
 */
export function freshSubmissionBody(
  change: (s: ApplicationSubmission) => ApplicationSubmission = (s) => s,
): ApplicationSubmission {
  return change(withFreshPersons(submissionBody()));
}

export { APPLICANT_IIN };

export async function openQuota(
  e: E2eApp,
  capacity = 977,
  region = 'pavlodar',
  year = 2026,
  category = 'kandas',
): Promise<void> {
  await e
    .as('admin')
    .post(`/quotas/${region}/${year}/${category}`, { capacity, order: { number: '12-01/412', date: '2025-12-12' } })
    .expect(200);
}

/** Submits and signs with an OTP, as the portal does (a new family unless told); returns the application id. */
export async function submitAndSign(e: E2eApp, body: ApplicationSubmission = freshSubmissionBody()): Promise<string> {
  const portal = e.as('portal', 'egov');
  const submitted = await portal.post('/applications', body).expect(201);
  const id = submitted.body.applicationId as string;
  const signerIin = body.applicant.iin;
  const otp = await portal.post(`/applications/${id}/otp`, { signerIin }).expect(201);
  await portal
    .post(`/applications/${id}/sign`, {
      method: 'otp',
      signerIin,
      otpRequestId: otp.body.otpRequestId,
      code: otp.body.code,
    })
    .expect(201);
  return id;
}

export const ALL_ACCEPTED = [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true }));

export async function reviewEligible(e: E2eApp, id: string, reviewer = 'reviewer-1'): Promise<{ position: string }> {
  await e.as('reviewer', reviewer).post(`/applications/${id}/review/start`).expect(200);
  const recorded = await e
    .as('reviewer', reviewer)
    .post(`/applications/${id}/review`, { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] })
    .expect(200);
  return recorded.body;
}

/**
 * A proposed refusal made final (ADR 32): an officer records the hearing at once (the applicant came
 * and kept to the application), and a supervisor confirms — at the same instant, so the decision's
 * date and timeliness are those of the review. With `afterHearingWindow`, nobody is heard and the
 * clock moves just past the hearing's last instant first. Issue 20's first part has no HTTP
 * endpoint for these yet (its second part adds them): the commands go through the service's
 * CommandBus, as the endpoints will send them.
 */
export async function confirmRefusal(
  e: E2eApp,
  id: string,
  { afterHearingWindow = false, supervisorId = 'supervisor-1' } = {},
): Promise<void> {
  await e.settle();
  const proposals = await eventsOfType(e, 'RefusalProposed', `application-${id}`);
  const proposal = proposals.at(-1)?.data as { hearing: { heldBy: string } } | undefined;
  if (!proposal) throw new Error(`No refusal is proposed for ${id}`);
  if (afterHearingWindow) {
    const after = new Date(Date.parse(proposal.hearing.heldBy) + 1);
    if (e.clock.now() < after) await e.advanceTo(after.toISOString());
  } else {
    const heldAt = e.clock.now().toISOString();
    const hearing = { type: 'RecordHearing', applicationId: id, heardBy: 'officer-1', heldAt } as const;
    const statement = 'The applicant keeps to the application';
    await send(e, { ...hearing, attendance: 'attended', statement }, { id: 'officer-1', role: 'reviewer' });
  }
  await send(e, { type: 'ConfirmRefusal', applicationId: id }, { id: supervisorId, role: 'supervisor' });
  await e.settle();
}

async function send(e: E2eApp, command: Untimed<ApplicationCommand>, actor: { id: string; role: string }) {
  const commandId = randomUUID();
  const context = { commandId, correlationId: commandId, causationId: commandId, actor, now: e.clock.now() };
  await e.app.get(CommandBus).execute(new ApplicationCommandMessage(command, context));
}
