import { useState } from 'react';
import { Button, FileInput, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { fieldMatches } from '../../../components/field-errors';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SectionCard } from '../../../components/SectionCard';
import { importAnswers } from '../payments-api';
import { AnswersResultCard } from './AnswersResultCard';

/** How many faults the API found in the file's lines (`file[line 3].date`), each listed by the alert. */
function faultsInFile(problem: unknown): number {
  return problem instanceof ApiProblem ? problem.errors.filter((fault) => fieldMatches(fault.field, 'file')).length : 0;
}

/**
 * The bank's answers file, read in the browser as text and sent whole: the API checks every line
 * first and records nothing of a file out of format (a 400 naming each line), then records each
 * answer once — a file uploaded twice records nothing new.
 */
export function AnswersCard() {
  const { t } = useTranslation('payments');
  const queries = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File) => importAnswers(await chosen.text()),
    // The register and the families' schedules now say what the bank did.
    onSuccess: () => queries.invalidateQueries({ queryKey: ['payments'] }),
  });
  const faults = faultsInFile(upload.error);
  const submit = () => {
    if (!file) return setMissing(true);
    upload.mutate(file);
  };
  return (
    <SectionCard id="bank-answers" title={t('bank.answers.title')} caption={t('bank.answers.caption')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start">
            <FileInput
              label={t('bank.answers.file')}
              placeholder={t('bank.answers.placeholder')}
              accept=".csv,.txt,text/csv,text/plain"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setMissing(false);
                upload.reset();
              }}
              error={
                missing
                  ? t('bank.answers.chooseFile')
                  : faults > 0
                    ? t('bank.answers.badFile', { count: faults })
                    : undefined
              }
              clearable
              clearButtonProps={{ 'aria-label': t('bank.answers.clear') }}
              w={480}
              data-testid="answers-file"
            />
          </Group>
          <ProblemAlert problem={upload.error} />
          <Group>
            <Button type="submit" loading={upload.isPending} data-testid="upload">
              {t('bank.answers.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {upload.data && <AnswersResultCard result={upload.data} />}
    </SectionCard>
  );
}
