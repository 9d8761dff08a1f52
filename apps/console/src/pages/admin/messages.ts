import { messages } from '../../i18n/messages';

/** Labels of the admin's screens. */
export const admin = messages(
  {
    nav: { quotas: 'Квоты', law: 'Действующее право' },
  },
  {
    kk: { nav: { quotas: 'Квоталар', law: 'Қолданыстағы құқық' } },
    en: { nav: { quotas: 'Quotas', law: 'Law in force' } },
  },
);
