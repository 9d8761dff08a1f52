import { deciderSpecification } from '@libs/testing';
import { regionalQuotaDecider } from '@domain/quota';
import { capacitySet, reservationDeclined, reserve, seatsReserved } from './quota-fixtures';

const spec = deciderSpecification(regionalQuotaDecider);

describe('RegionalQuota: a question asked again after a reopened review or a revoked decision (ADR 32)', () => {
  it('a first answer stands when the same question comes again', () => {
    spec
      .given([capacitySet(10), reservationDeclined('app-1', 4, 3)])
      .when(reserve('app-1', 4))
      .thenNothingHappened();
  });

  it('asked again after a revoked decision, it is answered anew: reserved when seats were freed meanwhile', () => {
    spec
      .given([capacitySet(10), reservationDeclined('app-1', 4, 0), seatsReserved('app-2', 6, 6, 10)])
      .when({ ...reserve('app-1', 4), askedAfter: 'revoked-decision' })
      .then([seatsReserved('app-1', 4, 10, 10)]);
  });

  it('declined anew says it was asked again, so the process knows the applicant was already heard', () => {
    const declined = reservationDeclined('app-1', 4, 3);
    spec
      .given([capacitySet(10), seatsReserved('app-2', 7, 7, 10)])
      .when({ ...reserve('app-1', 4), askedAfter: 'reopened-review' })
      .then([{ ...declined, data: { ...declined.data, askedAfter: 'reopened-review' } }]);
  });

  it('refuses an unknown reason for asking again', () => {
    spec
      .given([capacitySet(10)])
      .when({ ...reserve('app-1', 4), askedAfter: 'because' as never })
      .thenThrows({ code: 'QUOTA.INVALID_COMMAND' });
  });
});
