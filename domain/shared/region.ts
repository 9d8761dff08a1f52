/**
 * Kazakhstan's 17 regions and 3 cities of republican significance (since the 2022 reform that
 * created Abai, Jetisu and Ulytau). Which of them receive a quota, and how many persons, is set
 * yearly by the minister's order: that is data (domain/quota), not this list.
 */
export const REGIONS = {
  abai: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' },
  akmola: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  aktobe: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  almaty_region: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' },
  atyrau: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  east_kazakhstan: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  jambyl: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' },
  jetisu: { kk: 'Жетісу облысы', ru: 'Область Жетісу', en: 'Jetisu Region' },
  karaganda: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' },
  kostanay: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' },
  kyzylorda: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' },
  mangystau: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  north_kazakhstan: {
    kk: 'Солтүстік Қазақстан облысы',
    ru: 'Северо-Казахстанская область',
    en: 'North Kazakhstan Region',
  },
  pavlodar: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' },
  turkistan: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' },
  ulytau: { kk: 'Ұлытау облысы', ru: 'Область Ұлытау', en: 'Ulytau Region' },
  west_kazakhstan: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  astana: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana' },
  almaty: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' },
  shymkent: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent' },
} as const;

export type RegionCode = keyof typeof REGIONS;

export const REGION_CODES = Object.keys(REGIONS) as RegionCode[];

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REGIONS, value);
}

/** Who a quota is for: ethnic Kazakh repatriates, or citizens moving inside the country. */
export type ApplicantCategory = 'kandas' | 'resettler';

export const APPLICANT_CATEGORIES: readonly ApplicantCategory[] = ['kandas', 'resettler'];
