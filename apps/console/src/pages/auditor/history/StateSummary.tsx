import { Badge, Group, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { formatInstant, formatTenge } from '../../../format';
import type { Language } from '../../../i18n';

/** The fields of a folded application state the summary reads (the rest is shown as JSON). */
interface FoldedApplication {
  readonly status?: string;
  readonly reviewerId?: string | null;
  readonly sla?: {
    readonly deadline: { readonly dueAt: string } | null;
    readonly atRisk: boolean;
    readonly breached: boolean;
    readonly escalated: boolean;
  };
  readonly decidedAt?: string;
  readonly persons?: number;
  readonly grounds?: readonly string[];
  readonly subsidies?: Partial<Record<'relocation' | 'rent', { readonly amount: number }>>;
}

/** An application as it stood at one point of its history: its status and what an auditor asks first. */
export function StateSummary({ state }: { state: Record<string, unknown> }) {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const folded = state as FoldedApplication;
  const status = folded.status ?? 'none';
  const flags = folded.sla
    ? [
        folded.sla.atRisk && t('history.state.atRisk'),
        folded.sla.breached && t('history.state.breached'),
        folded.sla.escalated && t('history.state.escalated'),
      ].filter((flag): flag is string => typeof flag === 'string')
    : [];
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
      <Fact label={t('history.state.status')}>
        <Badge size="lg" variant="light" data-testid="state-status">
          {status === 'none' ? t('history.state.none') : t(`status.${status}`, { ns: 'domain' })}
        </Badge>
      </Fact>
      <Fact label={t('history.state.reviewer')}>{folded.reviewerId ?? '—'}</Fact>
      <Fact label={t('history.state.due')}>{formatInstant(folded.sla?.deadline?.dueAt, language)}</Fact>
      <Fact label={t('history.state.flags')}>
        {flags.length === 0 ? (
          '—'
        ) : (
          <Group gap={4}>
            {flags.map((flag) => (
              <Badge key={flag} color="orange" variant="light" size="sm">
                {flag}
              </Badge>
            ))}
          </Group>
        )}
      </Fact>
      <Fact label={t('history.state.decided')}>{formatInstant(folded.decidedAt, language)}</Fact>
      <Fact label={t('history.state.subsidies')}>
        {folded.subsidies && Object.keys(folded.subsidies).length > 0
          ? [
              folded.subsidies.relocation &&
                t('history.state.relocation', { amount: formatTenge(folded.subsidies.relocation.amount, language) }),
              folded.subsidies.rent &&
                t('history.state.rent', { amount: formatTenge(folded.subsidies.rent.amount, language) }),
            ]
              .filter(Boolean)
              .join('; ')
          : '—'}
      </Fact>
    </SimpleGrid>
  );
}
