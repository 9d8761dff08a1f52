import { localDateOf } from '../shared/calendar-date';
import { canonicalJson } from '../shared/canonical-json';
import type { Decider, DomainEvent } from '../shared/decider';
import { isCalendarDate } from '../shared/calendar-date';
import { ViolationCollector } from '../shared/errors';
import type { IsoDate } from '../calendar/iso-date';
import type { AmendmentBasis } from './amendment';
import { LawError, LawErrorCode } from './errors';
import { LEGAL_ACT_KINDS, type LegalBasis } from './legal-basis';

/** What every command amending the law carries: the act, the day it takes effect, why (if late), when. */
export interface AmendmentCommand {
  readonly legalBasis: LegalBasis;
  readonly takesEffectOn: IsoDate;
  readonly reason?: string;
  /** The instant of the command (ISO 8601): the decider never reads a clock. */
  readonly at: string;
}

const TITLE_MAX = 500;

/**
 * Checks the legal basis and the effective date, and returns the basis the event records. A change
 * that takes effect on a day already past (in Almaty) when it is recorded rewrites what the service
 * applied: it must say why (LAW.REASON_REQUIRED).
 */
export function amendmentBasisOf(command: AmendmentCommand): AmendmentBasis {
  const found = new ViolationCollector();
  const basis = (command.legalBasis ?? {}) as Partial<LegalBasis>;
  found.check(
    LEGAL_ACT_KINDS.includes(basis.kind as never),
    'legalBasis.kind',
    `must be one of ${LEGAL_ACT_KINDS.join(', ')}`,
  );
  found.check(isCalendarDate(basis.date), 'legalBasis.date', "must be the act's date yyyy-MM-dd");
  found.check(nonBlank(basis.title, TITLE_MAX), 'legalBasis.title', `must name the act (1–${TITLE_MAX} characters)`);
  found.check(isHttpsUrl(basis.source), 'legalBasis.source', 'must be an https address where the act can be read');
  if (basis.number !== undefined) found.check(nonBlank(basis.number, 100), 'legalBasis.number', 'must not be blank');
  found.check(isCalendarDate(command.takesEffectOn), 'takesEffectOn', 'must be a date yyyy-MM-dd');
  if (command.reason !== undefined) found.check(nonBlank(command.reason, 2000), 'reason', 'must not be blank');
  found.throwIfAny((v) => new LawError(LawErrorCode.BasisInvalid, 'The legal basis of the amendment is invalid', v));

  const recordedOn = localDateOf(command.at);
  if (command.takesEffectOn < recordedOn && command.reason === undefined)
    throw new LawError(LawErrorCode.ReasonRequired, 'A change that takes effect on a past day must give its reason', [
      { field: 'reason', reason: `takesEffectOn ${command.takesEffectOn} is before ${recordedOn}: say why` },
    ]);
  const { kind, number, date, title, source } = basis as LegalBasis;
  return {
    legalBasis: { kind, ...(number === undefined ? {} : { number }), date, title, source },
    takesEffectOn: command.takesEffectOn,
    ...(command.reason === undefined ? {} : { reason: command.reason }),
    recordedAt: command.at,
  };
}

function nonBlank(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A table's amendments are numbered by its stream: the n-th amendment is version n. */
export interface TableState<Data> {
  readonly amendments: number;
  readonly latest: Data | undefined;
}

export const NO_AMENDMENT: TableState<never> = { amendments: 0, latest: undefined };

/**
 * A table of the law as a decider: every event states the whole table, so the state is the count of
 * amendments (the next version) and the latest one; only `decide` differs from table to table.
 */
export function tableDecider<Command, Event extends DomainEvent>(
  decide: (command: Command, state: TableState<Event['data']>) => readonly Event[],
): Decider<Command, Event, TableState<Event['data']>> {
  return {
    initialState: () => NO_AMENDMENT,
    evolve: (state, event) => ({ amendments: state.amendments + 1, latest: event.data }),
    decide,
  };
}

/** Same content whatever the order of keys: an amendment that changes nothing is refused. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function nothingChanged(what: string): LawError {
  return new LawError(LawErrorCode.NothingChanged, `The amendment leaves ${what} as it is: nothing to record`);
}
