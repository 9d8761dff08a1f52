import { personsOf, PersonError, PersonErrorCode } from '@domain/person';
import type { PersonCommand, PersonsOfApplicationCommand } from '@domain/person';
import type { CommandContext } from '@libs/event-sourcing';
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
  if (state.status === 'none') return;
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
  }
}
