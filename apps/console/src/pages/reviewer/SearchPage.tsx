import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import type { ListedApplication } from '../../api/shapes';
import { ApplicationsTable } from '../../components/ApplicationsTable';
import { fieldError } from '../../components/field-errors';
import { usePages } from '../../components/usePages';

/** Twelve digits are an IIN (of the applicant or a family member); anything else is words of a name. */
function searchOf(text: string): { iin: string } | { name: string } | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  return /^\d+$/.test(value) ? { iin: value } : { name: value };
}

/** Finds applications by an IIN or by a name, in any script (the API folds Cyrillic, Kazakh and Latin letters). */
export function SearchPage() {
  const { t } = useTranslation('reviewer');
  const [params, setParams] = useSearchParams();
  const asked = params.get('q') ?? '';
  const [text, setText] = useState(asked);
  const search = searchOf(asked);
  const digitsNotIin = search && 'iin' in search && search.iin.length !== 12;
  const results = usePages<ListedApplication>(
    ['search', asked],
    async (cursor) => (await data(api.GET('/applications', { params: { query: { ...search, cursor } } }))).data,
    { enabled: search !== undefined && !digitsNotIin },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  const error = digitsNotIin
    ? t('search.iinDigits')
    : (fieldError(results.error, 'iin') ?? fieldError(results.error, 'name'));
  return (
    <Stack>
      <Title order={2}>{t('search.title')}</Title>
      <form onSubmit={submit} role="search">
        <Group align="flex-start">
          <TextInput
            label={t('search.label')}
            description={t('search.hint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
            w={420}
            data-testid="search-input"
          />
          <Button type="submit" mt={46}>
            {t('search.submit')}
          </Button>
        </Group>
      </form>
      {search && !digitsNotIin && !error && (
        <ApplicationsTable pages={results} caption={t('search.caption', { q: asked })} />
      )}
      {!search && (
        <Text c="dimmed" size="sm">
          {t('search.prompt')}
        </Text>
      )}
    </Stack>
  );
}
