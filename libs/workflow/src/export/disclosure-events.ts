import type { EventTypeDefinition } from '@libs/event-sourcing';
import type { Actor } from '@libs/event-sourcing';
import type { ExportFormat, ExportSelection } from './export-events';

/** The stream every unmasked export is recorded in. */
export const DISCLOSURE_STREAM = 'audit-disclosures';

export const PERSONAL_DATA_DISCLOSED = 'PersonalDataDisclosed';

/**
 * Personal data left the system in clear: what, in which format, under which grant (who granted it,
 * why), who asked, when.
 */
export interface PersonalDataDisclosedData {
  readonly selection: ExportSelection;
  readonly format: ExportFormat;
  /** The DisclosureGranted it was made under; null in disclosures recorded before grants existed (v1). */
  readonly grantId: string | null;
  /** Id of the admin who granted the unmasked export (from the grant). */
  readonly grantedBy: string;
  readonly reason: string;
  readonly requestedBy: Actor;
  /** ISO-8601 instant (the injected clock). */
  readonly disclosedAt: string;
}

/**
 * The disclosure event types, to be registered beside WORKFLOW_EVENT_TYPES
 * (`new EventTypeRegistry().registerAll(WORKFLOW_EVENT_TYPES).registerAll(DISCLOSURE_EVENT_TYPES)`).
 */
export const DISCLOSURE_EVENT_TYPES: readonly EventTypeDefinition[] = [
  // v2 refers to the grant; a v1 disclosure was granted by a name typed at the export (grantId null).
  {
    type: PERSONAL_DATA_DISCLOSED,
    schemaVersion: 2,
    upcasters: { 1: (data) => ({ ...(data as object), grantId: null }) },
  },
];
