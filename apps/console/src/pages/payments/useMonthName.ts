import { useTranslation } from 'react-i18next';

/** `2026-03` in words, `март 2026`: the names are the console's (Chromium's ICU has no Kazakh months). */
export function useMonthName(): (month: string) => string {
  const { t } = useTranslation('payments');
  return (month) => {
    const [year, number] = month.split('-');
    return t('monthOfYear', { month: t(`months.m${number}`), year });
  };
}
