import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetails } from '../../../api/shapes';
import { formatDate } from '../../../format';
import type { Language } from '../../../i18n/messages';
import type { Finding } from './submission';

type Validity = ApplicationDetails['documents'][number]['validity'];

/** Dark on pale, like the clock: the word says it, the colour repeats it. */
const VALIDITY_TONE: Record<Validity, { color: string; background: string }> = {
  valid: { color: '#1b5e20', background: '#e3f4e5' },
  expired: { color: '#8a1010', background: '#fde2e2' },
  missing: { color: '#6b3a00', background: '#ffeeba' },
};

/**
 * Every document of the package as judged on the day of submission (kind, dates, validity), and the
 * reviewer's finding on it once the review is recorded. The submission carries no document numbers
 * (ADR 19): the numbers there are, the kandas certificate and foreign documents, show with their persons.
 */
export function DocumentsSection({ details }: { details: ApplicationDetails }) {
  const { t, i18n } = useTranslation('reviewer');
  const language = i18n.language as Language;
  const findings = details.review.findings as unknown as Finding[];
  const findingOf = (index: number | null) => findings.find((finding) => finding.documentIndex === index);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('documents.title', { count: details.documents.length })}
      </Title>
      <Table verticalSpacing={4} data-testid="documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.kind')}</Table.Th>
            <Table.Th>{t('documents.issuedOn')}</Table.Th>
            <Table.Th>{t('documents.expiresOn')}</Table.Th>
            <Table.Th>{t('documents.validity')}</Table.Th>
            {findings.length > 0 && <Table.Th>{t('documents.finding')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {details.documents.map((document, i) => {
            const finding = findingOf(document.index);
            const tone = VALIDITY_TONE[document.validity];
            return (
              <Table.Tr key={`${document.kind}-${i}`}>
                <Table.Td>{t(`documentKind.${document.kind}`, { defaultValue: document.kind })}</Table.Td>
                <Table.Td>{formatDate(document.issuedOn, language)}</Table.Td>
                <Table.Td>{formatDate(document.expiresOn, language)}</Table.Td>
                <Table.Td>
                  <Badge radius="sm" tt="none" styles={{ root: { color: tone.color, background: tone.background } }}>
                    {t(`documents.${document.validity}`)}
                  </Badge>
                </Table.Td>
                {findings.length > 0 && (
                  <Table.Td>
                    <Text size="sm">
                      {finding ? t(finding.accepted ? 'documents.accepted' : 'documents.rejected') : '—'}
                      {finding?.note ? ` — ${finding.note}` : ''}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
