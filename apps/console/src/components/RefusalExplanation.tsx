import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { processExplanation, type ProcessExplanation } from '@domain/review-process/process-explanation';

/**
 * A refusal's explanation (proposed or final), as the officer should read it: an officer's words as
 * recorded (data, not a label: `translate="no"`); the process's own English words said in the
 * officer's language instead — nothing when they only name the grounds, which are shown by their
 * titles beside it; the quota's figures marked as the system's.
 */
export function RefusalExplanation({ explanation, grounds }: { explanation: string; grounds: readonly string[] }) {
  const generated = processExplanation(explanation, grounds);
  if (!generated)
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no" data-testid="explanation">
        {explanation}
      </Text>
    );
  return <GeneratedExplanation generated={generated} />;
}

function GeneratedExplanation({ generated }: { generated: ProcessExplanation }) {
  const { t, i18n } = useTranslation('domain');
  // A code the console has no word for (it should not happen) is shown as the code, never as a raw key.
  const word = (group: 'region' | 'category', code: string) =>
    i18n.exists(`${group}.${code}`, { ns: 'domain' }) ? t(`${group}.${code}`) : code;
  if (generated.kind === 'grounds-only')
    return (
      <Text size="sm" c="dimmed" data-testid="explanation" data-generated="grounds-only">
        {t('refusal.explanation.none')}
      </Text>
    );
  const quota = {
    category: word('category', generated.quota.category),
    region: word('region', generated.quota.region),
    year: generated.quota.year,
  };
  const sentence =
    generated.kind === 'quota-full'
      ? t('refusal.explanation.quotaFull', { ...quota, remaining: generated.remaining, persons: generated.persons })
      : t('refusal.explanation.quotaNotSet', quota);
  return (
    <Group gap="xs" wrap="wrap" data-testid="explanation" data-generated={generated.kind}>
      <Text size="sm">{sentence}</Text>
      <Badge size="sm" radius="sm" variant="outline" color="dark" tt="none">
        {t('refusal.explanation.generated')}
      </Badge>
    </Group>
  );
}
