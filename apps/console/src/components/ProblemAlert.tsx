import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';

/**
 * What the API refused, as it said it: the problem's title and detail, and each field it named with
 * the reason (RFC 9457 `errors`). Announced to screen readers (`role="alert"`).
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const title = problem ? `${t('error')} ${problem.status}: ${problem.title}` : t('error');
  return (
    <Alert color="red" role="alert" title={title}>
      {/* The API's own words (English), shown as it said them: not labels of the console. */}
      <span translate="no">{problem?.detail ?? (problem ? null : String((error as Error).message ?? error))}</span>
      {problem && problem.errors.length > 0 && (
        <List size="sm" mt={problem.detail ? 'xs' : 0}>
          {problem.errors.map((fault) => (
            <List.Item key={`${fault.field}:${fault.reason ?? fault.message}`}>
              <span translate="no">
                <code>{fault.field}</code> — {fault.reason ?? fault.message}
              </span>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
