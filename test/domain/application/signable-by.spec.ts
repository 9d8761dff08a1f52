import { applicationDecider, signableBy, type ApplicationEvent } from '@domain/application';
import { APPLICANT_IIN, history, SPOUSE_IIN } from './fixtures';

const stateAfter = (events: readonly ApplicationEvent[]) =>
  events.reduce((state, event) => applicationDecider.evolve(state, event), applicationDecider.initialState());

/** Asked before a one-time code is sent: only the applicant, only a submitted application. */
describe('who may sign, and what', () => {
  it('the applicant may sign a submitted application', () => {
    expect(signableBy(stateAfter(history.submitted()), APPLICANT_IIN)).toMatchObject({ status: 'submitted' });
  });

  it('nobody else may, and nothing already signed, decided or withdrawn', () => {
    expect(() => signableBy(stateAfter(history.submitted()), SPOUSE_IIN)).toThrow(
      expect.objectContaining({ code: 'APPLICATION.SIGNER_NOT_APPLICANT' }),
    );
    expect(() => signableBy(stateAfter(history.signed()), APPLICANT_IIN)).toThrow(
      expect.objectContaining({ code: 'APPLICATION.ALREADY_SIGNED' }),
    );
  });
});
