import { Text } from '@mantine/core';

/**
 * A deadline missed, said in words beside it (dark red on pale red, well above AA contrast): colour
 * only repeats what the words say.
 */
export function LateMark({ label }: { label: string }) {
  return (
    <Text
      span
      size="xs"
      fw={500}
      ml={6}
      px={6}
      py={1}
      style={{ color: '#8a1010', background: '#fde2e2', borderRadius: 4, whiteSpace: 'nowrap' }}
      data-testid="late"
    >
      {label}
    </Text>
  );
}
