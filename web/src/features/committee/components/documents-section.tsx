import { Anchor, Stack, Text } from '@mantine/core';
import type { DocumentInfo } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section.tsx';
import { documentUrl as documentHref } from '@/lib/api/applications.ts';
import { formatDateTime, formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';

/** The attached PDFs, each a download link (the server answers with Content-Disposition: attachment). */
export function DocumentsSection({
  applicationId,
  documents,
}: {
  applicationId: string;
  documents: DocumentInfo[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('committee.documents.sizeMb', {
          size: formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, language),
        })
      : t('committee.documents.sizeKb', {
          size: formatNumber(Math.max(1, Math.round(bytes / 1024)), language),
        });

  return (
    <Section id="documents" title={t('committee.documents.title')}>
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('committee.documents.empty')}
        </Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="sm">
          {documents.map((document) => (
            <li key={document.id}>
              <Anchor href={documentHref(applicationId, document.id)} download={document.filename}>
                {document.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[
                  t(`committee.documents.kind.${document.kind}`),
                  'PDF',
                  size(document.size),
                  t('committee.documents.uploadedAt', {
                    date: formatDateTime(document.uploadedAt, language),
                  }),
                ].join(' · ')}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
