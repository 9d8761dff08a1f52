import { assertNever } from '../shared/decider';
import { isValidIin } from '../shared/iin';
import type { ClaimPerson, PersonCommand, RecordPersonInclusion, ReleasePerson } from './commands';
import { PersonError, PersonErrorCode, type HoldingApplication } from './errors';
import type { PersonClaimed, PersonEvent, PersonIncluded, PersonReleased } from './events';
import type { Claim, PersonState } from './state';

export function decidePerson(command: PersonCommand, state: PersonState): readonly PersonEvent[] {
  if (!isValidIin(command.iin))
    throw new PersonError(PersonErrorCode.InvalidCommand, 'A person is named by a valid IIN', [
      { field: 'iin', reason: 'must be a valid IIN' },
    ]);
  switch (command.type) {
    case 'ClaimPerson':
      return claim(command, state);
    case 'ReleasePerson':
      return release(command, state);
    case 'RecordPersonInclusion':
      return recordInclusion(command, state);
    default:
      return assertNever(command, 'person command');
  }
}

/**
 * One open application per person, one inclusion per person. A claim already held by the same
 * application is a retry: nothing new. A claim held by an application that has closed without
 * inclusion, or that never came to exist within the grace period, is released and taken.
 */
function claim(command: ClaimPerson, state: PersonState): PersonEvent[] {
  if (state.status === 'included') {
    if (state.inclusion.applicationId === command.applicationId) return [];
    throw refusal(command, PersonErrorCode.AlreadyIncluded, state.inclusion);
  }
  if (state.status === 'free') return [claimed(command)];
  const held = state.claim;
  if (held.applicationId === command.applicationId) return [];
  const release = releaseOfStaleClaim(command, held);
  if (release) return [release, claimed(command)];
  const code = command.holder === 'included' ? PersonErrorCode.AlreadyIncluded : PersonErrorCode.HasOpenApplication;
  throw refusal(command, code, held);
}

/** The release that frees a claim nobody can still act on, or null when the holder still counts. */
function releaseOfStaleClaim(command: ClaimPerson, held: Claim): PersonReleased | null {
  const reasonOf = (): PersonReleased['data']['reason'] | null => {
    switch (command.holder) {
      case 'refused':
        return 'application-refused';
      case 'withdrawn':
        return 'application-withdrawn';
      case 'not-found':
        return Date.parse(command.at) - Date.parse(held.claimedAt) >= command.abandonAfterMs ? 'claim-abandoned' : null;
      default:
        return null;
    }
  };
  const reason = reasonOf();
  if (reason === null) return null;
  return {
    type: 'PersonReleased',
    data: { iin: command.iin, applicationId: held.applicationId, reason, releasedAt: command.at },
  };
}

function claimed({ iin, applicationId, role, field, at }: ClaimPerson): PersonClaimed {
  return { type: 'PersonClaimed', data: { iin, applicationId, role, field, claimedAt: at } };
}

function refusal(command: ClaimPerson, code: PersonErrorCode, holding: HoldingApplication): PersonError {
  const who = command.role === 'applicant' ? 'The applicant' : 'A family member';
  const what =
    code === PersonErrorCode.AlreadyIncluded
      ? 'was already included in a quota through another application (support is received once)'
      : 'is already named on another open application';
  return new PersonError(code, `${who} ${what}`, [{ field: command.field, reason: what }], {
    applicationId: holding.applicationId,
    role: holding.role,
  });
}

/**
 * Only the application holding the claim can release it; anything else is already true. An
 * inclusion is undone only by its revocation (ADR 32), and only by the application it came through.
 */
function release(command: ReleasePerson, state: PersonState): PersonReleased[] {
  // A revocation undoes an inclusion, never a claim: a claim by the same application after the
  // revocation is the application open again, and a redelivered release must not free it.
  const holds =
    command.reason === 'decision-revoked'
      ? state.status === 'included' && state.inclusion.applicationId === command.applicationId
      : state.status === 'claimed' && state.claim.applicationId === command.applicationId;
  if (!holds) return [];
  const { iin, applicationId, reason, at } = command;
  return [{ type: 'PersonReleased', data: { iin, applicationId, reason, releasedAt: at } }];
}

/**
 * An inclusion is recorded once. Data from before this aggregate may include a person that another
 * application holds (the claim then ends with the inclusion); a second inclusion is refused, and the
 * process treats that refusal as moot — `report duplicate-persons` lists such persons.
 */
function recordInclusion(command: RecordPersonInclusion, state: PersonState): PersonIncluded[] {
  if (state.status === 'included') {
    if (state.inclusion.applicationId === command.applicationId) return [];
    throw new PersonError(
      PersonErrorCode.AlreadyIncluded,
      `The person was already included through application ${state.inclusion.applicationId}`,
      [],
      { applicationId: state.inclusion.applicationId, role: state.inclusion.role },
    );
  }
  const { iin, applicationId, role, at } = command;
  return [{ type: 'PersonIncluded', data: { iin, applicationId, role, includedAt: at } }];
}
