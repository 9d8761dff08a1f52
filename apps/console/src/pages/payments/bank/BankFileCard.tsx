import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { formatNumber, formatTenge } from '../../../format';
import type { Language } from '../../../i18n/messages';
import { bankFileOf } from '../payments-api';
import type { BankFile, MonthAndRegion, Register } from '../payments-api';
import { useRegister } from '../useRegister';
import { save } from './save-file';

/** What the register says the file will hold: the orders still awaiting the bank, and their sum. */
function expectedOf(register: Register) {
  return {
    orders: register.orders.filter((order) => order.state === 'pending').length,
    amount: register.grandTotal.pending,
  };
}

interface Saved {
  readonly file: BankFile;
  readonly url: string;
  readonly expected: ReturnType<typeof expectedOf> | null;
}

/**
 * The month's payment file: before it is taken, what the register says it will hold; once taken,
 * the count, control total and SHA-256 its answer carries, and whether they agree with the register.
 */
export function BankFileCard({ filter }: { filter: MonthAndRegion }) {
  const { t, i18n } = useTranslation('payments');
  const language = i18n.language as Language;
  const register = useRegister(filter);
  const [saved, setSaved] = useState<Saved | null>(null);
  useEffect(() => () => (saved ? URL.revokeObjectURL(saved.url) : undefined), [saved]);
  // Another month or region: the file taken before is not this one.
  useEffect(() => setSaved(null), [filter.month, filter.region]);
  const expected = register.data ? expectedOf(register.data) : null;
  const download = useMutation({
    mutationFn: () => bankFileOf(filter),
    // Compared with what the register said when the officer asked: answers imported later change it.
    onSuccess: (file) => setSaved({ file, url: save(file.blob, file.name), expected }),
  });
  const agrees = saved?.expected
    ? saved.file.orders === saved.expected.orders && saved.file.controlTotal === saved.expected.amount
    : null;
  return (
    <SectionCard id="bank-file" title={t('bank.file.title')} caption={t('bank.file.caption')} testId="bank-file">
      {register.isPending && <Loading />}
      {register.isError && <ProblemAlert problem={register.error} />}
      {expected && (
        <Text size="sm" fw={500} data-testid="expected">
          {expected.orders === 0
            ? t('bank.file.nothing')
            : t('bank.file.expected', {
                orders: formatNumber(expected.orders, language),
                amount: formatTenge(expected.amount, language),
              })}
        </Text>
      )}
      <Group>
        <Button onClick={() => download.mutate()} loading={download.isPending} data-testid="download">
          {t('bank.file.download')}
        </Button>
      </Group>
      <ProblemAlert problem={download.error} />
      {saved && (
        <Alert color="green" role="status" title={t('bank.file.saved')} data-testid="saved">
          <Text size="sm" ff="monospace" translate="no">
            {saved.file.name}
          </Text>
          <Table verticalSpacing={4} mt="xs" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={320}>{t('bank.file.orders')}</Table.Th>
                <Table.Td data-testid="file-orders">{formatNumber(saved.file.orders, language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('bank.file.controlTotal')}</Table.Th>
                <Table.Td data-testid="file-total">{formatTenge(saved.file.controlTotal, language)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('bank.file.sha256')}</Table.Th>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }} data-testid="file-sha256">
                    {saved.file.sha256}
                  </Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {agrees !== null && (
            <Text size="sm" mt="xs" fw={500} c={agrees ? undefined : '#8a1010'} data-testid="agrees">
              {t(agrees ? 'bank.file.matches' : 'bank.file.differs')}
            </Text>
          )}
          <Anchor href={saved.url} download={saved.file.name} c="inherit" underline="always" fw={500}>
            {t('bank.file.saveAgain')}
          </Anchor>
        </Alert>
      )}
    </SectionCard>
  );
}
