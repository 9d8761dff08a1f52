/**
 * Coded grounds for a refusal. The exhaustive legal list could not be read (FACTS.md, "Refusal at
 * intake"), so the list is versioned data: a refusal records the version it was decided under, and
 * a new version can add grounds without changing what an old refusal meant.
 */
export interface RefusalGround {
  readonly code: string;
  readonly ru: string;
  readonly kk: string;
  readonly en: string;
  /** When true, a refusal on this ground alone must explain itself in words. */
  readonly explanationRequired: boolean;
}

export interface RefusalGroundList {
  readonly version: string;
  readonly grounds: readonly RefusalGround[];
}

export const QUOTA_EXHAUSTED = 'QUOTA_EXHAUSTED';
export const DUPLICATE_OR_SUPPORT_RECEIVED = 'DUPLICATE_OR_SUPPORT_RECEIVED';

export const REFUSAL_GROUNDS_V1: RefusalGroundList = {
  version: '1',
  grounds: [
    {
      code: 'INCOMPLETE_DOCUMENTS',
      ru: 'Неполный пакет документов',
      kk: 'Құжаттар топтамасы толық емес',
      en: 'Incomplete package of documents',
      explanationRequired: false,
    },
    {
      code: 'INVALID_OR_EXPIRED_DOCUMENTS',
      ru: 'Документы недействительны или истёк срок их действия',
      kk: 'Құжаттар жарамсыз немесе мерзімі өткен',
      en: 'Documents invalid or expired',
      explanationRequired: false,
    },
    {
      code: 'FALSE_OR_INCONSISTENT_DATA',
      ru: 'Недостоверные или противоречивые сведения',
      kk: 'Дұрыс емес немесе қайшы мәліметтер',
      en: 'False or inconsistent information',
      explanationRequired: false,
    },
    {
      code: 'APPLICANT_NOT_ELIGIBLE',
      ru: 'Заявитель не соответствует требованиям (статус, регистрация)',
      kk: 'Өтініш беруші талаптарға сәйкес емес',
      en: 'The applicant does not meet the requirements (status, registration)',
      explanationRequired: false,
    },
    {
      code: QUOTA_EXHAUSTED,
      ru: 'Квота региона на год исчерпана',
      kk: 'Өңірдің жылдық квотасы таусылды',
      en: "The region's quota for the year is exhausted",
      explanationRequired: false,
    },
    {
      code: DUPLICATE_OR_SUPPORT_RECEIVED,
      ru: 'Повторное заявление или меры поддержки уже получены',
      kk: 'Қайталама өтініш немесе қолдау шаралары алынған',
      en: 'Repeated application, or support already received',
      explanationRequired: false,
    },
    { code: 'OTHER', ru: 'Иное', kk: 'Басқа', en: 'Other', explanationRequired: true },
  ],
};

export const CURRENT_REFUSAL_GROUNDS = REFUSAL_GROUNDS_V1;

export function findGround(list: RefusalGroundList, code: string): RefusalGround | undefined {
  return list.grounds.find((ground) => ground.code === code);
}

/** Why a code is refused, naming the codes the list has: the caller can correct it without asking. */
export function notAGroundReason(list: RefusalGroundList): string {
  return `is not a ground of list version ${list.version}; the grounds are ${list.grounds.map((g) => g.code).join(', ')}`;
}
