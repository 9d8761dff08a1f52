import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import type { Language } from '../../../i18n';
import type { LegalBasis } from './law-api';

/** An act as an auditor cites it: its kind, number and date, its title, and where it can be read. */
export function LegalBasisText({ basis }: { basis: LegalBasis }) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  const kind = t(`law.actKind.${basis.kind}`, { defaultValue: basis.kind });
  const date = formatDate(basis.date, language);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {basis.number ? t('law.actNumbered', { kind, number: basis.number, date }) : t('law.actDated', { kind, date })}
      </Text>
      {/* The act's title and address as recorded, in the words of the act. */}
      <Text size="sm" translate="no">
        {basis.title}
      </Text>
      <Anchor
        size="xs"
        href={basis.source}
        target="_blank"
        rel="noreferrer"
        translate="no"
        style={{ wordBreak: 'break-all' }}
      >
        {basis.source}
      </Anchor>
    </Stack>
  );
}
