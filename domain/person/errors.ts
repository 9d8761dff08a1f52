import { DomainError, Violation } from '../shared/errors';
import type { PersonRole } from './events';

/** The Person's refusals; the code strings are stable (clients and the HTTP edge rely on them). */
export const PersonErrorCode = {
  /** Another open application names the person (as applicant or family member). */
  HasOpenApplication: 'PERSON.HAS_OPEN_APPLICATION',
  /** The person was already included in a quota through another application: support is received once. */
  AlreadyIncluded: 'PERSON.ALREADY_INCLUDED',
  /** A command with missing or malformed fields; `violations` names them. */
  InvalidCommand: 'PERSON.INVALID_COMMAND',
} as const;

export type PersonErrorCode = (typeof PersonErrorCode)[keyof typeof PersonErrorCode];

/** The application that holds the person, and the person's role there: for officers' eyes only. */
export interface HoldingApplication {
  readonly applicationId: string;
  readonly role: PersonRole;
}

/** A command the Person aggregate refuses; `violations` name the field of the refused submission. */
export class PersonError extends DomainError {
  declare readonly code: PersonErrorCode;

  constructor(
    code: PersonErrorCode,
    message: string,
    violations: readonly Violation[] = [],
    /** The other application, when the refusal is about one; the HTTP edge shows it to officers only. */
    readonly holding?: HoldingApplication,
  ) {
    super(code, message, violations);
  }
}
