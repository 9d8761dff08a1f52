import type { LegalBasis } from '@domain/law';
import { REGIONS, type RegionCode } from '@domain/shared/region';
import type { DecisionPhrases } from './decision-facts';
import { proposerClause, type ActorRef, type LabelledGround, type Phrasebook, type Say } from './phrasebook';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const persons = (n: number) => count(n, 'person', 'persons');
const places = (n: number) => count(n, 'place', 'places');

const SYSTEM: Readonly<Record<string, string>> = {
  'review-saga': 'the system (review process)',
  'sla-scheduler': 'the system (deadline scheduler)',
  'law-follower': 'the system (law follower)',
  'quota-orders': 'the system (quota orders)',
  'system/law-baseline': 'the system (law baseline)',
};
const CATEGORY = { kandas: 'kandas', resettler: 'resettler' } as const;
const FLAGS = { 'at-risk': '“at risk”', breach: '“breached”' } as const;
const STATUS = {
  none: 'no application',
  submitted: 'submitted, not signed',
  signed: 'signed, awaiting review',
  'under-review': 'under review',
  reviewed: 'reviewed, awaiting the decision',
  'refusal-proposed': 'a refusal proposed, the applicant to be heard',
  included: 'included',
  refused: 'refused',
  withdrawn: 'withdrawn',
} as const;

const region = (code: string): string => REGIONS[code as RegionCode]?.en ?? code;
const role = (r: 'applicant' | 'family-member') => (r === 'applicant' ? 'the applicant' : 'a family member');
const groundList = (grounds: readonly LabelledGround[]) =>
  grounds.map((g) => (g.label === null ? g.code : `“${g.label}” (${g.code})`)).join(', ');
const act = (basis: LegalBasis, say: Say) =>
  `${basis.kind}${basis.number ? ` No. ${basis.number}` : ''} of ${say.date(basis.date)} “${basis.title}”`;
const basis = (d: { legalBasis: LegalBasis; takesEffectOn: string }, say: Say) =>
  `basis: ${act(d.legalBasis, say)}; in effect from ${say.date(d.takesEffectOn)}`;
const instalmentEn = (key: string): string =>
  key === 'relocation' ? 'the relocation subsidy' : `rent, month ${Number(key.slice('rent-'.length))}`;
const STOP_EN = {
  'inclusion-revoked': 'the inclusion was revoked',
  departed: 'the family left the region',
  renounced: 'the family renounced the support',
} as const;
const RECOVERY_EN = {
  'all-paid': 'everything paid',
  'paid-after-stop': 'what was paid for the time after the stop',
  none: 'nothing',
} as const;
const SETTLEMENT_EN = { city: 'the city', town: 'the town', village: 'the village' } as const;
const quota = (q: { region: string; year: number; category: keyof typeof CATEGORY }) =>
  `${region(q.region)}, ${q.year}, category “${CATEGORY[q.category]}”`;
const decision = (d: { number: string; date: string }, say: Pick<Say, 'date'>) =>
  `decision No. ${d.number} of ${say.date(d.date)}`;
const timeliness = (t: { dueAt: string | null; late: boolean }, say: Pick<Say, 'dateTime'>) =>
  t.dueAt === null ? 'no review deadline was set' : `deadline (${say.dateTime(t.dueAt)}) ${t.late ? 'missed' : 'met'}`;

const SOURCE = {
  review: 'the review found the application not eligible',
  supervisor: "the supervisor's intention",
  quota: 'the quota is exhausted',
} as const;
const WAY = { 'in-person': 'in person', 'video-call': 'by video call', 'in-writing': 'in writing' } as const;
const ATTENDANCE = {
  attended: 'the applicant attended',
  absent: 'the applicant did not come',
  'in-writing': 'the applicant stated the position in writing',
} as const;
const AGAINST = {
  refusal: 'the refusal',
  'inclusion-amounts': 'the subsidy amounts of the inclusion',
  'missed-term': 'a missed review term',
} as const;
const REMEDY = {
  'return-to-review': 'the application returns to review',
  include: 'the application is to be included in the quota',
} as const;
const SUBSIDY = { relocation: 'relocation', rent: 'rent and utilities' } as const;

/** English, for auditors from outside Kazakhstan. */
export const EN: Phrasebook & DecisionPhrases = {
  actor({ id, role: actorRole }: ActorRef): string {
    if (actorRole === 'system') return SYSTEM[id] ?? `the system (${id})`;
    if (actorRole === 'portal' && id === 'egov') return 'the eGov portal';
    // The other roles are English words already; this one alone is not a person's title.
    if (actorRole === 'payments') return `payments officer ${id}`;
    return `${actorRole} ${id}`;
  },
  sentence: (when, actor, body) => `${when} — ${actor}: ${body}.`,
  events: {
    ApplicationSubmitted: ({ submission }) =>
      `the applicant's application for inclusion in the quota was submitted — ${quota({ ...submission, category: submission.applicant.category })}, ${persons(1 + submission.familyMembers.length)}`,
    SigningCodeIssued: (d, say) =>
      `a one-time signing code was sent to the applicant, valid until ${say.dateTime(d.expiresAt)}, ${d.maxAttempts} attempts`,
    SigningCodeRejected: (d) => `a wrong signing code was entered (attempt ${d.attempt}, ${d.attemptsLeft} left)`,
    ApplicationSigned: (d) =>
      `the applicant signed the application with ${d.method === 'otp' ? 'a one-time code' : 'a digital signature (EDS)'}`,
    ReviewDeadlineScheduled: (d, say) =>
      `the review deadline was set — due ${say.dateTime(d.dueAt)} (accepted for review on ${say.date(d.acceptedOn)}, at risk from ${say.dateTime(d.atRiskAt)}; calendar ${d.calendarVersion}${d.calendarProvisional ? ', provisional' : ''})`,
    ReviewDeadlineRescheduled: (d, say) =>
      [
        `the review deadline moved from ${say.dateTime(d.previous.dueAt)} to ${say.dateTime(d.deadline.dueAt)} (calendar ${d.deadline.calendarVersion})`,
        d.amendment
          ? `basis: ${act(d.amendment.legalBasis, say)}`
          : 'a deadline computed under an outdated calendar was recomputed',
        ...(d.corrected.length > 0
          ? [`flags already raised (${d.corrected.map((f) => FLAGS[f]).join(', ')}) corrected`]
          : []),
        ...(d.escalationStands ? ['the escalation stands'] : []),
      ].join('; '),
    ReviewStarted: (d) => `the review started (reviewer ${d.reviewerId})`,
    ReviewReassigned: (d) =>
      `the review was reassigned ${d.fromReviewerId ? `from reviewer ${d.fromReviewerId} ` : ''}to reviewer ${d.toReviewerId}`,
    ApplicationReviewed: (d, say) => {
      const rejected = d.findings.filter((f) => !f.accepted).length;
      const verdict =
        d.verdict === 'eligible'
          ? `the application was found eligible (${persons(d.persons)})`
          : `the application was found not eligible; grounds: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (grounds list version ${d.groundsListVersion})`;
      return rejected > 0 ? `${verdict}; documents not accepted: ${rejected}` : verdict;
    },
    ApplicationIncluded: (d, say) =>
      `the application was included in the quota (${quota(d)}, ${persons(d.persons)}); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    ApplicationRefused: (d, say) =>
      `inclusion in the quota was refused; grounds: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (grounds list version ${d.groundsListVersion}); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    SubsidyGranted: (d, say) =>
      d.kind === 'relocation'
        ? `a relocation subsidy was granted — ${say.tenge(d.amount)} (70 MCI × ${persons(d.inputs.persons)}; MCI ${d.mci.year}: ${say.tenge(d.mci.value)})`
        : `a rent and utilities subsidy was granted — ${say.tenge(d.amount)} (${d.inputs.monthlyRateMci} MCI a month × 12 months, ${say.tenge(d.inputs.monthlyAmount)} a month; MCI ${d.mci.year}: ${say.tenge(d.mci.value)}; rate table version ${d.inputs.rateTable.version})`,
    ApplicationWithdrawn: () => 'the applicant withdrew the application',
    ReviewSlaAtRisk: (d, say) => `the review deadline is at risk: the decision is due by ${say.dateTime(d.dueAt)}`,
    ReviewSlaBreached: (d, say) => `the review deadline (${say.dateTime(d.dueAt)}) passed without a decision`,
    ReviewEscalated: () => 'the review was escalated to the supervisors',
    HearingNoticeDeadlineScheduled: (d, say) =>
      `a preliminary refusal, if any, must be notified to the applicant by ${say.dateTime(d.noticeDueBy)}, ahead of the review's due day (${say.date(d.reviewDueOn)}); at risk from ${say.dateTime(d.atRiskAt)}; hearing terms version ${d.termsVersion}, calendar ${d.calendarVersion}`,
    HearingNoticeAtRisk: (d, say) =>
      `the deadline to notify a preliminary refusal is at risk: the applicant must be told by ${say.dateTime(d.noticeDueBy)}`,
    HearingNoticeBreached: (d, say) =>
      `the deadline to notify a preliminary refusal (${say.dateTime(d.noticeDueBy)}) passed: a refusal can no longer be announced to the applicant in time`,
    HearingNoticeEscalated: () =>
      'the application was escalated to the supervisors: a refusal can no longer be notified in time',
    RefusalProposed: (d, say) =>
      [
        `a refusal was proposed (a preliminary decision: ${SOURCE[d.source]}${proposerClause(d.proposedBy, '; proposed by ')})`,
        `grounds: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (grounds list version ${d.groundsListVersion})`,
        ...(d.seats ? [`${places(d.seats.remaining)} left in the quota, ${places(d.seats.persons)} needed`] : []),
        `the applicant is invited to a hearing ${WAY[d.hearing.way]}${d.hearing.place ? ` (${d.hearing.place})` : ''} by ${say.dateTime(d.hearing.heldBy)}`,
        d.noticeDueBy === null
          ? 'no notice deadline was set'
          : `notice deadline (${say.dateTime(d.noticeDueBy)}) ${d.noticeLate ? 'missed' : 'met'}`,
      ].join('; '),
    ApplicantObjected: (d) =>
      `the applicant objected to the proposed refusal${d.documentsAdded.length > 0 ? ` (documents added: ${d.documentsAdded.length})` : ''}`,
    HearingHeld: (d, say) =>
      `${d.heardBy} held the hearing at ${say.dateTime(d.heldAt)}: ${ATTENDANCE[d.attendance]}${d.documentsAdded.length > 0 ? `; documents added: ${d.documentsAdded.length}` : ''}; the position was recorded`,
    ReviewReopenedAsEligible: (d) =>
      `supervisor ${d.reopenedBy} did not confirm the refusal (${SOURCE[d.proposalSource]}): the application stands as eligible (${persons(d.persons)}) and the quota is asked for places again`,
    ComplaintFiled: (d, say) =>
      `the applicant complained against ${AGAINST[d.against]}${d.decision ? ` (${decision(d.decision, say)})` : ''}; accepted on ${say.date(d.acceptedOn)}, to be answered by ${say.dateTime(d.considerBy)} (at risk from ${say.dateTime(d.atRiskAt)}; complaint terms version ${d.termsVersion}, calendar ${d.calendarVersion})`,
    ComplaintAtRisk: (d, say) =>
      `the complaint's term is at risk: it must be answered by ${say.dateTime(d.considerBy)}`,
    ComplaintBreached: (d, say) => `the complaint's term (${say.dateTime(d.considerBy)}) passed without an answer`,
    ComplaintEscalated: () => 'the complaint was escalated to the supervisors',
    ComplaintSatisfied: (d) =>
      `supervisor ${d.decidedBy} satisfied the complaint: ${REMEDY[d.remedy]}; answered ${d.late ? 'after' : 'within'} its term`,
    ComplaintRejected: (d) =>
      `supervisor ${d.decidedBy} rejected the complaint; answered ${d.late ? 'after' : 'within'} its term`,
    AuthorityDecisionRecorded: (d, say) =>
      `the decision of the authority “${d.authority}” No. ${d.documentNumber} of ${say.date(d.date)} on a complaint ${d.complaintId ? 'filed with the provider' : 'filed with that authority'} was recorded: the complaint was ${d.outcome === 'satisfied' ? 'satisfied' : 'rejected'}${d.remedy ? `; to carry out: ${REMEDY[d.remedy]}` : ''}`,
    DecisionRevoked: (d, say) =>
      [
        `${decision(d.decision, say)} ${d.revokedFrom === 'included' ? 'including the application' : 'refusing the application'} was revoked ${d.by.kind === 'complaint' ? 'on a satisfied complaint' : `by the authority's decision No. ${d.by.documentNumber}`}`,
        REMEDY[d.remedy],
        ...(d.revokedFrom === 'included'
          ? [`${places(d.persons)} in the quota (${quota(d.quota)}) are given back`]
          : []),
        ...(d.subsidiesStopped.length > 0
          ? [
              `subsidies stopped: ${d.subsidiesStopped.map((s) => `${SUBSIDY[s.kind]} — ${say.tenge(s.amount)}`).join(', ')}`,
            ]
          : []),
      ].join('; '),
    QuotaCapacitySet: (d, say) =>
      `the quota was set — ${quota(d)}: ${places(d.capacity)}${d.previousCapacity === null ? '' : ` (was ${d.previousCapacity})`}; order No. ${d.order.number} of ${say.date(d.order.date)}`,
    SeatsReserved: (d) =>
      `${places(d.persons)} reserved in the quota (${quota(d)}) for application ${d.applicationId}; ${d.remaining} left`,
    SeatReservationDeclined: (d) =>
      `reserving ${places(d.persons)} in the quota (${quota(d)}) for application ${d.applicationId} was declined: ${d.reason === 'QUOTA_EXHAUSTED' ? 'the quota is exhausted' : 'no quota is set'} (${d.remaining} left)`,
    SeatsReleased: (d) =>
      `${places(d.persons)} of application ${d.applicationId} released in the quota (${quota(d)}); ${d.remaining} left`,
    PersonClaimed: (d) => `a person (${role(d.role)}) was claimed by application ${d.applicationId}`,
    PersonReleased: (d) =>
      `a person was released from application ${d.applicationId}: ${
        {
          'application-refused': 'the application was refused',
          'application-withdrawn': 'the application was withdrawn',
          'submission-refused': 'the submission was refused',
          'claim-abandoned': 'the application never came to exist',
          'decision-revoked': 'its decision was revoked',
        }[d.reason]
      }`,
    PersonIncluded: (d) =>
      `a person (${role(d.role)}) was included in the quota through application ${d.applicationId}`,
    NoticeIssued: (d, say) =>
      `a notice to the applicant was issued (${d.kind}, template ${d.template.id} v${d.template.version}, dated ${say.dateTime(d.issuedAt)}), in Kazakh and Russian`,
    NoticeDeliveryClaimed: (d, say) =>
      `delivery attempt ${d.attempt} was taken by instance ${d.claimedBy.slice(0, 8)} of the service; no other instance sends the notice before ${say.dateTime(d.claimedUntil)} unless this one records its outcome`,
    NoticeDeliveryFailed: (d, say) =>
      `delivering the notice to the personal cabinet failed (attempt ${d.attempt}: ${d.reason})${d.nextAttemptAt ? `; next attempt after ${say.dateTime(d.nextAttemptAt)}` : ''}`,
    NoticeDelivered: (d) => `the notice was delivered to the personal cabinet (attempt ${d.attempt}, HTTP ${d.status})`,
    NoticeParked: (d) => `the notice was parked after ${d.attempts} failed attempts (${d.reason}): operators must act`,
    NoticeRedeliveryRequested: () => 'the parked notice was sent back to the delivery queue',
    FamilyArrived: (d, say) =>
      `the family arrived in the region (${SETTLEMENT_EN[d.settlement.kind]} of ${d.settlement.name}) on ${say.date(d.arrivedOn)}, registered at its address on ${say.date(d.registration.registeredOn)}; recorded ${d.recordedBy === 'portal' ? 'by the applicant on the eGov portal' : 'by an officer'}; support for ${d.support.persons} person(s), rent at ${d.support.monthlyRateMci} MCI a month (payment terms version ${d.termsVersion})`,
    SupportOpened: (d, say) =>
      `the support after arrival was opened (arrived ${say.date(d.arrivedOn)}, registered ${say.date(d.registeredOn)}): ${d.schedule.length} payments from ${say.date(d.schedule[0]!.dueOn)} to ${say.date(d.schedule.at(-1)!.dueOn)}; rent at ${d.monthlyRateMci} MCI a month, ${d.persons} person(s); payment terms version ${d.termsVersion}, calendar ${d.calendarVersion}`,
    PaymentOrderIssued: (d, say) =>
      `payment order ${d.orderId} (${instalmentEn(d.instalment)}) was issued for ${say.tenge(d.amount)}: MCI ${say.tenge(d.mci.value)} from ${say.date(d.mci.validFrom)}, due ${say.date(d.dueOn)}${d.reissueOf ? `; paid again instead of the returned ${d.reissueOf}` : ''}`,
    PaymentPaid: (d, say) =>
      `the bank paid order ${d.orderId} on ${say.date(d.paidOn)} (bank reference ${d.bankReference})`,
    PaymentReturned: (d, say) => `the bank returned the payment of order ${d.orderId} on ${say.date(d.returnedOn)}`,
    RecipientCorrected: () => 'the recipient’s bank account was corrected',
    SupportStopped: (d, say) =>
      `the support was stopped from ${say.date(d.effectiveOn)}: ${STOP_EN[d.reason]}; payments cancelled: ${d.cancelledInstalments.length + d.cancelledOrders.length}; listed for recovery (${RECOVERY_EN[d.recovery.scope]}): ${say.tenge(d.recovery.total)}`,
    IdempotencyKeyClaimed: () => "the command's idempotency key was claimed: the same command will not run twice",
    CalendarYearAmended: (d, say) =>
      `the working-day calendar for ${d.year} was amended (version ${d.version}, ${d.workingDays} working days; days off added: ${d.daysOffAdded.length}, removed: ${d.daysOffRemoved.length}); ${basis(d, say)}`,
    MciAmended: (d, say) =>
      `the MCI table was amended (version ${d.version}${d.rowsAdded.map((r) => `; added: MCI from ${say.date(r.validFrom)} — ${say.tenge(r.value)}`).join('')}${d.rowsChanged.map((r) => `; changed: MCI from ${say.date(r.validFrom)} — ${say.tenge(r.from)} → ${say.tenge(r.to)}`).join('')}); ${basis(d, say)}`,
    RentRatesAmended: (d, say) => `the rent subsidy rates were amended (version ${d.version}); ${basis(d, say)}`,
    RefusalGroundsAmended: (d, say) =>
      `the list of refusal grounds was amended (version ${d.version}, ${d.grounds.length} grounds, ${d.grounds.filter((g) => g.retired === true).length} retired); ${basis(d, say)}`,
    SlaPolicyAmended: (d, say) =>
      `the review deadline rules were amended (version ${d.version}: ${d.policy.reviewWorkingDays} working days to decide, working hours ${d.policy.workdayStart}–${d.policy.workdayEnd}); ${basis(d, say)}`,
  },
  decided: (f, say) =>
    [
      `${f.outcome === 'included' ? 'Included in the quota' : 'Inclusion in the quota refused'}: ${decision(f.decision, say)}, taken ${say.dateTime(f.decidedAt)} (${f.decidedBy})`,
      ...(f.grounds.length > 0 ? [`grounds: ${groundList(f.grounds)}`] : []),
      ...(f.totalSubsidy === null
        ? []
        : [
            `subsidies: ${say.tenge(f.totalSubsidy)}${f.mci ? ` (MCI ${f.mci.year}: ${say.tenge(f.mci.value)}${f.mci.tableVersion ? `, MCI table version ${f.mci.tableVersion}` : ''})` : ''}`,
          ]),
      f.dueAt === null
        ? 'no review deadline was set'
        : `due ${say.dateTime(f.dueAt)}${f.calendarVersion ? ` (calendar ${f.calendarVersion})` : ''}, ${f.late ? `missed${f.workingDaysLate ? ` by ${count(f.workingDaysLate, 'working day', 'working days')}` : ''}` : 'met'}`,
    ].join('; ') + '.',
  undecided: (f, say) =>
    `Not decided yet (status: ${STATUS[f.status]})${f.dueAt ? `; the review is due ${say.dateTime(f.dueAt)}` : ''}.`,
};
