import { REFUSAL_GROUNDS_V1 } from '@domain/application';
import { EMPTY_LAW_HISTORY, type LawHistory } from '@domain/law';
import {
  formatTenge,
  groundsListsOf,
  languageFromAcceptLanguage,
  PHRASEBOOKS,
  TIMELINE_LANGUAGES,
  TimelineNarrator,
  WORKFLOW_EVENT_TYPES,
  type NarratableEntry,
} from '@libs/workflow';
import { APPLICANT_IIN, kandasFamily } from '../../domain/application/fixtures';

/** The law as a store that recorded grounds list version 2 (a ground added, OTHER relabelled). */
const LAW_WITH_V2: LawHistory = {
  ...EMPTY_LAW_HISTORY,
  refusalGrounds: [
    {
      legalBasis: {
        kind: 'order',
        number: '7',
        date: '2026-05-01',
        title: 'Grounds amended',
        source: 'https://adilet.zan.kz/',
      },
      takesEffectOn: '2026-05-01',
      recordedAt: '2026-05-01T04:00:00.000Z',
      version: '2',
      grounds: [
        ...REFUSAL_GROUNDS_V1.grounds,
        {
          code: 'NO_REGISTRATION',
          ru: 'Нет постоянной регистрации',
          kk: 'Тұрақты тіркеу жоқ',
          en: 'No permanent registration',
          explanationRequired: false,
        },
      ],
    },
  ],
};
const narrator = new TimelineNarrator(groundsListsOf({ recorded: () => LAW_WITH_V2 }));

const reviewer = { id: 'reviewer-7', role: 'reviewer' };
const process = { id: 'review-saga', role: 'system' };
const event = (
  type: string,
  data: unknown,
  actor = process,
  occurredAt = '2026-12-06T13:30:00.000Z',
): NarratableEntry => ({
  type,
  data: data as NarratableEntry['data'],
  actor,
  occurredAt,
});

const refused = event('ApplicationRefused', {
  applicationId: 'a1',
  quota: { region: 'pavlodar', year: 2026, category: 'kandas' },
  grounds: ['INVALID_OR_EXPIRED_DOCUMENTS', 'NO_REGISTRATION', 'GONE_FROM_THE_LIST'],
  groundsListVersion: '2',
  explanation: 'Паспорт Ержана Нұрланұлы просрочен',
  decision: { number: 'KQ-R-2026-000123', date: '2026-12-06' },
  decidedAt: '2026-12-06T13:30:00.000Z',
  dueAt: '2026-12-04T13:30:00.000Z',
  late: true,
});

describe('the timeline narrator (ADR 27)', () => {
  it.each(TIMELINE_LANGUAGES)('has a sentence for every event type of the workflow registry in %s', (language) => {
    const told = Object.keys(PHRASEBOOKS[language].events);
    const missing = WORKFLOW_EVENT_TYPES.map((definition) => definition.type).filter((type) => !told.includes(type));
    expect(missing).toEqual([]);
  });

  it('tells a late refusal in Russian: Almaty time, the actor, each ground with its label, the decision, the missed deadline', () => {
    expect(narrator.tell(refused, 'ru')).toEqual({
      text:
        '06.12.2026 18:30 — система (процесс): во включении в квоту отказано; основания: ' +
        '«Документы недействительны или истёк срок их действия» (INVALID_OR_EXPIRED_DOCUMENTS), ' +
        '«Нет постоянной регистрации» (NO_REGISTRATION), GONE_FROM_THE_LIST (перечень оснований, версия 2); ' +
        'решение № KQ-R-2026-000123 от 06.12.2026; срок (04.12.2026 18:30) нарушен.',
      occurredAtLocal: '2026-12-06T18:30:00.000+05:00',
    });
  });

  it('tells the same refusal in Kazakh and in English, with the labels of those languages', () => {
    expect(narrator.tell(refused, 'kk').text).toBe(
      '06.12.2026 18:30 — жүйе (процесс): өтінішті квотаға енгізуден бас тартылды; негіздері: ' +
        '«Құжаттар жарамсыз немесе мерзімі өткен» (INVALID_OR_EXPIRED_DOCUMENTS), «Тұрақты тіркеу жоқ» (NO_REGISTRATION), ' +
        'GONE_FROM_THE_LIST (негіздер тізбесі, 2-нұсқа); 06.12.2026 жылғы № KQ-R-2026-000123 шешім; мерзім (04.12.2026 18:30) бұзылды.',
    );
    expect(narrator.tell(refused, 'en').text).toBe(
      '06.12.2026 18:30 — the system (review process): inclusion in the quota was refused; grounds: ' +
        '“Documents invalid or expired” (INVALID_OR_EXPIRED_DOCUMENTS), “No permanent registration” (NO_REGISTRATION), ' +
        'GONE_FROM_THE_LIST (grounds list version 2); decision No. KQ-R-2026-000123 of 06.12.2026; deadline (04.12.2026 18:30) missed.',
    );
  });

  it('reads grounds list version 1 from the compiled baseline when the store recorded no law', () => {
    const bare = new TimelineNarrator(groundsListsOf({ recorded: () => EMPTY_LAW_HISTORY }));
    const review = event(
      'ApplicationReviewed',
      {
        applicationId: 'a1',
        quota: { region: 'pavlodar', year: 2026, category: 'kandas' },
        persons: 3,
        reviewerId: 'reviewer-7',
        verdict: 'not-eligible',
        findings: [{ documentIndex: 0, accepted: false, note: 'expired' }],
        grounds: ['INCOMPLETE_DOCUMENTS'],
        groundsListVersion: '1',
        reviewedAt: '2026-03-10T06:00:00.000Z',
      },
      reviewer,
      '2026-03-10T06:00:00.000Z',
    );
    expect(bare.tell(review, 'ru').text).toBe(
      '10.03.2026 11:00 — рецензент reviewer-7: заявление признано не соответствующим требованиям; основания: ' +
        '«Неполный пакет документов» (INCOMPLETE_DOCUMENTS) (перечень оснований, версия 1); не принято документов: 1.',
    );
  });

  it('tells an inclusion on time, a deadline and the subsidies in tenge, in each language', () => {
    const included = event('ApplicationIncluded', {
      applicationId: 'a1',
      region: 'pavlodar',
      year: 2026,
      category: 'kandas',
      persons: 3,
      decision: { number: 'KQ-2026-000042', date: '2026-03-10' },
      decidedAt: '2026-03-10T06:00:00.000Z',
      dueAt: '2026-03-20T13:30:00.000Z',
      late: false,
    });
    expect(narrator.tell(included, 'ru').text).toContain(
      'заявление включено в квоту (Павлодарская область, 2026 год, категория «кандас», 3 человека); решение № KQ-2026-000042 от 10.03.2026; срок (20.03.2026 18:30) соблюдён',
    );
    expect(narrator.tell(included, 'kk').text).toContain('мерзім (20.03.2026 18:30) сақталды');
    expect(narrator.tell(included, 'en').text).toContain('deadline (20.03.2026 18:30) met');
    const relocation = event('SubsidyGranted', {
      applicationId: 'a1',
      grantedAt: '2026-03-10T06:00:00.000Z',
      kind: 'relocation',
      amount: 908_250,
      mci: { value: 4325, year: 2026, validFrom: '2026-01-01' },
      inputs: { persons: 3, mciPerPerson: 70 },
      formula: '70 MCI × persons',
      legalBasis: 'Order No. 234',
    });
    expect(narrator.tell(relocation, 'ru').text).toContain(
      'назначена субсидия на переезд — 908 250 ₸ (70 МРП × 3 человека; МРП 2026 года — 4 325 ₸)',
    );
    expect(narrator.tell(relocation, 'kk').text).toContain('көшіп-қонуға субсидия тағайындалды — 908 250 ₸');
    const deadline = event('ReviewDeadlineScheduled', {
      applicationId: 'a1',
      acceptedOn: '2026-03-02',
      dueOn: '2026-03-20',
      dueAt: '2026-03-20T13:30:00.000Z',
      atRiskOn: '2026-03-17',
      atRiskAt: '2026-03-17T13:30:00.000Z',
      calendarVersion: '2026.1',
      calendarProvisional: false,
    });
    expect(narrator.tell(deadline, 'en').text).toBe(
      '06.12.2026 18:30 — the system (review process): the review deadline was set — due 20.03.2026 18:30 ' +
        '(accepted for review on 02.03.2026, at risk from 17.03.2026 18:30; calendar 2026.1).',
    );
  });

  it('names the actors in words: the portal, a reviewer, a payments officer, the process', () => {
    expect(PHRASEBOOKS.ru.actor({ id: 'egov', role: 'portal' })).toBe('портал eGov');
    expect(PHRASEBOOKS.kk.actor({ id: 'egov', role: 'portal' })).toBe('eGov порталы');
    expect(PHRASEBOOKS.ru.actor(reviewer)).toBe('рецензент reviewer-7');
    expect(PHRASEBOOKS.kk.actor(reviewer)).toBe('сарапшы reviewer-7');
    const officer = { id: 'payments-1', role: 'payments' };
    expect(PHRASEBOOKS.ru.actor(officer)).toBe('специалист по выплатам payments-1');
    expect(PHRASEBOOKS.kk.actor(officer)).toBe('төлемдер жөніндегі маман payments-1');
    expect(PHRASEBOOKS.en.actor(officer)).toBe('payments officer payments-1');
    expect(PHRASEBOOKS.ru.actor(process)).toBe('система (процесс)');
    expect(PHRASEBOOKS.en.actor({ id: 'sla-scheduler', role: 'system' })).toBe('the system (deadline scheduler)');
  });

  it('says "the applicant" and never a name, an IIN or a contact, nor the free-text explanation', () => {
    const submitted = event(
      'ApplicationSubmitted',
      {
        applicationId: 'a1',
        submission: kandasFamily(),
        digest: 'x',
        submissionVersion: 2,
        documentPolicyVersion: '1',
        submittedAt: '2026-03-02T05:01:00.000Z',
      },
      { id: 'egov', role: 'portal' },
    );
    const claimed = event('PersonClaimed', {
      iin: APPLICANT_IIN,
      applicationId: 'a1',
      role: 'applicant',
      field: 'applicant.iin',
      claimedAt: '2026-03-02T05:01:00.000Z',
    });
    for (const language of TIMELINE_LANGUAGES) {
      const texts = [submitted, claimed, refused].map((e) => narrator.tell(e, language).text).join('\n');
      for (const personal of [
        APPLICANT_IIN,
        'Нұрланұлы',
        'Ержан',
        'Nurlanuly',
        '+77011234567',
        'yerzhan@example.kz',
        'KS-2025-104233',
      ])
        expect(texts).not.toContain(personal);
    }
    expect(narrator.tell(submitted, 'ru').text).toBe(
      '06.12.2026 18:30 — портал eGov: подано заявление заявителя на включение в квоту — Павлодарская область, 2026 год, категория «кандас», 3 человека.',
    );
  });
});

describe('the language of an answer and its figures', () => {
  it.each([
    [undefined, 'ru'],
    ['kk', 'kk'],
    ['kk-KZ,ru;q=0.8', 'kk'],
    ['en-GB;q=0.5, ru;q=0.9', 'ru'],
    ['de, en;q=0.3', 'en'],
    ['de', 'ru'],
    ['*', 'ru'],
    ['kk;q=0, en', 'en'],
  ])('Accept-Language %p → %s', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });

  it('writes tenge grouped by thousands', () => {
    expect(formatTenge(1_234_567)).toBe('1 234 567 ₸');
    expect(formatTenge(907)).toBe('907 ₸');
    expect(formatTenge(0)).toBe('0 ₸');
  });
});
