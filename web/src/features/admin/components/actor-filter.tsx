import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_DEBOUNCE_MS } from '@/components/filter-input.tsx';
import { useUser, useUserSuggestions } from '../api/users.ts';
import { isUuid } from '../search-params.ts';

/**
 * The audit log's actor filter: type an email or a name and pick the user, or paste a user's id. The
 * chosen actor is shown by email (looked up by id) once known.
 */
export function ActorFilter({ value, onChange }: { value: string; onChange: (actorId: string) => void }) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [q] = useDebouncedValue(searchValue.trim(), FILTER_DEBOUNCE_MS);
  const current = useUser(value, { enabled: isUuid(value) });
  const currentLabel = current.data ? current.data.email : t('admin.audit.actorById', { id: value });
  const searching = q !== '' && q !== currentLabel;
  const suggestions = useUserSuggestions(searching && !isUuid(q) ? q : '');

  const options = new Map<string, string>();
  if (value) options.set(value, currentLabel);
  if (searching && isUuid(q))
    options.set(q.toLowerCase(), t('admin.audit.actorById', { id: q.toLowerCase() }));
  if (searching) {
    for (const user of suggestions.data?.items ?? []) {
      options.set(user.id, `${user.email} (${user.displayName})`);
    }
  }

  return (
    <Select
      label={t('admin.audit.actorLabel')}
      placeholder={t('admin.audit.actorPlaceholder')}
      searchable
      clearable
      // In the page (not a portal), so the suggestions stay inside the main landmark.
      comboboxProps={{ withinPortal: false }}
      clearButtonProps={{ 'aria-label': t('admin.audit.actorClear') }}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      // The server has already matched email and name; a pasted id matches no label.
      filter={({ options: all }) => all}
      nothingFoundMessage={
        searching && suggestions.isSuccess && !suggestions.isPlaceholderData
          ? t('admin.audit.actorNothing')
          : undefined
      }
    />
  );
}
