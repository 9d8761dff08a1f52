import { APPLICATION_PERSONAL_DATA, APPLICATION_STATE_PERSONAL_FIELDS, applicationStreamId } from '@domain/application';
import { LAW_PERSONAL_DATA } from '@domain/law';
import { NOTICE_PERSONAL_DATA } from '@domain/notices';
import { PERSON_PERSONAL_DATA, PERSON_STREAM_ID_FORM } from '@domain/person';
import { QUOTA_PERSONAL_DATA } from '@domain/quota';
import { SUPPORT_PERSONAL_DATA } from '@domain/support';
import { noPersonalData } from '@domain/shared/personal-data';
import type { PersonalDataDeclaration, PersonalFields, PersonalIdForm } from '@domain/shared/personal-data';
import { IDEMPOTENCY_KEY_CLAIMED } from '@libs/event-sourcing';
import { AUDIT_RECORD_READ } from '../audit-access/access-events';
import { PERSONAL_DATA_DISCLOSED } from '../export/disclosure-events';
import { DISCLOSURE_GRANTED } from '../export/disclosure-grants';

/**
 * The personal data of every event type the workflow stores, gathered from the aggregates that
 * declare them beside their events, and the workflow's own (ADR 26). A test holds it complete
 * against the event type registry: a new event type cannot be stored before it is declared here.
 */
export const WORKFLOW_PERSONAL_DATA: Readonly<Record<string, PersonalDataDeclaration>> = {
  ...APPLICATION_PERSONAL_DATA,
  ...QUOTA_PERSONAL_DATA,
  ...PERSON_PERSONAL_DATA,
  ...LAW_PERSONAL_DATA,
  ...NOTICE_PERSONAL_DATA,
  ...SUPPORT_PERSONAL_DATA,
  // The claimed stream id is masked by the undeclared pass like any other id.
  [IDEMPOTENCY_KEY_CLAIMED]: noPersonalData(),
  // Staff ids, a selection (a stream id is masked by its form) and an admin's reason, typed by hand.
  [PERSONAL_DATA_DISCLOSED]: { schemaVersion: 2, fields: { reason: 'freeText' } },
  [DISCLOSURE_GRANTED]: { schemaVersion: 1, fields: { reason: 'freeText' } },
  // Staff ids and what they read: ids and points in time; a Person's stream is masked by its form.
  [AUDIT_RECORD_READ]: noPersonalData(),
};

/** Ids that name a person (ADR 16: a Person's stream). No actor id does: actors are staff and services. */
export const PERSONAL_ID_FORMS: readonly PersonalIdForm[] = [PERSON_STREAM_ID_FORM];

/** The personal fields of a folded state, by its stream (as-of, diff); quotas name no person. */
export function statePersonalFields(streamId: string): PersonalFields {
  return streamId.startsWith(applicationStreamId('')) ? APPLICATION_STATE_PERSONAL_FIELDS : {};
}
