import { Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AdminUser, OrganizationRef } from '@portal/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { FILTER_DEBOUNCE_MS } from '@/components/filter-input.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useOrganizationSearch } from '../api/organizations.ts';
import { useChangeOrganization } from '../api/users.ts';

function useOrganizationName() {
  const language = useLanguage();
  return (o: OrganizationRef) => pickLocalized(o.nameBg, o.nameEn, language).text;
}

/** The organisations the user represents: unlink one (after a confirmation), or find one and link it. */
export function OrganizationsSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const nameOf = useOrganizationName();
  const change = useChangeOrganization(user.id);
  const [unlinking, setUnlinking] = useState<OrganizationRef>();
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const close = () => {
    setUnlinking(undefined);
    change.reset();
  };
  const confirmUnlink = () => {
    if (!unlinking) return;
    const organization = nameOf(unlinking);
    change.mutate(
      { organizationId: unlinking.id, link: false },
      {
        onSuccess: () => {
          setUnlinking(undefined);
          setDone(t('admin.user.organizations.unlinked', { organization }));
          // The button that was focused is gone: continue from the section's heading.
          heading.current?.focus();
        },
      },
    );
  };
  const link = (organization: OrganizationRef, onLinked: () => void) => {
    setDone('');
    change.mutate(
      { organizationId: organization.id, link: true },
      {
        onSuccess: () => {
          onLinked();
          setDone(t('admin.user.organizations.linked', { organization: nameOf(organization) }));
        },
      },
    );
  };

  return (
    <Section id="organizations" title={t('admin.user.organizations.title')} headingRef={heading}>
      <Text size="sm" c="dimmed">
        {t('admin.user.organizations.intro')}
      </Text>
      {user.organizations.length === 0 ? (
        <Text size="sm">{t('admin.user.organizations.empty')}</Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="xs">
          {user.organizations.map((organization) => {
            const name = nameOf(organization);
            return (
              <Card component="li" withBorder padding="sm" key={organization.id}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                    {name}
                  </Text>
                  <Button
                    variant="light"
                    color="red"
                    size="compact-sm"
                    aria-label={t('admin.user.organizations.unlinkNamed', { name })}
                    onClick={() => {
                      setDone('');
                      change.reset();
                      setUnlinking(organization);
                    }}
                  >
                    {t('admin.user.organizations.unlink')}
                  </Button>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      <OrganizationPicker
        linkedIds={user.organizations.map((o) => o.id)}
        pending={change.isPending}
        onLink={link}
      />
      <Text size="sm" c="teal.9" role="status">
        {done}
      </Text>
      {change.isError && unlinking === undefined ? <ProblemAlert error={change.error} /> : null}
      <ConfirmModal
        opened={unlinking !== undefined}
        title={t('admin.user.organizations.confirmTitle')}
        text={
          unlinking
            ? t('admin.user.organizations.confirmText', {
                name: user.displayName,
                organization: nameOf(unlinking),
              })
            : ''
        }
        confirmLabel={t('admin.user.organizations.confirm')}
        pending={change.isPending}
        error={change.isError ? change.error : undefined}
        onConfirm={confirmUnlink}
        onClose={close}
      />
    </Section>
  );
}

/** Finds any organisation by name or ЕИК (the server searches) and links the one chosen. */
function OrganizationPicker({
  linkedIds,
  pending,
  onLink,
}: {
  linkedIds: string[];
  pending: boolean;
  onLink: (organization: OrganizationRef, onLinked: () => void) => void;
}) {
  const { t } = useTranslation();
  const nameOf = useOrganizationName();
  const [searchValue, setSearchValue] = useState('');
  const [selected, setSelected] = useState<OrganizationRef | null>(null);
  const [q] = useDebouncedValue(searchValue.trim(), FILTER_DEBOUNCE_MS);
  // While a choice is shown in the field its name is the search text: do not search for it again. An empty
  // field searches for nothing at once, even while the debounced text still holds what was there before
  // (after a link, it held the linked organisation's name and searched for it).
  const found = useOrganizationSearch(selected || searchValue.trim() === '' ? '' : q);

  const options = new Map<string, OrganizationRef>();
  if (selected) options.set(selected.id, selected);
  for (const o of found.data ?? []) if (!linkedIds.includes(o.id)) options.set(o.id, o);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (selected)
          onLink(selected, () => {
            setSelected(null);
            setSearchValue('');
          });
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('admin.user.organizations.pickerLabel')}
          placeholder={t('admin.user.organizations.pickerPlaceholder')}
          description={t('admin.user.organizations.pickerHint')}
          searchable
          clearable
          // In the page (not a portal), so the suggestions stay inside the main landmark.
          comboboxProps={{ withinPortal: false }}
          searchValue={searchValue}
          onSearchChange={(text) => {
            setSearchValue(text);
            // Typing over a choice starts a new search.
            if (selected && text !== nameOf(selected)) setSelected(null);
          }}
          value={selected?.id ?? null}
          onChange={(id) => setSelected(id ? (options.get(id) ?? null) : null)}
          data={[...options.values()].map((o) => ({ value: o.id, label: nameOf(o) }))}
          // The server has already filtered by name and ЕИК (which a label does not show).
          filter={({ options: all }) => all}
          nothingFoundMessage={
            q && found.isSuccess && !found.isPlaceholderData
              ? t('admin.user.organizations.pickerNothing')
              : undefined
          }
          style={{ flex: '1 1 16rem', minWidth: 0 }}
        />
        <Button type="submit" disabled={!selected} loading={pending}>
          {t('admin.user.organizations.link')}
        </Button>
      </Group>
    </form>
  );
}
