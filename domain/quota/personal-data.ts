import { noPersonalData, PersonalDataDeclaration } from '../shared/personal-data';
import { QUOTA_EVENT_SCHEMAS, QuotaEvent } from './events';

type QuotaEventType = QuotaEvent['type'];
const none = (type: QuotaEventType) => noPersonalData(QUOTA_EVENT_SCHEMAS[type].schemaVersion);

/** A quota counts seats by application id: no person is named (declared so, ADR 26). */
export const QUOTA_PERSONAL_DATA: { readonly [T in QuotaEventType]: PersonalDataDeclaration } = {
  QuotaCapacitySet: none('QuotaCapacitySet'),
  SeatsReserved: none('SeatsReserved'),
  SeatReservationDeclined: none('SeatReservationDeclined'),
  SeatsReleased: none('SeatsReleased'),
};
