import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type ApplicationSummary, isEditableByApplicant } from '@portal/shared';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { StateBadge } from '@/components/application-state-badge.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useMyApplications } from '@/lib/api/applications.ts';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCreateApplication } from '../api/applications.ts';

/** How to join, a button that starts an application, and the user's applications so far. */
export function ApplyPage() {
  const { t } = useTranslation();
  usePageTitle(t('apply.start.title'));
  const navigate = useNavigate();
  const mine = useMyApplications();
  const create = useCreateApplication();
  const location = useLocation();
  const draftDeleted = (location.state as { draftDeleted?: boolean } | null)?.draftDeleted === true;
  // A double click must send one request: the pending state reaches the button only on the next render
  // (the server also hands back an untouched draft instead of making a second one).
  const starting = useRef(false);

  const start = () => {
    if (starting.current) return;
    starting.current = true;
    create.mutate(undefined, {
      onSuccess: (application) => void navigate(paths.application.href(application.id)),
      onSettled: () => {
        starting.current = false;
      },
    });
  };

  let list: ReactNode;
  if (mine.isPending) {
    list = (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={72} />
      </Stack>
    );
  } else if (mine.isError) {
    list = <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  } else if (mine.data.length === 0) {
    list = <Text c="dimmed">{t('apply.start.mineEmpty')}</Text>;
  } else {
    list = (
      <Stack component="ul" className="plain-list" gap="sm">
        {mine.data.map((item) => (
          <ApplicationItem key={item.id} item={item} />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="xl" maw={760}>
      <Stack gap="sm">
        <Title order={1}>{t('apply.start.title')}</Title>
        <Text>{t('apply.start.intro')}</Text>
        <Text c="teal.9" role="status">
          {draftDeleted ? t('apply.deleteDraft.done') : ''}
        </Text>
      </Stack>
      <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="apply-how">
        <Stack gap="md">
          <Title order={2} size="h3" id="apply-how">
            {t('apply.start.howTitle')}
          </Title>
          <List type="ordered" spacing="xs">
            <List.Item>{t('apply.start.step1')}</List.Item>
            <List.Item>{t('apply.start.step2')}</List.Item>
            <List.Item>{t('apply.start.step3')}</List.Item>
            <List.Item>{t('apply.start.step4')}</List.Item>
          </List>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
          <Group>
            <Button onClick={start} loading={create.isPending} disabled={create.isPending}>
              {t('apply.start.button')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Stack component="section" gap="md" aria-labelledby="apply-mine">
        <Title order={2} size="h3" id="apply-mine">
          {t('apply.start.mine')}
        </Title>
        {list}
      </Stack>
    </Stack>
  );
}

function ApplicationItem({ item }: { item: ApplicationSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name =
    item.nameBg || item.nameEn
      ? pickLocalized(item.nameBg ?? '', item.nameEn ?? '', language)
      : { text: t('apply.start.untitled'), lang: language };
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={paths.application.href(item.id)} fw={600} lang={name.lang}>
            {name.text}
          </Anchor>
          <Text size="sm" c="dimmed">
            {item.submittedAt
              ? t('apply.start.submittedAt', { date: formatDateTime(item.submittedAt, language) })
              : t('apply.start.updatedAt', { date: formatDateTime(item.updatedAt, language) })}
          </Text>
          <Text size="sm">
            {isEditableByApplicant(item.state) ? t('apply.start.continue') : t('apply.start.open')}
          </Text>
        </Stack>
        <StateBadge state={item.state} />
      </Group>
    </Card>
  );
}
