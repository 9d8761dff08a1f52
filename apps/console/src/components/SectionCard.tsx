import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, Title } from '@mantine/core';

/**
 * A part of a screen: a bordered section named by its heading (so a screen reader lists it), an
 * optional line saying what it holds, and actions beside the heading.
 */
export function SectionCard({
  id,
  title,
  caption,
  actions,
  testId,
  children,
}: {
  id: string;
  title: string;
  caption?: string;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {actions}
        </Group>
        {caption && (
          <Text size="sm" c="dimmed">
            {caption}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}
