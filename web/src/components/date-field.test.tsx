import { Modal } from '@mantine/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider.tsx';
import { createQueryClient } from '@/app/query-client.ts';
import { setLanguage } from '@/i18n/index.ts';
import { DateField, type DateFieldProps } from './date-field.tsx';

/** A form's state around one field; the value the form would send is shown in an <output>. */
function Form({ initial, ...props }: { initial: string } & Partial<DateFieldProps>) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Дата" {...props} value={value} onChange={setValue} />
      <output aria-label="стойност">{JSON.stringify(value)}</output>
    </>
  );
}

/** The field in a dialog, as in the payment and membership forms. */
function InDialog() {
  const [opened, setOpened] = useState(true);
  const [value, setValue] = useState('2026-03-05');
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Плащане">
      <DateField label="Дата" value={value} onChange={setValue} />
    </Modal>
  );
}

function renderField(initial: string, props: Partial<DateFieldProps> = {}) {
  const user = userEvent.setup();
  render(
    <AppProvider queryClient={createQueryClient()}>
      <Form initial={initial} {...props} />
    </AppProvider>,
  );
  return { user, value: () => JSON.parse(screen.getByRole('status').textContent ?? 'null') as string };
}

/** The field once its lazy module is there (before, a read-only stand-in has the same label). */
const field = (label: string | RegExp = 'Дата') =>
  screen.findByLabelText<HTMLInputElement>(label, { selector: 'input[data-dates-input]' });

const originalTz = process.env.TZ;
afterEach(() => {
  // Assigning undefined would set the text "undefined".
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

// First in the file: the field's module loads once per file, so only the first render shows the stand-in.
describe('DateField before its module is there', () => {
  it('shows the same label and value, read-only, and is replaced by the real field', async () => {
    render(
      <AppProvider queryClient={createQueryClient()}>
        <Form initial="2026-03-05" />
      </AppProvider>,
    );
    const first = screen.getByLabelText('Дата');
    expect(first).toHaveAttribute('data-date-field-pending');
    expect(first).toHaveAttribute('readonly');
    expect(first).toHaveValue('05.03.2026');
    const input = await field();
    expect(input).toHaveValue('05.03.2026');
    expect(screen.getAllByLabelText('Дата')).toHaveLength(1);
  });
});

describe('DateField', () => {
  it('shows an ISO day as DD.MM.YYYY in Bulgarian, with a Bulgarian calendar', async () => {
    const { user } = renderField('2026-03-05');
    const input = await field();
    expect(input).toHaveValue('05.03.2026');
    expect(input).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');

    await user.click(input);
    expect(await screen.findByRole('button', { name: 'март 2026' })).toBeVisible();
    expect(screen.getByText('пн')).toBeVisible();
    expect(screen.getByRole('button', { name: '5 март 2026' })).toHaveAttribute('data-selected', 'true');
    expect(screen.getByRole('button', { name: 'Следващ месец' })).toBeVisible();
  });

  it('turns a typed Bulgarian date into the ISO day, and tidies the text on leaving the field', async () => {
    const { user, value } = renderField('');
    const input = await field();
    await user.type(input, '05.03.2026');
    expect(value()).toBe('2026-03-05');

    await user.clear(input);
    await user.type(input, '7.4.2025');
    expect(value()).toBe('2025-04-07');
    await user.tab();
    expect(input).toHaveValue('07.04.2025');
  });

  it('keeps the last whole date while the typed text is not one, and never guesses a short year', async () => {
    const { user, value } = renderField('2026-03-05');
    const input = await field();
    await user.clear(input);
    await user.type(input, '31.02.2026');
    expect(value()).toBe('2026-03-05');
    await user.clear(input);
    await user.type(input, '01.02.26');
    expect(value()).toBe('2026-03-05');
    await user.tab();
    expect(input).toHaveValue('05.03.2026');
  });

  it('follows a switch to English: DD/MM/YYYY and an English calendar, same value', async () => {
    const { user, value } = renderField('2026-03-05');
    const input = await field();
    expect(input).toHaveValue('05.03.2026');

    await act(() => setLanguage('en'));
    await waitFor(() => expect(input).toHaveValue('05/03/2026'));
    expect(input).toHaveAttribute('placeholder', 'DD/MM/YYYY');
    expect(value()).toBe('2026-03-05');

    await user.click(input);
    expect(await screen.findByRole('button', { name: 'March 2026' })).toBeVisible();
    expect(screen.getByText('Mo')).toBeVisible();

    await user.clear(input);
    await user.type(input, '10/04/2026');
    expect(value()).toBe('2026-04-10');

    await act(() => setLanguage('bg'));
    await waitFor(() => expect(input).toHaveValue('10.04.2026'));
  });

  it('gives an empty string when an optional field is emptied, by keyboard or by its clear button', async () => {
    const { user, value } = renderField('2026-03-05', { clearable: true });
    const input = await field();
    await user.clear(input);
    expect(value()).toBe('');

    await user.type(input, '05.03.2026');
    expect(value()).toBe('2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Изчисти датата' }));
    expect(value()).toBe('');
    expect(input).toHaveValue('');
  });

  it('keeps a required field’s day when its text is deleted', async () => {
    const { user, value } = renderField('2026-03-05', { required: true });
    const input = await field(/^Дата/);
    expect(input).toBeRequired();
    await user.clear(input);
    expect(value()).toBe('2026-03-05');
    await user.tab();
    expect(input).toHaveValue('05.03.2026');
    expect(screen.queryByRole('button', { name: 'Изчисти датата' })).toBeNull();
  });

  it('refuses a typed day outside its range', async () => {
    const { user, value } = renderField('', { minDate: '2026-03-01', maxDate: '2026-03-31' });
    const input = await field();
    await user.type(input, '01.04.2026');
    expect(value()).toBe('');
    await user.clear(input);
    await user.type(input, '31.03.2026');
    expect(value()).toBe('2026-03-31');
  });

  it('closes only its calendar on Escape inside a dialog; the next Escape closes the dialog', async () => {
    const user = userEvent.setup();
    render(
      <AppProvider queryClient={createQueryClient()}>
        <InDialog />
      </AppProvider>,
    );
    const input = await field();
    await user.click(input);
    expect(await screen.findByRole('button', { name: 'март 2026' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'март 2026' })).toBeNull());
    expect(screen.getByRole('dialog')).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows its error and marks the input invalid', async () => {
    renderField('', { error: 'Изберете дата.' });
    const input = await field();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Изберете дата.');
  });

  // A day picked or typed must be the same day in any browser time zone, including days whose midnight
  // does not exist (São Paulo moved its clocks at 00:00 on 2018-11-04), Sofia's own change to summer time
  // and the zones furthest from UTC either way.
  for (const [tz, before, beforeText, iso, label, text] of [
    ['America/Sao_Paulo', '2018-11-03', '03.11.2018', '2018-11-04', '4 ноември 2018', '04.11.2018'],
    ['Europe/Sofia', '2026-03-28', '28.03.2026', '2026-03-29', '29 март 2026', '29.03.2026'],
    ['Pacific/Kiritimati', '2026-01-01', '01.01.2026', '2026-01-02', '2 януари 2026', '02.01.2026'],
    ['Pacific/Pago_Pago', '2025-12-30', '30.12.2025', '2025-12-31', '31 декември 2025', '31.12.2025'],
  ] as const) {
    it(`keeps the day in the ${tz} time zone`, async () => {
      process.env.TZ = tz;
      // Guards the guard: the browser's (Node's) time zone really is that zone now.
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
      const { user, value } = renderField(before);
      const input = await field();
      expect(input).toHaveValue(beforeText);

      await user.click(input);
      await user.click(await screen.findByRole('button', { name: label }));
      expect(value()).toBe(iso);
      expect(input).toHaveValue(text);

      await user.clear(input);
      await user.type(input, beforeText);
      expect(value()).toBe(before);
      await user.clear(input);
      await user.type(input, text);
      expect(value()).toBe(iso);
      await user.tab();
      expect(input).toHaveValue(text);
    });
  }
});

// Every source file of the SPA, as text (Vite's raw import, as in i18n.test.ts).
const sources = import.meta.glob(['../**/*.tsx', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('date inputs of the SPA', () => {
  it('are all the shared DateField: no browser date input, which shows the browser’s format', () => {
    // Guards the guard: the pages with date fields are among the sources read.
    expect(Object.keys(sources).some((f) => f.endsWith('/committee-page.tsx'))).toBe(true);
    const native = Object.entries(sources)
      .filter(([, text]) => /type\s*=\s*\{?\s*["'](date|datetime-local|month|week)["']/.test(text))
      .map(([file]) => file);
    expect(native).toEqual([]);
  });
});
