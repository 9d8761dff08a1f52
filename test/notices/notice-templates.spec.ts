import type { NoticeContent, NoticeKind } from '@domain/notices';
import { CURRENT_TEMPLATES, NoticeRenderer } from '@libs/workflow';

/**
 * The notices of issue 20 (ADR 32) rendered in Kazakh and Russian: every field said in words, no
 * code of a closed set left untranslated, amounts in tenge, instants on the Almaty clock.
 */
const renderer = new NoticeRenderer();
const render = (content: NoticeContent) => renderer.render(content).texts;

const grounds = [
  { code: 'NOT_ETHNIC_KAZAKH', kk: 'Ұлты қазақ емес', ru: 'Не является этническим казахом' },
  { code: 'QUOTA_EXHAUSTED', kk: 'Квота таусылды', ru: 'Квота исчерпана' },
];

/** A sample of every new kind, with the branches a template chooses between. */
const SAMPLES: readonly NoticeContent[] = [
  {
    kind: 'refusal-proposed',
    data: {
      proposedOn: '2026-03-11',
      source: 'quota',
      grounds,
      groundsListVersion: '1',
      explanation: 'В квоте нет мест на семью',
      // 13:00Z is 18:00 in Almaty
      hearing: {
        way: 'in-person',
        place: 'Астана, ул. Бейбітшілік 11, каб. 4',
        heldByOn: '2026-03-13',
        heldBy: '2026-03-13T13:00:00.000Z',
      },
      decisionDueOn: '2026-03-20',
      seats: { remaining: 2, persons: 5 },
    },
  },
  {
    kind: 'refusal-proposed',
    data: {
      proposedOn: '2026-03-11',
      source: 'review',
      grounds: grounds.slice(0, 1),
      groundsListVersion: '1',
      explanation: 'Документ о национальности не представлен',
      hearing: { way: 'video-call', place: null, heldByOn: '2026-03-13', heldBy: '2026-03-13T13:00:00.000Z' },
      decisionDueOn: null,
      seats: null,
    },
  },
  {
    kind: 'hearing-recorded',
    data: {
      heldAt: '2026-03-12T05:30:00.000Z',
      attendance: 'attended',
      statement: 'Заявитель представил свидетельство о рождении отца',
      documentsAdded: [{ title: 'Свидетельство о рождении', reference: 'docs/17' }],
      objections: 2,
      decisionDueOn: '2026-03-20',
    },
  },
  {
    kind: 'hearing-recorded',
    data: {
      heldAt: '2026-03-12T05:30:00.000Z',
      attendance: 'absent',
      statement: 'Не явился',
      documentsAdded: [],
      objections: 0,
      decisionDueOn: null,
    },
  },
  {
    kind: 'complaint-received',
    data: {
      against: 'refusal',
      decision: { number: 'KR-2026-3F1C2A4E8B7D', date: '2026-03-16' },
      acceptedOn: '2026-03-17',
      considerByOn: '2026-03-24',
      considerBy: '2026-03-24T13:00:00.000Z',
    },
  },
  {
    kind: 'complaint-received',
    data: {
      against: 'missed-term',
      decision: null,
      acceptedOn: '2026-03-17',
      considerByOn: '2026-03-24',
      considerBy: '2026-03-24T13:00:00.000Z',
    },
  },
  {
    kind: 'complaint-satisfied',
    data: {
      against: 'refusal',
      satisfiedOn: '2026-03-20',
      remedy: 'include',
      reason: 'Документ подтверждает',
      late: false,
    },
  },
  {
    kind: 'complaint-satisfied',
    data: { against: 'missed-term', satisfiedOn: '2026-03-20', remedy: null, reason: 'Срок нарушен', late: true },
  },
  {
    kind: 'complaint-rejected',
    data: {
      against: 'inclusion-amounts',
      rejectedOn: '2026-03-20',
      reasons: 'Суммы рассчитаны по МРП года решения',
      late: false,
      authority: { termsVersion: '1', considerationWorkingDays: 15, extensionWorkingDays: 10 },
    },
  },
  {
    kind: 'decision-revoked',
    data: {
      decisionNumber: 'KQ-2026-3F1C2A4E8B7D',
      decisionDate: '2026-03-10',
      revokedOn: '2026-03-20',
      revokedFrom: 'included',
      remedy: 'return-to-review',
      authorityDocument: null,
      seatsReleased: 3,
      subsidiesStopped: [
        { kind: 'relocation', amount: 908_250 },
        { kind: 'rent', amount: 1_038_000 },
      ],
      totalStopped: 1_946_250,
    },
  },
  {
    kind: 'decision-revoked',
    data: {
      decisionNumber: 'KR-2026-3F1C2A4E8B7D',
      decisionDate: '2026-03-10',
      revokedOn: '2026-04-20',
      revokedFrom: 'refused',
      remedy: 'include',
      authorityDocument: '12-5/301',
      seatsReleased: 0,
      subsidiesStopped: [],
      totalStopped: 0,
    },
  },
  {
    kind: 'authority-decision-recorded',
    data: {
      authority: 'Комитет по оценке качества госуслуг',
      documentNumber: '12-5/301',
      documentDate: '2026-04-17',
      outcome: 'satisfied',
      remedy: 'include',
      recordedOn: '2026-04-20',
    },
  },
  {
    kind: 'authority-decision-recorded',
    data: {
      authority: 'Комитет по оценке качества госуслуг',
      documentNumber: '12-5/302',
      documentDate: '2026-04-17',
      outcome: 'rejected',
      remedy: null,
      recordedOn: '2026-04-20',
    },
  },
];

/** Codes of the closed sets a template must turn into words, and what a broken template leaves. */
const UNTRANSLATED =
  /\{\{|\}\}|undefined|null|NaN|\[object|in-person|video-call|in-writing|attended|absent|return-to-review|\binclude\b|inclusion-amounts|missed-term|\brefusal\b|relocation|\brent\b|satisfied|rejected|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

describe('the notices of the hearing and the complaint, in Kazakh and Russian (ADR 28, ADR 32)', () => {
  it.each(SAMPLES.map((sample, index) => [`${sample.kind} #${index}`, sample] as const))(
    '%s: every placeholder filled, every code in words, in both languages',
    (_, sample) => {
      const texts = render(sample);
      for (const text of [texts.kk, texts.ru]) {
        expect(text).not.toMatch(UNTRANSLATED);
        expect(text).not.toMatch(/\n\n|\s$/);
      }
      expect(texts.kk).not.toEqual(texts.ru);
    },
  );

  it('every kind of notice has a current template', () => {
    const kinds = Object.keys(CURRENT_TEMPLATES) as NoticeKind[];
    for (const kind of new Set(SAMPLES.map((sample) => sample.kind))) expect(kinds).toContain(kind);
  });

  it('a preliminary refusal: grounds, explanation, the hearing on the Almaty clock, how to object, the seats', () => {
    const { kk, ru } = render(SAMPLES[0]!);
    expect(ru).toBe(
      '11.03.2026 принято предварительное решение об отказе во включении в региональную квоту. Это ещё не ' +
        'окончательное решение: до его принятия вы можете высказать свою позицию.\n' +
        'Основания:\n— Не является этническим казахом\n— Квота исчерпана\n' +
        'Пояснение: В квоте нет мест на семью\n' +
        'В квоте осталось 2 места, а для вашей семьи нужно 5.\n' +
        'Заслушивание при личной явке (Астана, ул. Бейбітшілік 11, каб. 4) — не позднее 13.03.2026 18:00 по времени Астаны.\n' +
        'Возражения и документы можно направить в личном кабинете на портале eGov, в карточке заявления, до 13.03.2026 18:00.\n' +
        'Окончательное решение будет принято не позднее 20.03.2026.',
    );
    expect(kk).toContain('Негіздер:\n— Ұлты қазақ емес\n— Квота таусылды');
    expect(kk).toContain('Квотада 2 орын қалды, ал отбасыңызға 5 орын қажет.');
    expect(kk).toContain(
      'жеке келу арқылы (Астана, ул. Бейбітшілік 11, каб. 4) 13.03.2026 18:00 (Астана уақыты) дейін',
    );
    expect(kk).toContain('eGov порталындағы жеке кабинетте');
    const byVideo = render(SAMPLES[1]!);
    expect(byVideo.ru).toContain('Заслушивание по видеосвязи — не позднее 13.03.2026 18:00');
    expect(byVideo.ru).not.toMatch(/В квоте осталось|Окончательное решение/);
    expect(byVideo.kk).toContain('Тыңдау бейнебайланыс арқылы 13.03.2026 18:00');
  });

  it('a hearing recorded: when, how the applicant took part, what was written, the documents and objections', () => {
    const { kk, ru } = render(SAMPLES[2]!);
    expect(ru).toBe(
      '12.03.2026 10:30 по времени Астаны проведено заслушивание по предварительному решению об отказе: вы участвовали.\n' +
        'Записано в протокол: Заявитель представил свидетельство о рождении отца\n' +
        'Приобщены документы:\n— Свидетельство о рождении (docs/17)\n' +
        'Ваши возражения (2) будут рассмотрены вместе с протоколом.\n' +
        'Окончательное решение будет принято не позднее 20.03.2026.',
    );
    expect(kk).toContain('12.03.2026 10:30 (Астана уақыты)');
    expect(kk).toContain('сіз қатыстыңыз');
    expect(render(SAMPLES[3]!).ru).toBe(
      '12.03.2026 10:30 по времени Астаны проведено заслушивание по предварительному решению об отказе: вы не явились.\n' +
        'Записано в протокол: Не явился',
    );
  });

  it('a complaint received: what against, the decision, the day accepted and the term on the Almaty clock', () => {
    const { kk, ru } = render(SAMPLES[4]!);
    expect(ru).toBe(
      'Ваша жалоба на решение об отказе № KR-2026-3F1C2A4E8B7D от 16.03.2026 принята к рассмотрению 17.03.2026. ' +
        'Ответ будет дан не позднее 24.03.2026 18:00 по времени Астаны.',
    );
    expect(kk).toBe(
      '17.03.2026 бас тарту туралы шешімге (16.03.2026 жылғы № KR-2026-3F1C2A4E8B7D) берген шағымыңыз қарауға ' +
        'қабылданды. Жауап 24.03.2026 18:00 (Астана уақыты) кешіктірілмей беріледі.',
    );
    expect(render(SAMPLES[5]!).ru).toContain('на нарушение срока рассмотрения заявления принята');
  });

  it('a complaint answered: the remedy or the reasons, and the next level with its terms', () => {
    expect(render(SAMPLES[6]!).ru).toBe(
      '20.03.2026 ваша жалоба на решение об отказе удовлетворена.\n' +
        'Решение отменяется: заявление подлежит включению в региональную квоту.\n' +
        'Обоснование: Документ подтверждает',
    );
    expect(render(SAMPLES[7]!).ru).toContain('удовлетворена (ответ дан позже установленного срока).\nРассмотрение');
    const rejected = render(SAMPLES[8]!);
    expect(rejected.ru).toContain('в удовлетворении вашей жалобы на суммы субсидий по решению о включении отказано.');
    expect(rejected.ru).toContain(
      'в течение 15 рабочих дней (срок может быть продлён не более чем на 10 рабочих дней)',
    );
    expect(rejected.kk).toContain('шағым 15 жұмыс күні ішінде қаралады (мерзімі 10 жұмыс күніне дейін');
  });

  it('a revoked inclusion: back to review, its seats given back, its subsidies stopped in tenge', () => {
    const { kk, ru } = render(SAMPLES[9]!);
    expect(ru).toBe(
      '20.03.2026 решение о включении в региональную квоту № KQ-2026-3F1C2A4E8B7D от 10.03.2026 отменено по вашей жалобе.\n' +
        'Заявление возвращено на рассмотрение: новый срок решения будет сообщён отдельным уведомлением.\n' +
        'Занятые по отменённому решению места в квоте (3) освобождены.\n' +
        'Выплата субсидий, назначенных отменённым решением, в ещё не выплаченной части прекращена:\n' +
        '— на переезд: 908 250 ₸\n— на аренду жилья и коммунальные услуги: 1 038 000 ₸\nвсего 1 946 250 ₸.',
    );
    expect(kk).toContain(
      '— көшуге: 908 250 ₸\n— тұрғын үйді жалдауға және коммуналдық қызметтерге: 1 038 000 ₸\nбарлығы 1 946 250 ₸.',
    );
    const refusalRevoked = render(SAMPLES[10]!);
    expect(refusalRevoked.ru).toContain('во исполнение решения уполномоченного органа № 12-5/301');
    expect(refusalRevoked.ru).toContain('места в квоте будут зарезервированы заново');
    expect(refusalRevoked.ru).not.toMatch(/освобождены|Выплата/);
  });

  it("the authority's decision: who, which document, the outcome, and what the service now does", () => {
    expect(render(SAMPLES[11]!).ru).toBe(
      'Решение «Комитет по оценке качества госуслуг» № 12-5/301 от 17.04.2026 по жалобе зарегистрировано ' +
        'услугодателем 20.04.2026: жалоба удовлетворена. Решение обязательно для услугодателя и будет исполнено: ' +
        'заявление подлежит включению в региональную квоту.',
    );
    expect(render(SAMPLES[12]!).kk).toContain('шағым қанағаттандырусыз қалдырылды.');
  });

  it('the final refusal tells the complaint terms: until when, through whom, in how many working days', () => {
    const { ru, kk } = render({
      kind: 'application-refused',
      data: {
        decisionNumber: 'KR-2026-3F1C2A4E8B7D',
        decisionDate: '2026-03-16',
        grounds,
        groundsListVersion: '1',
        explanation: 'После заслушивания',
        complaint: {
          termsVersion: '1',
          until: '2026-06-16',
          filingPeriodMonths: 3,
          providerConsiderationWorkingDays: 5,
          authorityConsiderationWorkingDays: 15,
          authorityExtensionWorkingDays: 10,
        },
        documentUrl: '/portal/applications/a/decision-document',
      },
    });
    expect(ru).toContain('Решение можно обжаловать до 16.06.2026 (в течение 3 месяцев)');
    expect(ru).toContain('услугодатель рассматривает её в течение 5 рабочих дней');
    expect(kk).toContain('Шешімге 16.06.2026 дейін (3 ай ішінде) шағым жасауға болады');
  });

  it('an arrival recorded: the settlement in words, the days, who recorded it, how support is paid', () => {
    const arrival = (recordedBy: 'portal' | 'officer') =>
      render({
        kind: 'arrival-recorded',
        data: {
          arrivedOn: '2026-03-28',
          settlement: { kind: 'town', name: 'Экибастуз' },
          registeredOn: '2026-03-30',
          recordedBy,
        },
      });
    expect(arrival('portal').ru).toBe(
      '28.03.2026 зарегистрировано ваше прибытие в регион: малый город Экибастуз, регистрация по месту жительства 30.03.2026.\n' +
        'Субсидии выплачиваются по графику: субсидия на переезд — один раз, субсидия на аренду жилья и коммунальные услуги — ежемесячно в течение 12 месяцев.',
    );
    expect(arrival('officer').ru).toContain('30.03.2026 (записано сотрудником центра карьеры).');
    expect(arrival('officer').kk).toContain(
      'шағын қала Экибастуз, тұрғылықты жері бойынша тіркелген күні 30.03.2026 (мансап орталығының қызметкері жазды).',
    );
  });

  it('a payment made: what for (the month of the rent), how much in tenge, the day, the account’s end', () => {
    const made = render({
      kind: 'payment-made',
      data: {
        kind: 'rent',
        rentMonth: 2,
        orderId: 'PO-1-R02-1',
        amount: 86_500,
        paidOn: '2026-12-11',
        accountEnding: '0100',
      },
    });
    expect(made.ru).toMatch(
      /^11\.12\.2026 выплачена субсидия на аренду жилья и коммунальные услуги за 2-й месяц из 12: 86\s500(,00)?\s₸ на счёт, оканчивающийся на 0100\.\nНомер платёжного поручения: PO-1-R02-1\.$/,
    );
    expect(made.kk).toContain('(12 төлемнің № 2 төлемі) төленді');
    const relocation = render({
      kind: 'payment-made',
      data: {
        kind: 'relocation',
        rentMonth: null,
        orderId: 'PO-1-RL-1',
        amount: 908_250,
        paidOn: '2026-12-11',
        accountEnding: '0100',
      },
    });
    expect(relocation.ru).toContain('выплачена субсидия на переезд: 908');
    expect(relocation.ru).not.toContain('месяц');
  });

  it('a payment returned, an account changed, a stop: what the applicant does next, never the bank’s words', () => {
    const returned = render({
      kind: 'payment-returned',
      data: {
        kind: 'relocation',
        rentMonth: null,
        orderId: 'PO-1-RL-1',
        amount: 908_250,
        returnedOn: '2026-12-12',
        accountEnding: '0100',
      },
    });
    expect(returned.ru).toContain('банк вернул выплату — субсидия на переезд');
    expect(returned.ru).toContain('выплата будет произведена повторно один раз');
    const corrected = render({
      kind: 'recipient-corrected',
      data: { correctedOn: '2026-12-14', previousAccountEnding: '4321', accountEnding: '0100' },
    });
    expect(corrected.ru).toContain('оканчивающийся на 0100, вместо счёта, оканчивающегося на 4321');
    expect(corrected.kk).toContain('Егер сіз өзгертуді сұрамаған болсаңыз');
    const stopped = (payments: number) =>
      render({
        kind: 'support-stopped',
        data: {
          reason: 'inclusion-revoked',
          effectiveOn: '2027-05-01',
          cancelledPayments: 6,
          recovery: { payments, total: 90_000 * payments },
        },
      });
    expect(stopped(1).ru).toContain('решение о включении в квоту отменено.\nНе будут выплачены: 6 выплат.');
    expect(stopped(1).ru).toContain('По правилам к возврату учтены 1 выплата на сумму');
    expect(stopped(0).ru).not.toContain('возврат');
    expect(stopped(0).kk).not.toContain('қайтару');
  });

  it('no explanation line when the process wrote its own words: the grounds by title, the seats in words', () => {
    const proposed = render({ ...SAMPLES[0]!, data: { ...SAMPLES[0]!.data, explanation: null } } as NoticeContent);
    expect(proposed.ru).toContain('— Квота исчерпана\nВ квоте осталось 2 места, а для вашей семьи нужно 5.\n');
    expect(proposed.kk).toContain('— Квота таусылды\nКвотада 2 орын қалды, ал отбасыңызға 5 орын қажет.\n');
    const refused = render({
      kind: 'application-refused',
      data: {
        decisionNumber: 'KR-2026-3F1C2A4E8B7D-2',
        decisionDate: '2026-03-16',
        grounds: grounds.slice(1),
        groundsListVersion: '1',
        explanation: null,
        seats: { remaining: 1, persons: 3 },
        complaint: {
          termsVersion: '1',
          until: '2026-06-16',
          filingPeriodMonths: 3,
          providerConsiderationWorkingDays: 5,
          authorityConsiderationWorkingDays: 15,
          authorityExtensionWorkingDays: 10,
        },
        documentUrl: '/portal/applications/a/decision-document',
      },
    });
    expect(refused.ru).toContain(
      'Основания:\n— Квота исчерпана\nВ квоте осталось 1 место, а для вашей семьи нужно 3.\nРешение можно обжаловать',
    );
    expect(refused.kk).toContain('Квотада 1 орын қалды, ал отбасыңызға 3 орын қажет.\nШешімге');
    for (const text of [proposed.ru, proposed.kk, refused.ru, refused.kk])
      expect(text).not.toMatch(/Пояснение|Түсіндірме/);
  });
});
