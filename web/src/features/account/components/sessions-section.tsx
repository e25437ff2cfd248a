import { Badge, Button, Card, Group, Modal, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { SessionInfo } from '@portal/shared';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useEndSession, useSessions } from '../api/sessions.ts';
import { describeUserAgent } from '../user-agent.ts';
import { AccountSection } from './account-section.tsx';

function useDeviceName() {
  const { t } = useTranslation();
  return (session: SessionInfo): string => {
    const { browser, os } = describeUserAgent(session.userAgent);
    if (browser && os) return t('account.sessions.device', { browser, os });
    return browser ?? os ?? t('account.sessions.unknownDevice');
  };
}

/** This device first, then the most recently active. */
function ordered(items: SessionInfo[]): SessionInfo[] {
  return [...items].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

/** The user's active sessions; any but this one can be ended, after a confirmation. */
export function SessionsSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sessions = useSessions();
  const end = useEndSession();
  const deviceName = useDeviceName();
  const [confirming, setConfirming] = useState<SessionInfo>();
  const [endedDevice, setEndedDevice] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  const close = () => {
    setConfirming(undefined);
    end.reset();
  };
  const confirmEnd = () => {
    if (!confirming) return;
    const device = deviceName(confirming);
    end.mutate(confirming.id, {
      onSuccess: () => {
        setConfirming(undefined);
        setEndedDevice(device);
        // The ended session's button is gone: continue from the section's heading.
        heading.current?.focus();
      },
    });
  };

  let content: ReactNode;
  if (sessions.isPending) {
    content = (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={64} />
        <Skeleton height={64} />
      </Stack>
    );
  } else if (sessions.isError) {
    content = <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  } else {
    const items = ordered(sessions.data.items);
    content = (
      <Stack gap="sm">
        <Stack component="ul" className="plain-list" gap="sm">
          {items.map((session) => {
            const name = deviceName(session);
            return (
              <Card component="li" withBorder padding="md" key={session.id}>
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600} title={session.userAgent ?? undefined}>
                        {name}
                      </Text>
                      {session.current ? (
                        <Badge variant="filled" color="teal.9">
                          {t('account.sessions.current')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('account.sessions.lastSeenAt', {
                        date: formatDateTime(session.lastSeenAt, language),
                      })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('account.sessions.createdAt', { date: formatDateTime(session.createdAt, language) })}
                    </Text>
                  </Stack>
                  {session.current ? null : (
                    <Button
                      variant="light"
                      color="red"
                      size="compact-sm"
                      aria-label={t('account.sessions.endNamed', { device: name })}
                      onClick={() => {
                        setEndedDevice(undefined);
                        setConfirming(session);
                      }}
                    >
                      {t('account.sessions.end')}
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
        {items.every((s) => s.current) ? (
          <Text size="sm" c="dimmed">
            {t('account.sessions.empty')}
          </Text>
        ) : null}
      </Stack>
    );
  }

  return (
    <AccountSection id="sessions" title={title} headingRef={heading}>
      <Text size="sm" c="dimmed">
        {t('account.sessions.intro')}
      </Text>
      <Text size="sm" c="teal.9" role="status">
        {endedDevice ? t('account.sessions.ended') : ''}
      </Text>
      {content}
      <Modal
        opened={confirming !== undefined}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('account.sessions.close') }}
        title={t('account.sessions.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text>
            {confirming ? t('account.sessions.confirmText', { device: deviceName(confirming) }) : ''}
          </Text>
          {end.isError ? <ProblemAlert error={end.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('account.sessions.cancel')}
            </Button>
            <Button color="red" loading={end.isPending} onClick={confirmEnd}>
              {t('account.sessions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </AccountSection>
  );
}
