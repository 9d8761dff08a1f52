import { react, type ProcessContext, type WorkflowEvent } from '@domain/review-process';
import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { officerExplanation, processExplanation } from '@domain/review-process';
import { APPLICATION_ID as id, QUOTA, SUBMITTED_AT } from '../application/fixtures';

const context: ProcessContext = {
  policy: {
    calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS),
    slaPolicy: DEFAULT_SLA_POLICY,
    subsidyPolicy: {},
  },
  now: new Date('2026-03-10T06:00:00.000Z'),
};

/** The explanation and grounds of the refusal the process proposes (or makes) on this event. */
function refusalOn(event: WorkflowEvent): { explanation: string; grounds: readonly string[] } {
  const [intent] = react(event, context);
  const command = (intent as { command?: { explanation?: string; grounds?: readonly string[] } }).command;
  if (!command?.explanation || !command.grounds) throw new Error(`No refusal on ${event.type}`);
  return { explanation: command.explanation, grounds: command.grounds };
}

const reviewed = (extra: object): WorkflowEvent => ({
  type: 'ApplicationReviewed',
  data: {
    applicationId: id,
    quota: QUOTA,
    persons: 3,
    reviewerId: 'reviewer-1',
    verdict: 'not-eligible',
    groundsListVersion: '1',
    reviewedAt: SUBMITTED_AT,
    findings: [],
    grounds: ['INCOMPLETE_DOCUMENTS', 'INVALID_OR_EXPIRED_DOCUMENTS'],
    ...extra,
  },
});

const declined = (extra: { remaining: number; reason: 'QUOTA_EXHAUSTED' | 'QUOTA_NOT_SET' }): WorkflowEvent =>
  ({
    type: 'SeatReservationDeclined',
    data: { ...QUOTA, applicationId: id, persons: 3, capacity: 977, declinedAt: SUBMITTED_AT, ...extra },
  }) as WorkflowEvent;

/**
 * The readers say the review process's own English explanations in the officer's language (issue
 * 20): it must recognise exactly what the domain writes — these feed it the domain's own words, so a
 * change of wording there fails here — and never take an officer's words for them.
 */
describe('the process’s own explanation of a refusal, recognised by the console', () => {
  it('a review with neither comment nor rejected document: only the grounds', () => {
    const { explanation, grounds } = refusalOn(reviewed({}));
    expect(processExplanation(explanation, grounds)).toEqual({ kind: 'grounds-only' });
  });

  it('a full quota: its category, region, year and figures', () => {
    const { explanation, grounds } = refusalOn(declined({ remaining: 2, reason: 'QUOTA_EXHAUSTED' }));
    expect(processExplanation(explanation, grounds)).toEqual({
      kind: 'quota-full',
      quota: { category: 'kandas', region: 'pavlodar', year: '2026' },
      remaining: 2,
      persons: 3,
    });
  });

  it('a quota not set: its category, region and year', () => {
    const { explanation, grounds } = refusalOn(declined({ remaining: 0, reason: 'QUOTA_NOT_SET' }));
    expect(processExplanation(explanation, grounds)).toEqual({
      kind: 'quota-not-set',
      quota: { category: 'kandas', region: 'pavlodar', year: '2026' },
    });
  });

  it('the reviewer’s comment, or other grounds than those recorded, are an officer’s words', () => {
    const { explanation, grounds } = refusalOn(reviewed({ comment: 'Нет справки о составе семьи' }));
    expect(explanation).toContain('Нет справки о составе семьи');
    expect(processExplanation(explanation, grounds)).toBeNull();
    expect(processExplanation('Refused on OTHER', ['INCOMPLETE_DOCUMENTS'])).toBeNull();
    expect(processExplanation('Refused on', ['INCOMPLETE_DOCUMENTS'])).toBeNull();
  });

  it('an officer’s words are kept for the applicant; the process’s own are not', () => {
    const officer = refusalOn(reviewed({ comment: 'Нет справки о составе семьи' }));
    expect(officerExplanation(officer.explanation, officer.grounds)).toBe(officer.explanation);
    const generated = refusalOn(declined({ remaining: 2, reason: 'QUOTA_EXHAUSTED' }));
    expect(officerExplanation(generated.explanation, generated.grounds)).toBeNull();
  });
});
