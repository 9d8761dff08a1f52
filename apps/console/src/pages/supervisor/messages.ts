import { messages } from '../../i18n/messages';

/** Labels of the supervisor's screens. */
export const supervisor = messages(
  {
    nav: { sla: 'Сроки (SLA)', escalated: 'Эскалации' },
  },
  {
    kk: { nav: { sla: 'Мерзімдер (SLA)', escalated: 'Эскалациялар' } },
    en: { nav: { sla: 'SLA board', escalated: 'Escalated' } },
  },
);
