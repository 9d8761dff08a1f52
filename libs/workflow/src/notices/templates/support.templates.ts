import type { NoticeTemplate } from './notice-template';

const KK_PAYMENT =
  '{{choose kind relocation="көшуге арналған субсидия" rent="тұрғын үйді жалдауға және коммуналдық қызметтерге арналған субсидия"}}' +
  '{{#if rentMonth}} (12 төлемнің № {{rentMonth}} төлемі){{/if}}';
const RU_PAYMENT =
  '{{choose kind relocation="субсидия на переезд" rent="субсидия на аренду жилья и коммунальные услуги"}}' +
  '{{#if rentMonth}} за {{rentMonth}}-й месяц из 12{{/if}}';

/** A payment the bank confirmed (ADR 33): what for, how much, when, to which account (its ending). */
export const PAYMENT_MADE_V1: NoticeTemplate = {
  id: 'payment-made',
  version: 1,
  kk:
    `{{date paidOn}} ${KK_PAYMENT} төленді: {{tenge amount}}, соңы {{accountEnding}} болып келетін шотқа.\n` +
    'Төлем тапсырмасының нөмірі: {{orderId}}.',
  ru:
    `{{date paidOn}} выплачена ${RU_PAYMENT}: {{tenge amount}} на счёт, оканчивающийся на {{accountEnding}}.\n` +
    'Номер платёжного поручения: {{orderId}}.',
};

/** A payment the bank sent back: the applicant checks the account; it is paid again once, corrected. */
export const PAYMENT_RETURNED_V1: NoticeTemplate = {
  id: 'payment-returned',
  version: 1,
  kk:
    `{{date returnedOn}} банк ${KK_PAYMENT} төлемін қайтарды: {{tenge amount}}, соңы {{accountEnding}} болып ` +
    'келетін шотқа жіберілген.\n' +
    'Шот деректемелерін тексеріп, дұрысын мансап орталығына хабарлаңыз: деректемелер түзетілгеннен кейін төлем ' +
    'бір рет қайта жасалады. Төлем тапсырмасының нөмірі: {{orderId}}.',
  ru:
    `{{date returnedOn}} банк вернул выплату — ${RU_PAYMENT}: {{tenge amount}}, направленную на счёт, ` +
    'оканчивающийся на {{accountEnding}}.\n' +
    'Проверьте реквизиты счёта и сообщите верные в центр карьеры: после их исправления выплата будет ' +
    'произведена повторно один раз. Номер платёжного поручения: {{orderId}}.',
};

/** The account changed: told at once, so that a change the applicant did not ask for is caught. */
export const RECIPIENT_CORRECTED_V1: NoticeTemplate = {
  id: 'recipient-corrected',
  version: 1,
  kk:
    '{{date correctedOn}} субсидиялар төленетін шот өзгертілді: төлемдер соңы {{previousAccountEnding}} болып ' +
    'келетін шоттың орнына соңы {{accountEnding}} болып келетін шотқа жіберіледі.\n' +
    'Егер сіз өзгертуді сұрамаған болсаңыз, дереу мансап орталығына хабарлаңыз.',
  ru:
    '{{date correctedOn}} изменён счёт для выплаты субсидий: выплаты направляются на счёт, оканчивающийся на ' +
    '{{accountEnding}}, вместо счёта, оканчивающегося на {{previousAccountEnding}}.\n' +
    'Если вы не просили об изменении, немедленно сообщите в центр карьеры.',
};

/** The support stopped: why, from when, how many payments are no longer made, what is listed for recovery. */
export const SUPPORT_STOPPED_V1: NoticeTemplate = {
  id: 'support-stopped',
  version: 1,
  kk:
    '{{date effectiveOn}} бастап субсидиялар төлеу тоқтатылды: ' +
    '{{choose reason inclusion-revoked="квотаға енгізу туралы шешімнің күші жойылды" departed="отбасы өңірден көшіп кетті" renounced="сіз қолдаудан бас тарттыңыз"}}.\n' +
    'Төленбейтін төлемдер саны: {{cancelledPayments}}.' +
    '{{#if recovery.payments}}\nЕрежелер бойынша қайтаруға есепке алынған төлемдер: {{recovery.payments}}, ' +
    'сомасы {{tenge recovery.total}}. Бұл қайтару туралы талап емес: талап қойылса, ол туралы бөлек хабарланады.{{/if}}',
  ru:
    'С {{date effectiveOn}} выплата субсидий прекращена: ' +
    '{{choose reason inclusion-revoked="решение о включении в квоту отменено" departed="семья выехала из региона" renounced="вы отказались от поддержки"}}.\n' +
    'Не будут выплачены: {{cancelledPayments}} {{plural cancelledPayments one="выплата" few="выплаты" many="выплат"}}.' +
    '{{#if recovery.payments}}\nПо правилам к возврату учтены {{recovery.payments}} ' +
    '{{plural recovery.payments one="выплата" few="выплаты" many="выплат"}} на сумму {{tenge recovery.total}}. ' +
    'Это не требование о возврате: если оно будет предъявлено, о нём сообщат отдельно.{{/if}}',
};
