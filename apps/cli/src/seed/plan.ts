import {
  ApplicationSubmission,
  ComplaintAgainst,
  CURRENT_REFUSAL_GROUNDS,
  DocumentFinding,
  personsIn,
  Remedy,
  Verdict,
} from '@domain/application';
import { WorkingDayCalendar } from '@domain/calendar';
import { QuotaOrder } from '@domain/quota';
import { ApplicantCategory, RegionCode } from '@domain/shared/region';
import { KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { addDays, almatyInstant } from './dates';
import { familySize, generateFamily, KANDAS_ORIGINS } from './people';
import { SeededRandom } from '@libs/seeded-random';
import { buildSubmission } from './submission-builder';

/**
 * What the simulation means to do with an application. The outcome itself is the workflow's: an
 * "eligible" one may still be refused because its region's quota is exhausted, and a step that
 * would fall after `--to` never happens, so the application is still open at the end.
 */
export type Intent =
  /** Reviewed on time and found eligible: included if the quota has room. */
  | 'eligible'
  /** Reviewed on time and refused on the reviewer's grounds. */
  | 'not-eligible'
  /** Breached, escalated, reassigned by a supervisor, then decided after the due date. */
  | 'late'
  /** Breached and escalated, still undecided at the end. */
  | 'stuck'
  /** The applicant withdraws before a decision. */
  | 'withdraw'
  /** Reviewed on the due day, after the at-risk warning: on time, or open and at risk at the end. */
  | 'slow';

export interface PlannedApplication {
  readonly index: number;
  readonly applicationId: string;
  readonly region: RegionCode;
  readonly category: ApplicantCategory;
  readonly submission: ApplicationSubmission;
  readonly persons: number;
  readonly intent: Intent;
  readonly reviewerId: string;
}

export interface ReviewStep {
  readonly kind: 'record-review';
  readonly reviewerId: string;
  readonly verdict: Verdict;
  readonly findings: readonly DocumentFinding[];
  readonly grounds: readonly string[];
  readonly comment?: string;
}

export type Step =
  | { readonly kind: 'submit' }
  | { readonly kind: 'sign' }
  | { readonly kind: 'start-review'; readonly reviewerId: string }
  | ReviewStep
  | { readonly kind: 'reassign'; readonly supervisorId: string; readonly toReviewerId: string; readonly reason: string }
  | { readonly kind: 'withdraw'; readonly reason: string }
  | ComplaintStep
  /** The included family arrives (ADR 33): its account at the seed's bank. */
  | { readonly kind: 'arrive'; readonly bankCode: string; readonly account: string };

/** The steps of a complaint (ADR 32): the simulation plans them once a decision is taken (`complaints.ts`). */
export type ComplaintStep =
  | {
      readonly kind: 'file-complaint';
      readonly complaintId: string;
      readonly against: ComplaintAgainst;
      readonly text: string;
    }
  | {
      readonly kind: 'answer-complaint';
      readonly complaintId: string;
      readonly supervisorId: string;
      readonly answer:
        | { readonly outcome: 'satisfied'; readonly remedy: Remedy; readonly reason: string }
        | { readonly outcome: 'rejected'; readonly reasons: string };
    }
  | {
      readonly kind: 'record-authority-decision';
      readonly complaintId: string;
      readonly authority: string;
      readonly documentNumber: string;
      readonly date: string;
      readonly remedy: Remedy;
    };

/** One step of one application at a simulated instant (a working day and a local time). */
export interface Action {
  readonly day: number;
  /** Minutes after local midnight (Asia/Almaty). */
  readonly minute: number;
  readonly seq: number;
  readonly application: PlannedApplication;
  readonly step: Step;
}

export interface SeedPlan {
  readonly year: number;
  /** The order that sets the year's capacities. */
  readonly orderRef: { readonly number: string; readonly date: string };
  /** The working days from `--from` to `--to`, in order: the simulation's days. */
  readonly workingDays: readonly string[];
  readonly applications: readonly PlannedApplication[];
  /** Bucketed by working-day index, each bucket in time order. */
  readonly actionsByDay: ReadonlyArray<readonly Action[]>;
  readonly quotas: ReadonlyArray<{
    readonly region: RegionCode;
    readonly category: ApplicantCategory;
    readonly capacity: number;
  }>;
}

export interface PlanOptions {
  readonly applications: number;
  readonly seed: string;
  readonly from: string;
  readonly to: string;
  readonly order: QuotaOrder;
  readonly calendar: WorkingDayCalendar;
  /** Mixed into every id: a second (forced) seed of the same store gets new ids. */
  readonly idSalt: string;
  /**
   * IINs the store already names (a forced seed): no new family is given one, since a person may be
   * on one open application only (ADR 16). Empty for a fresh store, which keeps a seed's output.
   */
  readonly takenIins?: ReadonlySet<string>;
}

/** The deadline scheduler's tick and the end of working hours: 18:30 local. */
export const END_OF_DAY_MINUTE = 18 * 60 + 30;
const WORKDAY_START_MINUTE = 9 * 60;

/**
 * West Kazakhstan's kandas quota (30 persons) is small and in demand: it gets three times its share
 * of applications, so that the demo shows a quota running out and families refused on
 * QUOTA_EXHAUSTED.
 */
const IN_DEMAND: ReadonlyArray<{ region: RegionCode; category: ApplicantCategory; factor: number }> = [
  { region: 'west_kazakhstan', category: 'kandas', factor: 3 },
];

/** Reviewers of the regional offices, and the supervisors who take escalated reviews. */
const REVIEWERS: Readonly<Partial<Record<RegionCode, readonly string[]>>> = {
  pavlodar: ['reviewer-1', 'reviewer-2'],
  north_kazakhstan: ['reviewer-3', 'reviewer-4'],
  akmola: ['reviewer-5'],
  kostanay: ['reviewer-5', 'reviewer-10'],
  abai: ['reviewer-6'],
  east_kazakhstan: ['reviewer-6', 'reviewer-7'],
  atyrau: ['reviewer-8'],
  west_kazakhstan: ['reviewer-8'],
  ulytau: ['reviewer-9'],
  karaganda: ['reviewer-9'],
};
const ALL_REVIEWERS = Array.from({ length: 10 }, (_, i) => `reviewer-${i + 1}`);
const NORTH_SUPERVISED: readonly RegionCode[] = ['pavlodar', 'north_kazakhstan', 'akmola', 'kostanay'];

const WITHDRAWAL_REASONS = [
  'The family decided to stay',
  'Moving to another region on their own',
  'Applicant found work abroad',
  'Family circumstances: will apply next year',
  'Housing in the receiving settlement did not suit the family',
];
const REASSIGN_REASONS = [
  'Escalated: reviewer on leave',
  'Escalated: reviewer overloaded',
  'Escalated: supervisor takes over the review',
];

/** Rates of the rarer intents, of all applications (at least one each when time allows). */
const RATES = { late: 0.07, stuck: 0.04, withdraw: 0.08, 'not-eligible': 0.18, slow: 0.012 } as const;

export function planSeed(options: PlanOptions): SeedPlan {
  const random = SeededRandom.fromSeed(options.seed);
  const workingDays = workingDaysBetween(options.calendar, options.from, options.to);
  if (workingDays.length === 0) throw new Error(`no working day between ${options.from} and ${options.to}`);
  const last = workingDays.length - 1;
  const quotas = quotasOf(options.order);
  const weights = quotas.map(
    (q) =>
      [
        q,
        Math.sqrt(q.capacity) *
          (IN_DEMAND.find((d) => d.region === q.region && d.category === q.category)?.factor ?? 1),
      ] as const,
  );

  // When and where: a quota (region and category) and an instant on a working day.
  const drafts = Array.from({ length: options.applications }, (_, draw) => {
    const quota = random.weighted(weights);
    const day = random.int(0, last);
    const minute = random.chance(0.92)
      ? random.int(WORKDAY_START_MINUTE + 5, 18 * 60 + 10)
      : random.int(END_OF_DAY_MINUTE + 5, 21 * 60 + 45);
    return { draw, quota, day, minute, signMinute: minute + random.int(2, 20) };
  }).sort((a, b) => a.day - b.day || a.minute - b.minute || a.draw - b.draw);

  // Who: a family, its package, and an id derived from the seed and the order of submission.
  // One set for the whole plan: no person is on two applications of the seed, nor on one already stored.
  const iins = new Set<string>(options.takenIins);
  const people = drafts.map((draft, index) => {
    const date = workingDays[draft.day]!;
    const submittedAt = almatyInstant(date, draft.minute);
    const applicationId = uuidV5(`seed:${options.idSalt}:application:${index}`, KANDAS_NAMESPACE);
    const { region, category } = draft.quota;
    const originCountry = category === 'kandas' ? random.weighted(KANDAS_ORIGINS) : undefined;
    const family = generateFamily(random, { category, size: familySize(random), today: date, originCountry, iins });
    const submission = buildSubmission(random, {
      applicationId,
      family,
      category,
      region,
      year: options.order.year,
      submittedAt,
      today: date,
      originCountry,
    });
    // Signed within working hours: accepted that day; else on the next working day.
    const accepted =
      draft.signMinute >= WORKDAY_START_MINUTE && draft.signMinute < END_OF_DAY_MINUTE ? draft.day : draft.day + 1;
    return { draft, index, applicationId, region, category, submission, accepted };
  });

  const intents = assignIntents(
    random,
    people.map((p) => last - p.accepted),
  );
  const actions: Action[] = [];
  let seq = 0;
  const applications = people.map((p, i): PlannedApplication => {
    const reviewers = REVIEWERS[p.region] ?? ALL_REVIEWERS;
    const application: PlannedApplication = {
      index: p.index,
      applicationId: p.applicationId,
      region: p.region,
      category: p.category,
      submission: p.submission,
      persons: personsIn(p.submission),
      intent: intents[i]!,
      reviewerId: random.pick(reviewers),
    };
    const add = (day: number, minute: number, step: Step) => {
      if (day <= last) actions.push({ day, minute, seq: seq++, application, step });
    };
    add(p.draft.day, p.draft.minute, { kind: 'submit' });
    add(p.draft.day, p.draft.signMinute, { kind: 'sign' });
    scheduleIntent(random, application, p.accepted, last, add);
    return application;
  });

  const actionsByDay: Action[][] = workingDays.map(() => []);
  for (const action of actions) actionsByDay[action.day]!.push(action);
  for (const bucket of actionsByDay) bucket.sort((a, b) => a.minute - b.minute || a.seq - b.seq);
  if (!options.order.date) throw new Error(`the ${options.order.year} quota order has no date`);
  const orderRef = { number: options.order.number, date: options.order.date };
  return { year: options.order.year, orderRef, workingDays, applications, actionsByDay, quotas };
}

/** The working days of the calendar from `from` to `to`, both included. */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) days.push(day);
  return days;
}

function quotasOf(order: QuotaOrder): SeedPlan['quotas'] {
  return (['kandas', 'resettler'] as const).flatMap((category) =>
    Object.entries(order.categories[category].regions)
      .filter(([, capacity]) => (capacity ?? 0) > 0)
      .map(([region, capacity]) => ({ region: region as RegionCode, category, capacity: capacity })),
  );
}

/**
 * The intents, by the working days each application has left after its acceptance day: a late
 * decision needs ~19 of them (due after 14, escalated, reassigned, decided), a breach 15, an
 * application still at risk at the end 11 to 13. The rarer intents are given first, to randomly
 * chosen applications with the time they need; the rest are "eligible".
 */
function assignIntents(random: SeededRandom, daysLeft: readonly number[]): Intent[] {
  const n = daysLeft.length;
  const intents: Intent[] = Array.from({ length: n }, () => 'eligible');
  const free = new Set(random.shuffle(daysLeft.map((_, i) => i)));
  const give = (intent: Intent, rate: number, fits: (left: number) => boolean) => {
    let wanted = Math.max(1, Math.round(rate * n));
    for (const i of free) {
      if (wanted === 0) break;
      if (!fits(daysLeft[i]!)) continue;
      intents[i] = intent;
      free.delete(i);
      wanted -= 1;
    }
  };
  give('late', RATES.late, (left) => left >= 20);
  give('stuck', RATES.stuck, (left) => left >= 15);
  give('slow', RATES.slow, (left) => left >= 11 && left <= 13);
  give('withdraw', RATES.withdraw, (left) => left >= 4);
  give('not-eligible', RATES['not-eligible'], () => true);
  return intents;
}

type Add = (day: number, minute: number, step: Step) => void;

/** Morning for starting and reassigning, afternoon for recording: one day's steps stay in order. */
const morning = (random: SeededRandom) => random.int(9 * 60 + 30, 13 * 60);
const afternoon = (random: SeededRandom) => random.int(13 * 60 + 20, 18 * 60 + 15);

/** The steps after signing, in working days after the acceptance day `a` (due at the end of a + 14). */
function scheduleIntent(random: SeededRandom, app: PlannedApplication, a: number, last: number, add: Add): void {
  const reviewerId = app.reviewerId;
  const start = a + random.int(1, 4);
  switch (app.intent) {
    case 'eligible':
    case 'not-eligible': {
      add(start, morning(random), { kind: 'start-review', reviewerId });
      // Most reviews take a few days; some wait until after the at-risk warning (a + 11), still on time.
      const record = random.chance(0.15) ? a + random.int(12, 14) : start + random.int(0, 5);
      add(
        record,
        afternoon(random),
        review(random, app, reviewerId, app.intent === 'eligible' ? 'eligible' : 'not-eligible'),
      );
      return;
    }
    case 'slow': {
      add(start, morning(random), { kind: 'start-review', reviewerId });
      add(a + 14, afternoon(random), review(random, app, reviewerId, random.chance(0.8) ? 'eligible' : 'not-eligible'));
      return;
    }
    case 'late': {
      add(start, morning(random), { kind: 'start-review', reviewerId });
      const toReviewerId = random.pick(ALL_REVIEWERS.filter((r) => r !== reviewerId));
      add(a + 15, morning(random), {
        kind: 'reassign',
        supervisorId: supervisorOf(app.region),
        toReviewerId,
        reason: random.pick(REASSIGN_REASONS),
      });
      add(
        a + random.int(15, 19),
        afternoon(random),
        review(random, app, toReviewerId, random.chance(0.65) ? 'eligible' : 'not-eligible'),
      );
      return;
    }
    case 'stuck': {
      if (random.chance(0.8)) add(start, morning(random), { kind: 'start-review', reviewerId });
      if (random.chance(0.5)) {
        const toReviewerId = random.pick(ALL_REVIEWERS.filter((r) => r !== reviewerId));
        add(a + 15, morning(random), {
          kind: 'reassign',
          supervisorId: supervisorOf(app.region),
          toReviewerId,
          reason: random.pick(REASSIGN_REASONS),
        });
      }
      return;
    }
    case 'withdraw': {
      const withdraw = a + random.int(1, Math.max(1, Math.min(10, last - a)));
      if (withdraw > a + 1 && random.chance(0.4)) add(a + 1, morning(random), { kind: 'start-review', reviewerId });
      add(withdraw, afternoon(random), { kind: 'withdraw', reason: random.pick(WITHDRAWAL_REASONS) });
      return;
    }
  }
}

export function supervisorOf(region: RegionCode): string {
  return NORTH_SUPERVISED.includes(region) ? 'supervisor-1' : 'supervisor-2';
}

/** Grounds a reviewer refuses on, with the document each rejects (if any) and a comment. */
const REFUSALS: ReadonlyArray<
  readonly [
    { grounds: string[]; reject?: string; note?: string; comment?: (app: PlannedApplication) => string },
    number,
  ]
> = [
  [{ grounds: ['INCOMPLETE_DOCUMENTS'], reject: 'education', note: 'diploma supplement missing' }, 18],
  [{ grounds: ['INCOMPLETE_DOCUMENTS'], reject: 'passport-copy', note: 'pages with residence stamps not attached' }, 7],
  [
    {
      grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
      reject: 'notarised-translation-kk',
      note: 'translation not certified by a notary',
    },
    12,
  ],
  [{ grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'], reject: 'passport-copy', note: 'passport copy unreadable' }, 12],
  [
    {
      grounds: ['INCOMPLETE_DOCUMENTS', 'INVALID_OR_EXPIRED_DOCUMENTS'],
      reject: 'notarised-translation-ru',
      note: 'translation of another document attached',
    },
    6,
  ],
  [
    {
      grounds: ['FALSE_OR_INCONSISTENT_DATA'],
      comment: () => 'Birth date in the passport differs from the application',
    },
    10,
  ],
  [
    {
      grounds: ['APPLICANT_NOT_ELIGIBLE'],
      comment: (app) =>
        app.category === 'kandas'
          ? 'Kandas status not confirmed by the migration service'
          : 'Not registered as a job seeker at the time of the check',
    },
    14,
  ],
  [
    {
      grounds: ['DUPLICATE_OR_SUPPORT_RECEIVED'],
      comment: () => 'Resettlement support already received under an earlier quota',
    },
    11,
  ],
  [
    { grounds: ['OTHER'], comment: () => 'The receiving settlement withdrew from the regional resettlement programme' },
    6,
  ],
];

/** A review that accepts every document. */
export function eligibleReview(app: PlannedApplication, reviewerId: string): ReviewStep {
  return {
    kind: 'record-review',
    reviewerId,
    verdict: 'eligible',
    grounds: [],
    findings: app.submission.documents.map((_, documentIndex) => ({ documentIndex, accepted: true })),
  };
}

function review(random: SeededRandom, app: PlannedApplication, reviewerId: string, verdict: Verdict): ReviewStep {
  const documents = app.submission.documents;
  if (verdict === 'eligible') return eligibleReview(app, reviewerId);
  const refusal = random.weighted(REFUSALS);
  const rejected = refusal.reject ? documents.findIndex((d) => d.kind === refusal.reject) : -1;
  const findings = documents.map((_, documentIndex) =>
    documentIndex === rejected
      ? { documentIndex, accepted: false, note: refusal.note ?? 'rejected' }
      : { documentIndex, accepted: true },
  );
  const grounds = refusal.grounds.filter((code) => CURRENT_REFUSAL_GROUNDS.grounds.some((g) => g.code === code));
  const comment = refusal.comment?.(app);
  return { kind: 'record-review', reviewerId, verdict, grounds, findings, ...(comment ? { comment } : {}) };
}
