import type { Remedy } from '@domain/application';
import { KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { SeededRandom } from '@libs/seeded-random';
import { eligibleReview, PlannedApplication, Step, supervisorOf } from './plan';

/**
 * Who complains in the seed, and how each complaint ends (issue 20, ADR 32). Decided per application
 * from the seed and the application's index alone, so a seed stays deterministic whatever order the
 * workflow decides in:
 *
 * - a refused applicant complains in about half the refusals, two working days after the decision;
 *   a supervisor answers within the 5 working days, by turns: satisfied with the application
 *   included, rejected with reasons, satisfied with the application returned to review (a reviewer
 *   then takes it and finds it eligible), rejected again;
 * - the first included applicant with the time for it complains against the amounts, and is refused;
 * - the first rejected complaint with the time for it goes to the authority for the quality of public
 *   services, whose decision (satisfied: include) the service records ten working days later.
 *
 * A chain is planned only when its last step falls within the seeded period: no complaint is left
 * half done by the end of the seed (a step after `--to` never happens).
 */
export interface FollowUp {
  /** Working days after the day of the decision complained of. */
  readonly after: number;
  readonly morning: boolean;
  readonly step: Step;
}

export interface ComplaintPlanner {
  /** The steps after a refusal taken today, `daysLeft` working days before the seed's end. */
  afterRefusal(app: PlannedApplication, daysLeft: number): FollowUp[];
  /** The steps after an inclusion taken today. */
  afterInclusion(app: PlannedApplication, daysLeft: number): FollowUp[];
}

const REFUSAL_COMPLAINTS = [
  'The documents were complete: the translation was certified, the certificate is attached again',
  'The family meets the conditions of the programme; please reconsider',
  'The reviewer did not take the archive certificate into account',
];
const AMOUNTS_COMPLAINT = 'The relocation subsidy should count the grandmother who moves with the family';
const SATISFIED_REASONS = [
  'The complaint is right: the document was valid when the application was filed',
  'The archive certificate confirms the applicant’s status',
];
const REJECTED_REASONS = [
  'The refusal stands: the documents did not meet the requirements on the day of the review',
  'The grounds of the refusal are confirmed by the migration service',
];
/** The answers to refusal complaints, by turns: every remedy appears once a seed has three complaints. */
const ANSWERS: ReadonlyArray<Remedy | 'rejected'> = ['include', 'rejected', 'return-to-review', 'rejected'];
const AUTHORITY = 'Committee for the quality of public services, West Kazakhstan department';

export function complaintPlanner(
  idSalt: string,
  calendarDayOf: (workingDaysAhead: number) => string,
): ComplaintPlanner {
  const complained = new Set<number>();
  let amountsPlanned = false;
  let authorityPlanned = false;
  let answered = 0;
  const idOf = (app: PlannedApplication) => uuidV5(`seed:${idSalt}:complaint:${app.index}`, KANDAS_NAMESPACE);

  return {
    afterRefusal(app, daysLeft) {
      if (complained.has(app.index)) return [];
      const random = SeededRandom.fromSeed(`${idSalt}:complaint:${app.index}`);
      if (!random.chance(0.5)) return [];
      const filed = 2;
      const answerDay = filed + random.int(1, 4);
      const turn = ANSWERS[answered % ANSWERS.length]!;
      const remedy = turn === 'rejected' ? null : turn;
      const tail = remedy === 'return-to-review' ? 2 : !remedy && !authorityPlanned ? 10 : 0;
      if (answerDay + tail > daysLeft) return [];
      complained.add(app.index);
      answered += 1;
      const complaintId = idOf(app);
      const supervisorId = supervisorOf(app.region);
      const steps: FollowUp[] = [
        {
          after: filed,
          morning: true,
          step: { kind: 'file-complaint', complaintId, against: 'refusal', text: random.pick(REFUSAL_COMPLAINTS) },
        },
        {
          after: answerDay,
          morning: false,
          step: {
            kind: 'answer-complaint',
            complaintId,
            supervisorId,
            answer: remedy
              ? { outcome: 'satisfied', remedy, reason: random.pick(SATISFIED_REASONS) }
              : { outcome: 'rejected', reasons: random.pick(REJECTED_REASONS) },
          },
        },
      ];
      if (remedy === 'return-to-review')
        steps.push(
          { after: answerDay + 1, morning: true, step: { kind: 'start-review', reviewerId: app.reviewerId } },
          { after: answerDay + 2, morning: false, step: eligibleReview(app, app.reviewerId) },
        );
      if (tail === 10) {
        authorityPlanned = true;
        steps.push({
          after: answerDay + 10,
          morning: true,
          step: {
            kind: 'record-authority-decision',
            complaintId,
            authority: AUTHORITY,
            documentNumber: `ЖТ-${app.index}`,
            date: calendarDayOf(answerDay + 9),
            remedy: 'include',
          },
        });
      }
      return steps;
    },

    afterInclusion(app, daysLeft) {
      if (amountsPlanned || complained.has(app.index) || daysLeft < 5) return [];
      amountsPlanned = true;
      complained.add(app.index);
      const complaintId = idOf(app);
      return [
        {
          after: 3,
          morning: true,
          step: { kind: 'file-complaint', complaintId, against: 'inclusion-amounts', text: AMOUNTS_COMPLAINT },
        },
        {
          after: 5,
          morning: false,
          step: {
            kind: 'answer-complaint',
            complaintId,
            supervisorId: supervisorOf(app.region),
            answer: {
              outcome: 'rejected',
              reasons: 'The subsidy counts the persons of the application; a relative not on it is not counted',
            },
          },
        },
      ];
    },
  };
}
