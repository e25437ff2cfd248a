import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { MailboxMessage } from '@portal/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { FilterInput } from '@/components/filter-input.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useMailbox } from '../api/mailbox.ts';
import {
  currentPage,
  hasFilters,
  MAILBOX_PARAMS,
  type MailboxSearch,
  readSearch,
  withChange,
} from '../search-params.ts';
import { LinkifiedText } from './linkified-text.tsx';
import { BADGE_COLORS } from './status-badge.tsx';

const statusColors: Record<MailboxMessage['status'], keyof typeof BADGE_COLORS> = {
  pending: 'yellow',
  sent: 'teal',
  failed: 'red',
};

/** /admin/mailbox: the email outbox, newest first, filtered by recipient; each message opens in place. */
export function MailboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.mailbox.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const search = readSearch(searchParams, MAILBOX_PARAMS);
  const page = currentPage(search);
  const messages = useMailbox(search);

  const change = (delta: MailboxSearch, options: { scrollToTop?: boolean } = {}) =>
    setSearchParams((prev) => withChange(prev, delta), { preventScrollReset: !options.scrollToTop });
  const clearFilters = () => setSearchParams(new URLSearchParams(), { preventScrollReset: true });

  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.mailbox.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.mailbox.intro')}
        </Text>
      </div>
      <search aria-label={t('admin.list.filters')} style={{ maxWidth: '32rem' }}>
        <FilterInput
          label={t('admin.mailbox.toLabel')}
          placeholder={t('admin.mailbox.toPlaceholder')}
          value={search.to ?? ''}
          onCommit={(to) => change({ to })}
          maxLength={254}
        />
      </search>
      <Stack gap="md" component="section" aria-labelledby="admin-mailbox-results">
        <Title order={2} size="h4" id="admin-mailbox-results" aria-live="polite">
          {messages.data ? t('admin.mailbox.found', { count: messages.data.total }) : t('admin.list.results')}
        </Title>
        <PagedList
          query={messages}
          page={page}
          onPage={(p) => change({ page: String(p) }, { scrollToTop: true })}
          filtered={hasFilters(search)}
          onClearFilters={clearFilters}
          emptyTitle={t('admin.mailbox.emptyTitle')}
          emptyText={t('admin.mailbox.emptyText')}
          noneTitle={t('admin.mailbox.noMessagesTitle')}
          itemKey={(message) => message.id}
          renderItem={(message) => <MessageItem message={message} />}
        />
      </Stack>
    </Stack>
  );
}

/** A message: its subject opens (and closes) the full text below it, like an accordion. */
function MessageItem({ message }: { message: MailboxMessage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const panelId = useId();

  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} size="h5" style={{ minWidth: 0 }}>
            <UnstyledButton
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              onClick={() => setOpen((o) => !o)}
              c="var(--mantine-color-anchor)"
              style={{ overflowWrap: 'anywhere', textDecoration: 'underline', textUnderlineOffset: '0.2em' }}
            >
              {message.subject}
            </UnstyledButton>
          </Title>
          <Badge
            variant="dot"
            {...BADGE_COLORS[statusColors[message.status]]}
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {t(`admin.mailbox.status.${message.status}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('admin.mailbox.to', { to: message.to })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('admin.mailbox.createdAt', { date: formatDateTime(message.createdAt, language) })}
          {message.sentAt
            ? ` · ${t('admin.mailbox.sentAt', { date: formatDateTime(message.sentAt, language) })}`
            : ''}
          {message.status !== 'sent' && message.attempts > 0
            ? ` · ${t('admin.mailbox.attempts', { count: message.attempts })}`
            : ''}
        </Text>
        {open ? (
          <section id={panelId} aria-label={t('admin.mailbox.messageLabel', { subject: message.subject })}>
            <Stack gap="xs" mt="xs">
              <Text size="xs" c="dimmed">
                {t('admin.mailbox.language', { language: t(`language.${message.language}.name`) })}
              </Text>
              <Text
                className="pre-line"
                lang={message.language}
                p="sm"
                bg="var(--mantine-color-gray-0)"
                style={{ borderRadius: 'var(--mantine-radius-sm)', overflowWrap: 'anywhere' }}
              >
                {message.textHidden ? (
                  <Text component="span" fs="italic" c="dimmed">
                    {t('admin.mailbox.textHidden')}
                  </Text>
                ) : (
                  <LinkifiedText text={message.text} />
                )}
              </Text>
            </Stack>
          </section>
        ) : null}
      </Stack>
    </Card>
  );
}
