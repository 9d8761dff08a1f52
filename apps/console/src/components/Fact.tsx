import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** One labelled value of a record: the label small above, the value below. */
export function Fact({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 500 : undefined} component="div">
        {children}
      </Text>
    </div>
  );
}
