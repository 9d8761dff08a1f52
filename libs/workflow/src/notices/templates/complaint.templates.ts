import type { NoticeTemplate } from './notice-template';

/** "Your complaint against …": the complaint's object, in the case each sentence needs. */
const AGAINST_RU =
  '{{choose against refusal="на решение об отказе" inclusion-amounts="на суммы субсидий по решению о включении" ' +
  'missed-term="на нарушение срока рассмотрения заявления"}}';
const AGAINST_KK =
  '{{choose against refusal="бас тарту туралы шешімге" inclusion-amounts="квотаға енгізу туралы шешім бойынша ' +
  'субсидия сомаларына" missed-term="өтінішті қарау мерзімінің бұзылуына"}}';
const LATE_RU = '{{#if late}} (ответ дан позже установленного срока){{/if}}';
const LATE_KK = '{{#if late}} (жауап белгіленген мерзімнен кеш берілді){{/if}}';
const REMEDY_RU =
  '{{choose remedy return-to-review="заявление возвращается на рассмотрение" include="заявление подлежит включению в региональную квоту"}}';
const REMEDY_KK =
  '{{choose remedy return-to-review="өтініш қайта қарауға қайтарылады" include="өтініш өңірлік квотаға енгізілуге жатады"}}';

export const COMPLAINT_RECEIVED_V1: NoticeTemplate = {
  id: 'complaint-received',
  version: 1,
  kk:
    `{{date acceptedOn}} ${AGAINST_KK}{{#if decision}} ({{date decision.date}} жылғы № {{decision.number}}){{/if}} ` +
    'берген шағымыңыз қарауға қабылданды. Жауап {{dateTime considerBy}} (Астана уақыты) кешіктірілмей беріледі.',
  ru:
    `Ваша жалоба ${AGAINST_RU}{{#if decision}} № {{decision.number}} от {{date decision.date}}{{/if}} принята к ` +
    'рассмотрению {{date acceptedOn}}. Ответ будет дан не позднее {{dateTime considerBy}} по времени Астаны.',
};

export const COMPLAINT_SATISFIED_V1: NoticeTemplate = {
  id: 'complaint-satisfied',
  version: 1,
  kk:
    `{{date satisfiedOn}} ${AGAINST_KK} берген шағымыңыз қанағаттандырылды${LATE_KK}.\n` +
    `{{#if remedy}}Шешімнің күші жойылады: ${REMEDY_KK}.{{else}}Өтінішті қарау бұдан әрі кідіріссіз аяқталады.{{/if}}\n` +
    'Негіздеме: {{reason}}',
  ru:
    `{{date satisfiedOn}} ваша жалоба ${AGAINST_RU} удовлетворена${LATE_RU}.\n` +
    `{{#if remedy}}Решение отменяется: ${REMEDY_RU}.{{else}}Рассмотрение заявления будет завершено без дальнейшей задержки.{{/if}}\n` +
    'Обоснование: {{reason}}',
};

export const COMPLAINT_REJECTED_V1: NoticeTemplate = {
  id: 'complaint-rejected',
  version: 1,
  kk:
    `{{date rejectedOn}} ${AGAINST_KK} берген шағымыңызды қанағаттандырудан бас тартылды${LATE_KK}.\n` +
    'Себептері: {{reasons}}\n' +
    'Бұл жауапқа мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға шағым ' +
    'жасауға болады: шағым {{authority.considerationWorkingDays}} жұмыс күні ішінде қаралады (мерзімі ' +
    '{{authority.extensionWorkingDays}} жұмыс күніне дейін ұзартылуы мүмкін). Сотқа да жүгінуге болады.',
  ru:
    `{{date rejectedOn}} в удовлетворении вашей жалобы ${AGAINST_RU} отказано${LATE_RU}.\n` +
    'Причины: {{reasons}}\n' +
    'Этот ответ можно обжаловать в уполномоченный орган по оценке и контролю за качеством оказания ' +
    'государственных услуг: жалоба рассматривается в течение {{authority.considerationWorkingDays}} ' +
    '{{plural authority.considerationWorkingDays one="рабочего дня" few="рабочих дней" many="рабочих дней"}} ' +
    '(срок может быть продлён не более чем на {{authority.extensionWorkingDays}} ' +
    '{{plural authority.extensionWorkingDays one="рабочий день" few="рабочих дня" many="рабочих дней"}}). ' +
    'Можно также обратиться в суд.',
};

/** A revoked decision: what follows, the seats given back, the subsidies stopped (amounts in tenge). */
export const DECISION_REVOKED_V1: NoticeTemplate = {
  id: 'decision-revoked',
  version: 1,
  kk:
    '{{date revokedOn}} {{#if authorityDocument}}уәкілетті органның № {{authorityDocument}} шешімін орындау ' +
    'үшін{{else}}шағымыңыз бойынша{{/if}} {{date decisionDate}} жылғы № {{decisionNumber}} ' +
    '{{choose revokedFrom included="өңірлік квотаға енгізу туралы шешімнің" refused="бас тарту туралы шешімнің"}} күші жойылды.\n' +
    '{{choose remedy return-to-review="Өтініш қайта қарауға қайтарылды: шешімнің жаңа мерзімі жеке хабарламамен ' +
    'жіберіледі." include="Өтініш квотаға енгізілуге жатады: квотадағы орындар қайта брондалады; квота толып ' +
    'қалса, бұл туралы хабарланады."}}' +
    '{{#if seatsReleased}}\nКүші жойылған шешім бойынша квотадағы {{seatsReleased}} орын босатылды.{{/if}}' +
    '{{#if subsidiesStopped.length}}\nКүші жойылған шешіммен тағайындалған субсидиялардың әлі төленбеген бөлігін ' +
    'төлеу тоқтатылды:{{#each subsidiesStopped}}\n— {{choose kind relocation="көшуге" ' +
    'rent="тұрғын үйді жалдауға және коммуналдық қызметтерге"}}: {{tenge amount}}{{/each}}\n' +
    'барлығы {{tenge totalStopped}}.{{/if}}',
  ru:
    '{{date revokedOn}} {{choose revokedFrom included="решение о включении в региональную квоту" ' +
    'refused="решение об отказе"}} № {{decisionNumber}} от {{date decisionDate}} отменено ' +
    '{{#if authorityDocument}}во исполнение решения уполномоченного органа № {{authorityDocument}}' +
    '{{else}}по вашей жалобе{{/if}}.\n' +
    '{{choose remedy return-to-review="Заявление возвращено на рассмотрение: новый срок решения будет сообщён ' +
    'отдельным уведомлением." include="Заявление подлежит включению в квоту: места в квоте будут ' +
    'зарезервированы заново; если квота уже заполнена, вам сообщат об этом."}}' +
    '{{#if seatsReleased}}\nЗанятые по отменённому решению места в квоте ({{seatsReleased}}) освобождены.{{/if}}' +
    '{{#if subsidiesStopped.length}}\nВыплата субсидий, назначенных отменённым решением, в ещё не выплаченной ' +
    'части прекращена:{{#each subsidiesStopped}}\n— {{choose kind relocation="на переезд" ' +
    'rent="на аренду жилья и коммунальные услуги"}}: {{tenge amount}}{{/each}}\n' +
    'всего {{tenge totalStopped}}.{{/if}}',
};

/** The authority's decision on a complaint, binding on the provider, as recorded here. */
export const AUTHORITY_DECISION_RECORDED_V1: NoticeTemplate = {
  id: 'authority-decision-recorded',
  version: 1,
  kk:
    '{{authority}} шағым бойынша шығарған {{date documentDate}} жылғы № {{documentNumber}} шешімді ' +
    'көрсетілетін қызметті беруші {{date recordedOn}} тіркеді: шағым ' +
    '{{choose outcome satisfied="қанағаттандырылды" rejected="қанағаттандырусыз қалдырылды"}}.' +
    `{{#if remedy}} Шешім көрсетілетін қызметті беруші үшін міндетті және орындалады: ${REMEDY_KK}.{{/if}}`,
  ru:
    'Решение «{{authority}}» № {{documentNumber}} от {{date documentDate}} по жалобе зарегистрировано ' +
    'услугодателем {{date recordedOn}}: жалоба ' +
    '{{choose outcome satisfied="удовлетворена" rejected="оставлена без удовлетворения"}}.' +
    `{{#if remedy}} Решение обязательно для услугодателя и будет исполнено: ${REMEDY_RU}.{{/if}}`,
};
