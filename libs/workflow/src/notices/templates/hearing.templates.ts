import type { NoticeTemplate } from './notice-template';
import { withOfficerExplanationOnly } from './officer-explanation';

const DECISION_DUE_RU =
  '{{#if decisionDueOn}}\nОкончательное решение будет принято не позднее {{date decisionDueOn}}.{{/if}}';
const DECISION_DUE_KK =
  '{{#if decisionDueOn}}\nТүпкілікті шешім {{date decisionDueOn}} кешіктірілмей қабылданады.{{/if}}';

/** The notice the law requires before a refusal (APC art. 73): grounds, hearing, how to object, seats. */
export const REFUSAL_PROPOSED_V1: NoticeTemplate = {
  id: 'refusal-proposed',
  version: 1,
  kk:
    '{{date proposedOn}} өңірлік квотаға енгізуден бас тарту туралы алдын ала шешім қабылданды. Бұл түпкілікті ' +
    'шешім емес: ол қабылданғанға дейін өз ұстанымыңызды білдіре аласыз.\n' +
    'Негіздер:{{#each grounds}}\n— {{kk}}{{/each}}\n' +
    'Түсіндірме: {{explanation}}\n' +
    '{{#if seats}}Квотада {{seats.remaining}} орын қалды, ал отбасыңызға {{seats.persons}} орын қажет.\n{{/if}}' +
    'Тыңдау {{choose hearing.way in-person="жеке келу арқылы" video-call="бейнебайланыс арқылы" in-writing="жазбаша түрде"}}' +
    '{{#if hearing.place}} ({{hearing.place}}){{/if}} {{dateTime hearing.heldBy}} (Астана уақыты) дейін өткізіледі.\n' +
    'Қарсылықтарыңыз бен құжаттарыңызды eGov порталындағы жеке кабинетте, өтініш карточкасында ' +
    '{{dateTime hearing.heldBy}} дейін жіберуге болады.' +
    DECISION_DUE_KK,
  ru:
    '{{date proposedOn}} принято предварительное решение об отказе во включении в региональную квоту. Это ещё не ' +
    'окончательное решение: до его принятия вы можете высказать свою позицию.\n' +
    'Основания:{{#each grounds}}\n— {{ru}}{{/each}}\n' +
    'Пояснение: {{explanation}}\n' +
    '{{#if seats}}В квоте осталось {{seats.remaining}} ' +
    '{{plural seats.remaining one="место" few="места" many="мест"}}, а для вашей семьи нужно {{seats.persons}}.\n{{/if}}' +
    'Заслушивание {{choose hearing.way in-person="при личной явке" video-call="по видеосвязи" in-writing="в письменной форме"}}' +
    '{{#if hearing.place}} ({{hearing.place}}){{/if}} — не позднее {{dateTime hearing.heldBy}} по времени Астаны.\n' +
    'Возражения и документы можно направить в личном кабинете на портале eGov, в карточке заявления, до ' +
    '{{dateTime hearing.heldBy}}.' +
    DECISION_DUE_RU,
};

/** Version 2: the explanation only when an officer wrote it (the seats are said already). */
export const REFUSAL_PROPOSED_V2: NoticeTemplate = withOfficerExplanationOnly(REFUSAL_PROPOSED_V1);

/** What the hearing's record says, before the supervisor decides on it. */
export const HEARING_RECORDED_V1: NoticeTemplate = {
  id: 'hearing-recorded',
  version: 1,
  kk:
    '{{dateTime heldAt}} (Астана уақыты) бас тарту туралы алдын ала шешім бойынша тыңдау өткізілді: ' +
    '{{choose attendance attended="сіз қатыстыңыз" absent="сіз келмедіңіз" in-writing="ұстанымыңыз жазбаша ұсынылды"}}.\n' +
    'Хаттамаға жазылғаны: {{statement}}' +
    '{{#if documentsAdded.length}}\nҚоса тіркелген құжаттар:{{#each documentsAdded}}\n— {{title}} ({{reference}}){{/each}}{{/if}}' +
    '{{#if objections}}\nҚарсылықтарыңыз ({{objections}}) хаттамамен бірге қаралады.{{/if}}' +
    DECISION_DUE_KK,
  ru:
    '{{dateTime heldAt}} по времени Астаны проведено заслушивание по предварительному решению об отказе: ' +
    '{{choose attendance attended="вы участвовали" absent="вы не явились" in-writing="ваша позиция представлена письменно"}}.\n' +
    'Записано в протокол: {{statement}}' +
    '{{#if documentsAdded.length}}\nПриобщены документы:{{#each documentsAdded}}\n— {{title}} ({{reference}}){{/each}}{{/if}}' +
    '{{#if objections}}\nВаши возражения ({{objections}}) будут рассмотрены вместе с протоколом.{{/if}}' +
    DECISION_DUE_RU,
};
