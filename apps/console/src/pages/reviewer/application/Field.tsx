import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label over its value, as the cards of the application list them. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} component="div">
        {children ?? '—'}
      </Text>
    </Stack>
  );
}
