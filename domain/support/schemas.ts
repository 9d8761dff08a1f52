import { FIRST_VERSION, type EventSchema } from '../shared/event-schema';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type { SupportEvent } from './events';

type SupportEventType = SupportEvent['type'];

/** How the support's events are stored: all at their first version (ADR 33). */
export const SUPPORT_EVENT_SCHEMAS: { readonly [T in SupportEventType]: EventSchema } = {
  SupportOpened: FIRST_VERSION,
  PaymentOrderIssued: FIRST_VERSION,
  PaymentPaid: FIRST_VERSION,
  PaymentReturned: FIRST_VERSION,
  RecipientCorrected: FIRST_VERSION,
  SupportStopped: FIRST_VERSION,
};

const RECIPIENT = { 'recipient.iin': 'iin', 'recipient.iban': 'bankAccount' } as const;

/**
 * The personal data of the support's events (ADR 26): the recipient's IIN and account wherever they
 * are carried; a bank's reason for a return may name the holder, so it is masked whole. Amounts, days
 * and order ids name no one.
 */
export const SUPPORT_PERSONAL_DATA: { readonly [T in SupportEventType]: PersonalDataDeclaration } = {
  SupportOpened: { schemaVersion: 1, fields: RECIPIENT },
  PaymentOrderIssued: { schemaVersion: 1, fields: RECIPIENT },
  PaymentPaid: { schemaVersion: 1, fields: {} },
  PaymentReturned: { schemaVersion: 1, fields: { reason: 'freeText' } },
  RecipientCorrected: { schemaVersion: 1, fields: { iban: 'bankAccount', previousIban: 'bankAccount' } },
  SupportStopped: { schemaVersion: 1, fields: {} },
};
