import {
  applicationDecider,
  type ApplicationEvent,
  type ApplicationIncluded,
  type ApplicationRefused,
  type ApplicationReviewed,
  type ApplicationState,
  type ReviewDeadlineRescheduled,
  type ScheduledDeadline,
  type SubsidyGranted,
} from '@domain/application';
import type { AuditEntry } from '../audit-trail';
import { almatyIso } from './almaty-format';
import type { LawReading } from './grounds-lists';
import type { LabelledGround } from './phrasebook';
import { PHRASEBOOKS, type TimelineNarrator } from './timeline-narrator';
import type { TimelineLanguage } from './timeline-language';
import { mciTableVersionOf, workingDaysLate } from './law-at-decision';

/** An actor as the answer names it: the metadata, and the words the sentences use. */
export interface NamedActor {
  readonly id: string;
  readonly role: string;
  readonly text: string;
}

export interface DeadlineAnswer {
  readonly dueAt: string;
  readonly dueAtLocal: string;
  readonly dueOn: string;
  readonly acceptedOn: string;
  readonly calendarVersion: string;
  readonly calendarProvisional: boolean;
}

export interface ReschedulingAnswer {
  readonly at: string;
  readonly atLocal: string;
  readonly fromDueAt: string;
  readonly toDueAt: string;
  readonly calendarVersion: string;
  readonly text: string;
}

export interface AmountsAnswer {
  readonly relocation: number | null;
  readonly rent: number | null;
  readonly total: number | null;
  /** The MCI the subsidies were computed with, and the MCI table amendment that held it (null when not found). */
  readonly mci: {
    readonly value: number;
    readonly year: number;
    readonly validFrom: string;
    readonly tableVersion: string | null;
  } | null;
}

/**
 * "Who decided application X, when, on what grounds, under which calendar and MCI, and was the
 * deadline met?" in one answer, read from the application's own events (nothing recomputed but
 * the working days late, which the recorded calendar version counts).
 */
export interface DecisionAnswer {
  readonly applicationId: string;
  readonly language: TimelineLanguage;
  readonly decided: boolean;
  readonly status: ApplicationState['status'];
  readonly outcome: 'included' | 'refused' | null;
  /** The person whose judgement the decision records: the reviewer for a decision that follows their review, else the decision's own actor. */
  readonly decidedBy: NamedActor | null;
  /** The actor of the decision event itself (the review process records an inclusion). */
  readonly recordedBy: NamedActor | null;
  readonly decidedAt: string | null;
  readonly decidedAtLocal: string | null;
  readonly decisionNumber: string | null;
  readonly decisionDate: string | null;
  readonly grounds: readonly LabelledGround[];
  readonly groundsListVersion: string | null;
  readonly amounts: AmountsAnswer;
  readonly deadline: DeadlineAnswer | null;
  /** Null until decided. */
  readonly met: boolean | null;
  readonly workingDaysLate: number | null;
  readonly reschedulings: readonly ReschedulingAnswer[];
  readonly summary: string;
}

type Decision = ApplicationIncluded | ApplicationRefused;
const asEvent = (entry: AuditEntry) => ({ type: entry.type, data: entry.data }) as unknown as ApplicationEvent;

/** The decision answer from an application's history (its entries in revision order). */
export function decisionOf(
  applicationId: string,
  entries: readonly AuditEntry[],
  language: TimelineLanguage,
  narrator: TimelineNarrator,
  law: LawReading,
): DecisionAnswer {
  const book = PHRASEBOOKS[language];
  const say = narrator.say(language);
  const named = (actor: AuditEntry['actor']): NamedActor => ({ ...actor, text: book.actor(actor) });
  const status = entries.reduce(
    (state, entry) => applicationDecider.evolve(state, asEvent(entry)),
    applicationDecider.initialState(),
  ).status;
  const decisionAt = entries.findLastIndex((e) => e.type === 'ApplicationIncluded' || e.type === 'ApplicationRefused');
  const before = decisionAt < 0 ? entries : entries.slice(0, decisionAt);
  const deadline = lastDeadline(before);
  const reschedulings = entries
    .filter((e) => e.type === 'ReviewDeadlineRescheduled')
    .map((e) => rescheduling(e, narrator, language));
  const amounts = amountsOf(entries, law);
  if (decisionAt < 0)
    return {
      ...undecidedAnswer(applicationId, language, status, deadline, amounts, reschedulings),
      summary: book.undecided({ status, dueAt: deadline?.dueAt ?? null }, say),
    };
  const entry = entries[decisionAt]!;
  const decision = asEvent(entry) as Decision;
  const review = before.findLast((e) => e.type === 'ApplicationReviewed');
  const decidedBy = named(judgeOf(entry, review));
  const grounds =
    decision.type === 'ApplicationRefused' ? say.grounds(decision.data.grounds, decision.data.groundsListVersion) : [];
  const late = workingDaysLate(decision.data, deadline?.calendarVersion ?? null, law);
  return {
    applicationId,
    language,
    decided: true,
    status,
    outcome: decision.type === 'ApplicationIncluded' ? 'included' : 'refused',
    decidedBy,
    recordedBy: named(entry.actor),
    decidedAt: decision.data.decidedAt,
    decidedAtLocal: almatyIso(decision.data.decidedAt),
    decisionNumber: decision.data.decision.number,
    decisionDate: decision.data.decision.date,
    grounds,
    groundsListVersion: decision.type === 'ApplicationRefused' ? decision.data.groundsListVersion : null,
    amounts,
    deadline,
    met: !decision.data.late,
    workingDaysLate: late,
    reschedulings,
    summary: book.decided(
      {
        outcome: decision.type === 'ApplicationIncluded' ? 'included' : 'refused',
        decidedBy: decidedBy.text,
        decidedAt: decision.data.decidedAt,
        decision: decision.data.decision,
        grounds,
        dueAt: decision.data.dueAt,
        late: decision.data.late,
        workingDaysLate: late,
        calendarVersion: deadline?.calendarVersion ?? null,
        totalSubsidy: amounts.total,
        mci: amounts.mci,
      },
      say,
    ),
  };
}

function undecidedAnswer(
  applicationId: string,
  language: TimelineLanguage,
  status: ApplicationState['status'],
  deadline: DeadlineAnswer | null,
  amounts: AmountsAnswer,
  reschedulings: readonly ReschedulingAnswer[],
): Omit<DecisionAnswer, 'summary'> {
  return {
    applicationId,
    language,
    decided: false,
    status,
    outcome: null,
    decidedBy: null,
    recordedBy: null,
    decidedAt: null,
    decidedAtLocal: null,
    decisionNumber: null,
    decisionDate: null,
    grounds: [],
    groundsListVersion: null,
    amounts,
    deadline,
    met: null,
    workingDaysLate: null,
    reschedulings,
  };
}

/**
 * Whose judgement the decision is. A decision recorded by the process follows a review whose verdict
 * it carries out (eligible → included; not eligible → refused): the reviewer decided. A refusal the
 * process records after an eligible review (the quota exhausted, a person included elsewhere) is the
 * process's own; a supervisor's refusal is the supervisor's.
 */
function judgeOf(decision: AuditEntry, review: AuditEntry | undefined): AuditEntry['actor'] {
  if (decision.actor.role !== 'system' || review === undefined) return decision.actor;
  const verdict = (review.data as unknown as ApplicationReviewed['data']).verdict;
  const carriesOut = decision.type === 'ApplicationIncluded' ? verdict === 'eligible' : verdict === 'not-eligible';
  return carriesOut ? review.actor : decision.actor;
}

/** The deadline in force before the decision: the last one scheduled or moved. */
function lastDeadline(entries: readonly AuditEntry[]): DeadlineAnswer | null {
  const last = entries.findLast((e) => e.type === 'ReviewDeadlineScheduled' || e.type === 'ReviewDeadlineRescheduled');
  if (!last) return null;
  const deadline =
    last.type === 'ReviewDeadlineScheduled'
      ? (last.data as unknown as ScheduledDeadline)
      : (last.data as unknown as ReviewDeadlineRescheduled['data']).deadline;
  return {
    dueAt: deadline.dueAt,
    dueAtLocal: almatyIso(deadline.dueAt),
    dueOn: deadline.dueOn,
    acceptedOn: deadline.acceptedOn,
    calendarVersion: deadline.calendarVersion,
    calendarProvisional: deadline.calendarProvisional,
  };
}

function rescheduling(entry: AuditEntry, narrator: TimelineNarrator, language: TimelineLanguage): ReschedulingAnswer {
  const data = entry.data as unknown as ReviewDeadlineRescheduled['data'];
  return {
    at: data.rescheduledAt,
    atLocal: almatyIso(data.rescheduledAt),
    fromDueAt: data.previous.dueAt,
    toDueAt: data.deadline.dueAt,
    calendarVersion: data.deadline.calendarVersion,
    text: narrator.tell(entry, language).text,
  };
}

function amountsOf(entries: readonly AuditEntry[], law: LawReading): AmountsAnswer {
  const grants = entries
    .filter((e) => e.type === 'SubsidyGranted')
    .map((e) => e.data as unknown as SubsidyGranted['data']);
  const amountOf = (kind: 'relocation' | 'rent') =>
    grants.filter((g) => g.kind === kind).reduce<number | null>((sum, g) => (sum ?? 0) + g.amount, null);
  const relocation = amountOf('relocation');
  const rent = amountOf('rent');
  const first = grants[0];
  return {
    relocation,
    rent,
    total: relocation === null && rent === null ? null : (relocation ?? 0) + (rent ?? 0),
    mci: first ? { ...first.mci, tableVersion: mciTableVersionOf(first.mci, first.grantedAt, law) } : null,
  };
}
