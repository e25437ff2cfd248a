import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long typing must pause before the search goes to the URL (and so to the API). */
export const SEARCH_DEBOUNCE_MS = 350;

/**
 * The free-text search. It keeps what the user types locally and commits it to the URL after a pause or on
 * Enter; when the URL changes from elsewhere (clear filters, back button) the box follows it.
 */
export function SearchBox({ value: committed, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL when it changes from outside, without undoing a trailing space the user is typing.
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    if (committed !== value.trim()) setValue(committed);
  }

  useEffect(() => () => clearTimeout(timer.current), []);
  // A pending commit must not resurrect text after the URL moved on (e.g. "clear filters" mid-typing).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect is about `committed` changing
  useEffect(() => clearTimeout(timer.current), [committed]);

  const commitNow = (text: string) => {
    clearTimeout(timer.current);
    if (text.trim() !== committed) onCommit(text.trim());
  };

  const onChange = (text: string) => {
    setValue(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commitNow(text), SEARCH_DEBOUNCE_MS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    commitNow(value);
  };

  return (
    <search>
      <form onSubmit={onSubmit}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="search"
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            value={value}
            onChange={(event) => onChange(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('directory.searchSubmit')}</Button>
        </Group>
      </form>
    </search>
  );
}
