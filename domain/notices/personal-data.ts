import { noPersonalData, PersonalDataDeclaration } from '../shared/personal-data';
import { NOTICE_EVENT_SCHEMAS, NoticeEventType } from './events';

const version = (type: NoticeEventType) => NOTICE_EVENT_SCHEMAS[type].schemaVersion;

/**
 * The personal data of the notice events (ADR 26, ADR 28). A notice names no person — its data are
 * dates, amounts, grounds and the decision — but a refusal (final or proposed) carries the officer's
 * explanation, a hearing's record its statement and documents, a complaint's answer its reason(s), all
 * typed by hand, and the texts are rendered with them: in masked views all are masked as free text.
 * Delivery facts hold ids, attempts, the claiming instance's id and the portal's answer.
 */
export const NOTICE_PERSONAL_DATA: { readonly [T in NoticeEventType]: PersonalDataDeclaration } = {
  NoticeIssued: {
    schemaVersion: version('NoticeIssued'),
    fields: {
      'data.explanation': 'freeText',
      'data.statement': 'freeText',
      'data.documentsAdded[].title': 'freeText',
      'data.reason': 'freeText',
      'data.reasons': 'freeText',
      'texts.kk': 'freeText',
      'texts.ru': 'freeText',
    },
  },
  NoticeDeliveryClaimed: noPersonalData(version('NoticeDeliveryClaimed')),
  NoticeDeliveryFailed: noPersonalData(version('NoticeDeliveryFailed')),
  NoticeDelivered: noPersonalData(version('NoticeDelivered')),
  NoticeParked: noPersonalData(version('NoticeParked')),
  NoticeRedeliveryRequested: noPersonalData(version('NoticeRedeliveryRequested')),
};
