import type { InstalmentKey } from './schedule';

/**
 * An order's id, derived, so a fired-twice timer or a retried command finds the order already issued:
 * `PO-` and the first 12 hex digits of the application id (as its decision numbers), the instalment
 * (`RL` relocation, `R01`–`R12` rent) and the issue (1 the first, 2 the re-issue after a return).
 * Short, in capitals and digits: it is what the bank's file and its answers carry.
 */
export function orderIdOf(applicationId: string, instalment: InstalmentKey, issue: number): string {
  const family = applicationId.replace(/-/g, '').slice(0, 12).toUpperCase();
  const code = instalment === 'relocation' ? 'RL' : `R${instalment.slice('rent-'.length)}`;
  return `PO-${family}-${code}-${issue}`;
}
