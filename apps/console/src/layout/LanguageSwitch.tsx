import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../i18n';
import type { Language } from '../i18n';

const LANGUAGE_NAMES: Record<Language, string> = { ru: 'Рус', kk: 'Қаз', en: 'Eng' };

/** Russian, Kazakh or English; each name written in its own language, as officers look for it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="xs"
      value={i18n.language}
      onChange={(value) => void switchLanguage(value as Language)}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span lang={language} data-testid={`language-${language}`}>
            {LANGUAGE_NAMES[language]}
          </span>
        ),
      }))}
    />
  );
}
