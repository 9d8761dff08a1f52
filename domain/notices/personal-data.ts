import { noPersonalData, PersonalDataDeclaration } from '../shared/personal-data';
import { NOTICE_EVENT_SCHEMAS, NoticeEventType } from './events';

const version = (type: NoticeEventType) => NOTICE_EVENT_SCHEMAS[type].schemaVersion;

/**
 * The personal data of the notice events (ADR 26, ADR 28). A notice names no person — its data are
 * dates, amounts, grounds and the decision — but a refusal carries the reviewer's explanation, typed
 * by hand, and the texts are rendered with it: in masked views both are masked as free text.
 * Delivery facts hold ids, attempts and the portal's answer.
 */
export const NOTICE_PERSONAL_DATA: { readonly [T in NoticeEventType]: PersonalDataDeclaration } = {
  NoticeIssued: {
    schemaVersion: version('NoticeIssued'),
    fields: { 'data.explanation': 'freeText', 'texts.kk': 'freeText', 'texts.ru': 'freeText' },
  },
  NoticeDeliveryFailed: noPersonalData(version('NoticeDeliveryFailed')),
  NoticeDelivered: noPersonalData(version('NoticeDelivered')),
  NoticeParked: noPersonalData(version('NoticeParked')),
  NoticeRedeliveryRequested: noPersonalData(version('NoticeRedeliveryRequested')),
};
