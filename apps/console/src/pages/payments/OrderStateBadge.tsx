import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderState } from './payments-api';

/** Dark text on a light ground, as the decision's badge: AA contrast in every state. */
const TONES: Record<OrderState, { color: string; background: string }> = {
  pending: { color: '#1c3d6e', background: '#e3ecf9' },
  paid: { color: '#1b5e20', background: '#e3f4e5' },
  returned: { color: '#8a1010', background: '#fde2e2' },
  cancelled: { color: '#3d3d3d', background: '#ececec' },
};

/** Where an order stands with the bank, in words. */
export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useTranslation('payments');
  return (
    <Badge
      radius="sm"
      tt="none"
      // Never cut short: the state is the point of the row.
      styles={{ root: { ...TONES[state], maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
      data-testid="order-state"
      data-state={state}
    >
      {t(`orderState.${state}`)}
    </Badge>
  );
}
