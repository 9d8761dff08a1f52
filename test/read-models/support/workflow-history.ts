import { ApplicationSubmission } from '@domain/application';
import { RecordedEvent } from '@libs/event-sourcing';
import { SagaHarness } from '../../saga/support/saga-harness';
import { family, knownFamily, review, submitAndSign, hearAndConfirm } from '../../saga/support/scenario';

export const akmola = (): ApplicationSubmission => family((s) => ({ ...s, region: 'akmola' }));

/** A resettler from Turkistan moving alone to Pavlodar. */
export const resettler = (): ApplicationSubmission =>
  family((s) => {
    const { kandasStatus: _, ...applicant } = s.applicant;
    return {
      ...s,
      familyMembers: [],
      applicant: {
        ...applicant,
        category: 'resettler',
        resettler: {
          originRegion: 'turkistan',
          permanentRegistrationSince: '2019-05-01',
          careerCentre: {
            name: 'Turkistan career centre',
            registrationNumber: 'CC-2026-0042',
            registeredOn: '2026-01-15',
          },
        },
      },
    };
  });

/** Something that follows the workflow while it runs (live read models), told after each step. */
export interface WorkflowObserver {
  start(h: SagaHarness): Promise<void>;
  step(h: SagaHarness): Promise<void>;
  stop(): Promise<void>;
}

export interface History {
  readonly events: RecordedEvent[];
  /** The events stored before the last step (the late decision), for incremental feeding. */
  readonly before: RecordedEvent[];
  readonly ids: Record<
    | 'included'
    | 'refused'
    | 'exhausted'
    | 'withdrawn'
    | 'breached'
    | 'reassigned'
    | 'atRisk'
    | 'unassignedBreached'
    | 'unassigned'
    | 'onTime'
    | 'late',
    string
  >;
}

/**
 * The whole workflow, run for real on SQLite files with a hand-moved clock (Pavlodar 2026: 5 kandas
 * seats and 100 resettler seats; Akmola 2026: 977 kandas seats), ending on 27 March 2026:
 *  - signed Mon 2 Mar (due Thu 26 Mar 13:30Z): included on 5 Mar (pavlodar, 3 seats + 2 subsidies);
 *    refused on 5 Mar (resettler, not eligible); refused on 5 Mar for want of seats (pavlodar, 3 asked,
 *    2 left); withdrawn on 5 Mar; under review by reviewer-1 and breached; signed, never picked up,
 *    breached; included late on 27 Mar (akmola, 2 subsidies).
 *  - signed Tue 3 Mar: reviewed by reviewer-2, reassigned to reviewer-1 (at risk); never picked up (akmola, at risk).
 *  - signed Wed 4 Mar: under review by reviewer-1 (at risk). Signed Thu 26 Mar: unassigned, on time (akmola).
 */
export async function runWorkflow(observer?: WorkflowObserver): Promise<History> {
  const h = await SagaHarness.start();
  const step = async () => observer?.step(h);
  try {
    await observer?.start(h);
    await h.openQuota('pavlodar', 2026, 'kandas', 5);
    await h.openQuota('pavlodar', 2026, 'resettler', 100);
    await h.openQuota('akmola', 2026, 'kandas', 977);
    const included = await submitAndSign(h, knownFamily());
    const refused = await submitAndSign(h, resettler());
    const exhausted = await submitAndSign(h);
    const withdrawn = await submitAndSign(h);
    const breached = await submitAndSign(h);
    const unassignedBreached = await submitAndSign(h);
    const late = await submitAndSign(h, akmola());
    await step();
    await h.advanceTo('2026-03-03T05:00:00.000Z');
    const reassigned = await submitAndSign(h);
    const unassigned = await submitAndSign(h, akmola());
    await h.advanceTo('2026-03-04T05:00:00.000Z');
    const atRisk = await submitAndSign(h);
    await h.apply({ type: 'StartReview', applicationId: atRisk, reviewerId: 'reviewer-1' });
    await step();
    await h.advanceTo('2026-03-05T05:00:00.000Z');
    await review(h, included, 'eligible', 'reviewer-1');
    await h.settle();
    await review(h, refused, 'not-eligible', 'reviewer-2');
    await review(h, exhausted, 'eligible', 'reviewer-2');
    // Both refusals are proposed; each applicant is heard and a supervisor confirms at once (ADR 32).
    await hearAndConfirm(h, refused);
    await hearAndConfirm(h, exhausted);
    await h.apply(
      { type: 'WithdrawApplication', applicationId: withdrawn, reason: 'The family stays' },
      { id: 'egov', role: 'portal' },
    );
    await h.apply({ type: 'StartReview', applicationId: breached, reviewerId: 'reviewer-1' });
    await h.apply({ type: 'StartReview', applicationId: reassigned, reviewerId: 'reviewer-2' });
    await h.advanceTo('2026-03-06T05:00:00.000Z');
    await h.apply({
      type: 'ReassignReview',
      applicationId: reassigned,
      toReviewerId: 'reviewer-1',
      reason: 'reviewer-2 is on leave',
    });
    await step();
    await h.advanceTo('2026-03-26T05:00:00.000Z');
    await step();
    const onTime = await submitAndSign(h, akmola());
    await h.advanceTo('2026-03-27T05:00:00.000Z');
    await h.settle();
    const before = await h.allEvents();
    await review(h, late, 'eligible', 'reviewer-3');
    await h.settle();
    await step();
    const events = await h.allEvents();
    return {
      events,
      before,
      ids: {
        included,
        refused,
        exhausted,
        withdrawn,
        breached,
        reassigned,
        atRisk,
        unassignedBreached,
        unassigned,
        onTime,
        late,
      },
    };
  } finally {
    await observer?.stop();
    await h.close();
  }
}
