import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { theme } from '@/app/provider.tsx';
import { APPLICATION_ID, applicationFixture, completeData } from '@/testing/mocks/fixtures/applications.ts';
import { applicationsApi } from '@/testing/mocks/handlers/applications.ts';
import { renderApp } from '@/testing/render-app.tsx';

/** WCAG 2 relative luminance of `#rrggbb` or `rgb(r, g, b)`. */
function luminance(color: string): number {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const hex = /^#([0-9a-f]{6})$/i.exec(
    short
      ? `#${short
          .slice(1)
          .map((c) => c + c)
          .join('')}`
      : color,
  );
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  const channels = hex
    ? [0, 2, 4].map((i) => Number.parseInt(hex[1]!.slice(i, i + 2), 16))
    : rgb
      ? [rgb[1], rgb[2], rgb[3]].map(Number)
      : undefined;
  if (!channels) throw new Error(`not a colour: ${color}`);
  const [r, g, b] = channels.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

/** The light scheme's CSS variables of our theme, as MantineProvider sets them. */
const variables: Record<string, string> = (() => {
  const resolved = defaultCssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme));
  return { ...resolved.variables, ...resolved.light, '--mantine-color-white': DEFAULT_THEME.white };
})();

/** Resolves a `var(--name)` chain to a colour. */
function resolve(value: string): string {
  let current = value.trim();
  for (let depth = 0; depth < 10; depth++) {
    const ref = /^var\((--[\w-]+)\)$/.exec(current);
    if (!ref) return current;
    const next = variables[ref[1]!];
    if (!next) throw new Error(`no value for ${ref[1]}`);
    current = next.trim();
  }
  throw new Error(`var chain too deep: ${value}`);
}

describe('the step list (issue 11 C13)', () => {
  it('shows the current step with text of at least 4.5:1 contrast, also when hovered', async () => {
    applicationsApi({ apps: [applicationFixture({ data: completeData })] });
    renderApp(`/applications/${APPLICATION_ID}?step=offers`);
    const nav = within(await screen.findByRole('navigation', { name: 'Стъпки на заявлението' }));
    const current = nav.getByRole('button', { name: /^Предлагаме и търсим/ });
    expect(current).toHaveAttribute('aria-current', 'step');
    const text = resolve(current.style.getPropertyValue('--button-color'));
    for (const background of ['--button-bg', '--button-hover']) {
      const bg = resolve(current.style.getPropertyValue(background));
      expect(contrast(text, bg), `${background}: ${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
