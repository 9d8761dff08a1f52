import { REGIONS } from '@domain/shared/region';
import { documentDate, fullName, groupedDigits, type LetterPhrases } from './letter-phrases';

const RELATION = {
  spouse: 'супруг(а)',
  child: 'ребёнок',
  parent: 'родитель',
  sibling: 'брат или сестра',
  grandchild: 'внук или внучка',
  other: 'член семьи',
} as const;

const tenge = (amount: number) => `${groupedDigits(amount)} тенге`;

/** The letter in Russian. */
export const RU_LETTER: LetterPhrases = {
  language: 'ru',
  serviceName: 'Включение в региональную квоту приема кандасов и переселенцев',
  signedBy: 'Электронный документ подписан службой: отдельная подпись Ed25519 над байтами этого файла (файл .sig)',
  labels: {
    application: 'Заявление:',
    applicant: 'Заявитель:',
    category: 'Категория:',
    quota: 'Квота:',
    family: 'Члены семьи:',
    subsidies: 'Меры государственной поддержки',
    relocation: 'Субсидия на переезд:',
    rent: 'Субсидия на аренду жилья и коммунальные услуги:',
    total: 'Итого:',
    mci: 'МРП:',
    explanation: 'Пояснение:',
    seats: 'Места в квоте:',
    complaints: 'Порядок обжалования',
  },
  noFamily: 'нет',
  complaints:
    'Решение может быть обжаловано. Жалоба подаётся через орган, принявший решение (Административный процедурно-процессуальный кодекс, статья 91): он рассматривает её в течение 5 рабочих дней или в течение 3 рабочих дней направляет в вышестоящий орган. Жалоба в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг рассматривается в течение 15 рабочих дней (Закон «О государственных услугах», статья 25). В суд можно обратиться после досудебного обжалования.',
  decisionNumber: ({ number, date }) => `РЕШЕНИЕ № ${number} от ${documentDate(date)}`,
  subject: (outcome) =>
    outcome === 'included'
      ? 'о включении в региональную квоту приема кандасов и переселенцев'
      : 'об отказе во включении в региональную квоту приема кандасов и переселенцев',
  application: (id, submittedOn) => `${id}, подано ${documentDate(submittedOn)}`,
  person: (person) =>
    `${fullName(person)}, ${person.iin === null ? '' : `ИИН ${person.iin}, `}дата рождения ${documentDate(person.birthDate)}`,
  category: (category) => (category === 'kandas' ? 'кандас' : 'переселенец'),
  quota: ({ region, year }) => `${REGIONS[region].ru}, ${year} год`,
  familyCount: (members) => `${members} чел.`,
  member: (member) => `${RU_LETTER.person(member)}, ${RELATION[member.relation]}`,
  included: ({ region, year }, persons) =>
    `Вы и члены Вашей семьи включены в региональную квоту приема (${REGIONS[region].ru}, ${year} год). Квота учитывает ${persons} чел.`,
  relocation: ({ relocation, mci }) =>
    `${tenge(relocation.amount)} (${relocation.mciPerPerson} МРП × ${relocation.persons} чел. × ${tenge(mci.value)})`,
  rent: ({ rent, mci }) =>
    `${tenge(rent.amount)} (${rent.monthlyRateMci} МРП × ${tenge(mci.value)} × ${rent.months} мес.)`,
  mci: ({ value, year }) => `${tenge(value)}, ${year} год`,
  tenge,
  refused: ({ region, year }) =>
    `Вам отказано во включении в региональную квоту приема (${REGIONS[region].ru}, ${year} год) по следующим основаниям.`,
  groundsHeading: (version) => `Основания отказа (перечень оснований, версия ${version})`,
  seats: ({ remaining, persons }) => `осталось ${remaining}, для семьи нужно ${persons}`,
  unknownGround: (code) => `основание ${code}`,
};
