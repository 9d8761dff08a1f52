import type { ApplicationState } from '@domain/application';
import type { LabelledGround, Say } from './phrasebook';

/** The decision as its summary sentence tells it (the answer's JSON carries the same facts). */
export interface DecisionFacts {
  readonly outcome: 'included' | 'refused';
  /** The actor in words. */
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly decision: { readonly number: string; readonly date: string };
  readonly grounds: readonly LabelledGround[];
  readonly dueAt: string | null;
  readonly late: boolean;
  /** Working days after the due day, when late and the calendar could count them. */
  readonly workingDaysLate: number | null;
  readonly calendarVersion: string | null;
  /** Every subsidy granted, summed; null when none was. */
  readonly totalSubsidy: number | null;
  /** The MCI the subsidies used, and the MCI table version that held it. */
  readonly mci: { readonly value: number; readonly year: number; readonly tableVersion: string | null } | null;
}

/** An application not decided yet: where it stands and when it is due. */
export interface UndecidedFacts {
  readonly status: ApplicationState['status'];
  readonly dueAt: string | null;
}

/** The summary sentences of the decision answer, per language. */
export interface DecisionPhrases {
  decided(facts: DecisionFacts, say: Say): string;
  undecided(facts: UndecidedFacts, say: Say): string;
}
