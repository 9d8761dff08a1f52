import { messages } from '../../i18n/messages';

/** Labels of the auditor's screens. */
export const auditor = messages(
  {
    nav: { applications: 'Истории заявлений', verify: 'Проверка целостности', exports: 'Выгрузки' },
  },
  {
    kk: { nav: { applications: 'Өтініштер тарихы', verify: 'Тұтастықты тексеру', exports: 'Экспорттар' } },
    en: { nav: { applications: 'Application histories', verify: 'Integrity check', exports: 'Exports' } },
  },
);
