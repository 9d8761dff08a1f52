import type { NoticeTemplate } from './notice-template';

export const ACCEPTED_V1: NoticeTemplate = {
  id: 'application-accepted',
  version: 1,
  kk:
    'Қандастар мен қоныс аударушыларды қабылдаудың өңірлік квотасына енгізу туралы өтінішіңіз ' +
    '{{date acceptedOn}} қарауға қабылданды. Шешім {{date dueOn}} кешіктірілмей қабылданады.',
  ru:
    'Ваше заявление о включении в региональную квоту приёма кандасов и переселенцев принято к ' +
    'рассмотрению {{date acceptedOn}}. Решение будет принято не позднее {{date dueOn}}.',
};

export const REVIEW_STARTED_V1: NoticeTemplate = {
  id: 'review-started',
  version: 1,
  kk: '{{date startedOn}} өтінішіңізді қарау басталды.{{#if dueOn}} Шешім {{date dueOn}} кешіктірілмей қабылданады.{{/if}}',
  ru: '{{date startedOn}} началось рассмотрение вашего заявления.{{#if dueOn}} Решение будет принято не позднее {{date dueOn}}.{{/if}}',
};

export const DEADLINE_MOVED_V1: NoticeTemplate = {
  id: 'review-deadline-moved',
  version: 1,
  kk:
    'Жұмыс күндерінің күнтізбесі немесе қызмет көрсету мерзімдері өзгергендіктен өтінішіңізді қарау мерзімі ' +
    'өзгерді: шешім {{date dueOn}} кешіктірілмей қабылданады (бұрын — {{date previousDueOn}}).',
  ru:
    'Срок рассмотрения вашего заявления изменён в связи с изменением календаря рабочих дней или сроков ' +
    'оказания услуги: решение будет принято не позднее {{date dueOn}} (ранее — {{date previousDueOn}}).',
};
