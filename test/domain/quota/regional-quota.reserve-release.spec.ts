import { deciderSpecification } from '@libs/testing';
import { regionalQuotaDecider } from '@domain/quota';
import { capacitySet, release, reservationDeclined, reserve, seatsReleased, seatsReserved } from './quota-fixtures';

const spec = deciderSpecification(regionalQuotaDecider);

describe('RegionalQuota: an application reserves seats for the applicant and the family', () => {
  it('reserves the seats when they fit', () => {
    spec
      .given([capacitySet(10)])
      .when(reserve('app-1', 4))
      .then([seatsReserved('app-1', 4, 4, 10)]);
  });

  it('reserves exactly the last seats', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 6, 6, 10)])
      .when(reserve('app-2', 4))
      .then([seatsReserved('app-2', 4, 10, 10)]);
  });

  it('declines, with the seats left, a family that does not fit', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 7, 7, 10)])
      .when(reserve('app-2', 4))
      .then([reservationDeclined('app-2', 4, 3)]);
  });

  it('declines every request on a full quota', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 10, 10, 10)])
      .when(reserve('app-2', 1))
      .then([reservationDeclined('app-2', 1, 0)]);
  });

  it('declines with QUOTA_NOT_SET when no order has set a capacity', () => {
    spec
      .given([])
      .when(reserve('app-1', 2))
      .then([reservationDeclined('app-1', 2, 0, 'QUOTA_NOT_SET')]);
  });

  it('an application already holding seats asking again gets nothing new', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 4, 4, 10)])
      .when(reserve('app-1', 4))
      .thenNothingHappened();
  });

  it('a declined application asking again gets nothing new: the refusal is final', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 7, 7, 10), reservationDeclined('app-2', 4, 3)])
      .when(reserve('app-2', 4))
      .thenNothingHappened();
  });

  it('a declined application stays declined even after seats came back', () => {
    const history = [
      capacitySet(10),
      seatsReserved('app-1', 7, 7, 10),
      reservationDeclined('app-2', 4, 3),
      seatsReleased('app-1', 7, 0, 10),
    ];
    spec.given(history).when(reserve('app-2', 4)).thenNothingHappened();
  });

  it('an application declined before any order stays declined once the capacity is set', () => {
    spec
      .given([reservationDeclined('app-1', 2, 0, 'QUOTA_NOT_SET'), capacitySet(10)])
      .when(reserve('app-1', 2))
      .thenNothingHappened();
  });

  it('an application whose seats were released may reserve again (a refusal overturned on appeal)', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 4, 4, 10), seatsReleased('app-1', 4, 0, 10)])
      .when(reserve('app-1', 4))
      .then([seatsReserved('app-1', 4, 4, 10)]);
  });

  it.each([0, -1, 1.5])('refuses %p persons, naming the field', (persons) => {
    spec
      .given([capacitySet(10)])
      .when(reserve('app-1', persons))
      .thenThrows({ code: 'QUOTA.INVALID_PERSONS' });
  });

  it('refuses a reservation without an application id', () => {
    spec
      .given([capacitySet(10)])
      .when(reserve(' ', 1))
      .thenThrows({ code: 'QUOTA.INVALID_COMMAND' });
  });
});

describe('RegionalQuota: released seats come back', () => {
  it('releasing an application gives its seats back', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 4, 4, 10)])
      .when(release('app-1'))
      .then([seatsReleased('app-1', 4, 0, 10)]);
  });

  it('released seats can be taken by another application', () => {
    const history = [capacitySet(10), seatsReserved('app-1', 10, 10, 10), seatsReleased('app-1', 10, 0, 10)];
    spec
      .given(history)
      .when(reserve('app-2', 10))
      .then([seatsReserved('app-2', 10, 10, 10)]);
  });

  it('releasing an application that holds no seats changes nothing', () => {
    spec
      .given([capacitySet(10)])
      .when(release('app-unknown'))
      .thenNothingHappened();
    spec.given([]).when(release('app-unknown')).thenNothingHappened();
  });

  it('releasing twice releases once', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 4, 4, 10), seatsReleased('app-1', 4, 0, 10)])
      .when(release('app-1'))
      .thenNothingHappened();
  });

  it('a release following a refusal gives back nothing once the refusal is revoked and the seats reserved anew (ADR 32)', () => {
    const reservedAnew = [capacitySet(10), seatsReserved('app-1', 4, 4, 10)];
    const followingTheRefusal = (applicationStatus: string) => ({
      ...release('app-1'),
      follows: 'refusal' as const,
      applicationStatus,
    });
    spec.given(reservedAnew).when(followingTheRefusal('included')).thenNothingHappened();
    spec.given(reservedAnew).when(followingTheRefusal('reviewed')).thenNothingHappened();
    spec
      .given(reservedAnew)
      .when(followingTheRefusal('refused'))
      .then([seatsReleased('app-1', 4, 0, 10)]);
    const followingTheRevokedInclusion = (applicationStatus: string) => ({
      ...release('app-1'),
      follows: 'revoked-inclusion' as const,
      applicationStatus,
    });
    spec.given(reservedAnew).when(followingTheRevokedInclusion('included')).thenNothingHappened();
    spec
      .given(reservedAnew)
      .when(followingTheRevokedInclusion('signed'))
      .then([seatsReleased('app-1', 4, 0, 10)]);
  });

  it('releasing a declined application changes nothing', () => {
    spec
      .given([capacitySet(1), reservationDeclined('app-1', 2, 1)])
      .when(release('app-1'))
      .thenNothingHappened();
  });

  it('refuses a release without a reason', () => {
    spec
      .given([capacitySet(10), seatsReserved('app-1', 4, 4, 10)])
      .when(release('app-1', ''))
      .thenThrows({ code: 'QUOTA.INVALID_COMMAND' });
  });
});
