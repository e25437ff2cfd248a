import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

/** One titled part of a user's page. */
export function Section({
  id,
  title,
  headingRef,
  anchor = false,
  children,
}: {
  id: string;
  title: string;
  /** The section itself carries `id`, so a link can reach it as `#<id>`. */
  anchor?: boolean;
  /** For moving focus to the heading after the focused control went away (focusable from script only). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <Paper
      component="section"
      {...(anchor ? { id } : {})}
      withBorder
      p={{ base: 'md', xs: 'lg' }}
      aria-labelledby={`${id}-title`}
    >
      <Stack gap="md">
        <Title
          order={2}
          size="h3"
          id={`${id}-title`}
          ref={headingRef}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
