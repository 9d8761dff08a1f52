import type { InstalmentKey } from './schedule';

/**
 * An order's id, derived, so a fired-twice timer or a retried command finds the order already issued:
 * `PO-` and the first 16 hex digits of the application id, the instalment (`RL` relocation, `R01`–`R12`
 * rent) and the issue (1 the first, 2 the re-issue after a return). Short, in capitals and digits: it
 * is what the bank's file and its answers carry, beside the application id. Unique within a family by
 * construction; across families as likely as two application ids sharing 64 bits, so whatever keys an
 * order outside its stream (the register) keys it with the application id too.
 */
export function orderIdOf(applicationId: string, instalment: InstalmentKey, issue: number): string {
  const family = applicationId.replace(/-/g, '').slice(0, 16).toUpperCase();
  const code = instalment === 'relocation' ? 'RL' : `R${instalment.slice('rent-'.length)}`;
  return `PO-${family}-${code}-${issue}`;
}
