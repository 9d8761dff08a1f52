import { SeededRandom } from '@libs/seeded-random';
import { transliterate } from '@domain/shared/transliteration';

/**
 * Plausible names of kandas and resettlers, in Cyrillic as in Kazakh documents, with a Latin
 * transliteration in the manner of Kazakh passports. Demo data only: any resemblance to a real
 * person is a coincidence of common names.
 */
export type Sex = 'male' | 'female';

/** A list of names written as text, one space between names (data reads better so than one quoted name a line). */
const words = (text: string): readonly string[] => text.split(/\s+/).filter(Boolean);

const KAZAKH_MALE = words(`
  Ержан Нұрлан Асхат Бауыржан Дәурен Ерлан Серік Қайрат Талғат Әділет Мұрат Жандос Ақылбек Санжар
  Тимур Арман Бекзат Ғалым Нұрсұлтан Айдос Ернар Құрманбек Темірлан Жасұлан Өмірзақ Бағдат Рүстем
  Мақсат Аслан Ілияс Дастан Әлихан Болат Марат Есен
`);
const KAZAKH_FEMALE = words(`
  Айгүл Гүлнар Әсел Динара Жанар Сәуле Мөлдір Айжан Ақмарал Гүлмира Назерке Аружан Жұлдыз Қарлығаш
  Ләззат Айым Томирис Дана Айару Балжан Ботагөз Мадина Інжу Перизат Салтанат Үміт Шынар Әйгерім
  Ғалия Камила
`);
/** Kazakh surnames in their usual (Russian-suffixed) form; the feminine adds "-а". */
const KAZAKH_SURNAMES = words(`
  Ахметов Серікбаев Жұмабаев Сейітов Оспанов Әбдіров Құдайбергенов Байжанов Тоқтаров Есенов
  Нұрмағамбетов Сарсенбаев Қасымов Мұхаметжанов Ибраев Төлеуов Бекмұхамбетов Жақыпов Омаров
  Рахимов Исаев Әлімжанов Ермеков Сұлтанов Дүйсенов Қожахметов Байтұрсынов Шәріпов
`);
const RUSSIAN_MALE: ReadonlyArray<readonly [string, string, string]> = [
  // name, patronymic of his son, patronymic of his daughter
  ['Александр', 'Александрович', 'Александровна'],
  ['Сергей', 'Сергеевич', 'Сергеевна'],
  ['Андрей', 'Андреевич', 'Андреевна'],
  ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
  ['Владимир', 'Владимирович', 'Владимировна'],
  ['Николай', 'Николаевич', 'Николаевна'],
  ['Иван', 'Иванович', 'Ивановна'],
  ['Виктор', 'Викторович', 'Викторовна'],
  ['Алексей', 'Алексеевич', 'Алексеевна'],
  ['Юрий', 'Юрьевич', 'Юрьевна'],
  ['Павел', 'Павлович', 'Павловна'],
  ['Евгений', 'Евгеньевич', 'Евгеньевна'],
];
const RUSSIAN_FEMALE = words(`
  Елена Ольга Наталья Татьяна Ирина Светлана Анна Мария Екатерина Юлия Людмила Дарья Ксения
  Валентина
`);
/** Russian and Ukrainian surnames; the feminine of "-ов/-ев/-ин" adds "-а", of "-ский" is "-ская", "-енко" does not change. */
const RUSSIAN_SURNAMES = words(`
  Иванов Петров Смирнов Кузнецов Попов Васильев Соколов Новиков Морозов Волков Лебедев Козлов
  Степанов Никитин Орлов Захаров Ковальский Шевченко Бондаренко Ткаченко Белов
`);

export type Ethnicity = 'kazakh' | 'russian';

export interface CyrillicName {
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic?: string;
}

/** A person of a family: the names come from the family's naming tradition. */
export interface NamedPerson {
  readonly sex: Sex;
  readonly name: CyrillicName;
  /** The first name again, for the patronymics of his children. */
  readonly firstName: string;
}

/** How one family names its members: a shared surname, or (traditional kandas) the father's name + ұлы/қызы. */
export class FamilyNaming {
  private constructor(
    readonly ethnicity: Ethnicity,
    private readonly surnameRoot: string,
    /** Kandas from Mongolia and China often carry the patronymic form as their surname. */
    readonly traditional: boolean,
  ) {}

  static random(random: SeededRandom, ethnicity: Ethnicity, traditionalChance: number): FamilyNaming {
    const root = random.pick(ethnicity === 'kazakh' ? KAZAKH_SURNAMES : RUSSIAN_SURNAMES);
    return new FamilyNaming(ethnicity, root, ethnicity === 'kazakh' && random.chance(traditionalChance));
  }

  firstName(random: SeededRandom, sex: Sex): string {
    if (this.ethnicity === 'kazakh') return random.pick(sex === 'male' ? KAZAKH_MALE : KAZAKH_FEMALE);
    return sex === 'male' ? random.pick(RUSSIAN_MALE)[0] : random.pick(RUSSIAN_FEMALE);
  }

  /**
   * A member of this family whose father is `fatherFirstName`. In a traditional family the surname
   * is the father's name + ұлы/қызы and there is no separate patronymic, as in kandas' documents
   * from Mongolia and China; otherwise the family surname and a patronymic.
   */
  person(random: SeededRandom, sex: Sex, fatherFirstName: string, avoid: ReadonlySet<string> = new Set()): NamedPerson {
    let firstName = this.firstName(random, sex);
    for (let attempt = 0; attempt < 20 && (avoid.has(firstName) || firstName === fatherFirstName); attempt++)
      firstName = this.firstName(random, sex);
    const patronymic = patronymicOf(fatherFirstName, sex);
    if (this.traditional) return { sex, firstName, name: { lastName: patronymic, firstName } };
    return { sex, firstName, name: { lastName: gendered(this.surnameRoot, sex), firstName, patronymic } };
  }

  /** Someone born into another family (of the same background, mostly), e.g. a woman marrying in. */
  outsider(random: SeededRandom, sex: Sex): NamedPerson {
    const ethnicity = this.ethnicity === 'russian' || random.chance(0.95) ? this.ethnicity : 'russian';
    const born = FamilyNaming.random(random, ethnicity, this.traditional ? 0.8 : 0.1);
    return born.person(random, sex, born.firstName(random, 'male'));
  }

  /** A woman married into this family: she keeps her own surname, or takes the family's. */
  wife(random: SeededRandom): NamedPerson {
    const own = this.outsider(random, 'female');
    if (this.traditional || random.chance(0.35)) return own;
    return { ...own, name: { ...own.name, lastName: gendered(this.surnameRoot, 'female') } };
  }
}

/** "Серік" → "Серікұлы" / "Серікқызы"; a Russian name → "Сергеевич" / "Сергеевна". */
export function patronymicOf(fatherFirstName: string, sex: Sex): string {
  const russian = RUSSIAN_MALE.find(([name]) => name === fatherFirstName);
  if (russian) return sex === 'male' ? russian[1] : russian[2];
  return `${fatherFirstName}${sex === 'male' ? 'ұлы' : 'қызы'}`;
}

function gendered(surname: string, sex: Sex): string {
  if (sex === 'male') return surname;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  if (surname.endsWith('енко')) return surname;
  return `${surname}а`;
}

/** The name as a passport prints it in Latin letters: surname and given name, no patronymic. */
export function latinName(name: CyrillicName): CyrillicName {
  return { lastName: transliterate(name.lastName), firstName: transliterate(name.firstName) };
}
