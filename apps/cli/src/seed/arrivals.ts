import { SeededRandom } from '@libs/seeded-random';
import type { FollowUp } from './complaints';
import { SEED_BANK_CODE } from './bank';
import type { PlannedApplication } from './plan';

/**
 * Which included families arrive in the seed, and when (issue 21, ADR 33): about four in five, five
 * to twenty working days after the decision — when that falls within the seeded period. Decided from
 * the seed and the application's index alone, so a seed stays deterministic. The support then opens
 * and the scheduler orders each instalment on its day, as in production: the register and the bank
 * file of a seeded month hold real orders.
 */
export function arrivalAfterInclusion(idSalt: string, app: PlannedApplication, daysLeft: number): FollowUp | null {
  const random = SeededRandom.fromSeed(`${idSalt}:arrival:${app.index}`);
  if (!random.chance(0.8)) return null;
  const after = random.int(5, 20);
  if (after > daysLeft) return null;
  const account = String(100_000_000 + app.index).padStart(13, '0');
  return { after, morning: true, step: { kind: 'arrive', bankCode: SEED_BANK_CODE, account } };
}
