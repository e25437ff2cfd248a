import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';

export const SECTIONS = [
  'profile',
  'applications',
  'organizations',
  'password',
  'email',
  'sessions',
  'data',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** One titled part of the account page, reachable as /account#<id>. */
export function AccountSection({
  id,
  title,
  headingRef,
  children,
}: {
  id: SectionId;
  title: string;
  /** For moving focus to the heading (it is focusable from script only). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <Paper
      component="section"
      id={id}
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
