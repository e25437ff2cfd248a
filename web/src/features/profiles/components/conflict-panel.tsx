import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useLanguage } from '@/lib/localized.ts';
import type { VersionedProfile } from '../api/profile.ts';
import { areaNamer, displayValue, fieldLabel } from '../field-display.ts';
import { changedFields, type ProfileValues, valuesOf } from '../profile-values.ts';

/** What the editor knows after a 412: the version saved now is being read, could not be, or is here. */
export type ConflictState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; current: VersionedProfile };

/** Long labels wrap instead of overflowing a narrow (375 px) screen. */
export const wrappingButton = {
  root: { height: 'auto', minHeight: 36, paddingBlock: 6 },
  label: { whiteSpace: 'normal' as const, textAlign: 'center' as const },
};

/**
 * A save refused because someone else saved first (412): the user's values and the ones saved now, side by
 * side for every field that differs, and the two ways on: re-apply the user's changes onto the current
 * version (then save again), or discard them (after confirmation) and take the current values.
 */
export function ConflictPanel({
  conflict,
  mine,
  base,
  onRetry,
  onReapply,
  onDiscard,
  ownSave = false,
}: {
  conflict: ConflictState;
  /** The form's values now. */
  mine: ProfileValues;
  /** The version the form was opened on (to tell the user's changes from the colleague's). */
  base: ProfileValues;
  onRetry: () => void;
  onReapply: () => void;
  onDiscard: () => void;
  /** The version saved now was saved by this same user (another window or tab), not by a colleague. */
  ownSave?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const areaName = areaNamer(areas.data?.items, language);
  const show = (values: ProfileValues, field: Parameters<typeof displayValue>[1]) =>
    displayValue(values, field, areaName, t) ?? t('myOrganization.conflict.empty');

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: 'md', xs: 'lg' }}
      aria-labelledby="conflict-title"
      style={{ borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 }}
    >
      <Stack gap="md">
        <Title
          order={2}
          size="h3"
          id="conflict-title"
          ref={headingRef}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {ownSave ? t('myOrganization.conflict.titleOwn') : t('myOrganization.conflict.title')}
        </Title>
        <Text>{ownSave ? t('myOrganization.conflict.textOwn') : t('myOrganization.conflict.text')}</Text>
        {conflict.status === 'loading' ? <Text c="dimmed">{t('common.loading')}</Text> : null}
        {conflict.status === 'error' ? (
          <ProblemAlert
            error={conflict.error}
            title={t('myOrganization.conflict.loadError')}
            action={
              <Button variant="light" color="red" onClick={onRetry}>
                {t('myOrganization.conflict.retry')}
              </Button>
            }
          />
        ) : null}
        {conflict.status === 'ready' ? (
          <Differences
            mine={mine}
            base={base}
            current={valuesOf(conflict.current.profile)}
            show={show}
            onReapply={onReapply}
            onDiscard={() => setConfirming(true)}
            ownSave={ownSave}
          />
        ) : null}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('myOrganization.conflict.discardTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('myOrganization.conflict.close') }}
      >
        <Stack gap="md">
          <Text>{t('myOrganization.conflict.discardText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('myOrganization.conflict.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                onDiscard();
              }}
            >
              {t('myOrganization.conflict.discardConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Differences({
  mine,
  base,
  current,
  show,
  onReapply,
  onDiscard,
  ownSave,
}: {
  mine: ProfileValues;
  base: ProfileValues;
  current: ProfileValues;
  show: (values: ProfileValues, field: Parameters<typeof displayValue>[1]) => string;
  onReapply: () => void;
  onDiscard: () => void;
  ownSave: boolean;
}) {
  const { t } = useTranslation();
  const differing = changedFields(mine, current);
  const mineChanged = new Set(changedFields(mine, base));
  return (
    <Stack gap="md">
      {differing.length === 0 ? (
        <Text>{t('myOrganization.conflict.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('myOrganization.conflict.differences')}
          </Title>
          <Stack
            component="ul"
            className="plain-list"
            gap="sm"
            aria-label={t('myOrganization.conflict.differences')}
          >
            {differing.map((field) => (
              <Paper component="li" withBorder p="sm" key={field} aria-labelledby={`conflict-${field}`}>
                <Stack gap="xs">
                  <Text fw={600} id={`conflict-${field}`}>
                    {fieldLabel(t, field)}
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <div>
                      <Text size="sm" c="dimmed">
                        {t('myOrganization.conflict.yours')}
                      </Text>
                      <Text className="pre-line" style={{ overflowWrap: 'anywhere' }}>
                        {show(mine, field)}
                      </Text>
                    </div>
                    <div>
                      <Text size="sm" c="dimmed">
                        {t('myOrganization.conflict.current')}
                      </Text>
                      <Text className="pre-line" style={{ overflowWrap: 'anywhere' }}>
                        {show(current, field)}
                      </Text>
                    </div>
                  </SimpleGrid>
                  <Text size="sm" c="dimmed">
                    {mineChanged.has(field)
                      ? t('myOrganization.conflict.changedByYou')
                      : ownSave
                        ? t('myOrganization.conflict.changedInOtherTab')
                        : t('myOrganization.conflict.changedByOthers')}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        </Stack>
      )}
      <Group gap="sm">
        <Button onClick={onReapply} styles={wrappingButton}>
          {t('myOrganization.conflict.reapply')}
        </Button>
        <Button variant="default" onClick={onDiscard} styles={wrappingButton}>
          {t('myOrganization.conflict.discard')}
        </Button>
      </Group>
    </Stack>
  );
}
