import type {
  AuthorityDecisionRecorded,
  ComplaintFiled,
  ComplaintRejected,
  ComplaintSatisfied,
  DecisionRevoked,
} from '../../application/events';
import { localDateOf } from '../../shared/calendar-date';
import { issueNotice, type NoticeIntent } from '../intents';
import type { NoticeContext } from '../notice-context';

/** A complaint accepted: against what, the day it was accepted and the term it is considered by. */
export function noticeOfComplaint(event: ComplaintFiled): NoticeIntent[] {
  const { against, decision, acceptedOn, considerByOn, considerBy } = event.data;
  return [
    issueNotice({
      kind: 'complaint-received',
      data: {
        against,
        decision: decision ? { number: decision.number, date: decision.date } : null,
        acceptedOn,
        considerByOn,
        considerBy,
      },
    }),
  ];
}

/**
 * Satisfied: the remedy and the reason. A complaint about a missed term revokes nothing, so it names
 * no remedy; a revoked decision is told by its own notice, from `DecisionRevoked`.
 */
export function noticeOfSatisfiedComplaint(event: ComplaintSatisfied, { history }: NoticeContext): NoticeIntent[] {
  const { complaintId, remedy, reason, satisfiedAt, late } = event.data;
  const against = againstOf(complaintId, history);
  return [
    issueNotice({
      kind: 'complaint-satisfied',
      data: {
        against,
        satisfiedOn: localDateOf(satisfiedAt),
        remedy: against === 'missed-term' ? null : remedy,
        reason,
        late,
      },
    }),
  ];
}

/** Rejected: the reasons, and the authority for the quality of public services as the next level. */
export function noticeOfRejectedComplaint(event: ComplaintRejected, context: NoticeContext): NoticeIntent[] {
  const { complaintId, reasons, rejectedAt, late } = event.data;
  const terms = context.complaintTerms;
  return [
    issueNotice({
      kind: 'complaint-rejected',
      data: {
        against: againstOf(complaintId, context.history),
        rejectedOn: localDateOf(rejectedAt),
        reasons,
        late,
        authority: {
          termsVersion: terms.version,
          considerationWorkingDays: terms.authorityConsiderationWorkingDays,
          extensionWorkingDays: terms.authorityExtensionWorkingDays,
        },
      },
    }),
  ];
}

/** What a revocation means for the applicant: the remedy, the seats given back, the subsidies stopped. */
export function noticeOfRevocation(event: DecisionRevoked): NoticeIntent[] {
  const { decision, revokedFrom, remedy, by, persons, subsidiesStopped, revokedAt } = event.data;
  const stopped = subsidiesStopped.map(({ kind, amount }) => ({ kind, amount }));
  return [
    issueNotice({
      kind: 'decision-revoked',
      data: {
        decisionNumber: decision.number,
        decisionDate: decision.date,
        revokedOn: localDateOf(revokedAt),
        revokedFrom,
        remedy,
        authorityDocument: by.kind === 'authority' ? by.documentNumber : null,
        seatsReleased: revokedFrom === 'included' ? persons : 0,
        subsidiesStopped: stopped,
        totalStopped: stopped.reduce((sum, { amount }) => sum + amount, 0),
      },
    }),
  ];
}

/** The authority's decision as recorded: the service carries it out (a revocation follows when satisfied). */
export function noticeOfAuthorityDecision(event: AuthorityDecisionRecorded): NoticeIntent[] {
  const { authority, documentNumber, date, outcome, remedy, recordedAt } = event.data;
  return [
    issueNotice({
      kind: 'authority-decision-recorded',
      data: {
        authority,
        documentNumber,
        documentDate: date,
        outcome,
        remedy,
        recordedOn: localDateOf(recordedAt),
      },
    }),
  ];
}

/** The complaint an answer belongs to was filed earlier in the same history (the decider checks it). */
function againstOf(complaintId: string, history: NoticeContext['history']): ComplaintFiled['data']['against'] {
  const filed = history.find(
    (past): past is ComplaintFiled => past.type === 'ComplaintFiled' && past.data.complaintId === complaintId,
  );
  if (!filed) throw new Error(`No complaint ${complaintId} in the history`);
  return filed.data.against;
}
