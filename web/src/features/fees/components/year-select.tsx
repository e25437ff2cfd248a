import { NativeSelect } from '@mantine/core';
import { currentYear } from '../money.ts';

/** The years offered: those with data, the current one with its neighbours, and the selected one. */
export function yearOptions(selected: number, known: readonly number[] = []): number[] {
  const now = currentYear();
  const years = new Set([...known, now - 2, now - 1, now, now + 1, selected]);
  return [...years].sort((a, b) => b - a);
}

export function YearSelect({
  label,
  value,
  known,
  onChange,
}: {
  label: string;
  value: number;
  known?: readonly number[];
  onChange: (year: number) => void;
}) {
  return (
    <NativeSelect
      label={label}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={yearOptions(value, known).map((y) => String(y))}
    />
  );
}
