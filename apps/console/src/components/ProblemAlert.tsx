import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { fieldMatches } from './field-errors';

/** The heading a problem gets in the officer's language; the API's own words follow it. */
function headingKey(problem: unknown): string {
  if (!(problem instanceof ApiProblem)) return 'problem.unreachable';
  if (problem.status === 409) return 'problem.conflict';
  if (problem.status === 422) return 'problem.refused';
  if (problem.status === 400) return 'problem.invalid';
  if (problem.status === 403) return 'forbidden';
  if (problem.status === 404) return 'problem.notFound';
  return 'problem.failed';
}

/**
 * What the API refused and why (RFC 9457): a heading by status, the detail, the code, and every
 * field it names that no input on the screen shows (`shown` lists those the form shows next to its inputs).
 */
export function ProblemAlert({ problem, shown = [] }: { problem: unknown; shown?: readonly string[] }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const api = problem instanceof ApiProblem ? problem : undefined;
  const others = (api?.errors ?? []).filter((error) => !shown.some((field) => fieldMatches(error.field, field)));
  return (
    <Alert color="red" variant="light" role="alert" title={t(headingKey(problem))} data-testid="problem">
      {/* The API's own words, shown as it said them: not labels of the console (the label check skips them). */}
      <Text size="sm" translate="no">
        {api ? (api.detail ?? api.title) : String((problem as Error).message ?? problem)}
      </Text>
      {others.length > 0 && (
        <List size="sm" mt={4}>
          {others.map((error) => (
            <List.Item key={`${error.field}:${error.reason}`} translate="no">
              <Text span ff="monospace" size="sm">
                {error.field}
              </Text>
              {`: ${error.reason ?? error.message ?? ''}`}
            </List.Item>
          ))}
        </List>
      )}
      {api?.code && (
        <Text size="xs" c="dimmed" mt={4} ff="monospace">
          {api.code}
        </Text>
      )}
    </Alert>
  );
}
