import { useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A family's payments by its application's id: the way in for a family not in any month's register
 * yet — one whose arrival the payments officer is about to record.
 */
export function FindFamilyPage() {
  const { t } = useTranslation('payments');
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = () => {
    const wanted = id.trim().replace(/^(application|support)-/, '');
    if (!UUID.test(wanted)) return setError(t('families.badId'));
    void navigate(`/payments/families/${wanted.toLowerCase()}`);
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('families.title')}</Title>
      <Card withBorder component="section" aria-labelledby="family-by-id">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            open();
          }}
        >
          <Title order={3} size="h4" id="family-by-id">
            {t('families.byId')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs" id="family-by-id-hint">
            {t('families.hint')}
          </Text>
          <Group align="flex-start">
            <TextInput
              aria-labelledby="family-by-id"
              aria-describedby="family-by-id-hint"
              placeholder="3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60"
              value={id}
              onChange={(event) => {
                setId(event.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              w={460}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="family-id"
            />
            <Button type="submit">{t('families.open')}</Button>
          </Group>
        </form>
      </Card>
    </Stack>
  );
}
