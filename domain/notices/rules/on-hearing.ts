import type { HearingHeld, RefusalProposed } from '../../application/events';
import { localDateOf } from '../../shared/calendar-date';
import { issueNotice, type NoticeIntent } from '../intents';
import type { NoticeContext } from '../notice-context';
import { labelled } from './on-decision';
import { currentDueOn } from './on-review-clock';
import { officerExplanation } from '../../review-process/process-explanation';

/**
 * A preliminary refusal (APC art. 73, ADR 32) is the notice the law requires before a refusal: the
 * grounds in both languages, the officer's explanation (never the process's own words), the way, place and latest instant of the hearing, the
 * day the final decision is due, and — when the quota is the ground — the seats left and needed.
 */
export function noticeOfRefusalProposal(event: RefusalProposed, context: NoticeContext): NoticeIntent[] {
  const { grounds, groundsListVersion, explanation, source, proposedAt, hearing, seats } = event.data;
  return [
    issueNotice({
      kind: 'refusal-proposed',
      data: {
        proposedOn: localDateOf(proposedAt),
        source,
        grounds: labelled(grounds, groundsListVersion, context),
        groundsListVersion,
        explanation: officerExplanation(explanation, grounds),
        hearing: { way: hearing.way, place: hearing.place ?? null, heldByOn: hearing.heldByOn, heldBy: hearing.heldBy },
        decisionDueOn: currentDueOn(context.history),
        seats: source === 'quota' && seats ? { remaining: seats.remaining, persons: seats.persons } : null,
      },
    }),
  ];
}

/** The hearing's record, so the applicant can see what was written down before the decision on it. */
export function noticeOfHearing(event: HearingHeld, { history }: NoticeContext): NoticeIntent[] {
  const { heldAt, attendance, statement, documentsAdded } = event.data;
  return [
    issueNotice({
      kind: 'hearing-recorded',
      data: {
        heldAt,
        attendance,
        statement,
        documentsAdded,
        objections: objectionsToTheLastProposal(history),
        decisionDueOn: currentDueOn(history),
      },
    }),
  ];
}

function objectionsToTheLastProposal(history: NoticeContext['history']): number {
  let count = 0;
  for (const event of [...history].reverse()) {
    if (event.type === 'RefusalProposed') return count;
    if (event.type === 'ApplicantObjected') count += 1;
  }
  return count;
}
