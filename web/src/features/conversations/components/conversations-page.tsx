import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ConversationSummary } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { PagedList } from '@/components/paged-list.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useConversations } from '../api/conversations.ts';
import '@/i18n/conversations.ts';

/** /conversations — my organisations' private conversations, newest activity first, with unread counts. */
export function ConversationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('conversations.list.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useConversations(page);
  return (
    <Stack gap="lg" maw={860}>
      <Stack gap={4}>
        <Title order={1}>{t('conversations.list.title')}</Title>
        <Text c="dimmed">{t('conversations.list.intro')}</Text>
      </Stack>
      <PagedList
        query={query}
        page={page}
        onPage={(p) => setParams(p > 1 ? { page: String(p) } : {})}
        filtered={false}
        emptyTitle={t('conversations.list.empty')}
        noneTitle={t('conversations.list.empty')}
        itemKey={(c) => c.id}
        renderItem={(c) => <ConversationCard conversation={c} />}
      />
    </Stack>
  );
}

function ConversationCard({ conversation: c }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = c.mySide === 'owner' ? c.interested : c.owner;
  const otherName = pickLocalized(other.nameBg, other.nameEn, language);
  const title = pickLocalized(c.item.titleBg, c.item.titleEn, language);
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h4">
            <Anchor component={Link} to={paths.conversation.href(c.id)} lang={otherName.lang}>
              {otherName.text}
            </Anchor>
          </Title>
          <Group gap={6}>
            {c.unread > 0 ? (
              <Badge color="red">{t('conversations.list.unread', { count: c.unread })}</Badge>
            ) : null}
            <Badge variant="light" color={c.status === 'agreed' ? 'green' : 'gray'}>
              {t(`conversations.status.${c.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" lang={title.lang}>
          {t('conversations.list.about', { title: title.text })} · {t(`conversations.side.${c.mySide}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('conversations.list.lastMessage')}:{' '}
          <time dateTime={c.lastMessageAt}>{formatDateTime(c.lastMessageAt, language)}</time>
        </Text>
      </Stack>
    </Card>
  );
}
