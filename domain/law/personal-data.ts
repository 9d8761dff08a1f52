import { noPersonalData, PersonalDataDeclaration } from '../shared/personal-data';
import { LAW_EVENT_SCHEMAS, LawEvent } from './events';

type LawEventType = LawEvent['type'];
const none = (type: LawEventType) => noPersonalData(LAW_EVENT_SCHEMAS[type].schemaVersion);

/** The law's tables and the acts they rest on name no person (declared so, ADR 26). */
export const LAW_PERSONAL_DATA: { readonly [T in LawEventType]: PersonalDataDeclaration } = {
  CalendarYearAmended: none('CalendarYearAmended'),
  MciAmended: none('MciAmended'),
  RentRatesAmended: none('RentRatesAmended'),
  RefusalGroundsAmended: none('RefusalGroundsAmended'),
  SlaPolicyAmended: none('SlaPolicyAmended'),
};
