import { applicationDecider, ApplicationEvent, ApplicationState } from '@domain/application';
import { history } from './fixtures';

const fold = (events: ApplicationEvent[]): ApplicationState =>
  events.reduce(applicationDecider.evolve, applicationDecider.initialState());

describe('Application state, folded from its history', () => {
  it('moves through the lifecycle: submitted, signed, under review, reviewed, included', () => {
    expect(fold(history.submitted()).status).toBe('submitted');
    expect(fold(history.signed()).status).toBe('signed');
    expect(fold(history.underReview()).status).toBe('under-review');
    expect(fold(history.reviewed()).status).toBe('reviewed');
    expect(fold(history.included())).toMatchObject({
      status: 'included',
      persons: 3,
      decisionDate: '2026-03-10',
      subsidies: {},
    });
    expect(fold(history.refused())).toMatchObject({ status: 'refused', grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'] });
    expect(fold(history.withdrawn())).toMatchObject({ status: 'withdrawn', withdrawnFrom: 'signed' });
  });

  it('keeps the SLA facts beside the status', () => {
    expect(fold(history.breached())).toMatchObject({
      status: 'under-review',
      sla: { atRisk: true, breached: true, escalated: false, deadline: { dueOn: '2026-03-23' } },
    });
  });

  it('fails loudly on a history that cannot have happened, instead of guessing', () => {
    const [submitted, signed] = history.signed();
    expect(() => fold([signed!])).toThrow(/inconsistent/);
    expect(() => fold([submitted!, signed!, signed!])).toThrow(/inconsistent/);
  });

  it('gives the same state for the same history (replay is deterministic)', () => {
    expect(fold(history.included())).toEqual(fold(history.included()));
  });
});
