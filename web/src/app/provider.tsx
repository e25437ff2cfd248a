import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '@/i18n/index.ts';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white-on-primary and primary-on-white text above the WCAG AA 4.5:1 contrast ratio.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  // Keyboard users always see where they are (WCAG 2.4.7); mouse clicks do not leave rings.
  focusRing: 'auto',
});

// Mantine's default dimmed grey (gray-6) is 3.3:1 on white and its field-error red (red-6) 3.3:1;
// gray-7 and red-9 pass WCAG AA.
// The text of light-variant badges and alerts (`--mantine-color-<c>-light-color`, shade 6–8 by default) is
// below 4.5:1 on its tinted background for most palettes (Lighthouse, issue 17): shade 9 darkened a quarter.
const LIGHT_COLORS = [
  'gray',
  'red',
  'pink',
  'grape',
  'violet',
  'indigo',
  'blue',
  'cyan',
  'teal',
  'green',
  'lime',
  'yellow',
  'orange',
] as const;
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      LIGHT_COLORS.map((color) => [
        `--mantine-color-${color}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${color}-9), black 25%)`,
      ]),
    ),
  },
  dark: {},
});

// Component tests (Vitest sets MODE to 'test') run Mantine in its test environment: no transitions and
// no portals, so a dialog's text is in the document the moment it opens, whatever the machine's load
// (issue 11 E: a confirmation dialog was still fading in when `toBeVisible()` ran).
const mantineEnv = import.meta.env.MODE === 'test' ? 'test' : 'default';

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="light"
        cssVariablesResolver={cssVariablesResolver}
        env={mantineEnv}
      >
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
