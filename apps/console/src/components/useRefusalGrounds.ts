import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../api/client';
import type { Language } from '../i18n/messages';

/**
 * The refusal grounds in force, labelled by the API in the three languages (the law is data, ADR 22):
 * options for a select, and a label for a code (the code itself when the list in force lacks it).
 */
export function useRefusalGrounds() {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useQuery({
    queryKey: ['refusal-grounds'],
    queryFn: () => data(api.GET('/reference/refusal-grounds')),
    staleTime: 5 * 60_000,
  });
  const grounds = query.data?.grounds ?? [];
  return {
    ...query,
    options: grounds.map((ground) => ({ value: ground.code, label: ground.labels[language] })),
    labelOf: (code: string) => grounds.find((ground) => ground.code === code)?.labels[language] ?? code,
    explanationRequired: (codes: readonly string[]) =>
      grounds.some((ground) => codes.includes(ground.code) && ground.explanationRequired),
  };
}
