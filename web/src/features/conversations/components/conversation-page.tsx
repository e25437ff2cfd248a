import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type Conversation, type ConversationMessage, DECLINE_REASON_MAX } from '@portal/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import {
  useConfirmAgreed,
  useConversation,
  useDeclineAgreed,
  useMarkRead,
  useProposeAgreed,
  useSendMessage,
  useSetConsent,
  useWithdrawAgreed,
} from '../api/conversations.ts';
import { Composer } from './composer.tsx';
import { LinkifiedText } from './linkified-text.tsx';
import '@/i18n/conversations.ts';

/** /conversations/:id — the messages, the composer and the "agreed" steps of one conversation. */
export function ConversationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  const markRead = useMarkRead();
  const c = conversation.data;
  const other = c ? (c.mySide === 'owner' ? c.interested : c.owner) : undefined;
  const otherName = other ? pickLocalized(other.nameBg, other.nameEn, language) : undefined;
  usePageTitle(
    otherName
      ? t('conversations.conversation.title', { organization: otherName.text })
      : t('conversations.list.title'),
  );
  // Reading the page marks what it shows read (again whenever new messages arrive).
  const unread = c?.unread ?? 0;
  const mutateRead = markRead.mutate;
  useEffect(() => {
    if (unread > 0) mutateRead(id);
  }, [id, unread, mutateRead]);

  const back = (
    <Anchor component={Link} to={paths.conversations.href()} size="sm">
      ← {t('conversations.conversation.back')}
    </Anchor>
  );
  if (conversation.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (conversation.isError) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        {isApiError(conversation.error, 404) || isApiError(conversation.error, 400) ? (
          <>
            <Title order={1}>{t('conversations.conversation.notFoundTitle')}</Title>
            <Text>{t('conversations.conversation.notFound')}</Text>
          </>
        ) : (
          <QueryError error={conversation.error} onRetry={() => void conversation.refetch()} />
        )}
      </Stack>
    );
  }
  const data = conversation.data;
  const title = pickLocalized(data.item.titleBg, data.item.titleEn, language);
  return (
    <Stack gap="lg" maw={860}>
      <Stack gap={4} align="flex-start">
        {back}
        <Title order={1} lang={otherName?.lang}>
          {t('conversations.conversation.title', { organization: otherName?.text ?? '' })}
        </Title>
        <Text lang={title.lang}>{t('conversations.conversation.about', { title: title.text })}</Text>
        <Group gap="xs">
          <Badge variant="light" color={data.status === 'agreed' ? 'green' : 'gray'}>
            {t(`conversations.status.${data.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('conversations.conversation.privacy')}
          </Text>
        </Group>
      </Stack>
      <AgreementPanel conversation={data} />
      <Stack gap="sm" component="section" aria-labelledby="conversation-messages">
        <Title order={2} size="h3" id="conversation-messages">
          {t('conversations.conversation.messages')}
        </Title>
        {data.messages.length === 0 ? (
          <Text c="dimmed">{t('conversations.conversation.noMessages')}</Text>
        ) : (
          <Stack component="ol" gap="sm" className="plain-list">
            {data.messages.map((m) => (
              <li key={m.id}>
                <MessageCard message={m} conversation={data} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      <MessageComposer id={data.id} />
    </Stack>
  );
}

function MessageCard({
  message: m,
  conversation: c,
}: {
  message: ConversationMessage;
  conversation: Conversation;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const org = m.authorOrganizationId === c.owner.id ? c.owner : c.interested;
  const orgName = pickLocalized(org.nameBg, org.nameEn, language).text;
  const author = m.mine
    ? t('conversations.conversation.you')
    : (m.authorName ?? t('conversations.conversation.erasedPerson'));
  return (
    <Card withBorder padding="sm" bg={m.mine ? 'var(--mantine-color-blue-0)' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {author} · {orgName}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, language)}</time>
          </Text>
        </Group>
        <LinkifiedText text={m.body} />
      </Stack>
    </Card>
  );
}

function MessageComposer({ id }: { id: string }) {
  const { t } = useTranslation();
  const send = useSendMessage(id);
  return (
    <Composer
      label={t('conversations.composer.label')}
      submitLabel={t('conversations.composer.send')}
      pending={send.isPending}
      error={send.error}
      onSend={(body) => send.mutateAsync(body)}
    />
  );
}

/**
 * "Agreed": one side proposes, the other confirms or declines (with an optional reason); the proposing
 * side may withdraw its proposal meanwhile. Every step asks first. Then the consent switch.
 */
function AgreementPanel({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const propose = useProposeAgreed(c.id);
  const confirm = useConfirmAgreed(c.id);
  const withdraw = useWithdrawAgreed(c.id);
  const decline = useDeclineAgreed(c.id);
  const myOrgId = c.mySide === 'owner' ? c.owner.id : c.interested.id;
  const [asking, setAsking] = useState<'propose' | 'confirm' | 'withdraw' | 'decline' | null>(null);
  const [reason, setReason] = useState('');
  const consent = useSetConsent(myOrgId);
  const [shown, setShown] = useState(c.partnership?.myConsent ?? false);
  useEffect(() => setShown(c.partnership?.myConsent ?? false), [c.partnership?.myConsent]);

  const close = () => {
    for (const m of [propose, confirm, withdraw, decline]) m.reset();
    setReason('');
    setAsking(null);
  };
  const run = (m: typeof propose) => m.mutate(c.version, { onSuccess: close });
  const other = c.mySide === 'owner' ? c.interested : c.owner;
  const otherName = pickLocalized(other.nameBg, other.nameEn, language).text;
  const ended = c.status === 'open' ? c.proposalEnded : null;

  return (
    <>
      {ended ? (
        <ProposalEndedNotice ended={ended} ours={ended.byOrganizationId === myOrgId} other={otherName} />
      ) : null}
      {c.status === 'open' ? (
        <Group>
          <Button variant="light" onClick={() => setAsking('propose')}>
            {t('conversations.agree.propose')}
          </Button>
        </Group>
      ) : null}
      {c.status === 'agreed_proposed' ? (
        c.agreedProposedByOrganizationId === myOrgId ? (
          <Alert color="blue">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('conversations.agree.proposedByUs')}</Text>
              <Button variant="default" size="sm" onClick={() => setAsking('withdraw')}>
                {t('conversations.agree.withdraw')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Alert color="yellow">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('conversations.agree.proposedByThem', { organization: otherName })}</Text>
              <Group gap="sm">
                <Button onClick={() => setAsking('confirm')}>{t('conversations.agree.confirm')}</Button>
                <Button variant="default" onClick={() => setAsking('decline')}>
                  {t('conversations.agree.decline')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )
      ) : null}
      {c.status === 'agreed' && c.partnership ? (
        <Alert color="green">
          <Stack gap="xs">
            <Text size="sm">{t('conversations.agree.agreed')}</Text>
            <Switch
              label={t('conversations.consent.label')}
              description={`${t('conversations.consent.hint')} ${
                c.partnership.otherConsent
                  ? t('conversations.consent.theirs')
                  : t('conversations.consent.notTheirs')
              }`}
              checked={shown}
              disabled={consent.isPending}
              onChange={(e) => {
                const next = e.currentTarget.checked;
                setShown(next);
                consent.mutate({ id: c.partnership!.id, shown: next }, { onError: () => setShown(!next) });
              }}
            />
          </Stack>
        </Alert>
      ) : null}
      <ConfirmModal
        opened={asking === 'propose'}
        title={t('conversations.agree.proposeTitle')}
        text={t('conversations.agree.proposeText')}
        confirmLabel={t('conversations.agree.proposeConfirm')}
        tone="neutral"
        pending={propose.isPending}
        error={propose.error}
        onConfirm={() => run(propose)}
        onClose={close}
      />
      <ConfirmModal
        opened={asking === 'confirm'}
        title={t('conversations.agree.confirmTitle')}
        text={t('conversations.agree.confirmText')}
        confirmLabel={t('conversations.agree.confirmConfirm')}
        tone="neutral"
        pending={confirm.isPending}
        error={confirm.error}
        onConfirm={() => run(confirm)}
        onClose={close}
      />
      <ConfirmModal
        opened={asking === 'withdraw'}
        title={t('conversations.agree.withdrawTitle')}
        text={t('conversations.agree.withdrawText', { organization: otherName })}
        confirmLabel={t('conversations.agree.withdrawConfirm')}
        pending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => run(withdraw)}
        onClose={close}
      />
      <ConfirmModal
        opened={asking === 'decline'}
        title={t('conversations.agree.declineTitle')}
        text={t('conversations.agree.declineText', { organization: otherName })}
        confirmLabel={t('conversations.agree.declineConfirm')}
        pending={decline.isPending}
        error={decline.error}
        onConfirm={() => decline.mutate({ version: c.version, reason }, { onSuccess: close })}
        onClose={close}
      >
        <Textarea
          label={t('conversations.agree.reason')}
          description={t('conversations.agree.reasonHint', {
            count: reason.length,
            max: formatNumber(DECLINE_REASON_MAX, language),
          })}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={DECLINE_REASON_MAX}
          rows={3}
          resize="vertical"
        />
      </ConfirmModal>
    </>
  );
}

/** While the conversation is open again: how the last proposal ended, and the decliner's reason. */
function ProposalEndedNotice({
  ended,
  ours,
  other,
}: {
  ended: NonNullable<Conversation['proposalEnded']>;
  ours: boolean;
  other: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = `conversations.ended.${ended.action}${ours ? 'ByUs' : 'ByThem'}` as const;
  return (
    <Alert color="gray" title={t(key, { organization: other })}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          <time dateTime={ended.at}>{formatDateTime(ended.at, language)}</time>
        </Text>
        {ended.reason ? (
          <Text size="sm" className="pre-line" style={{ overflowWrap: 'anywhere' }}>
            {t('conversations.ended.reason', { reason: ended.reason })}
          </Text>
        ) : null}
        <Text size="sm">{t('conversations.ended.open')}</Text>
      </Stack>
    </Alert>
  );
}
