import { initialAmendmentsAsOf, type InitialAmendment, type LawCommand } from '@domain/law';
import { KANDAS_NAMESPACE, uuidV5, WrongExpectedRevisionError } from '@libs/event-sourcing';
import type { Clock, EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import { amendLaw } from './amend-law';

export const LAW_BASELINE_ACTOR = { id: 'system/law-baseline', role: 'system' } as const;

export interface LawBaselineRecorded {
  /** Initial amendments appended by this call. */
  readonly recorded: number;
  /** Already in the store (an earlier start, another instance). */
  readonly alreadyRecorded: number;
  /** Left out: their table was amended since by an administrator, whose amendment stands. */
  readonly leftAsAmended: readonly string[];
  /** Left out by KANDAS_LAW_BASELINE_AS_OF: acts dated after it (for an administrator to apply). */
  readonly afterAsOf: number;
}

/** The command id of an initial amendment: the same on every start and every instance. */
export function initialAmendmentCommandId(amendment: InitialAmendment): string {
  return uuidV5(`law-baseline:${amendment.key}`, KANDAS_NAMESPACE);
}

/**
 * Records the initial amendments of the law (domain/law/law-baseline.ts) on a store that lacks
 * them. Each goes at its place in its table's stream (expected revision): a re-run finds its
 * command id there and records nothing; two instances starting together append the same event
 * ids, which the store keeps once; a table an administrator amended meanwhile is left as it is.
 * `asOf` records only the acts dated on or before it: a store seeded with the law as it stood then.
 */
export async function recordLawBaseline(
  store: EventStore,
  registry: EventTypeRegistry,
  clock: Clock,
  asOf?: string,
): Promise<LawBaselineRecorded> {
  const amendments = initialAmendmentsAsOf(asOf);
  const afterAsOf = initialAmendmentsAsOf().length - amendments.length;
  let recorded = 0;
  let alreadyRecorded = 0;
  const leftAsAmended: string[] = [];
  for (const amendment of amendments) {
    const commandId = initialAmendmentCommandId(amendment);
    const context = {
      commandId,
      correlationId: uuidV5('law-baseline', KANDAS_NAMESPACE),
      causationId: commandId,
      actor: LAW_BASELINE_ACTOR,
      now: clock.now(),
    };
    const command = { ...amendment.command, at: context.now.toISOString() } as LawCommand;
    const expected = amendment.revision === 0 ? 'no-stream' : amendment.revision - 1;
    try {
      const outcome = await amendLaw(store, registry, command, context, expected);
      if (outcome.alreadyHandled) alreadyRecorded += 1;
      else recorded += 1;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      leftAsAmended.push(amendment.key);
    }
  }
  return { recorded, alreadyRecorded, leftAsAmended, afterAsOf };
}
