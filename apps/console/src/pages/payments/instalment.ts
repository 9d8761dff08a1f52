import type { TFunction } from 'i18next';

/** `relocation` or `rent-01` … `rent-12` in words: the subsidy, or the month of rent out of twelve. */
export function instalmentLabel(t: TFunction<'payments'>, key: string): string {
  const rent = /^rent-(\d{2})$/.exec(key);
  if (rent) return t('instalment.rent', { month: Number(rent[1]) });
  if (key === 'relocation') return t('instalment.relocation');
  // An instalment this console does not know yet (newer payment terms): shown as the API names it.
  return key;
}
