import type { LegalBasis } from '@domain/law';
import { REGIONS, type RegionCode } from '@domain/shared/region';
import type { DecisionPhrases } from './decision-facts';
import { proposerClause, type ActorRef, type LabelledGround, type Phrasebook, type Say } from './phrasebook';

/** 1 место, 2 места, 5 мест: Russian agrees the noun with the number. */
function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
  return `${n} ${word}`;
}
const persons = (n: number) => plural(n, 'человек', 'человека', 'человек');
const seats = (n: number) => plural(n, 'место', 'места', 'мест');
const workingDays = (n: number) => plural(n, 'рабочий день', 'рабочих дня', 'рабочих дней');

const ROLES: Readonly<Record<string, string>> = {
  reviewer: 'рецензент',
  supervisor: 'руководитель',
  auditor: 'аудитор',
  admin: 'администратор',
  operator: 'оператор',
  payments: 'специалист по выплатам',
  portal: 'портал',
  cli: 'командная строка',
};
const SYSTEM: Readonly<Record<string, string>> = {
  'review-saga': 'система (процесс)',
  'sla-scheduler': 'система (контроль сроков)',
  'law-follower': 'система (применение изменений закона)',
  'quota-orders': 'система (приказы о квотах)',
  'system/law-baseline': 'система (исходная редакция закона)',
};
const CATEGORY = { kandas: 'кандас', resettler: 'переселенец' } as const;
const region = (code: string): string => REGIONS[code as RegionCode]?.ru ?? code;
const ACT = {
  law: 'закон',
  code: 'кодекс',
  decree: 'указ',
  resolution: 'постановление',
  order: 'приказ',
  announcement: 'объявление',
} as const;
const FLAGS = { 'at-risk': '«под угрозой»', breach: '«срок нарушен»' } as const;

const groundList = (grounds: readonly LabelledGround[]) =>
  grounds.map((g) => (g.label === null ? g.code : `«${g.label}» (${g.code})`)).join(', ');
const act = (basis: LegalBasis, say: Say) =>
  `${ACT[basis.kind]}${basis.number ? ` № ${basis.number}` : ''} от ${say.date(basis.date)} «${basis.title}»`;
const basis = (d: { legalBasis: LegalBasis; takesEffectOn: string }, say: Say) =>
  `основание — ${act(d.legalBasis, say)}; действует с ${say.date(d.takesEffectOn)}`;
const decision = (d: { number: string; date: string }, say: Pick<Say, 'date'>) =>
  `решение № ${d.number} от ${say.date(d.date)}`;
const instalmentRu = (key: string): string =>
  key === 'relocation' ? 'субсидия на переезд' : `аренда жилья, ${Number(key.slice('rent-'.length))}-й месяц`;
const STOP_RU = {
  'inclusion-revoked': 'решение о включении отменено',
  departed: 'семья выбыла из региона',
  renounced: 'семья отказалась от поддержки',
} as const;
const RECOVERY_RU = {
  'all-paid': 'все выплаченные суммы',
  'paid-after-stop': 'суммы, выплаченные за время после прекращения',
  none: 'ничего',
} as const;
const SETTLEMENT_RU = { city: 'город', town: 'малый город', village: 'село' } as const;
const quota = (q: { region: string; year: number; category: keyof typeof CATEGORY }) =>
  `${region(q.region)}, ${q.year} год, категория «${CATEGORY[q.category]}»`;
const timeliness = (t: { dueAt: string | null; late: boolean }, say: Pick<Say, 'dateTime'>) =>
  t.dueAt === null
    ? 'срок рассмотрения не назначался'
    : `срок (${say.dateTime(t.dueAt)}) ${t.late ? 'нарушен' : 'соблюдён'}`;

const SOURCE = {
  review: 'заявление признано не соответствующим требованиям',
  supervisor: 'по решению руководителя',
  quota: 'квота исчерпана',
} as const;
const WAY = {
  'in-person': 'при личной явке',
  'video-call': 'по видеосвязи',
  'in-writing': 'в письменной форме',
} as const;
const ATTENDANCE = {
  attended: 'заявитель участвовал',
  absent: 'заявитель не явился',
  'in-writing': 'заявитель изложил позицию письменно',
} as const;
const AGAINST = {
  refusal: 'на отказ',
  'inclusion-amounts': 'на суммы субсидий по решению о включении',
  'missed-term': 'на нарушение срока рассмотрения',
} as const;
const REMEDY = {
  'return-to-review': 'заявление возвращается на рассмотрение',
  include: 'заявление подлежит включению в квоту',
} as const;
const SUBSIDY = { relocation: 'на переезд', rent: 'на аренду жилья и коммунальные услуги' } as const;

export const RU: Phrasebook & DecisionPhrases = {
  actor({ id, role }: ActorRef): string {
    if (role === 'system') return SYSTEM[id] ?? `система (${id})`;
    if (role === 'portal' && id === 'egov') return 'портал eGov';
    return `${ROLES[role] ?? role} ${id}`;
  },
  sentence: (when, actor, body) => `${when} — ${actor}: ${body}.`,
  events: {
    ApplicationSubmitted: ({ submission }) =>
      `подано заявление заявителя на включение в квоту — ${quota({ ...submission, category: submission.applicant.category })}, ${persons(1 + submission.familyMembers.length)}`,
    SigningCodeIssued: (d, say) =>
      `заявителю отправлен одноразовый код для подписания, действует до ${say.dateTime(d.expiresAt)}, попыток: ${d.maxAttempts}`,
    SigningCodeRejected: (d) =>
      `введён неверный код подписания (попытка ${d.attempt}, осталось попыток: ${d.attemptsLeft})`,
    ApplicationSigned: (d) => `заявитель подписал заявление ${d.method === 'otp' ? 'одноразовым кодом' : 'ЭЦП'}`,
    ReviewDeadlineScheduled: (d, say) =>
      `назначен срок рассмотрения — до ${say.dateTime(d.dueAt)} (принято к рассмотрению ${say.date(d.acceptedOn)}, под угрозой с ${say.dateTime(d.atRiskAt)}; календарь ${d.calendarVersion}${d.calendarProvisional ? ', предварительный' : ''})`,
    ReviewDeadlineRescheduled: (d, say) =>
      [
        `срок рассмотрения перенесён с ${say.dateTime(d.previous.dueAt)} на ${say.dateTime(d.deadline.dueAt)} (календарь ${d.deadline.calendarVersion})`,
        d.amendment
          ? `основание — ${act(d.amendment.legalBasis, say)}`
          : 'срок, рассчитанный по устаревшему календарю, пересчитан',
        ...(d.corrected.length > 0
          ? [`уже поднятые отметки ${d.corrected.map((f) => FLAGS[f]).join(', ')} исправлены`]
          : []),
        ...(d.escalationStands ? ['эскалация остаётся в силе'] : []),
      ].join('; '),
    ReviewStarted: (d) => `начато рассмотрение (рецензент ${d.reviewerId})`,
    ReviewReassigned: (d) =>
      `рассмотрение передано ${d.fromReviewerId ? `от рецензента ${d.fromReviewerId} ` : ''}рецензенту ${d.toReviewerId}`,
    ApplicationReviewed: (d, say) => {
      const rejected = d.findings.filter((f) => !f.accepted).length;
      const verdict =
        d.verdict === 'eligible'
          ? `заявление признано соответствующим требованиям (${persons(d.persons)})`
          : `заявление признано не соответствующим требованиям; основания: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (перечень оснований, версия ${d.groundsListVersion})`;
      return rejected > 0 ? `${verdict}; не принято документов: ${rejected}` : verdict;
    },
    ApplicationIncluded: (d, say) =>
      `заявление включено в квоту (${quota(d)}, ${persons(d.persons)}); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    ApplicationRefused: (d, say) =>
      `во включении в квоту отказано; основания: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (перечень оснований, версия ${d.groundsListVersion}); ${decision(d.decision, say)}; ${timeliness(d, say)}`,
    SubsidyGranted: (d, say) =>
      d.kind === 'relocation'
        ? `назначена субсидия на переезд — ${say.tenge(d.amount)} (70 МРП × ${persons(d.inputs.persons)}; МРП ${d.mci.year} года — ${say.tenge(d.mci.value)})`
        : `назначена субсидия на аренду жилья и коммунальные услуги — ${say.tenge(d.amount)} (${d.inputs.monthlyRateMci} МРП в месяц × 12 месяцев, ${say.tenge(d.inputs.monthlyAmount)} в месяц; МРП ${d.mci.year} года — ${say.tenge(d.mci.value)}; ставки, версия ${d.inputs.rateTable.version})`,
    ApplicationWithdrawn: () => 'заявитель отозвал заявление',
    ReviewSlaAtRisk: (d, say) => `срок рассмотрения под угрозой: решение нужно принять до ${say.dateTime(d.dueAt)}`,
    ReviewSlaBreached: (d, say) => `срок рассмотрения (${say.dateTime(d.dueAt)}) истёк без решения`,
    ReviewEscalated: () => 'рассмотрение передано руководителям (эскалация)',
    HearingNoticeDeadlineScheduled: (d, say) =>
      `о предварительном решении об отказе, если оно будет, заявителя нужно уведомить не позднее ${say.dateTime(d.noticeDueBy)} — до срока рассмотрения (${say.date(d.reviewDueOn)}); под угрозой с ${say.dateTime(d.atRiskAt)}; сроки заслушивания версии ${d.termsVersion}, календарь ${d.calendarVersion}`,
    HearingNoticeAtRisk: (d, say) =>
      `срок уведомления о предварительном отказе под угрозой: уведомить заявителя нужно до ${say.dateTime(d.noticeDueBy)}`,
    HearingNoticeBreached: (d, say) =>
      `срок уведомления о предварительном отказе (${say.dateTime(d.noticeDueBy)}) истёк: отказ уже нельзя объявить заявителю вовремя`,
    HearingNoticeEscalated: () => 'заявление передано руководителям: уведомить об отказе в срок уже нельзя',
    RefusalProposed: (d, say) =>
      [
        `принято предварительное решение об отказе (${SOURCE[d.source]}${proposerClause(d.proposedBy, '; предложил ')})`,
        `основания: ${groundList(say.grounds(d.grounds, d.groundsListVersion))} (перечень оснований, версия ${d.groundsListVersion})`,
        ...(d.seats ? [`в квоте осталось ${seats(d.seats.remaining)}, нужно ${seats(d.seats.persons)}`] : []),
        `заявитель приглашён на заслушивание ${WAY[d.hearing.way]}${d.hearing.place ? ` (${d.hearing.place})` : ''} не позднее ${say.dateTime(d.hearing.heldBy)}`,
        d.noticeDueBy === null
          ? 'срок уведомления не назначался'
          : `срок уведомления (${say.dateTime(d.noticeDueBy)}) ${d.noticeLate ? 'нарушен' : 'соблюдён'}`,
      ].join('; '),
    ApplicantObjected: (d) =>
      `заявитель представил возражение на предварительное решение об отказе${d.documentsAdded.length > 0 ? ` (приложено документов: ${d.documentsAdded.length})` : ''}`,
    HearingHeld: (d, say) =>
      `${d.heardBy} провёл заслушивание ${say.dateTime(d.heldAt)}: ${ATTENDANCE[d.attendance]}${d.documentsAdded.length > 0 ? `; приобщено документов: ${d.documentsAdded.length}` : ''}; позиция записана в протокол`,
    ReviewReopenedAsEligible: (d) =>
      `руководитель ${d.reopenedBy} не подтвердил отказ (${SOURCE[d.proposalSource]}): заявление признано соответствующим требованиям (${persons(d.persons)}), места в квоте будут запрошены снова`,
    ComplaintFiled: (d, say) =>
      `заявитель подал жалобу ${AGAINST[d.against]}${d.decision ? ` (${decision(d.decision, say)})` : ''}; принята к рассмотрению ${say.date(d.acceptedOn)}, ответить нужно до ${say.dateTime(d.considerBy)} (под угрозой с ${say.dateTime(d.atRiskAt)}; сроки жалоб версии ${d.termsVersion}, календарь ${d.calendarVersion})`,
    ComplaintAtRisk: (d, say) =>
      `срок рассмотрения жалобы под угрозой: ответить нужно до ${say.dateTime(d.considerBy)}`,
    ComplaintBreached: (d, say) => `срок рассмотрения жалобы (${say.dateTime(d.considerBy)}) истёк без ответа`,
    ComplaintEscalated: () => 'жалоба передана руководителям (эскалация)',
    ComplaintSatisfied: (d) =>
      `руководитель ${d.decidedBy} удовлетворил жалобу: ${REMEDY[d.remedy]}; ответ дан ${d.late ? 'после срока' : 'в срок'}`,
    ComplaintRejected: (d) =>
      `руководитель ${d.decidedBy} отказал в удовлетворении жалобы; ответ дан ${d.late ? 'после срока' : 'в срок'}`,
    AuthorityDecisionRecorded: (d, say) =>
      `зарегистрировано решение уполномоченного органа «${d.authority}» № ${d.documentNumber} от ${say.date(d.date)} по жалобе${d.complaintId ? ', поданной услугодателю' : ', поданной в этот орган'}: жалоба ${d.outcome === 'satisfied' ? 'удовлетворена' : 'не удовлетворена'}${d.remedy ? `; к исполнению: ${REMEDY[d.remedy]}` : ''}`,
    DecisionRevoked: (d, say) =>
      [
        `${decision(d.decision, say)} ${d.revokedFrom === 'included' ? 'о включении в квоту' : 'об отказе'} отменено ${d.by.kind === 'complaint' ? 'по удовлетворённой жалобе' : `решением уполномоченного органа № ${d.by.documentNumber}`}`,
        REMEDY[d.remedy],
        ...(d.revokedFrom === 'included'
          ? [`места в квоте (${quota(d.quota)}) освобождаются: ${seats(d.persons)}`]
          : []),
        ...(d.subsidiesStopped.length > 0
          ? [
              `прекращены субсидии: ${d.subsidiesStopped.map((s) => `${SUBSIDY[s.kind]} — ${say.tenge(s.amount)}`).join(', ')}`,
            ]
          : []),
      ].join('; '),
    QuotaCapacitySet: (d, say) =>
      `квота установлена — ${quota(d)}: ${seats(d.capacity)}${d.previousCapacity === null ? '' : ` (было ${d.previousCapacity})`}; приказ № ${d.order.number} от ${say.date(d.order.date)}`,
    SeatsReserved: (d) =>
      `в квоте (${quota(d)}) зарезервировано ${seats(d.persons)} для заявления ${d.applicationId}; осталось ${d.remaining}`,
    SeatReservationDeclined: (d) =>
      `в квоте (${quota(d)}) отказано в резервировании ${seats(d.persons)} для заявления ${d.applicationId}: ${d.reason === 'QUOTA_EXHAUSTED' ? 'квота исчерпана' : 'квота не установлена'} (осталось ${d.remaining})`,
    SeatsReleased: (d) =>
      `в квоте (${quota(d)}) освобождено ${seats(d.persons)} заявления ${d.applicationId}; осталось ${d.remaining}`,
    PersonClaimed: (d) =>
      `лицо (${d.role === 'applicant' ? 'заявитель' : 'член семьи'}) закреплено за заявлением ${d.applicationId}`,
    PersonReleased: (d) =>
      `лицо освобождено от заявления ${d.applicationId}: ${
        {
          'application-refused': 'заявлению отказано',
          'application-withdrawn': 'заявление отозвано',
          'submission-refused': 'подача заявления отклонена',
          'claim-abandoned': 'заявление так и не было создано',
          'decision-revoked': 'решение по заявлению отменено',
        }[d.reason]
      }`,
    PersonIncluded: (d) =>
      `лицо (${d.role === 'applicant' ? 'заявитель' : 'член семьи'}) включено в квоту по заявлению ${d.applicationId}`,
    NoticeIssued: (d, say) =>
      `заявителю сформировано уведомление (${d.kind}, шаблон ${d.template.id} версии ${d.template.version}, от ${say.dateTime(d.issuedAt)}) на казахском и русском языках`,
    NoticeDeliveryClaimed: (d, say) =>
      `попытку доставки ${d.attempt} взял экземпляр сервиса ${d.claimedBy.slice(0, 8)}; другой экземпляр не отправит уведомление до ${say.dateTime(d.claimedUntil)}, если этот не запишет её результат`,
    NoticeDeliveryFailed: (d, say) =>
      `уведомление не доставлено в личный кабинет (попытка ${d.attempt}: ${d.reason})${d.nextAttemptAt ? `; следующая попытка после ${say.dateTime(d.nextAttemptAt)}` : ''}`,
    NoticeDelivered: (d) => `уведомление доставлено в личный кабинет (попытка ${d.attempt}, HTTP ${d.status})`,
    NoticeParked: (d) =>
      `доставка уведомления остановлена после ${d.attempts} неудачных попыток (${d.reason}): нужны действия операторов`,
    NoticeRedeliveryRequested: () => 'остановленное уведомление возвращено в очередь доставки',
    FamilyArrived: (d, say) =>
      `семья прибыла в регион (${SETTLEMENT_RU[d.settlement.kind]} ${d.settlement.name}) ${say.date(d.arrivedOn)}, зарегистрирована по месту жительства ${say.date(d.registration.registeredOn)}; записано ${d.recordedBy === 'portal' ? 'заявителем на портале eGov' : 'сотрудником'}; поддержка: ${d.support.persons} чел., аренда ${d.support.monthlyRateMci} МРП в месяц (условия выплат версии ${d.termsVersion})`,
    SupportOpened: (d, say) =>
      `открыта выплата поддержки после прибытия (${d.arrivedOn === d.registeredOn ? `прибытие и регистрация ${say.date(d.arrivedOn)}` : `прибытие ${say.date(d.arrivedOn)}, регистрация ${say.date(d.registeredOn)}`}): ${d.schedule.length} выплат с ${say.date(d.schedule[0]!.dueOn)} по ${say.date(d.schedule.at(-1)!.dueOn)}; ставка аренды ${d.monthlyRateMci} МРП в месяц, ${d.persons} чел.; условия выплат версии ${d.termsVersion}, календарь ${d.calendarVersion}`,
    PaymentOrderIssued: (d, say) =>
      `выписано платёжное поручение ${d.orderId} (${instalmentRu(d.instalment)}) на ${say.tenge(d.amount)}: МРП ${say.tenge(d.mci.value)} с ${say.date(d.mci.validFrom)}, срок ${say.date(d.dueOn)}${d.reissueOf ? `; повторно вместо возвращённого ${d.reissueOf}` : ''}`,
    PaymentPaid: (d, say) =>
      `банк выплатил по поручению ${d.orderId} ${say.date(d.paidOn)} (референс банка ${d.bankReference})`,
    PaymentReturned: (d, say) => `банк вернул выплату по поручению ${d.orderId} ${say.date(d.returnedOn)}`,
    RecipientCorrected: () => 'исправлен банковский счёт получателя',
    SupportStopped: (d, say) =>
      `выплата поддержки прекращена с ${say.date(d.effectiveOn)}: ${STOP_RU[d.reason]}; отменено выплат: ${d.cancelledInstalments.length + d.cancelledOrders.length}; к возврату учтено (${RECOVERY_RU[d.recovery.scope]}): ${say.tenge(d.recovery.total)}`,
    IdempotencyKeyClaimed: () => 'закреплён ключ идемпотентности команды: повтор той же команды не выполнится дважды',
    CalendarYearAmended: (d, say) =>
      `календарь рабочих дней ${d.year} года изменён (версия ${d.version}, рабочих дней: ${d.workingDays}; выходных добавлено: ${d.daysOffAdded.length}, отменено: ${d.daysOffRemoved.length}); ${basis(d, say)}`,
    MciAmended: (d, say) =>
      `таблица МРП изменена (версия ${d.version}${d.rowsAdded.map((r) => `; добавлено: МРП с ${say.date(r.validFrom)} — ${say.tenge(r.value)}`).join('')}${d.rowsChanged.map((r) => `; изменено: МРП с ${say.date(r.validFrom)} — ${say.tenge(r.from)} → ${say.tenge(r.to)}`).join('')}); ${basis(d, say)}`,
    RentRatesAmended: (d, say) => `ставки субсидии на аренду изменены (версия ${d.version}); ${basis(d, say)}`,
    RefusalGroundsAmended: (d, say) =>
      `перечень оснований для отказа изменён (версия ${d.version}, оснований: ${d.grounds.length}, из них выведено из применения: ${d.grounds.filter((g) => g.retired === true).length}); ${basis(d, say)}`,
    SlaPolicyAmended: (d, say) =>
      `правила срока рассмотрения изменены (версия ${d.version}: ${workingDays(d.policy.reviewWorkingDays)} на решение, рабочее время ${d.policy.workdayStart}–${d.policy.workdayEnd}); ${basis(d, say)}`,
  },
  decided: (f, say) =>
    [
      `${f.outcome === 'included' ? 'Заявление включено в квоту' : 'Во включении в квоту отказано'}: ${decision(f.decision, say)}, принято ${say.dateTime(f.decidedAt)} (${f.decidedBy})`,
      ...(f.grounds.length > 0 ? [`основания: ${groundList(f.grounds)}`] : []),
      ...(f.totalSubsidy === null
        ? []
        : [
            `субсидии: ${say.tenge(f.totalSubsidy)}${f.mci ? ` (МРП ${f.mci.year} года — ${say.tenge(f.mci.value)}${f.mci.tableVersion ? `, таблица МРП версии ${f.mci.tableVersion}` : ''})` : ''}`,
          ]),
      f.dueAt === null
        ? 'срок рассмотрения не назначался'
        : `срок — ${say.dateTime(f.dueAt)}${f.calendarVersion ? ` (календарь ${f.calendarVersion})` : ''}, ${f.late ? `нарушен${f.workingDaysLate ? ` на ${workingDays(f.workingDaysLate)}` : ''}` : 'соблюдён'}`,
    ].join('; ') + '.',
  undecided: (f, say) =>
    `Решение ещё не принято (состояние: ${STATUS[f.status]})${f.dueAt ? `; срок рассмотрения — ${say.dateTime(f.dueAt)}` : ''}.`,
};

const STATUS = {
  none: 'нет заявления',
  submitted: 'подано, не подписано',
  signed: 'подписано, ожидает рассмотрения',
  'under-review': 'на рассмотрении',
  reviewed: 'рассмотрено, ожидает решения',
  'refusal-proposed': 'предварительное решение об отказе, заявитель будет заслушан',
  included: 'включено в квоту',
  refused: 'отказано',
  withdrawn: 'отозвано',
} as const;
