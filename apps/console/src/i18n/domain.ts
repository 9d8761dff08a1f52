import { REGIONS } from '@domain/shared/region';
import type { RegionCode } from '@domain/shared/region';
import { messages } from './messages';

const regionNames = (language: 'kk' | 'ru' | 'en') =>
  Object.fromEntries(Object.entries(REGIONS).map(([code, names]) => [code, names[language]])) as Record<
    RegionCode,
    string
  >;

/** The words of the service itself: regions (from the domain's one vocabulary, ADR 20), categories, statuses. */
export const domain = messages(
  {
    region: regionNames('ru'),
    category: { kandas: 'кандас', resettler: 'переселенец' },
    status: {
      submitted: 'подано',
      signed: 'подписано',
      'under-review': 'на рассмотрении',
      reviewed: 'рассмотрено',
      'refusal-proposed': 'предварительное решение об отказе',
      included: 'включено в квоту',
      refused: 'отказано',
      withdrawn: 'отозвано',
    },
    decision: { included: 'включено в квоту', refused: 'отказано' },
    hearing: {
      way: { 'in-person': 'очно', 'video-call': 'по видеосвязи', 'in-writing': 'письменно' },
      attendance: {
        attended: 'заявитель присутствовал',
        absent: 'заявитель не явился',
        'in-writing': 'письменные возражения',
      },
    },
    refusal: {
      proposedBy: {
        review: 'процесс рассмотрения по заключению специалиста',
        quota: 'процесс рассмотрения: квота исчерпана',
        supervisor: 'руководитель',
      },
      explanation: {
        none: 'Пояснения не дано: отказ основан на указанных основаниях.',
        quotaFull:
          'Квота ({{category}}, {{region}}, {{year}}): свободных мест — {{remaining}}, в семье человек — {{persons}}.',
        quotaNotSet: 'Квота ({{category}}, {{region}}, {{year}}) не установлена.',
        generated: 'составлено системой',
      },
    },
    complaint: {
      against: { refusal: 'отказ', 'inclusion-amounts': 'суммы при включении', 'missed-term': 'нарушение срока' },
      state: { open: 'на рассмотрении', satisfied: 'удовлетворена', rejected: 'отклонена' },
      remedy: { 'return-to-review': 'вернуть на рассмотрение', include: 'включить в квоту' },
    },
    sla: {
      onTime: 'в срок',
      atRisk: 'под угрозой',
      breached: 'просрочено',
      decidedOnTime: 'решено в срок',
      decidedLate: 'решено с опозданием',
      workingDaysLeft: 'осталось {{count}} раб. дн.',
      workingDaysOver: 'просрочено на {{count}} раб. дн.',
      dueAt: 'срок — {{when}}',
      dueToday: 'срок истекает сегодня',
      notStarted: 'срок не начался',
      withdrawn: 'отозвано, срок остановлен',
    },
  },
  {
    kk: {
      region: regionNames('kk'),
      category: { kandas: 'қандас', resettler: 'қоныс аударушы' },
      status: {
        submitted: 'берілді',
        signed: 'қол қойылды',
        'under-review': 'қаралуда',
        reviewed: 'қаралды',
        'refusal-proposed': 'бас тарту туралы алдын ала шешім',
        included: 'квотаға енгізілді',
        refused: 'бас тартылды',
        withdrawn: 'кері қайтарылды',
      },
      decision: { included: 'квотаға енгізілді', refused: 'бас тартылды' },
      hearing: {
        way: { 'in-person': 'бетпе-бет', 'video-call': 'бейнебайланыс арқылы', 'in-writing': 'жазбаша' },
        attendance: {
          attended: 'өтініш беруші қатысты',
          absent: 'өтініш беруші келмеді',
          'in-writing': 'жазбаша қарсылық',
        },
      },
      refusal: {
        proposedBy: {
          review: 'қарау процесі, маманның қорытындысы бойынша',
          quota: 'қарау процесі: квота таусылды',
          supervisor: 'басшы',
        },
        explanation: {
          none: 'Түсініктеме берілмеген: бас тарту көрсетілген негіздерге негізделген.',
          quotaFull:
            '{{region}}, {{year}} жыл, {{category}} квотасы: бос орын — {{remaining}}, отбасында — {{persons}} адам.',
          quotaNotSet: '{{region}}, {{year}} жыл, {{category}} квотасы белгіленбеген.',
          generated: 'жүйе құрастырған',
        },
      },
      complaint: {
        against: {
          refusal: 'бас тарту',
          'inclusion-amounts': 'енгізу кезіндегі сомалар',
          'missed-term': 'мерзімнің бұзылуы',
        },
        state: { open: 'қаралуда', satisfied: 'қанағаттандырылды', rejected: 'қабылданбады' },
        remedy: { 'return-to-review': 'қайта қарауға жіберу', include: 'квотаға енгізу' },
      },
      sla: {
        onTime: 'мерзімінде',
        atRisk: 'қауіп төнуде',
        breached: 'мерзімі өтті',
        decidedOnTime: 'мерзімінде шешілді',
        decidedLate: 'кешігіп шешілді',
        workingDaysLeft: '{{count}} жұмыс күні қалды',
        workingDaysOver: '{{count}} жұмыс күніне кешікті',
        dueAt: 'мерзімі — {{when}}',
        dueToday: 'мерзімі бүгін бітеді',
        notStarted: 'мерзім басталған жоқ',
        withdrawn: 'кері қайтарылды, мерзім тоқтатылды',
      },
    },
    en: {
      region: regionNames('en'),
      category: { kandas: 'kandas', resettler: 'resettler' },
      status: {
        submitted: 'submitted',
        signed: 'signed',
        'under-review': 'under review',
        reviewed: 'reviewed',
        'refusal-proposed': 'refusal proposed',
        included: 'included in the quota',
        refused: 'refused',
        withdrawn: 'withdrawn',
      },
      decision: { included: 'included in the quota', refused: 'refused' },
      hearing: {
        way: { 'in-person': 'in person', 'video-call': 'by video call', 'in-writing': 'in writing' },
        attendance: {
          attended: 'the applicant attended',
          absent: 'the applicant did not come',
          'in-writing': 'objections in writing',
        },
      },
      refusal: {
        proposedBy: {
          review: 'the review process, on the reviewer’s verdict',
          quota: 'the review process: the quota is full',
          supervisor: 'the supervisor',
        },
        explanation: {
          none: 'No explanation given: the refusal rests on the grounds above.',
          quotaFull:
            'The {{category}} quota of {{region}} for {{year}}: {{remaining}} seat(s) free, the family counts {{persons}}.',
          quotaNotSet: 'No {{category}} quota is set for {{region}} in {{year}}.',
          generated: 'written by the system',
        },
      },
      complaint: {
        against: {
          refusal: 'the refusal',
          'inclusion-amounts': 'the amounts of an inclusion',
          'missed-term': 'a missed term',
        },
        state: { open: 'under consideration', satisfied: 'satisfied', rejected: 'rejected' },
        remedy: { 'return-to-review': 'return to review', include: 'include in the quota' },
      },
      sla: {
        onTime: 'on time',
        atRisk: 'at risk',
        breached: 'breached',
        decidedOnTime: 'decided on time',
        decidedLate: 'decided late',
        workingDaysLeft: 'working days left: {{count}}',
        workingDaysOver: 'working days over: {{count}}',
        dueAt: 'due {{when}}',
        dueToday: 'due today',
        notStarted: 'clock not started',
        withdrawn: 'withdrawn, clock stopped',
      },
    },
  },
);
