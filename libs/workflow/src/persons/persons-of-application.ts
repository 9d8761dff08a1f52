import { personsOf, PersonError, PersonErrorCode } from '@domain/person';
import type { NamedPerson, PersonCommand, PersonsOfApplicationCommand, PersonState } from '@domain/person';
import type { ApplicationState } from '@domain/application';
import type { CommandContext } from '@libs/event-sourcing';
import { DEFAULT_PERSON_CLAIM_POLICY } from './person-claims';
import { PersonStreams } from './person-streams';

/**
 * Carries out a process step on every person of an application (release them, record their
 * inclusion): the persons are read from the application's submission, and each gets its own
 * command on its own stream, its id derived from the step's command id. Each decision is
 * idempotent (releasing a person the application no longer holds, or recording an inclusion already
 * recorded, decides nothing), so a redelivered step changes nothing.
 */
export async function actOnPersonsOf(
  streams: PersonStreams,
  command: PersonsOfApplicationCommand,
  context: CommandContext,
): Promise<void> {
  const state = await streams.application(command.applicationId);
  if (state.status === 'none' || !stillStands(command, state.status)) return;
  for (const person of personsOf(state.submission)) {
    const { applicationId, at } = command;
    const personCommand: PersonCommand =
      command.type === 'ReleasePersons'
        ? { type: 'ReleasePerson', iin: person.iin, applicationId, reason: command.reason, at }
        : { type: 'RecordPersonInclusion', iin: person.iin, applicationId, role: person.role, at };
    try {
      await streams.decide(person.iin, command.type, context, () => Promise.resolve(personCommand));
    } catch (error) {
      // Two inclusions of one person can only come from data older than the Person aggregate: the
      // first stays recorded, and `report duplicate-persons` lists the person for an officer.
      if (!(error instanceof PersonError && error.code === PersonErrorCode.AlreadyIncluded)) throw error;
    }
    if (command.type === 'ReleasePersons' && command.reason === 'decision-revoked' && isOpen(state))
      await claimAgain(streams, person, applicationId, context);
  }
}

/**
 * A revoked inclusion leaves its application open again (back to review, or eligible and asking the
 * quota anew): the person it released is its own again, claimed as a submission claims (ADR 16), so
 * no other application takes them meanwhile. Already claimed by it (a redelivery): nothing.
 */
async function claimAgain(
  streams: PersonStreams,
  person: NamedPerson,
  applicationId: string,
  context: CommandContext,
): Promise<void> {
  await streams.decide(person.iin, 'claim-after-revoked-inclusion', context, (state: PersonState) =>
    Promise.resolve(
      state.status === 'claimed' && state.claim.applicationId === applicationId
        ? null
        : {
            type: 'ClaimPerson',
            iin: person.iin,
            applicationId,
            role: person.role,
            field: person.field,
            abandonAfterMs: DEFAULT_PERSON_CLAIM_POLICY.abandonAfterMs,
            at: context.now.toISOString(),
          },
    ),
  );
}

function isOpen(state: ApplicationState): boolean {
  return ['submitted', 'signed', 'under-review', 'reviewed', 'refusal-proposed'].includes(state.status);
}

/**
 * A release is carried out only while the application still stands where its reason says: a
 * refusal's release delivered after that refusal was revoked (ADR 32) would free persons the
 * application has claimed again, and a revoked inclusion's release delivered after the application
 * was included anew would free persons it holds.
 */
function stillStands(command: PersonsOfApplicationCommand, status: ApplicationState['status']): boolean {
  if (command.type !== 'ReleasePersons') return true;
  switch (command.reason) {
    case 'application-refused':
      return status === 'refused';
    case 'decision-revoked':
      return status !== 'included';
    default:
      return true;
  }
}
