import { REFUSAL_GROUNDS_V1 } from '@domain/application';
import { EMPTY_LAW_HISTORY } from '@domain/law';
import { REVIEW_PROCESS_ACTOR } from '@domain/review-process';
import { groundsListsOf, TIMELINE_LANGUAGES, TimelineNarrator, type NarratableEntry } from '@libs/workflow';
import { NOTICE, proposalData, revokedInclusionData } from '../../domain/application/hearing-fixtures';

/**
 * The timeline of a hearing and a complaint (ADR 27, ADR 32) as an auditor reads it: who did what,
 * against which deadline, in words — in Kazakh, Russian and English — and never the free text the
 * applicant or an officer typed (an explanation, a statement, a complaint, a reason).
 */
const narrator = new TimelineNarrator(groundsListsOf({ recorded: () => EMPTY_LAW_HISTORY }));
const [ground] = REFUSAL_GROUNDS_V1.grounds;
const QUOTA = { region: 'pavlodar', year: 2026, category: 'kandas' } as const;
const process = { id: 'review-saga', role: 'system' };
const supervisor = { id: 'supervisor-2', role: 'supervisor' };
const event = (type: string, data: unknown, actor = process): NarratableEntry => ({
  type,
  data: data as NarratableEntry['data'],
  actor,
  occurredAt: '2026-03-16T05:00:00.000Z',
});

const FREE_TEXT = 'Ержан Нұрланұлы';
const decision = { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-19' };
const ENTRIES = {
  noticeDeadline: event('HearingNoticeDeadlineScheduled', {
    applicationId: 'a1',
    scheduledAt: '2026-03-02T05:00:00.000Z',
    ...NOTICE,
    reviewDueOn: '2026-03-23',
  }),
  proposed: event(
    'RefusalProposed',
    proposalData({
      grounds: [ground!.code],
      explanation: FREE_TEXT,
      source: 'quota',
      proposedBy: REVIEW_PROCESS_ACTOR,
      hearing: { way: 'in-person', place: 'каб. 4', heldByOn: '2026-03-18', heldBy: '2026-03-18T13:30:00.000Z' },
      seats: { remaining: 1, persons: 3 },
    }),
  ),
  objected: event(
    'ApplicantObjected',
    {
      applicationId: 'a1',
      objectionId: 'o1',
      text: FREE_TEXT,
      documentsAdded: [{ title: FREE_TEXT, reference: 'docs/1' }],
      objectedAt: '2026-03-16T05:00:00.000Z',
    },
    { id: 'egov', role: 'portal' },
  ),
  heard: event(
    'HearingHeld',
    {
      applicationId: 'a1',
      heardBy: 'reviewer-7',
      heldAt: '2026-03-17T06:00:00.000Z',
      attendance: 'absent',
      statement: FREE_TEXT,
      documentsAdded: [],
      recordedAt: '2026-03-17T07:00:00.000Z',
    },
    { id: 'reviewer-7', role: 'reviewer' },
  ),
  reopened: event(
    'ReviewReopenedAsEligible',
    {
      applicationId: 'a1',
      quota: QUOTA,
      persons: 3,
      proposalSource: 'review',
      reason: FREE_TEXT,
      reopenedBy: 'supervisor-2',
      reopenedAt: '2026-03-18T05:00:00.000Z',
    },
    supervisor,
  ),
  filed: event(
    'ComplaintFiled',
    {
      applicationId: 'a1',
      complaintId: 'c1',
      against: 'refusal',
      text: FREE_TEXT,
      level: 'provider',
      decision,
      filedAt: '2026-03-20T04:00:00.000Z',
      acceptedOn: '2026-03-20',
      considerByOn: '2026-03-27',
      considerBy: '2026-03-27T13:30:00.000Z',
      atRiskOn: '2026-03-26',
      atRiskAt: '2026-03-26T13:30:00.000Z',
      termsVersion: '1',
      calendarVersion: '2026.1',
    },
    { id: 'egov', role: 'portal' },
  ),
  satisfied: event(
    'ComplaintSatisfied',
    {
      applicationId: 'a1',
      complaintId: 'c1',
      remedy: 'include',
      reason: FREE_TEXT,
      decidedBy: 'supervisor-2',
      satisfiedAt: '2026-03-30T05:00:00.000Z',
      late: true,
    },
    supervisor,
  ),
  rejected: event(
    'ComplaintRejected',
    {
      applicationId: 'a1',
      complaintId: 'c1',
      reasons: FREE_TEXT,
      decidedBy: 'supervisor-2',
      rejectedAt: '2026-03-24T05:00:00.000Z',
      late: false,
    },
    supervisor,
  ),
  authority: event(
    'AuthorityDecisionRecorded',
    {
      applicationId: 'a1',
      complaintId: null,
      authority: 'Комитет',
      documentNumber: '12-5/301',
      date: '2026-04-17',
      outcome: 'satisfied',
      remedy: 'return-to-review',
      recordedAt: '2026-04-20T05:00:00.000Z',
    },
    { id: 'admin-1', role: 'admin' },
  ),
  revoked: event(
    'DecisionRevoked',
    revokedInclusionData({
      by: { kind: 'authority', documentNumber: '12-5/301' },
      revokedAt: '2026-04-20T05:00:00.000Z',
    }),
    { id: 'admin-1', role: 'admin' },
  ),
};

/** The values of closed sets as stored: each must reach the reader as words. */
const CODES = /in-person|video-call|in-writing|return-to-review|inclusion-amounts|missed-term|undefined|null|\[object/;
/** Their single-word values, which English may use as words but Kazakh and Russian never. */
const LATIN_CODES = /attended|absent|\binclude\b|relocation|\brent\b|\brefusal\b|\bquota\b/;

describe('the timeline of a hearing and a complaint (ADR 27, ADR 32)', () => {
  it.each(TIMELINE_LANGUAGES)(
    'in %s: every sentence in words, no code left raw, no free text typed by anyone',
    (language) => {
      for (const [name, entry] of Object.entries(ENTRIES)) {
        const { text } = narrator.tell(entry, language);
        expect({ name, text }).toEqual({ name, text: expect.not.stringMatching(FREE_TEXT) });
        expect({ name, text }).toEqual({ name, text: expect.not.stringMatching(CODES) });
        if (language !== 'en') expect({ name, text }).toEqual({ name, text: expect.not.stringMatching(LATIN_CODES) });
      }
    },
  );

  it('the notice deadline: by when, the review day it is counted from, the warning, the versions', () => {
    expect(narrator.tell(ENTRIES.noticeDeadline, 'ru').text).toBe(
      '16.03.2026 10:00 — система (процесс): о предварительном решении об отказе, если оно будет, заявителя нужно ' +
        'уведомить не позднее 18.03.2026 18:30 — до срока рассмотрения (23.03.2026); под угрозой с 17.03.2026 18:30; ' +
        'сроки заслушивания версии 1, календарь 2026.1.',
    );
  });

  it('a proposal: why, who proposed, the grounds, the seats, the hearing offered in words, the notice deadline kept', () => {
    expect(narrator.tell(ENTRIES.proposed, 'ru').text).toBe(
      '16.03.2026 10:00 — система (процесс): принято предварительное решение об отказе (квота исчерпана); ' +
        `основания: «${ground!.ru}» (${ground!.code}) (перечень оснований, версия 1); в квоте осталось ` +
        '1 место, нужно 3 места; заявитель приглашён на заслушивание при личной явке (каб. 4) не позднее 18.03.2026 18:30; ' +
        'срок уведомления (18.03.2026 18:30) соблюдён.',
    );
    expect(narrator.tell(ENTRIES.proposed, 'kk').text).toContain(
      'өтініш беруші 18.03.2026 18:30 кешіктірмей жеке келу арқылы (каб. 4) тыңдауға шақырылды; хабарлау мерзімі (18.03.2026 18:30) сақталды',
    );
    expect(narrator.tell(ENTRIES.proposed, 'en').text).toContain(
      '1 place left in the quota, 3 places needed; the applicant is invited to a hearing in person (каб. 4) by 18.03.2026 18:30',
    );
  });

  it('a proposal names its proposer only when a supervisor made it; the process is the sentence’s actor already', () => {
    const bySupervisor = event(
      'RefusalProposed',
      proposalData({
        grounds: [ground!.code],
        explanation: FREE_TEXT,
        source: 'supervisor',
        proposedBy: 'supervisor-2',
      }),
      supervisor,
    );
    expect(narrator.tell(bySupervisor, 'ru').text).toContain('(по решению руководителя; предложил supervisor-2)');
    expect(narrator.tell(bySupervisor, 'kk').text).toContain('; ұсынған — supervisor-2)');
    expect(narrator.tell(bySupervisor, 'en').text).toContain('; proposed by supervisor-2)');
    for (const language of TIMELINE_LANGUAGES)
      expect(narrator.tell(ENTRIES.proposed, language).text).not.toContain(REVIEW_PROCESS_ACTOR);
  });

  it('the hearing: who heard, when, how the applicant took part — an absent applicant is not "heard"', () => {
    expect(narrator.tell(ENTRIES.heard, 'ru').text).toBe(
      '16.03.2026 10:00 — рецензент reviewer-7: reviewer-7 провёл заслушивание 17.03.2026 11:00: заявитель не явился; ' +
        'позиция записана в протокол.',
    );
    expect(narrator.tell(ENTRIES.heard, 'en').text).toContain('the applicant did not come');
    expect(narrator.tell(ENTRIES.heard, 'kk').text).toContain('өтініш беруші келмеді');
  });

  it('a complaint: against which decision, accepted when, its term and warning, the versions', () => {
    expect(narrator.tell(ENTRIES.filed, 'ru').text).toBe(
      '16.03.2026 10:00 — портал eGov: заявитель подал жалобу на отказ (решение № KR-2026-3F1C2A4E8B7D от ' +
        '19.03.2026); принята к рассмотрению 20.03.2026, ответить нужно до 27.03.2026 18:30 (под угрозой с ' +
        '26.03.2026 18:30; сроки жалоб версии 1, календарь 2026.1).',
    );
    expect(narrator.tell(ENTRIES.filed, 'en').text).toContain(
      'the applicant complained against the refusal (decision No. KR-2026-3F1C2A4E8B7D of 19.03.2026); accepted on 20.03.2026, to be answered by 27.03.2026 18:30',
    );
  });

  it('the answers: who decided, the remedy in words, whether within the term', () => {
    expect(narrator.tell(ENTRIES.satisfied, 'ru').text).toBe(
      '16.03.2026 10:00 — руководитель supervisor-2: руководитель supervisor-2 удовлетворил жалобу: заявление ' +
        'подлежит включению в квоту; ответ дан после срока.',
    );
    expect(narrator.tell(ENTRIES.rejected, 'kk').text).toContain(
      'шағымды қанағаттандырудан бас тартты; жауап мерзімінде берілді',
    );
    expect(narrator.tell(ENTRIES.rejected, 'en').text).toContain('rejected the complaint; answered within its term');
  });

  it("a revocation on the authority's decision: which decision, the remedy, the seats given back, each subsidy stopped in tenge", () => {
    expect(narrator.tell(ENTRIES.revoked, 'ru').text).toBe(
      '16.03.2026 10:00 — администратор admin-1: решение № KQ-2026-3F1C2A4E8B7D от 10.03.2026 о включении в квоту ' +
        'отменено решением уполномоченного органа № 12-5/301; заявление возвращается на рассмотрение; места в квоте ' +
        '(Павлодарская область, 2026 год, категория «кандас») освобождаются: 3 места; прекращены субсидии: на переезд — ' +
        '908 250 ₸, на аренду жилья и коммунальные услуги — 1 038 000 ₸.',
    );
    expect(narrator.tell(ENTRIES.revoked, 'kk').text).toContain('көшуге — 908 250 ₸');
    expect(narrator.tell(ENTRIES.authority, 'en').text).toContain(
      'the decision of the authority “Комитет” No. 12-5/301 of 17.04.2026 on a complaint filed with that authority was recorded: the complaint was satisfied; to carry out: the application returns to review',
    );
  });
});
