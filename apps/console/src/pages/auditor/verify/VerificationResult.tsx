import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n';
import type { Verification } from '../audit-api';

/** A verification's verdict: ok with what was checked, or every broken link and gap it found. */
export function VerificationResult({ result }: { result: Verification }) {
  const { t, i18n } = useTranslation('auditor');
  const language = i18n.language as Language;
  const anchor = t(`verify.anchor.${result.anchor.status}`);
  return (
    <Stack gap="sm" data-testid="verification">
      <Alert role="status" color={result.ok ? 'green' : 'red'} title={result.ok ? t('verify.ok') : t('verify.broken')}>
        <Text size="sm">
          {t('verify.checked', {
            events: formatNumber(result.events, language),
            position: result.lastPosition ?? '—',
            store: result.store,
          })}
        </Text>
        <Text size="sm">{t('verify.anchorIs', { anchor })}</Text>
        <Text size="xs" c="dimmed" translate="no">
          {result.anchor.detail}
        </Text>
      </Alert>
      {result.brokenLinksTotal > 0 && (
        <section aria-labelledby="broken-links-title">
          <Title order={4} id="broken-links-title">
            {t('verify.links.title', { total: formatNumber(result.brokenLinksTotal, language) })}
          </Title>
          <Table.ScrollContainer minWidth={800}>
            <Table striped verticalSpacing={4} aria-labelledby="broken-links-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('verify.links.position')}</Table.Th>
                  <Table.Th>{t('verify.links.stream')}</Table.Th>
                  <Table.Th>{t('verify.links.kind')}</Table.Th>
                  <Table.Th>{t('verify.links.expected')}</Table.Th>
                  <Table.Th>{t('verify.links.actual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.brokenLinks.map((link) => (
                  <Table.Tr key={`${link.position}:${link.kind}`}>
                    <Table.Td>{link.position}</Table.Td>
                    <Table.Td ff="monospace" fz="xs" translate="no">
                      {link.streamId}@{link.revision}
                    </Table.Td>
                    <Table.Td>{t(`verify.links.kinds.${link.kind}`)}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {link.expected.slice(0, 16)}…
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {link.actual.slice(0, 16)}…
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {result.gapsTotal > 0 && (
        <section aria-labelledby="gaps-title">
          <Title order={4} id="gaps-title">
            {t('verify.gaps.title', { total: formatNumber(result.gapsTotal, language) })}
          </Title>
          <Table striped verticalSpacing={4} aria-labelledby="gaps-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('verify.gaps.between')}</Table.Th>
                <Table.Th ta="right">{t('verify.gaps.missing')}</Table.Th>
                <Table.Th>{t('verify.gaps.streams')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.gaps.map((gap) => (
                <Table.Tr key={gap.fromPosition}>
                  <Table.Td>
                    {gap.fromPosition} – {gap.toPosition}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(gap.missing, language)}</Table.Td>
                  <Table.Td ff="monospace" fz="xs" translate="no">
                    {gap.streams.map((stream) => `${stream.streamId}@${stream.revisions}`).join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
    </Stack>
  );
}
