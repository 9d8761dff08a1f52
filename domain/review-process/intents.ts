import type { ApplicationCommand } from '../application/decider';
import type { PersonsOfApplicationCommand } from '../person/commands';
import type { QuotaCommand } from '../quota/commands';
import type { DecidedSupportCommand } from '../support/decide';

/** A command minus `at`: whoever carries the intent out stamps the instant it runs at. */
export type Untimed<C> = C extends unknown ? Omit<C, 'at'> : never;

/** The aggregate a process command goes to, with the command itself. */
export type ProcessCommand =
  | { readonly to: 'application'; readonly command: Untimed<ApplicationCommand> }
  | { readonly to: 'quota'; readonly command: Untimed<QuotaCommand> }
  | { readonly to: 'persons'; readonly command: Untimed<PersonsOfApplicationCommand> }
  | { readonly to: 'support'; readonly command: Untimed<DecidedSupportCommand> };

/**
 * The target refused the command with one of `codes`: the step is moot (the aggregate moved on),
 * which is an expected outcome, not a failure; `compensation` undoes what the process did for it.
 */
export interface WhenMoot {
  readonly codes: readonly string[];
  readonly compensation?: SendCommand;
}

/** Send a command. `step` names it: with the causing event's id it derives the command's id. */
export type SendCommand = ProcessCommand & {
  readonly kind: 'send';
  readonly step: string;
  readonly whenMoot?: WhenMoot;
};

/** Why the process does nothing with an event: a stable code and the reason in words. */
export interface Ignore {
  readonly kind: 'ignore';
  readonly code: IgnoreCode;
  readonly because: string;
}

export type IgnoreCode = 'NO_RULE_FOR_EVENT';

/** What the process wants done in reaction to an event: plain data, carried out by an adapter. */
export type Intent = SendCommand | Ignore;

export function sendToApplication(
  step: string,
  command: Untimed<ApplicationCommand>,
  whenMoot?: WhenMoot,
): SendCommand {
  return { kind: 'send', step, to: 'application', command, ...(whenMoot ? { whenMoot } : {}) };
}

export function sendToQuota(step: string, command: Untimed<QuotaCommand>, whenMoot?: WhenMoot): SendCommand {
  return { kind: 'send', step, to: 'quota', command, ...(whenMoot ? { whenMoot } : {}) };
}

export function sendToPersons(step: string, command: Untimed<PersonsOfApplicationCommand>): SendCommand {
  return { kind: 'send', step, to: 'persons', command };
}

export function sendToSupport(step: string, command: Untimed<DecidedSupportCommand>, whenMoot?: WhenMoot): SendCommand {
  return { kind: 'send', step, to: 'support', command, ...(whenMoot ? { whenMoot } : {}) };
}

export function ignore(code: IgnoreCode, because: string): Ignore {
  return { kind: 'ignore', code, because };
}
