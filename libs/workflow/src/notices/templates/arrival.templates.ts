import type { NoticeTemplate } from './notice-template';

/** The arrival recorded (ADR 33): where, when, and how the support is paid from now on. */
export const ARRIVAL_RECORDED_V1: NoticeTemplate = {
  id: 'arrival-recorded',
  version: 1,
  kk:
    '{{date arrivedOn}} өңірге келгеніңіз тіркелді: ' +
    '{{choose settlement.kind city="қала" town="шағын қала" village="ауыл"}} {{settlement.name}}, ' +
    'тұрғылықты жері бойынша тіркелген күні {{date registeredOn}}' +
    '{{choose recordedBy portal="" officer=" (мансап орталығының қызметкері жазды)"}}.\n' +
    'Субсидиялар кесте бойынша төленеді: көшуге арналған субсидия — бір рет, тұрғын үйді жалдауға және ' +
    'коммуналдық қызметтерге арналған субсидия — 12 ай бойы ай сайын.',
  ru:
    '{{date arrivedOn}} зарегистрировано ваше прибытие в регион: ' +
    '{{choose settlement.kind city="город" town="малый город" village="село"}} {{settlement.name}}, ' +
    'регистрация по месту жительства {{date registeredOn}}' +
    '{{choose recordedBy portal="" officer=" (записано сотрудником центра карьеры)"}}.\n' +
    'Субсидии выплачиваются по графику: субсидия на переезд — один раз, субсидия на аренду жилья и ' +
    'коммунальные услуги — ежемесячно в течение 12 месяцев.',
};
