import { type ApplicationCommand, type ApplicationSubmission } from '@domain/application';
import { personStreamId, personsOf } from '@domain/person';
import { complaintLawOf } from '@domain/review-process';
import { LAW_IN_FORCE, type LawInForce, type Untimed } from '@libs/workflow';
import { SagaHarness } from './support/saga-harness';
import { family, review, submitAndSign } from './support/scenario';

const PORTAL = { id: 'egov', role: 'portal' };
const SUPERVISOR = { id: 'supervisor-1', role: 'supervisor' };

/**
 * The persons of an application whose decision a complaint revoked (ADR 32, ADR 16): the application
 * is open again, so its persons are its own again, and nobody else's meanwhile.
 */
describe('review saga: the persons of a revoked decision', () => {
  let h: SagaHarness;
  beforeEach(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
  });
  afterEach(() => h.close());

  const at = async (instant: string, command: Untimed<ApplicationCommand>, actor = SUPERVISOR) => {
    h.clock.set(instant);
    await h.apply(command, actor);
    await h.settle();
  };
  const personStory = async (iin: string) =>
    (await h.events(personStreamId(iin))).map((e) => {
      const data = e.data as { applicationId: string; reason?: string };
      return [e.type, data.applicationId, data.reason].filter(Boolean);
    });
  const complain = (applicationId: string, instant: string, against: 'refusal' | 'inclusion-amounts') =>
    at(
      instant,
      {
        type: 'FileComplaint',
        applicationId,
        complaintId: 'c-1',
        against,
        text: 'The decision is wrong',
        law: complaintLawOf(h.app.get<LawInForce>(LAW_IN_FORCE).current()),
      },
      PORTAL,
    );
  const satisfy = (applicationId: string, instant: string, remedy: 'include' | 'return-to-review') =>
    at(instant, {
      type: 'SatisfyComplaint',
      applicationId,
      complaintId: 'c-1',
      remedy,
      reason: 'The complaint is right',
      supervisorId: 'supervisor-1',
    });

  async function refused(submission: ApplicationSubmission): Promise<string> {
    h.clock.set('2026-03-02T05:00:00.000Z');
    const id = await submitAndSign(h, submission);
    await h.settle();
    h.clock.set('2026-03-18T05:00:00.000Z');
    await review(h, id, 'not-eligible');
    await h.settle();
    await at('2026-03-20T13:30:00.001Z', { type: 'ConfirmRefusal', applicationId: id });
    return id;
  }

  it('a refusal revoked into an inclusion claims the persons again before they are included', async () => {
    const submission = family();
    const id = await refused(submission);
    await complain(id, '2026-03-23T05:00:00.000Z', 'refusal');
    await satisfy(id, '2026-03-24T05:00:00.000Z', 'include');
    expect((await h.typesOf(id)).slice(-4)).toEqual([
      'DecisionRevoked',
      'ApplicationIncluded',
      'SubsidyGranted',
      'SubsidyGranted',
    ]);
    for (const person of personsOf(submission))
      expect(await personStory(person.iin)).toEqual([
        ['PersonClaimed', id],
        ['PersonReleased', id, 'application-refused'],
        ['PersonClaimed', id],
        ['PersonIncluded', id],
      ]);
  });

  it('is refused while a person of the family is named on another open application meanwhile; taken once that one is withdrawn', async () => {
    const submission = family();
    const id = await refused(submission);
    await complain(id, '2026-03-23T05:00:00.000Z', 'refusal');
    // The refused family's spouse applies again, with another family, before the complaint is answered.
    const spouse = submission.familyMembers.find((m) => m.iin !== undefined)!;
    const other = await submitAndSign(
      h,
      family((s) => ({ ...s, familyMembers: [spouse, ...s.familyMembers.filter((m) => m !== s.familyMembers[0])] })),
    );
    await h.settle();
    const before = await h.typesOf(id);
    await expect(satisfy(id, '2026-03-24T05:00:00.000Z', 'include')).rejects.toMatchObject({
      code: 'PERSON.HAS_OPEN_APPLICATION',
      violations: [{ field: expect.stringMatching(/^familyMembers\[\d\]\.iin$/) }],
    });
    expect(await h.typesOf(id)).toEqual(before);
    // The claims this satisfaction took before meeting the spouse are given back: nobody holds them.
    for (const person of personsOf(submission).filter((p) => p.iin !== spouse.iin))
      expect((await personStory(person.iin)).at(-1)).toEqual(['PersonReleased', id, 'application-refused']);

    await at(
      '2026-03-24T06:00:00.000Z',
      { type: 'WithdrawApplication', applicationId: other, reason: 'Applied twice' },
      PORTAL,
    );
    await satisfy(id, '2026-03-24T07:00:00.000Z', 'include');
    expect((await h.typesOf(id)).at(-3)).toBe('ApplicationIncluded');
    expect((await personStory(spouse.iin!)).at(-1)).toEqual(['PersonIncluded', id]);
  });

  it('a revoked inclusion sent back to review keeps its persons claimed: no other application takes them meanwhile', async () => {
    const submission = family();
    h.clock.set('2026-03-02T05:00:00.000Z');
    const id = await submitAndSign(h, submission);
    await h.settle();
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
    await complain(id, '2026-03-11T05:00:00.000Z', 'inclusion-amounts');
    await satisfy(id, '2026-03-12T05:00:00.000Z', 'return-to-review');
    for (const person of personsOf(submission))
      expect((await personStory(person.iin)).slice(-2)).toEqual([
        ['PersonReleased', id, 'decision-revoked'],
        ['PersonClaimed', id],
      ]);
    await expect(
      submitAndSign(
        h,
        family((s) => ({ ...s, applicant: submission.applicant })),
      ),
    ).rejects.toMatchObject({
      code: 'PERSON.HAS_OPEN_APPLICATION',
    });
  });
});
