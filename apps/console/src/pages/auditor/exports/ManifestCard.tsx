import type { ReactNode } from 'react';
import { Badge, Card, Code, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { ExportManifest } from './export-file';

/** What the signed manifest vouches for: the rows, the chain's head, the checkpoint, who exported, the key. */
export function ManifestCard({ manifest }: { manifest: ExportManifest }) {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const rows: [string, ReactNode][] = [
    [t('exports.manifest.count'), formatNumber(manifest.count, language)],
    [t('exports.manifest.positions'), `${manifest.firstPosition ?? '—'} – ${manifest.lastPosition ?? '—'}`],
    [
      t('exports.manifest.masked'),
      manifest.masked ? (
        <Badge variant="light">{t('exports.manifest.maskedYes')}</Badge>
      ) : (
        <Badge color="orange" variant="light">
          {t('exports.manifest.inClear', { grant: manifest.disclosure?.grant.grantId ?? '—' })}
        </Badge>
      ),
    ],
    [t('exports.manifest.exportHead'), <Code style={{ wordBreak: 'break-all' }}>{manifest.exportHead || '—'}</Code>],
    [
      t('exports.manifest.checkpoint'),
      manifest.checkpoint
        ? t('exports.manifest.checkpointAt', {
            position: manifest.checkpoint.position,
            when: formatInstant(manifest.checkpoint.signedAt, language),
          })
        : t('exports.manifest.noCheckpoint'),
    ],
    [t('exports.manifest.exportedAt'), formatInstant(manifest.exportedAt, language)],
    [
      t('exports.manifest.exportedBy'),
      <span translate="no">{`${manifest.exportedBy.id} (${manifest.exportedBy.role})`}</span>,
    ],
    [t('exports.manifest.key'), <Code>{manifest.keyId}</Code>],
    [t('exports.manifest.signature'), <Code style={{ wordBreak: 'break-all' }}>{manifest.signature}</Code>],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="manifest-title" data-testid="manifest">
      <Title order={3} size="h4" id="manifest-title">
        {t('exports.manifest.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exports.manifest.caption')}
      </Text>
      <Table verticalSpacing={4} aria-labelledby="manifest-title">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={260}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
