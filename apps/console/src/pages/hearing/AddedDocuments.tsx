import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AddedDocument } from '../../api/hearing-complaint-api';

/** Documents the applicant brought to an objection or a hearing, as recorded (title, where kept). */
export function AddedDocuments({ documents }: { documents: readonly AddedDocument[] }) {
  const { t } = useTranslation('hearing');
  if (documents.length === 0) return null;
  return (
    <>
      <Text size="xs" c="dimmed" mt={4}>
        {t('proposal.documents')}
      </Text>
      <List size="sm" data-testid="documents-added">
        {documents.map((document, index) => (
          <List.Item key={index} translate="no">
            {document.title}
            {document.reference && ` (${document.reference})`}
          </List.Item>
        ))}
      </List>
    </>
  );
}
