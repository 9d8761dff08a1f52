import type { NoticeTemplate } from './notice-template';
import { withOfficerExplanationOnly } from './officer-explanation';

export const INCLUDED_V1: NoticeTemplate = {
  id: 'application-included',
  version: 1,
  kk:
    '{{date decisionDate}} жылғы № {{decisionNumber}} шешіммен отбасыңыз ({{persons}} адам) өңірлік квотаға ' +
    'енгізілді. Субсидиялар тағайындалды: көшуге — {{tenge relocationAmount}}, тұрғын үйді жалдауға және ' +
    'коммуналдық қызметтерге — {{tenge rentAmount}} (12 ай бойы айына {{tenge rentMonthlyAmount}}); барлығы ' +
    '{{tenge totalAmount}}. Шешім құжаты: {{documentUrl}}',
  ru:
    'Решением № {{decisionNumber}} от {{date decisionDate}} ваша семья ({{persons}} ' +
    '{{plural persons one="человек" few="человека" many="человек"}}) включена в региональную квоту. ' +
    'Назначены субсидии: на переезд — {{tenge relocationAmount}}, на аренду жилья и коммунальные услуги — ' +
    '{{tenge rentAmount}} ({{tenge rentMonthlyAmount}} в месяц в течение 12 месяцев); всего {{tenge totalAmount}}. ' +
    'Документ решения: {{documentUrl}}',
};

export const REFUSED_V1: NoticeTemplate = {
  id: 'application-refused',
  version: 1,
  kk:
    '{{date decisionDate}} жылғы № {{decisionNumber}} шешіммен өңірлік квотаға енгізуден бас тартылды.\n' +
    'Негіздер:{{#each grounds}}\n— {{kk}}{{/each}}\n' +
    'Түсіндірме: {{explanation}}\n' +
    'Шешімге {{date complaint.until}} дейін ({{complaint.filingPeriodMonths}} ай ішінде) шағым жасауға болады. ' +
    'Шағым шешім қабылдаған орган арқылы беріледі: көрсетілетін қызметті беруші оны ' +
    '{{complaint.providerConsiderationWorkingDays}} жұмыс күні ішінде қарайды; мемлекеттік қызметтер көрсету ' +
    'сапасын бағалау және бақылау жөніндегі уәкілетті органға берілген шағым ' +
    '{{complaint.authorityConsiderationWorkingDays}} жұмыс күні ішінде қаралады (мерзімі ' +
    '{{complaint.authorityExtensionWorkingDays}} жұмыс күніне дейін ұзартылуы мүмкін). Сотқа сотқа дейінгі ' +
    'шағымданудан кейін жүгінуге болады.\n' +
    'Шешім құжаты: {{documentUrl}}',
  ru:
    'Решением № {{decisionNumber}} от {{date decisionDate}} вам отказано во включении в региональную квоту.\n' +
    'Основания:{{#each grounds}}\n— {{ru}}{{/each}}\n' +
    'Пояснение: {{explanation}}\n' +
    'Решение можно обжаловать до {{date complaint.until}} (в течение {{complaint.filingPeriodMonths}} ' +
    '{{plural complaint.filingPeriodMonths one="месяца" few="месяцев" many="месяцев"}}). ' +
    'Жалоба подаётся через орган, принявший решение: услугодатель рассматривает её в течение ' +
    '{{complaint.providerConsiderationWorkingDays}} {{plural complaint.providerConsiderationWorkingDays one="рабочего дня" few="рабочих дней" many="рабочих дней"}}; ' +
    'жалоба в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг ' +
    'рассматривается в течение {{complaint.authorityConsiderationWorkingDays}} ' +
    '{{plural complaint.authorityConsiderationWorkingDays one="рабочего дня" few="рабочих дней" many="рабочих дней"}} ' +
    '(срок может быть продлён не более чем на {{complaint.authorityExtensionWorkingDays}} ' +
    '{{plural complaint.authorityExtensionWorkingDays one="рабочий день" few="рабочих дня" many="рабочих дней"}}). ' +
    'В суд можно обратиться после досудебного обжалования.\n' +
    'Документ решения: {{documentUrl}}',
};

/** Version 2: the explanation only when an officer wrote it, and the seats when a full quota is the ground. */
export const REFUSED_V2: NoticeTemplate = withOfficerExplanationOnly(REFUSED_V1, {
  kk: '{{#if seats}}Квотада {{seats.remaining}} орын қалды, ал отбасыңызға {{seats.persons}} орын қажет.\n{{/if}}',
  ru:
    '{{#if seats}}В квоте осталось {{seats.remaining}} ' +
    '{{plural seats.remaining one="место" few="места" many="мест"}}, а для вашей семьи нужно {{seats.persons}}.\n{{/if}}',
});
