import { PersonalDataDeclaration, PersonalIdForm } from '../shared/personal-data';
import { PERSON_STREAM_PREFIX } from './decider';
import { PERSON_EVENT_SCHEMAS, PersonEventType } from './events';

/** A Person is its IIN: every event carries it (and its stream is named by it, see PERSONAL_STREAM_IDS). */
export const PERSON_PERSONAL_DATA: { readonly [T in PersonEventType]: PersonalDataDeclaration } = {
  PersonClaimed: { schemaVersion: PERSON_EVENT_SCHEMAS.PersonClaimed.schemaVersion, fields: { iin: 'iin' } },
  PersonReleased: { schemaVersion: PERSON_EVENT_SCHEMAS.PersonReleased.schemaVersion, fields: { iin: 'iin' } },
  PersonIncluded: { schemaVersion: PERSON_EVENT_SCHEMAS.PersonIncluded.schemaVersion, fields: { iin: 'iin' } },
};

/** A Person's stream is named by its IIN. */
export const PERSON_STREAM_ID_FORM: PersonalIdForm = { prefix: PERSON_STREAM_PREFIX, kind: 'iin' };
