import { APPLICATION_EVENT_SCHEMAS } from '@domain/application';
import { LAW_EVENT_SCHEMAS } from '@domain/law';
import { NOTICE_EVENT_SCHEMAS } from '@domain/notices';
import { PERSON_EVENT_SCHEMAS } from '@domain/person';
import { QUOTA_EVENT_SCHEMAS } from '@domain/quota';
import { SUPPORT_EVENT_SCHEMAS } from '@domain/support';
import type { EventSchema } from '@domain/shared/event-schema';
import { IDEMPOTENCY_EVENT_TYPES } from '@libs/event-sourcing';
import type { EventTypeDefinition } from '@libs/event-sourcing';

const definitionsOf = (schemas: Readonly<Record<string, EventSchema>>): EventTypeDefinition[] =>
  Object.entries(schemas).map(([type, schema]) => ({ type, ...schema }));

/** Every stored event type of the workflow, for the one registry that upcasts them on read. */
export const WORKFLOW_EVENT_TYPES: readonly EventTypeDefinition[] = [
  ...definitionsOf(APPLICATION_EVENT_SCHEMAS),
  ...definitionsOf(QUOTA_EVENT_SCHEMAS),
  ...definitionsOf(PERSON_EVENT_SCHEMAS),
  ...IDEMPOTENCY_EVENT_TYPES,
  ...definitionsOf(LAW_EVENT_SCHEMAS),
  ...definitionsOf(NOTICE_EVENT_SCHEMAS),
  ...definitionsOf(SUPPORT_EVENT_SCHEMAS),
];

/** The law's event types (domain/law): amendments of the calendar, MCI, rent rates, grounds, SLA policy. */
export const LAW_EVENT_TYPES: readonly EventTypeDefinition[] = definitionsOf(LAW_EVENT_SCHEMAS);
