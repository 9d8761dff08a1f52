import { Alert, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { formatNumber } from '../../../format';
import type { Language } from '../../../i18n/messages';
import type { AnswersResult } from '../payments-api';

/** The support's refusal codes an import meets, in words; another is said generally, the API's words beside it. */
const REASONS: Record<string, string> = {
  'SUPPORT.ORDER_ALREADY_ANSWERED': 'alreadyAnswered',
  'SUPPORT.UNKNOWN_ORDER': 'unknownOrder',
  'SUPPORT.NOT_OPEN': 'notOpen',
};

/** What the import did: answers in the file, recorded now, recorded before, and each refused with its line. */
export function AnswersResultCard({ result }: { result: AnswersResult }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const count = (value: number) => formatNumber(value, language);
  return (
    <Alert
      color={result.refused.length > 0 ? 'yellow' : 'green'}
      role="status"
      title={t('bank.result.title')}
      data-testid="answers-result"
    >
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Fact label={t('bank.result.lines')}>
          <span data-testid="result-lines">{count(result.lines)}</span>
        </Fact>
        <Fact label={t('bank.result.recorded')} strong>
          <span data-testid="result-recorded">{count(result.recorded)}</span>
        </Fact>
        <Fact label={t('bank.result.alreadyRecorded')}>
          <span data-testid="result-already">{count(result.alreadyRecorded)}</span>
        </Fact>
        <Fact label={t('bank.result.refused')}>
          <span data-testid="result-refused">{count(result.refused.length)}</span>
        </Fact>
      </SimpleGrid>
      {result.refused.length > 0 && (
        <>
          <Title order={4} size="h5" mt="sm" id="refused-answers">
            {t('bank.result.refusedTitle')}
          </Title>
          <Table verticalSpacing={4} aria-labelledby="refused-answers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t('bank.result.line')}</Table.Th>
                <Table.Th>{t('bank.result.order')}</Table.Th>
                <Table.Th>{t('bank.result.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.refused.map((refusal) => (
                <Table.Tr key={`${refusal.line}:${refusal.orderId}`} data-testid="refused-answer">
                  <Table.Td ta="right">{refusal.line}</Table.Td>
                  <Table.Td ff="monospace" translate="no">
                    {refusal.orderId}
                  </Table.Td>
                  <Table.Td>
                    {t(`bank.result.reasons.${REASONS[refusal.code] ?? 'other'}`)}
                    {/* The API's own words, as it said them: not a label of the console. */}
                    <Text size="xs" c="dimmed" translate="no">
                      {refusal.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Alert>
  );
}
