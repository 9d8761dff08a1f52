import {
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { fieldError } from '../../../components/field-errors';
import { useApplicationCommand, type LoadedApplication } from '../../../components/useApplication';
import { useRefusalGrounds } from '../../../components/useRefusalGrounds';

type Verdict = 'eligible' | 'not-eligible';
interface DocumentJudgement {
  accepted: boolean;
  note: string;
}

/**
 * The review: a finding per document (accepted or not, with a note), the verdict, and the grounds
 * from the list in force when not eligible. The API judges it (a verdict must agree with the
 * findings); what it names is shown next to the field.
 */
export function ReviewForm({ application }: { application: LoadedApplication }) {
  const { t } = useTranslation('reviewer');
  const { details, etag } = application;
  const id = details.applicationId;
  const documents = details.documents.filter((document) => document.index !== null);
  const [judgements, setJudgements] = useState<DocumentJudgement[]>(() =>
    documents.map((document) => ({ accepted: document.validity === 'valid', note: '' })),
  );
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const refusalGrounds = useRefusalGrounds();
  const record = useApplicationCommand(id);
  const problem = record.error;
  const judge = (i: number, change: Partial<DocumentJudgement>) =>
    setJudgements((all) => all.map((judgement, j) => (j === i ? { ...judgement, ...change } : judgement)));

  const submit = () =>
    record.mutate(() =>
      api.POST('/applications/{id}/review', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: {
          verdict: verdict as Verdict,
          findings: documents.map((document, i) => ({
            documentIndex: document.index!,
            accepted: judgements[i]!.accepted,
            ...(judgements[i]!.note.trim() ? { note: judgements[i]!.note.trim() } : {}),
          })),
          grounds: verdict === 'not-eligible' ? grounds : [],
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      }),
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="review-title">
      <Title order={3} size="h4" mb="sm" id="review-title">
        {t('review.title')}
      </Title>
      <Stack gap="sm">
        <Table verticalSpacing={4} data-testid="findings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.kind')}</Table.Th>
              <Table.Th>{t('review.accepted')}</Table.Th>
              <Table.Th>{t('review.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.map((document, i) => {
              const kind = t(`documentKind.${document.kind}`, { defaultValue: document.kind });
              return (
                <Table.Tr key={document.index}>
                  <Table.Td>
                    <Text size="sm">{kind}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`documents.${document.validity}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('review.acceptedOf', { kind })}
                      checked={judgements[i]!.accepted}
                      onChange={(event) => judge(i, { accepted: event.currentTarget.checked })}
                      error={fieldError(problem, `findings[${i}]`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('review.noteOf', { kind })}
                      value={judgements[i]!.note}
                      onChange={(event) => judge(i, { note: event.currentTarget.value })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {fieldError(problem, 'findings') && (
          <Text size="sm" c="red.9" role="alert">
            {fieldError(problem, 'findings')}
          </Text>
        )}
        <Radio.Group
          label={t('review.verdict')}
          value={verdict}
          onChange={(value) => setVerdict(value)}
          error={fieldError(problem, 'verdict')}
          withAsterisk
        >
          <Group mt={4}>
            <Radio value="eligible" label={t('review.eligible')} data-testid="verdict-eligible" />
            <Radio value="not-eligible" label={t('review.notEligible')} data-testid="verdict-not-eligible" />
          </Group>
        </Radio.Group>
        {verdict === 'not-eligible' && (
          <MultiSelect
            label={t('review.grounds')}
            data={refusalGrounds.options}
            value={grounds}
            onChange={setGrounds}
            error={fieldError(problem, 'grounds')}
            withAsterisk
            searchable
          />
        )}
        <Textarea
          label={t('review.comment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={fieldError(problem, 'comment')}
          autosize
          minRows={2}
        />
        <ProblemAlert problem={problem} shown={['findings', 'verdict', 'grounds', 'comment']} />
        <Group justify="flex-end">
          <Button onClick={submit} loading={record.isPending} disabled={verdict === ''} data-testid="record-review">
            {t('review.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
