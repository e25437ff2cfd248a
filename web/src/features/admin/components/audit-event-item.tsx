import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@portal/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SnapshotDiff } from '@/components/snapshot-diff.tsx';
import { actionLabel, entityTypeLabel, formatValue } from '@/lib/audit-labels.ts';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { personEmail } from '@/lib/person.ts';

/** One audit event; its before/after snapshots open below it on request. */
export function AuditEventItem({
  event,
  showEntity = true,
  names = {},
}: {
  event: AuditEvent;
  showEntity?: boolean;
  /** Names of the records the event refers to by id (the list's `names`), shown instead of ids. */
  names?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const action = actionLabel(t, event.action);
  const date = formatDateTime(event.occurredAt, language);
  const entity = names[event.entityId.toLowerCase()] ?? event.entityId;
  const actor =
    event.actorId === null
      ? t('admin.audit.system')
      : event.actorEmail === null
        ? event.actorId
        : personEmail(t, event.actorEmail);

  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} title={event.action}>
              {action}
            </Text>
            <Text size="sm" c="dimmed">
              <time dateTime={event.occurredAt}>{date}</time>
            </Text>
          </Stack>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('admin.audit.hideChanges') : t('admin.audit.showChanges')}
          </Button>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('admin.audit.by', { actor })}
        </Text>
        {showEntity ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {event.entityType === 'user' ? (
              <Anchor component={Link} to={paths.adminUser.href(event.entityId)} size="sm">
                {t('admin.audit.entity', { type: entityTypeLabel(t, event.entityType), id: entity })}
              </Anchor>
            ) : (
              t('admin.audit.entity', { type: entityTypeLabel(t, event.entityType), id: entity })
            )}
          </Text>
        ) : null}
        {open ? (
          <section id={panelId} aria-label={t('admin.audit.changesLabel', { action, date })}>
            <Stack gap="xs" mt="xs">
              <SnapshotDiff
                before={event.before}
                after={event.after}
                format={(field, value) => formatValue(t, field, value, names)}
              />
              {event.requestId ? (
                <Text size="xs" c="dimmed">
                  {t('admin.audit.requestId', { id: event.requestId })}
                </Text>
              ) : null}
            </Stack>
          </section>
        ) : null}
      </Stack>
    </Card>
  );
}
