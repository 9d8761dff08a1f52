import { isCalendarDate, isInstant } from '../shared/calendar-date';
import { APPLICANT_CATEGORIES, isRegionCode } from '../shared/region';
import { ViolationCollector } from '../shared/errors';
import { assertNever } from '../shared/decider';
import { QuotaCommand } from './commands';
import { QuotaError, QuotaErrorCode } from './errors';

function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Throws when a command is malformed, naming every field at fault. The code names the most
 * specific problem: a bad capacity is QUOTA.INVALID_CAPACITY, a bad persons count
 * QUOTA.INVALID_PERSONS, anything else QUOTA.INVALID_COMMAND.
 */
export function assertValidQuotaCommand(command: QuotaCommand): void {
  const found = new ViolationCollector();
  const { region, year, category, at } = command;
  found.check(isRegionCode(region), 'region', 'must be a known region code');
  found.check(
    Number.isSafeInteger(year) && year >= 1991 && year <= 9999,
    'year',
    'must be a year from 1991 (independence) to 9999',
  );
  found.check(APPLICANT_CATEGORIES.includes(category), 'category', "must be 'kandas' or 'resettler'");
  found.check(isInstant(at), 'at', 'must be an ISO 8601 instant with an offset');
  checkPayload(command, found);
  found.throwIfAny((violations) => {
    if (violations.some((v) => v.field === 'capacity'))
      return new QuotaError(
        QuotaErrorCode.InvalidCapacity,
        'The quota capacity must be a whole number of persons, 0 or more',
        violations,
      );
    if (violations.some((v) => v.field === 'persons'))
      return new QuotaError(
        QuotaErrorCode.InvalidPersons,
        'An application reserves a whole number of persons, 1 or more',
        violations,
      );
    return new QuotaError(QuotaErrorCode.InvalidCommand, 'The quota command is invalid', violations);
  });
}

function checkPayload(command: QuotaCommand, found: ViolationCollector): void {
  switch (command.type) {
    case 'SetQuotaCapacity': {
      const { capacity, order } = command;
      found.check(
        Number.isSafeInteger(capacity) && capacity >= 0,
        'capacity',
        'must be a whole number of persons, 0 or more',
      );
      found.check(typeof order?.number === 'string', 'order.number', "must be a string ('' when unknown)");
      found.check(isCalendarDate(order?.date), 'order.date', "must be a date 'yyyy-MM-dd'");
      return;
    }
    case 'ReserveSeats':
      found.check(isNonEmptyString(command.applicationId), 'applicationId', 'is required');
      found.check(
        Number.isSafeInteger(command.persons) && command.persons >= 1,
        'persons',
        'must be a whole number, 1 or more',
      );
      found.check(
        command.askedAfter === undefined || ['reopened-review', 'revoked-decision'].includes(command.askedAfter),
        'askedAfter',
        "must be 'reopened-review' or 'revoked-decision' when given",
      );
      return;
    case 'ReleaseSeats':
      found.check(isNonEmptyString(command.applicationId), 'applicationId', 'is required');
      found.check(isNonEmptyString(command.reason), 'reason', 'is required');
      return;
    default:
      assertNever(command, 'quota command');
  }
}
