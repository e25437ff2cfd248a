import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long typing must pause before a text filter goes to the URL (and so to the API). */
export const FILTER_DEBOUNCE_MS = 350;

/**
 * A free-text filter. What the user types stays local and is committed to the URL after a pause or on
 * Enter; when the URL changes from elsewhere (clear filters, back button) the field follows it.
 */
export function FilterInput({
  label,
  placeholder,
  value: committed,
  onCommit,
  type = 'search',
  maxLength = 200,
  withSubmit = true,
  submitLabel,
  submitVariant = 'light',
}: {
  label: string;
  placeholder?: string;
  value: string;
  onCommit: (value: string) => void;
  type?: 'search' | 'text';
  maxLength?: number;
  /** A visible search button (Enter submits either way). */
  withSubmit?: boolean;
  /** The button's text (default: "Search"). */
  submitLabel?: string;
  submitVariant?: 'light' | 'filled';
}) {
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
    timer.current = setTimeout(() => commitNow(text), FILTER_DEBOUNCE_MS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    commitNow(value);
  };

  return (
    <form onSubmit={onSubmit} style={{ minWidth: 0 }}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          type={type}
          label={label}
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          maxLength={maxLength}
          style={{ flex: 1, minWidth: 0 }}
        />
        {withSubmit ? (
          <Button type="submit" variant={submitVariant}>
            {submitLabel ?? t('admin.list.search')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
