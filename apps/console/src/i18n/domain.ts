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
      included: 'включено в квоту',
      refused: 'отказано',
      withdrawn: 'отозвано',
    },
    decision: { included: 'включено в квоту', refused: 'отказано' },
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
        included: 'квотаға енгізілді',
        refused: 'бас тартылды',
        withdrawn: 'кері қайтарылды',
      },
      decision: { included: 'квотаға енгізілді', refused: 'бас тартылды' },
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
        included: 'included in the quota',
        refused: 'refused',
        withdrawn: 'withdrawn',
      },
      decision: { included: 'included in the quota', refused: 'refused' },
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
