import type { ReactNode, Ref } from 'react';
import { Section } from '@/components/section.tsx';

export const SECTIONS = [
  'profile',
  'applications',
  'organizations',
  'password',
  'email',
  'sessions',
  'notifications',
  'data',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** One titled part of the account page, reachable as /account#<id>. */
export function AccountSection(props: {
  id: SectionId;
  title: string;
  /** For moving focus to the heading (it is focusable from script only). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return <Section {...props} anchor />;
}
