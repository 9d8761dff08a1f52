import { Card, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetails } from '../../../api/shapes';
import { SlaClockBadge } from '../../../components/SlaClockBadge';
import { formatDate, formatInstant } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { Field } from './Field';

/** The review deadline as the law's clock set it (Asia/Almaty), and where the application stands against it now. */
export function SlaSection({ details }: { details: ApplicationDetails }) {
  const { t, i18n } = useTranslation('reviewer');
  const language = i18n.language as Language;
  const { sla } = details;
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('sla.title')}
      </Title>
      <SlaClockBadge clock={details.clock} size="lg" />
      <SimpleGrid cols={2} spacing="sm" mt="sm">
        <Field label={t('sla.signedAt')}>{formatInstant(details.signedAt, language)}</Field>
        <Field label={t('sla.acceptedOn')}>{formatDate(sla.acceptedOn, language)}</Field>
        <Field label={t('sla.dueAt')} testId="due-at">
          {formatInstant(sla.dueAt, language)}
        </Field>
        <Field label={t('sla.atRiskAt')}>{formatInstant(sla.atRiskAt, language)}</Field>
        <Field label={t('sla.reviewer')} testId="reviewer-id">
          {details.review.reviewerId ?? t('sla.nobody')}
        </Field>
        <Field label={t('sla.escalated')}>{t(sla.escalated ? 'sla.yes' : 'sla.no')}</Field>
      </SimpleGrid>
    </Card>
  );
}
