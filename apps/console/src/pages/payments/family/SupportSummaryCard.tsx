import { useState } from 'react';
import { Button, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { SectionCard } from '../../../components/SectionCard';
import { formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import type { Support } from '../payments-api';
import { RecipientDialog, StopDialog } from './SupportDialogs';

/** What was paid so far: the orders the bank paid. */
export const paidTotal = (support: Support) =>
  support.orders.filter((order) => order.answer.state === 'paid').reduce((sum, order) => sum + order.amount, 0);

/**
 * Who is paid and on what terms: the region and year of the quota, the family, the rent rate the
 * decision granted, the recipient (masked but for the payments officers), and what was paid so far.
 */
export function SupportSummaryCard({ support, officer }: { support: Support; officer: boolean }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const [dialog, setDialog] = useState<'recipient' | 'stop' | null>(null);
  const close = () => setDialog(null);
  return (
    <SectionCard id="support-summary" title={t('family.summary.title')} testId="support-summary">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm">
        <Fact label={t('family.summary.region')}>{t(`region.${support.region}`, { ns: 'domain' })}</Fact>
        <Fact label={t('family.summary.year')}>{support.year}</Fact>
        <Fact label={t('family.summary.category')}>{t(`category.${support.category}`, { ns: 'domain' })}</Fact>
        <Fact label={t('family.summary.persons')}>{support.persons}</Fact>
        <Fact label={t('family.summary.rate')}>{t('family.summary.rateValue', { rate: support.monthlyRateMci })}</Fact>
        <Fact label={t('family.summary.terms')}>
          {t('family.summary.termsValue', { version: support.termsVersion })}
        </Fact>
        <Fact label={t('family.summary.iin')}>
          <Text span ff="monospace" size="sm" translate="no" data-testid="recipient-iin">
            {support.recipient.iin}
          </Text>
        </Fact>
        <Fact label={t('family.summary.iban')}>
          <Text span ff="monospace" size="sm" translate="no" data-testid="recipient-iban">
            {support.recipient.iban}
          </Text>
        </Fact>
        <Fact label={t('family.summary.paid')} strong>
          <span data-testid="paid-total">{formatTenge(paidTotal(support), language)}</span>
        </Fact>
      </SimpleGrid>
      {!officer && (
        <Text size="xs" c="dimmed">
          {t('family.summary.masked')}
        </Text>
      )}
      {officer && support.status === 'open' && (
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog('recipient')} data-testid="correct-recipient">
            {t('family.summary.correct')}
          </Button>
          <Button color="red.9" onClick={() => setDialog('stop')} data-testid="stop-support">
            {t('family.summary.stop')}
          </Button>
        </Group>
      )}
      {dialog === 'recipient' && <RecipientDialog support={support} onClose={close} />}
      {dialog === 'stop' && <StopDialog support={support} onClose={close} />}
    </SectionCard>
  );
}
