import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../../../format';
import type { Language } from '../../../i18n';
import type { InForceBasis } from './law-api';
import { LegalBasisText } from './LegalBasisText';

/** A table of the law as in force: its version, the act it rests on, since when, and its content. */
export function InForceCard({
  title,
  basis,
  badges,
  children,
}: {
  title: string;
  basis: InForceBasis;
  badges?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language as Language;
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          <Group gap="xs">
            {badges}
            <Badge variant="light">{t('law.version', { version: basis.version })}</Badge>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('law.basis')}
            </Text>
            <LegalBasisText basis={basis.legalBasis} />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('law.takesEffectOn')}
            </Text>
            <Text size="sm">{formatDate(basis.takesEffectOn, language)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('law.recordedAt')}
            </Text>
            <Text size="sm">{formatInstant(basis.recordedAt, language)}</Text>
          </div>
        </SimpleGrid>
        {children}
      </Stack>
    </Card>
  );
}
