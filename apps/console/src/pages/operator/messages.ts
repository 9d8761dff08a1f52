import { messages } from '../../i18n/messages';

/** Labels of the operator's screens. */
export const operator = messages(
  {
    nav: { incidents: 'Инциденты', health: 'Состояние' },
  },
  {
    kk: { nav: { incidents: 'Оқиғалар', health: 'Жай-күйі' } },
    en: { nav: { incidents: 'Incidents', health: 'Health' } },
  },
);
