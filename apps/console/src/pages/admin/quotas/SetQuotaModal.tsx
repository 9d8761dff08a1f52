import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '@domain/shared/region';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fieldError, onlyFieldErrors, refusedInput } from '../../../components/field-errors';
import { parseDate } from '../../../format/parse';
import { CATEGORIES, setQuota } from './quota-api';
import type { QuotaCategory, QuotaOrder } from './quota-api';

const FIELDS = ['region', 'year', 'category', 'capacity', 'order'];

export interface QuotaDraft {
  readonly region: string | null;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly capacity: number | null;
}

/**
 * An order of the minister sets a region's quota: its capacity in persons, the order's number (empty
 * when it has none known) and date. The API refuses a capacity below the seats taken (422) and names
 * every malformed field (400): each reason is shown under its field.
 */
export function SetQuotaModal({
  draft,
  onClose,
  onRecorded,
}: {
  draft: QuotaDraft;
  onClose: () => void;
  onRecorded: (order: QuotaOrder, position: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const [region, setRegion] = useState<string | null>(draft.region);
  const [year, setYear] = useState<number | string>(draft.year);
  const [category, setCategory] = useState<QuotaCategory>(draft.category);
  const [capacity, setCapacity] = useState<number | string>(draft.capacity ?? '');
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState('');
  // One key per opened form: a double click or a retry after a lost answer records the order once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: async (order: QuotaOrder) => {
      const date = parseDate(order.orderDate);
      if (date === null) throw refusedInput([{ field: 'order.date', reason: t('badDate', { ns: 'common' }) }]);
      return setQuota({ ...order, orderDate: date }, idempotencyKey);
    },
    onSuccess: (answer, order) => onRecorded(order, answer.position),
  });
  const error = mutation.error;
  const submit = () =>
    mutation.mutate({
      region: region ?? '',
      year: Number(year),
      category,
      capacity: typeof capacity === 'number' ? capacity : Number.NaN,
      orderNumber: orderNumber.trim(),
      orderDate,
    });
  return (
    <Modal opened onClose={onClose} title={t('quotas.form.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t('quotas.form.region')}
              data={REGION_CODES.map((code) => ({ value: code, label: t(`region.${code}`, { ns: 'domain' }) }))}
              value={region}
              onChange={setRegion}
              searchable
              required
              error={fieldError(error, 'region')}
            />
            <NumberInput
              label={t('quotas.form.year')}
              value={year}
              onChange={setYear}
              min={1991}
              max={9999}
              allowDecimal={false}
              required
              error={fieldError(error, 'year')}
            />
            <Select
              label={t('quotas.form.category')}
              data={CATEGORIES.map((code) => ({ value: code, label: t(`category.${code}`, { ns: 'domain' }) }))}
              value={category}
              onChange={(value) => value && setCategory(value)}
              allowDeselect={false}
              required
              error={fieldError(error, 'category')}
            />
          </Group>
          <NumberInput
            label={t('quotas.form.capacity')}
            description={t('quotas.form.capacityHint')}
            value={capacity}
            onChange={setCapacity}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=" "
            required
            error={fieldError(error, 'capacity')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('quotas.form.orderNumber')}
              description={t('quotas.form.orderNumberHint')}
              value={orderNumber}
              onChange={(event) => setOrderNumber(event.currentTarget.value)}
              maxLength={64}
              error={fieldError(error, 'order.number')}
            />
            <TextInput
              label={t('quotas.form.orderDate')}
              placeholder={t('datePlaceholder', { ns: 'common' })}
              description={t('quotas.form.orderDateHint')}
              value={orderDate}
              onChange={(event) => setOrderDate(event.currentTarget.value)}
              required
              error={fieldError(error, 'order.date')}
            />
          </Group>
          {error && !onlyFieldErrors(error, FIELDS) && <ProblemAlert problem={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel', { ns: 'common' })}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('quotas.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
