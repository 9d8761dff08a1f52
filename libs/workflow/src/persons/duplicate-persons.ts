import type { ApplicationEvent, ApplicationSubmitted } from '@domain/application';
import { personsOf, type PersonRole } from '@domain/person';
import type { EventStore } from '@libs/event-sourcing';

/** Where an application stands for this report: still open, included, or closed without inclusion. */
export type ApplicationStanding = 'open' | 'included' | 'refused' | 'withdrawn';

export interface PersonOnApplication {
  readonly applicationId: string;
  readonly role: PersonRole;
  readonly field: string;
  readonly standing: ApplicationStanding;
  readonly submittedAt: string;
}

export interface DuplicatePerson {
  readonly iin: string;
  readonly applications: readonly PersonOnApplication[];
}

const TYPES: ReadonlyArray<ApplicationEvent['type']> = [
  'ApplicationSubmitted',
  'ApplicationIncluded',
  'ApplicationRefused',
  'ApplicationWithdrawn',
];

const CLOSING: Readonly<Record<string, ApplicationStanding>> = {
  ApplicationIncluded: 'included',
  ApplicationRefused: 'refused',
  ApplicationWithdrawn: 'withdrawn',
};

/**
 * Persons (by IIN, as applicant or family member) on more than one application that is open or
 * included — what the Person aggregate now prevents, found in data stored before it (ADR 16). Read
 * from the store, not the read models: the applications table keeps the applicant's IIN only.
 * With `all`, persons on several applications of any standing (a refusal, then a new application).
 */
export async function findDuplicatePersons(store: EventStore, all = false): Promise<DuplicatePerson[]> {
  const byApplication = new Map<string, { submitted: ApplicationSubmitted['data']; standing: ApplicationStanding }>();
  for await (const event of store.readAll({ filter: { streamPrefixes: ['application-'], eventTypes: [...TYPES] } })) {
    if (event.type === 'ApplicationSubmitted') {
      const submitted = event.data as ApplicationSubmitted['data'];
      byApplication.set(submitted.applicationId, { submitted, standing: 'open' });
    } else {
      const entry = byApplication.get((event.data as { applicationId: string }).applicationId);
      if (entry) entry.standing = CLOSING[event.type]!;
    }
  }
  const byIin = new Map<string, PersonOnApplication[]>();
  for (const { submitted, standing } of byApplication.values()) {
    for (const person of personsOf(submitted.submission)) {
      const on = byIin.get(person.iin) ?? [];
      on.push({
        applicationId: submitted.applicationId,
        role: person.role,
        field: person.field,
        standing,
        submittedAt: submitted.submittedAt,
      });
      byIin.set(person.iin, on);
    }
  }
  const counts = (on: PersonOnApplication) => all || on.standing === 'open' || on.standing === 'included';
  return [...byIin.entries()]
    .map(([iin, applications]) => ({ iin, applications: applications.filter(counts) }))
    .filter((person) => person.applications.length > 1)
    .sort((a, b) => (a.iin < b.iin ? -1 : a.iin > b.iin ? 1 : 0));
}
