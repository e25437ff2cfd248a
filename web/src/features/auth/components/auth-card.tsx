import { Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { usePageTitle } from '@/components/page-title.tsx';

/** The narrow frame of the log-in, sign-up and emailed-link pages: title, optional intro, content. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack maw={460} mx="auto" gap="lg">
      <div>
        <Title order={1}>{title}</Title>
        {intro ? (
          <Text c="dimmed" mt="xs">
            {intro}
          </Text>
        ) : null}
      </div>
      <Paper withBorder p={{ base: 'md', xs: 'lg' }}>
        {children}
      </Paper>
    </Stack>
  );
}

/**
 * The outcome of an action that replaces its form (sent, confirmed, invalid link). Focus moves to its
 * heading so screen readers announce it and keyboard users continue from there.
 */
export function ResultPanel({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
