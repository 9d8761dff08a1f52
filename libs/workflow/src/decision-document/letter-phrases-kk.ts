import { REGIONS } from '@domain/shared/region';
import { documentDate, fullName, groupedDigits, type LetterPhrases } from './letter-phrases';

const RELATION = {
  spouse: 'жұбайы',
  child: 'баласы',
  parent: 'ата-анасы',
  sibling: 'бауыры',
  grandchild: 'немересі',
  other: 'отбасы мүшесі',
} as const;

const tenge = (amount: number) => `${groupedDigits(amount)} теңге`;

/** The letter in Kazakh, the state language: printed first. */
export const KK_LETTER: LetterPhrases = {
  language: 'kk',
  serviceName: 'Қандастар мен қоныс аударушыларды қабылдаудың өңірлік квотасына енгізу',
  signedBy: 'Электрондық құжатқа қызмет қол қойған: осы файлдың байттарына бөлек Ed25519 қолтаңбасы (.sig файлы)',
  labels: {
    application: 'Өтініш:',
    applicant: 'Өтініш беруші:',
    category: 'Санаты:',
    quota: 'Квота:',
    family: 'Отбасы мүшелері:',
    subsidies: 'Мемлекеттік қолдау шаралары',
    relocation: 'Көшуге арналған субсидия:',
    rent: 'Тұрғын үй жалдауға және коммуналдық қызметтерге арналған субсидия:',
    total: 'Барлығы:',
    mci: 'АЕК:',
    explanation: 'Түсіндірме:',
    seats: 'Квотадағы орындар:',
    complaints: 'Шағымдану тәртібі',
  },
  noFamily: 'жоқ',
  complaints:
    'Шешімге шағым жасалуы мүмкін. Шағым шешімді қабылдаған орган арқылы беріледі (Әкімшілік рәсімдік-процестік кодекс, 91-бап): ол шағымды 5 жұмыс күні ішінде қарайды немесе 3 жұмыс күні ішінде жоғары тұрған органға жібереді. Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға берілген шағым 15 жұмыс күні ішінде қаралады («Мемлекеттік көрсетілетін қызметтер туралы» Заң, 25-бап). Сотқа сотқа дейінгі шағымданудан кейін жүгінуге болады.',
  decisionNumber: ({ number, date }) => `ШЕШІМ № ${number}, ${documentDate(date)}`,
  subject: (outcome) =>
    outcome === 'included'
      ? 'қандастар мен қоныс аударушыларды қабылдаудың өңірлік квотасына енгізу туралы'
      : 'қандастар мен қоныс аударушыларды қабылдаудың өңірлік квотасына енгізуден бас тарту туралы',
  application: (id, submittedOn) => `${id}, берілген күні ${documentDate(submittedOn)}`,
  person: (person) =>
    `${fullName(person)}, ${person.iin === null ? '' : `ЖСН ${person.iin}, `}туған күні ${documentDate(person.birthDate)}`,
  category: (category) => (category === 'kandas' ? 'қандас' : 'қоныс аударушы'),
  quota: ({ region, year }) => `${REGIONS[region].kk}, ${year} жыл`,
  familyCount: (members) => `${members} адам`,
  member: (member) => `${KK_LETTER.person(member)}, ${RELATION[member.relation]}`,
  included: ({ region, year }, persons) =>
    `Сіз және отбасыңыздың мүшелері қабылдаудың өңірлік квотасына енгізілдіңіз (${REGIONS[region].kk}, ${year} жыл). Квота ${persons} адамды есепке алады.`,
  relocation: ({ relocation, mci }) =>
    `${tenge(relocation.amount)} (${relocation.mciPerPerson} АЕК × ${relocation.persons} адам × ${tenge(mci.value)})`,
  rent: ({ rent, mci }) =>
    `${tenge(rent.amount)} (${rent.monthlyRateMci} АЕК × ${tenge(mci.value)} × ${rent.months} ай)`,
  mci: ({ value, year }) => `${tenge(value)}, ${year} жыл`,
  tenge,
  refused: ({ region, year }) =>
    `Сізді қабылдаудың өңірлік квотасына енгізуден (${REGIONS[region].kk}, ${year} жыл) мына негіздер бойынша бас тартылды.`,
  groundsHeading: (version) => `Бас тарту негіздері (негіздер тізбесі, ${version}-нұсқа)`,
  seats: ({ remaining, persons }) => `${remaining} орын қалды, отбасыға ${persons} орын қажет`,
  unknownGround: (code) => `${code} негізі`,
};
