import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatTenge } from '../../format';
import type { Language } from '../../i18n/messages';
import { useSupport } from './family/useSupport';
import { paidTotal } from './family/SupportSummaryCard';

/**
 * On the application page of an included family that arrived: how its support stands, and the way
 * to its schedule. Nothing before the arrival (no support is open).
 */
export function SupportLinkCard({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation('payments');
  const support = useSupport(applicationId);
  if (!support.data) return null;
  const paid = support.data.orders.filter((order) => order.answer.state === 'paid').length;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="support-link" data-testid="support-link">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="support-link">
          {t('supportCard.title')}
        </Title>
        <Text size="sm" fw={500}>
          {t(`family.status.${support.data.status}`)}
        </Text>
      </Group>
      <Text size="sm">
        {t('supportCard.paid', {
          paid,
          instalments: support.data.schedule.length,
          amount: formatTenge(paidTotal(support.data), i18n.language as Language),
        })}
      </Text>
      <Anchor component={Link} to={`/payments/families/${applicationId}`} size="sm" fw={500}>
        {t('supportCard.open')}
      </Anchor>
    </Card>
  );
}
