import { randomUUID } from 'node:crypto';
import type { ApplicationSubmission } from '@domain/application';
import { applicationDigest } from '@libs/workflow';
import { runCommand } from '../../apps/cli/src/run-command';
import { SagaHarness } from '../saga/support/saga-harness';
import { family, submitAndSign } from '../saga/support/scenario';

const cli = async (h: SagaHarness, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCommand(h.app, argv, (line) => lines.push(line));
  return { code, lines };
};

/** An application stored before one person could hold one application only: no claim was taken. */
async function legacySubmission(h: SagaHarness, submission: ApplicationSubmission): Promise<string> {
  const applicationId = randomUUID();
  const at = h.clock.now().toISOString();
  await h.store.append(
    `application-${applicationId}`,
    [
      {
        eventId: randomUUID(),
        type: 'ApplicationSubmitted',
        schemaVersion: 1,
        data: {
          applicationId,
          submission,
          digest: applicationDigest(submission),
          documentPolicyVersion: '2026.1',
          submittedAt: at,
        },
        metadata: {
          correlationId: applicationId,
          causationId: applicationId,
          commandId: applicationId,
          actor: { id: 'egov', role: 'portal' },
          occurredAt: at,
        },
      },
    ],
    { expectedRevision: 'no-stream' },
  );
  return applicationId;
}

describe('report duplicate-persons: persons already on more than one open or included application (ADR 16)', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  it('says so, exit code 0, when every person is on one application', async () => {
    await submitAndSign(h);
    await submitAndSign(h);
    expect(await cli(h, 'report', 'duplicate-persons')).toEqual({
      code: 0,
      lines: ['No person is on more than one application.'],
    });
  });

  it('lists a person on two applications stored before the rule — applicant of one, spouse on the other — with masked IIN, exit code 1', async () => {
    const first = family();
    const iin = first.applicant.iin;
    const second = family((s) => ({
      ...s,
      familyMembers: s.familyMembers.map((m, i) => (i === 0 ? { ...m, iin } : m)),
    }));
    const a = await legacySubmission(h, first);
    const b = await legacySubmission(h, second);
    const { code, lines } = await cli(h, 'report', 'duplicate-persons');
    expect(code).toBe(1);
    expect(lines[0]).toBe('1 person(s) on more than one application:');
    expect(lines[1]).toBe(`**********${iin.slice(10)}`);
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(new RegExp(`^  ${a}  open +applicant +applicant\\.iin  submitted `)),
      expect.stringMatching(new RegExp(`^  ${b}  open +family-member +familyMembers\\[0\\]\\.iin  submitted `)),
    ]);
    expect(lines.join('\n')).not.toContain(iin);
  });

  it('leaves out a person whose other application was withdrawn, unless --all', async () => {
    const first = family();
    const iin = first.applicant.iin;
    const a = await legacySubmission(h, first);
    await h.apply(
      { type: 'WithdrawApplication', applicationId: a, reason: 'The family stays' },
      { id: 'egov', role: 'portal' },
    );
    await legacySubmission(
      h,
      family((s) => ({ ...s, applicant: { ...s.applicant, iin } })),
    );
    expect((await cli(h, 'report', 'duplicate-persons')).code).toBe(0);
    const all = await cli(h, 'report', 'duplicate-persons', '--all');
    expect(all.code).toBe(1);
    expect(all.lines.join('\n')).toContain(`${a}  withdrawn`);
  });
});
