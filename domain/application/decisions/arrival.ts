import { DateTime } from 'luxon';
import { isCalendarDate, localDateOf } from '../../shared/calendar-date';
import { ViolationCollector } from '../../shared/errors';
import { SETTLEMENT_KINDS, type SettlementKind } from '../../subsidy';
import { kzIbanProblem, normalisedIban } from '../../support/iban';
import type { PaymentTerms } from '../../support/payment-terms';
import type { ArrivalRecordedBy, FamilyArrived } from '../arrival-events';
import { ApplicationError, ApplicationErrorCode } from '../errors';
import { expectStatus, type Folds } from '../fold';
import { requireStatus } from '../guards';
import type { ApplicationState } from '../state';
import { quotaOf } from '../submission';
import type { TimedCommand } from './timed-command';

export interface RecordArrival extends TimedCommand {
  readonly type: 'RecordArrival';
  readonly settlement: { readonly kind: SettlementKind; readonly name: string };
  readonly arrivedOn: string;
  readonly registration: { readonly address: string; readonly registeredOn: string };
  readonly iban: string;
  readonly recordedBy: ArrivalRecordedBy;
  /** The payment terms in force (their arrival limit, ADR 33). */
  readonly terms: PaymentTerms;
}

/**
 * An included family's arrival in its region, once (FACTS: support is paid after arrival and
 * inclusion). Not before the decision, not in the future, registered on or after arriving; within the
 * terms' arrival limit when they set one (version 1 sets none: the law as read is silent). The same
 * arrival again is a retry and records nothing; a different one is refused.
 */
export function recordArrival(command: RecordArrival, state: ApplicationState): FamilyArrived[] {
  // A refused family is not included, whatever the generic guard would say of a decided application.
  if (state.status === 'refused')
    throw new ApplicationError(ApplicationErrorCode.NotIncluded, 'Only an included family’s arrival is recorded');
  const included = requireStatus(state, ['included'], 'record an arrival', ApplicationErrorCode.NotIncluded);
  if (included.arrivedUnderRevokedInclusion && !included.arrival)
    throw new ApplicationError(
      ApplicationErrorCode.SupportToBeDecided,
      'The family arrived under an inclusion since revoked, and its support was stopped then; how it goes on under the new inclusion is for the ministry to decide (ADR 33)',
      [
        {
          field: 'arrivedOn',
          reason: `the family arrived on ${included.arrivedUnderRevokedInclusion} under the revoked inclusion`,
        },
      ],
    );
  const today = localDateOf(command.at);
  const found = new ViolationCollector();
  found.check(
    SETTLEMENT_KINDS.includes(command.settlement?.kind),
    'settlement.kind',
    "must be 'city', 'town' or 'village'",
  );
  found.check(textOf(command.settlement?.name) !== '', 'settlement.name', 'must name the settlement');
  found.check(textOf(command.registration?.address) !== '', 'registration.address', 'must be the registered address');
  found.check(
    isCalendarDate(command.arrivedOn) && command.arrivedOn >= included.decisionDate && command.arrivedOn <= today,
    'arrivedOn',
    `must be a date from the decision (${included.decisionDate}) to today (${today})`,
  );
  found.check(
    isCalendarDate(command.registration?.registeredOn) &&
      command.registration.registeredOn >= command.arrivedOn &&
      command.registration.registeredOn <= today,
    'registration.registeredOn',
    'must be a date from the arrival to today',
  );
  const ibanProblem = kzIbanProblem(command.iban);
  if (ibanProblem) found.add('iban', ibanProblem);
  found.check(
    command.recordedBy === 'portal' || command.recordedBy === 'officer',
    'recordedBy',
    "must be 'portal' or 'officer'",
  );
  found.throwIfAny(
    (violations) =>
      new ApplicationError(ApplicationErrorCode.InvalidCommand, 'The arrival cannot be recorded', violations),
  );
  const limit = command.terms.arrivalWithinDays;
  if (limit !== null) {
    const lastDay = DateTime.fromISO(included.decisionDate, { zone: 'utc' }).plus({ days: limit }).toISODate()!;
    if (command.arrivedOn > lastDay)
      throw new ApplicationError(
        ApplicationErrorCode.ArrivalTooLate,
        `An included family arrives within ${limit} days of the decision (by ${lastDay}, payment terms version ${command.terms.version})`,
        [{ field: 'arrivedOn', reason: `must not be after ${lastDay}` }],
      );
  }
  const rent = included.subsidies.rent;
  if (rent?.kind !== 'rent' || !included.subsidies.relocation)
    throw new ApplicationError(
      ApplicationErrorCode.SubsidiesPending,
      'The subsidies of the decision are still being granted: record the arrival once they are',
    );
  const arrival: FamilyArrived['data'] = {
    applicationId: command.applicationId,
    quota: quotaOf(included.submission),
    settlement: { kind: command.settlement.kind, name: textOf(command.settlement.name) },
    arrivedOn: command.arrivedOn,
    registration: { address: textOf(command.registration.address), registeredOn: command.registration.registeredOn },
    recipient: { iin: included.submission.applicant.iin, iban: normalisedIban(command.iban) },
    support: { persons: included.persons, monthlyRateMci: rent.inputs.monthlyRateMci },
    recordedBy: command.recordedBy,
    termsVersion: command.terms.version,
    recordedAt: command.at,
  };
  if (included.arrival) {
    if (sameArrival(included.arrival, arrival)) return [];
    throw new ApplicationError(ApplicationErrorCode.AlreadyArrived, 'The family’s arrival is recorded already', [
      { field: 'arrivedOn', reason: `an arrival on ${included.arrival.arrivedOn} is recorded` },
    ]);
  }
  return [{ type: 'FamilyArrived', data: arrival }];
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function sameArrival(a: FamilyArrived['data'], b: FamilyArrived['data']): boolean {
  const { recordedAt: _a, recordedBy: _byA, termsVersion: _tA, ...first } = a;
  const { recordedAt: _b, recordedBy: _byB, termsVersion: _tB, ...second } = b;
  return JSON.stringify(first) === JSON.stringify(second);
}

export const arrivalFolds: Folds<'FamilyArrived'> = {
  FamilyArrived: (state, event) => ({ ...expectStatus(state, 'included', event.type), arrival: event.data }),
};
