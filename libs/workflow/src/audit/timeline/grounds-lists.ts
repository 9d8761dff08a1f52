import { REFUSAL_GROUNDS_V1, type RefusalGround } from '@domain/application';
import type { LawHistory } from '@domain/law';

/** What the timeline reads of the law: every amendment recorded so far (RecordedLaw answers it). */
export interface LawReading {
  recorded(): LawHistory;
}

/** The grounds of one list version, retired ones included: a decision keeps the meaning it was taken with. */
export type GroundsListOf = (listVersion: string) => readonly RefusalGround[] | undefined;

/**
 * The grounds lists as the law recorded them, by version. Version 1 is the compiled list the law's
 * baseline records as its first amendment; a store that recorded no law (the tests that pin it)
 * decided under that same list, so it is read from the code when the store lacks it.
 */
export function groundsListsOf(law: LawReading): GroundsListOf {
  return (listVersion) => {
    const recorded = law.recorded().refusalGrounds.find((amendment) => amendment.version === listVersion);
    if (recorded) return recorded.grounds;
    return listVersion === REFUSAL_GROUNDS_V1.version ? REFUSAL_GROUNDS_V1.grounds : undefined;
  };
}
