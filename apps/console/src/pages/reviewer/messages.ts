import { messages } from '../../i18n/messages';

/** Labels of the reviewer's screens. */
export const reviewer = messages(
  {
    nav: { queue: 'Очередь', search: 'Поиск' },
  },
  {
    kk: { nav: { queue: 'Кезек', search: 'Іздеу' } },
    en: { nav: { queue: 'Queue', search: 'Search' } },
  },
);
