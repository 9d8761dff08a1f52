import type { LegalBasis } from '@domain/law';
import { REGIONS, type RegionCode } from '@domain/shared/region';
import type { DecisionPhrases } from './decision-facts';
import { proposerClause, type ActorRef, type LabelledGround, type Phrasebook, type Say } from './phrasebook';

/* Қазақ тілінде сан есімнен кейін зат есім жекеше тұрады: «3 адам», «977 орын». */

const ROLES: Readonly<Record<string, string>> = {
  reviewer: 'сарапшы',
  supervisor: 'басшы',
  auditor: 'аудитор',
  admin: 'әкімші',
  operator: 'оператор',
  payments: 'төлемдер жөніндегі маман',
  portal: 'портал',
  cli: 'командалық жол',
};
const SYSTEM: Readonly<Record<string, string>> = {
  'review-saga': 'жүйе (процесс)',
  'sla-scheduler': 'жүйе (мерзімдерді бақылау)',
  'law-follower': 'жүйе (заң өзгерістерін қолдану)',
  'quota-orders': 'жүйе (квота туралы бұйрықтар)',
  'system/law-baseline': 'жүйе (заңның бастапқы редакциясы)',
};
const CATEGORY = { kandas: 'қандас', resettler: 'қоныс аударушы' } as const;
const ACT = {
  law: 'заң',
  code: 'кодекс',
  decree: 'жарлық',
  resolution: 'қаулы',
  order: 'бұйрық',
  announcement: 'хабарландыру',
} as const;
const FLAGS = { 'at-risk': '«қауіп төнді»', breach: '«мерзім бұзылды»' } as const;
const STATUS = {
  none: 'өтініш жоқ',
  submitted: 'берілді, қол қойылмаған',
  signed: 'қол қойылды, қарауды күтуде',
  'under-review': 'қаралуда',
  reviewed: 'қаралды, шешімді күтуде',
  'refusal-proposed': 'бас тарту туралы алдын ала шешім, өтініш беруші тыңдалады',
  included: 'квотаға енгізілді',
  refused: 'бас тартылды',
  withdrawn: 'кері қайтарылды',
} as const;

const region = (code: string): string => REGIONS[code as RegionCode]?.kk ?? code;
const role = (r: 'applicant' | 'family-member') => (r === 'applicant' ? 'өтініш беруші' : 'отбасы мүшесі');
const groundList = (grounds: readonly LabelledGround[]) =>
  grounds.map((g) => (g.label === null ? g.code : `«${g.label}» (${g.code})`)).join(', ');
const act = (basis: LegalBasis, say: Say) =>
  `${say.date(basis.date)} жылғы ${basis.number ? `№ ${basis.number} ` : ''}${ACT[basis.kind]} «${basis.title}»`;
const basis = (d: { legalBasis: LegalBasis; takesEffectOn: string }, say: Say) =>
  `негізі — ${act(d.legalBasis, say)}; ${say.date(d.takesEffectOn)} бастап күшіне енеді`;
const instalmentKk = (key: string): string =>
  key === 'relocation' ? 'көшуге арналған субсидия' : `тұрғын үй жалдау, ${Number(key.slice('rent-'.length))}-ай`;
const STOP_KK = {
  'inclusion-revoked': 'квотаға енгізу туралы шешім күшін жойды',
  departed: 'отбасы өңірден кетті',
  renounced: 'отбасы қолдаудан бас тартты',
} as const;
const RECOVERY_KK = {
  'all-paid': 'төленген барлық сома',
  'paid-after-stop': 'тоқтатылғаннан кейінгі кезеңге төленген сомалар',
  none: 'ештеңе',
} as const;
const SETTLEMENT_KK = { city: 'қала', town: 'шағын қала', village: 'ауыл' } as const;
const quota = (q: { region: string; year: number; category: keyof typeof CATEGORY }) =>
  `${region(q.region)}, ${q.year} жыл, «${CATEGORY[q.category]}» санаты`;
const decision = (d: { number: string; date: string }, say: Pick<Say, 'date'>) =>
  `${say.date(d.date)} жылғы № ${d.number} шешім`;
const timeliness = (t: { dueAt: string | null; late: boolean }, say: Pick<Say, 'dateTime'>) =>
  t.dueAt === null
    ? 'қарау мерзімі белгіленбеген'
    : `мерзім (${say.dateTime(t.dueAt)}) ${t.late ? 'бұзылды' : 'сақталды'}`;

const SOURCE = {
  review: 'өтініш талаптарға сай емес деп танылды',
  supervisor: 'басшының шешімі бойынша',
  quota: 'квота таусылды',
} as const;
const WAY = {
  'in-person': 'жеке келу арқылы',
  'video-call': 'бейнебайланыс арқылы',
  'in-writing': 'жазбаша түрде',
} as const;
const ATTENDANCE = {
  attended: 'өтініш беруші қатысты',
  absent: 'өтініш беруші келмеді',
  'in-writing': 'өтініш беруші ұстанымын жазбаша ұсынды',
} as const;
const AGAINST = {
  refusal: 'бас тартуға',
  'inclusion-amounts': 'квотаға енгізу туралы шешім бойынша субсидия сомаларына',
  'missed-term': 'қарау мерзімінің бұзылуына',
} as const;
const REMEDY = {
  'return-to-review': 'өтініш қайта қарауға қайтарылады',
  include: 'өтініш квотаға енгізілуге жатады',
} as const;
const SUBSIDY = { relocation: 'көшуге', rent: 'тұрғын үйді жалдауға және коммуналдық қызметтерге' } as const;

/** Kazakh (Cyrillic), the state language. */
export const KK: Phrasebook & DecisionPhrases = {
  actor({ id, role: actorRole }: ActorRef): string {
    if (actorRole === 'system') return SYSTEM[id] ?? `жүйе (${id})`;
    if (actorRole === 'portal' && id === 'egov') return 'eGov порталы';
    return `${ROLES[actorRole] ?? actorRole} ${id}`;
  },
  sentence: (when, actor, body) => `${when} — ${actor}: ${body}.`,
  events: {
    ApplicationSubmitted: ({ submission }) =>
      `өтініш берушінің квотаға енгізу туралы өтініші берілді — ${quota({ ...submission, category: submission.applicant.category })}, ${1 + submission.familyMembers.length} адам`,
    SigningCodeIssued: (d, say) =>
      `өтініш берушіге қол қоюға арналған бір реттік код жіберілді, ${say.dateTime(d.expiresAt)} дейін жарамды, әрекет саны: ${d.maxAttempts}`,
    SigningCodeRejected: (d) =>
      `қол қою коды қате енгізілді (${d.attempt}-әрекет, қалған әрекет саны: ${d.attemptsLeft})`,
    ApplicationSigned: (d) =>
      `өтініш беруші өтінішке ${d.method === 'otp' ? 'бір реттік кодпен' : 'ЭЦҚ-мен'} қол қойды`,
    ReviewDeadlineScheduled: (d, say) =>
      `қарау мерзімі белгіленді — ${say.dateTime(d.dueAt)} дейін (қарауға ${say.date(d.acceptedOn)} қабылданды, ${say.dateTime(d.atRiskAt)} бастап мерзімнің бұзылу қаупі бар; күнтізбе ${d.calendarVersion}${d.calendarProvisional ? ', алдын ала' : ''})`,
    ReviewDeadlineRescheduled: (d, say) =>
      [
        `қарау мерзімі ${say.dateTime(d.previous.dueAt)} орнына ${say.dateTime(d.deadline.dueAt)} болып ауыстырылды (күнтізбе ${d.deadline.calendarVersion})`,
        d.amendment
          ? `негізі — ${act(d.amendment.legalBasis, say)}`
          : 'ескірген күнтізбемен есептелген мерзім қайта есептелді',
        ...(d.corrected.length > 0
          ? [`бұрын қойылған ${d.corrected.map((f) => FLAGS[f]).join(', ')} белгілері түзетілді`]
          : []),
        ...(d.escalationStands ? ['эскалация күшінде қалады'] : []),
      ].join('; '),
    ReviewStarted: (d) => `қарау басталды (сарапшы ${d.reviewerId})`,
    ReviewReassigned: (d) =>
      `қарау ${d.fromReviewerId ? `${d.fromReviewerId} сарапшысынан ` : ''}${d.toReviewerId} сарапшысына берілді`,
    ApplicationReviewed: (d, say) => {
      const rejected = d.findings.filter((f) => !f.accepted).length;
      const verdict =
        d.verdict === 'eligible'
          ? `өтініш талаптарға сәйкес деп танылды (${d.persons} адам)`
          : `өтініш талаптарға сәйкес емес деп танылды; негіздері: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (негіздер тізбесі, ${d.groundsListVersion}-нұсқа)`;
      return rejected > 0 ? `${verdict}; қабылданбаған құжаттар саны: ${rejected}` : verdict;
    },
    ApplicationIncluded: (d, say) =>
      `өтініш квотаға енгізілді (${quota(d)}, ${d.persons} адам); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    ApplicationRefused: (d, say) =>
      `өтінішті квотаға енгізуден бас тартылды; негіздері: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (негіздер тізбесі, ${d.groundsListVersion}-нұсқа); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    SubsidyGranted: (d, say) =>
      d.kind === 'relocation'
        ? `көшіп-қонуға субсидия тағайындалды — ${say.tenge(d.amount)} (70 АЕК × ${d.inputs.persons} адам; ${d.mci.year} жылғы АЕК — ${say.tenge(d.mci.value)})`
        : `тұрғын үй жалдауға және коммуналдық қызметтерге субсидия тағайындалды — ${say.tenge(d.amount)} (айына ${d.inputs.monthlyRateMci} АЕК × 12 ай, айына ${say.tenge(d.inputs.monthlyAmount)}; ${d.mci.year} жылғы АЕК — ${say.tenge(d.mci.value)}; мөлшерлемелер, ${d.inputs.rateTable.version}-нұсқа)`,
    ApplicationWithdrawn: () => 'өтініш беруші өтінішін кері қайтарып алды',
    ReviewSlaAtRisk: (d, say) =>
      `қарау мерзімінің бұзылу қаупі бар: шешім ${say.dateTime(d.dueAt)} дейін қабылдануы тиіс`,
    ReviewSlaBreached: (d, say) => `қарау мерзімі (${say.dateTime(d.dueAt)}) шешімсіз өтіп кетті`,
    ReviewEscalated: () => 'қарау басшыларға берілді (эскалация)',
    HearingNoticeDeadlineScheduled: (d, say) =>
      `бас тарту туралы алдын ала шешім болса, өтініш берушіге ол туралы ${say.dateTime(d.noticeDueBy)} кешіктірмей хабарлау керек — қарау мерзімінен (${say.date(d.reviewDueOn)}) бұрын; ${say.dateTime(d.atRiskAt)} бастап қауіп төнеді; тыңдау мерзімдерінің ${d.termsVersion}-нұсқасы, ${d.calendarVersion} күнтізбесі`,
    HearingNoticeAtRisk: (d, say) =>
      `алдын ала бас тарту туралы хабарлау мерзіміне қауіп төнді: өтініш берушіге ${say.dateTime(d.noticeDueBy)} дейін хабарлау керек`,
    HearingNoticeBreached: (d, say) =>
      `алдын ала бас тарту туралы хабарлау мерзімі (${say.dateTime(d.noticeDueBy)}) өтіп кетті: бас тартуды өтініш берушіге уақытында жариялау енді мүмкін емес`,
    HearingNoticeEscalated: () => 'өтініш басшыларға берілді: бас тарту туралы мерзімінде хабарлау енді мүмкін емес',
    RefusalProposed: (d, say) =>
      [
        `бас тарту туралы алдын ала шешім қабылданды (${SOURCE[d.source]}${proposerClause(d.proposedBy, '; ұсынған — ')})`,
        `негіздері: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (негіздер тізбесі, ${d.groundsListVersion}-нұсқа)`,
        ...(d.seats ? [`квотада ${d.seats.remaining} орын қалды, ${d.seats.persons} орын қажет`] : []),
        `өтініш беруші ${say.dateTime(d.hearing.heldBy)} кешіктірмей ${WAY[d.hearing.way]}${d.hearing.place ? ` (${d.hearing.place})` : ''} тыңдауға шақырылды`,
        d.noticeDueBy === null
          ? 'хабарлау мерзімі белгіленбеген'
          : `хабарлау мерзімі (${say.dateTime(d.noticeDueBy)}) ${d.noticeLate ? 'бұзылды' : 'сақталды'}`,
      ].join('; '),
    ApplicantObjected: (d) =>
      `өтініш беруші бас тарту туралы алдын ала шешімге қарсылық білдірді${d.documentsAdded.length > 0 ? ` (қоса берілген құжаттар: ${d.documentsAdded.length})` : ''}`,
    HearingHeld: (d, say) =>
      `${d.heardBy} ${say.dateTime(d.heldAt)} тыңдау өткізді: ${ATTENDANCE[d.attendance]}${d.documentsAdded.length > 0 ? `; қоса тіркелген құжаттар: ${d.documentsAdded.length}` : ''}; ұстаным хаттамаға жазылды`,
    ReviewReopenedAsEligible: (d) =>
      `басшы ${d.reopenedBy} бас тартуды растамады (${SOURCE[d.proposalSource]}): өтініш талаптарға сай деп танылды (${d.persons} адам), квотадағы орындар қайта сұралады`,
    ComplaintFiled: (d, say) =>
      `өтініш беруші ${AGAINST[d.against]}${d.decision ? ` (${decision(d.decision, say)})` : ''} шағым берді; ${say.date(d.acceptedOn)} қарауға қабылданды, ${say.dateTime(d.considerBy)} дейін жауап беру керек (${say.dateTime(d.atRiskAt)} бастап қауіп төнеді; шағым мерзімдерінің ${d.termsVersion}-нұсқасы, ${d.calendarVersion} күнтізбесі)`,
    ComplaintAtRisk: (d, say) =>
      `шағымды қарау мерзіміне қауіп төнді: ${say.dateTime(d.considerBy)} дейін жауап беру керек`,
    ComplaintBreached: (d, say) => `шағымды қарау мерзімі (${say.dateTime(d.considerBy)}) жауапсыз өтіп кетті`,
    ComplaintEscalated: () => 'шағым басшыларға берілді (эскалация)',
    ComplaintSatisfied: (d) =>
      `басшы ${d.decidedBy} шағымды қанағаттандырды: ${REMEDY[d.remedy]}; жауап ${d.late ? 'мерзімнен кеш' : 'мерзімінде'} берілді`,
    ComplaintRejected: (d) =>
      `басшы ${d.decidedBy} шағымды қанағаттандырудан бас тартты; жауап ${d.late ? 'мерзімнен кеш' : 'мерзімінде'} берілді`,
    AuthorityDecisionRecorded: (d, say) =>
      `уәкілетті орган «${d.authority}» ${d.complaintId ? 'көрсетілетін қызметті берушіге' : 'осы органға'} берілген шағым бойынша шығарған ${say.date(d.date)} жылғы № ${d.documentNumber} шешім тіркелді: шағым ${d.outcome === 'satisfied' ? 'қанағаттандырылды' : 'қанағаттандырылмады'}${d.remedy ? `; орындалуға тиіс: ${REMEDY[d.remedy]}` : ''}`,
    DecisionRevoked: (d, say) =>
      [
        `${d.by.kind === 'complaint' ? 'қанағаттандырылған шағым бойынша' : `уәкілетті органның № ${d.by.documentNumber} шешімімен`} ${d.revokedFrom === 'included' ? 'квотаға енгізу туралы' : 'бас тарту туралы'} ${decision(d.decision, say)} күшін жойды`,
        REMEDY[d.remedy],
        ...(d.revokedFrom === 'included' ? [`квотадағы (${quota(d.quota)}) ${d.persons} орын босатылады`] : []),
        ...(d.subsidiesStopped.length > 0
          ? [
              `субсидиялар тоқтатылды: ${d.subsidiesStopped.map((s) => `${SUBSIDY[s.kind]} — ${say.tenge(s.amount)}`).join(', ')}`,
            ]
          : []),
      ].join('; '),
    QuotaCapacitySet: (d, say) =>
      `квота белгіленді — ${quota(d)}: ${d.capacity} орын${d.previousCapacity === null ? '' : ` (бұрын ${d.previousCapacity} болған)`}; ${say.date(d.order.date)} жылғы № ${d.order.number} бұйрық`,
    SeatsReserved: (d) =>
      `квотада (${quota(d)}) ${d.applicationId} өтініші үшін ${d.persons} орын брондалды; ${d.remaining} орын қалды`,
    SeatReservationDeclined: (d) =>
      `квотада (${quota(d)}) ${d.applicationId} өтініші үшін ${d.persons} орынды брондаудан бас тартылды: ${d.reason === 'QUOTA_EXHAUSTED' ? 'квота таусылды' : 'квота белгіленбеген'} (${d.remaining} орын қалды)`,
    SeatsReleased: (d) =>
      `квотада (${quota(d)}) ${d.applicationId} өтінішінің ${d.persons} орны босатылды; ${d.remaining} орын қалды`,
    PersonClaimed: (d) => `тұлға (${role(d.role)}) ${d.applicationId} өтінішіне бекітілді`,
    PersonReleased: (d) =>
      `тұлға ${d.applicationId} өтінішінен босатылды: ${
        {
          'application-refused': 'өтінішке бас тартылды',
          'application-withdrawn': 'өтініш кері қайтарылды',
          'submission-refused': 'өтінішті беру қабылданбады',
          'claim-abandoned': 'өтініш ешқашан құрылмады',
          'decision-revoked': 'өтініш бойынша шешімнің күші жойылды',
        }[d.reason]
      }`,
    PersonIncluded: (d) => `тұлға (${role(d.role)}) ${d.applicationId} өтініші бойынша квотаға енгізілді`,
    NoticeIssued: (d, say) =>
      `өтініш берушіге хабарлама жасалды (${d.kind}, ${d.template.id} үлгісінің ${d.template.version}-нұсқасы, ${say.dateTime(d.issuedAt)}) қазақ және орыс тілдерінде`,
    NoticeDeliveryClaimed: (d, say) =>
      `жеткізудің ${d.attempt}-әрекетін қызметтің ${d.claimedBy.slice(0, 8)} данасы алды; бұл дана нәтижесін жазбаса, басқа дана хабарламаны ${say.dateTime(d.claimedUntil)} дейін жібермейді`,
    NoticeDeliveryFailed: (d, say) =>
      `хабарлама жеке кабинетке жеткізілмеді (${d.attempt}-әрекет: ${d.reason})${d.nextAttemptAt ? `; келесі әрекет ${say.dateTime(d.nextAttemptAt)} кейін` : ''}`,
    NoticeDelivered: (d) => `хабарлама жеке кабинетке жеткізілді (${d.attempt}-әрекет, HTTP ${d.status})`,
    NoticeParked: (d) =>
      `хабарламаны жеткізу ${d.attempts} сәтсіз әрекеттен кейін тоқтатылды (${d.reason}): операторлардың әрекеті қажет`,
    NoticeRedeliveryRequested: () => 'тоқтатылған хабарлама жеткізу кезегіне қайтарылды',
    FamilyArrived: (d, say) =>
      `отбасы өңірге ${say.date(d.arrivedOn)} келді (${SETTLEMENT_KK[d.settlement.kind]} ${d.settlement.name}), тұрғылықты жері бойынша ${say.date(d.registration.registeredOn)} тіркелді; ${d.recordedBy === 'portal' ? 'өтініш беруші eGov порталында' : 'қызметкер'} жазды; қолдау: ${d.support.persons} адам, жалдау айына ${d.support.monthlyRateMci} АЕК (төлем шарттарының ${d.termsVersion}-нұсқасы)`,
    SupportOpened: (d, say) =>
      `келгеннен кейінгі қолдау төлемдері ашылды (келген күні ${say.date(d.arrivedOn)}, тіркелген күні ${say.date(d.registeredOn)}): ${say.date(d.schedule[0]!.dueOn)} бастап ${say.date(d.schedule.at(-1)!.dueOn)} дейін ${d.schedule.length} төлем; жалдау мөлшерлемесі айына ${d.monthlyRateMci} АЕК, ${d.persons} адам; төлем шарттарының ${d.termsVersion}-нұсқасы, күнтізбе ${d.calendarVersion}`,
    PaymentOrderIssued: (d, say) =>
      `${d.orderId} төлем тапсырмасы жазылды (${instalmentKk(d.instalment)}), сомасы ${say.tenge(d.amount)}: ${say.date(d.mci.validFrom)} бастап АЕК ${say.tenge(d.mci.value)}, мерзімі ${say.date(d.dueOn)}${d.reissueOf ? `; қайтарылған ${d.reissueOf} орнына қайта` : ''}`,
    PaymentPaid: (d, say) =>
      `банк ${d.orderId} тапсырмасы бойынша ${say.date(d.paidOn)} төледі (банк референсі ${d.bankReference})`,
    PaymentReturned: (d, say) => `банк ${d.orderId} тапсырмасы бойынша төлемді ${say.date(d.returnedOn)} қайтарды`,
    RecipientCorrected: () => 'алушының банктік шоты түзетілді',
    SupportStopped: (d, say) =>
      `қолдау төлемдері ${say.date(d.effectiveOn)} бастап тоқтатылды: ${STOP_KK[d.reason]}; күші жойылған төлемдер: ${d.cancelledInstalments.length + d.cancelledOrders.length}; қайтаруға есепке алынды (${RECOVERY_KK[d.recovery.scope]}): ${say.tenge(d.recovery.total)}`,
    IdempotencyKeyClaimed: () => 'команданың идемпотенттілік кілті бекітілді: сол команда екі рет орындалмайды',
    CalendarYearAmended: (d, say) =>
      `${d.year} жылғы жұмыс күндерінің күнтізбесі өзгертілді (${d.version}-нұсқа, жұмыс күндері: ${d.workingDays}; қосылған демалыс күндері: ${d.daysOffAdded.length}, алынып тасталғаны: ${d.daysOffRemoved.length}); ${basis(d, say)}`,
    MciAmended: (d, say) =>
      `АЕК кестесі өзгертілді (${d.version}-нұсқа${d.rowsAdded.map((r) => `; қосылды: ${say.date(r.validFrom)} бастап АЕК — ${say.tenge(r.value)}`).join('')}${d.rowsChanged.map((r) => `; өзгертілді: ${say.date(r.validFrom)} бастап АЕК — ${say.tenge(r.from)} → ${say.tenge(r.to)}`).join('')}); ${basis(d, say)}`,
    RentRatesAmended: (d, say) =>
      `жалдау субсидиясының мөлшерлемелері өзгертілді (${d.version}-нұсқа); ${basis(d, say)}`,
    RefusalGroundsAmended: (d, say) =>
      `бас тарту негіздерінің тізбесі өзгертілді (${d.version}-нұсқа, негіздер саны: ${d.grounds.length}, оның ішінде қолданыстан шығарылғаны: ${d.grounds.filter((g) => g.retired === true).length}); ${basis(d, say)}`,
    SlaPolicyAmended: (d, say) =>
      `қарау мерзімінің ережелері өзгертілді (${d.version}-нұсқа: шешімге ${d.policy.reviewWorkingDays} жұмыс күні, жұмыс уақыты ${d.policy.workdayStart}–${d.policy.workdayEnd}); ${basis(d, say)}`,
  },
  decided: (f, say) =>
    [
      `${f.outcome === 'included' ? 'Өтініш квотаға енгізілді' : 'Өтінішті квотаға енгізуден бас тартылды'}: ${decision(f.decision, say)}, ${say.dateTime(f.decidedAt)} қабылданды (${f.decidedBy})`,
      ...(f.grounds.length > 0 ? [`негіздері: ${groundList(f.grounds)}`] : []),
      ...(f.totalSubsidy === null
        ? []
        : [
            `субсидиялар: ${say.tenge(f.totalSubsidy)}${f.mci ? ` (${f.mci.year} жылғы АЕК — ${say.tenge(f.mci.value)}${f.mci.tableVersion ? `, АЕК кестесінің ${f.mci.tableVersion}-нұсқасы` : ''})` : ''}`,
          ]),
      f.dueAt === null
        ? 'қарау мерзімі белгіленбеген'
        : `мерзім — ${say.dateTime(f.dueAt)}${f.calendarVersion ? ` (күнтізбе ${f.calendarVersion})` : ''}, ${f.late ? `бұзылды${f.workingDaysLate ? `, ${f.workingDaysLate} жұмыс күніне кешікті` : ''}` : 'сақталды'}`,
    ].join('; ') + '.',
  undecided: (f, say) =>
    `Шешім әлі қабылданған жоқ (жағдайы: ${STATUS[f.status]})${f.dueAt ? `; қарау мерзімі — ${say.dateTime(f.dueAt)}` : ''}.`,
};
