import { Badge, Box, Card, Group, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetails } from '../../../api/shapes';
import { RefusalExplanation } from '../../../components/RefusalExplanation';
import { useRefusalGrounds } from '../../../components/useRefusalGrounds';
import { formatDate, formatInstant, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { Field } from './Field';

type Decision = NonNullable<ApplicationDetails['decision']>;

/** The outcome: included with its subsidies in tenge, or refused on labelled grounds. */
export function DecisionSection({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation('reviewer');
  const language = i18n.language as Language;
  const grounds = useRefusalGrounds();
  const included = decision.outcome === 'included';
  const { relocation, rent } = decision.subsidies;
  return (
    <Card withBorder padding="md" data-testid="decision" data-outcome={decision.outcome}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('decision.title')}
        </Title>
        <Badge
          size="lg"
          radius="sm"
          tt="none"
          styles={{
            root: included ? { color: '#1b5e20', background: '#e3f4e5' } : { color: '#8a1010', background: '#fde2e2' },
          }}
        >
          {t(`decision.${decision.outcome}`, { ns: 'domain' })}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Field label={t('decision.number')}>{decision.number ? `№ ${decision.number}` : '—'}</Field>
        <Field label={t('decision.date')}>{formatDate(decision.date, language)}</Field>
        <Field label={t('decision.decidedAt')}>{formatInstant(decision.decidedAt, language)}</Field>
        <Field label={t('decision.timeliness')}>
          {t(decision.late ? 'sla.decidedLate' : 'sla.decidedOnTime', { ns: 'domain' })}
        </Field>
        {included && (
          <>
            <Field label={t('decision.persons')}>{decision.persons ?? '—'}</Field>
            <span />
            <Field label={t('decision.relocation')} testId="relocation-amount">
              {relocation === null ? t('decision.pending') : formatTenge(relocation, language)}
            </Field>
            <Field label={t('decision.rent')} testId="rent-amount">
              {rent === null ? t('decision.pending') : formatTenge(rent, language)}
            </Field>
          </>
        )}
      </SimpleGrid>
      {!included && (
        <>
          <Text size="xs" c="dimmed" fw={500} mt="sm">
            {t('decision.grounds')}
          </Text>
          <List size="sm" data-testid="decision-grounds">
            {decision.grounds.map((code) => (
              <List.Item key={code}>{grounds.labelOf(code)}</List.Item>
            ))}
          </List>
          {decision.explanation && (
            <Box mt="sm">
              <Field label={t('decision.explanation')}>
                <RefusalExplanation explanation={decision.explanation} grounds={decision.grounds} />
              </Field>
            </Box>
          )}
        </>
      )}
    </Card>
  );
}
