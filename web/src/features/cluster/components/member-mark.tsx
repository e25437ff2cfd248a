import { VisuallyHidden } from '@mantine/core';
import type { HomeMember } from '@portal/shared';
import { Link } from 'react-router';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

/**
 * Light backgrounds (shade 0) and dark letters (shade 9) from Mantine's palette, one per member: only the
 * palettes whose pair stays above WCAG AA's 4.5:1 (orange, lime and yellow do not; Lighthouse, issue 17).
 */
const TINTS = ['indigo', 'teal', 'grape', 'cyan', 'pink', 'blue', 'violet'] as const;

/** Stable for a member: the same colour on every visit and in every list. */
function tintOf(id: string): (typeof TINTS)[number] {
  let sum = 0;
  for (const ch of id) sum = (sum * 31 + ch.charCodeAt(0)) >>> 0;
  return TINTS[sum % TINTS.length]!;
}

/** Legal forms that say nothing about who the member is. */
const LEGAL_FORMS = /^(ЕТ|ООД|ЕООД|АД|ЕАД|КД|СД|ЕТ\.|Ltd\.?|LTD|JSC|LLC|GmbH|AB|OOD|EOOD|AD|EAD|Inc\.?)$/u;

/**
 * Two letters for a member without a logo: the first letters of its first two words that carry meaning
 * (three letters or more, not a legal form): `Балкан Софтуер Системс` → `БС`, `Институт по изчислителни
 * науки` → `ИИ`, `ЕТ Мартин Стоянов – Уеб Занаят` → `МС`; a one-word name gives its first two letters.
 */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[„“"'«»()–—-]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w) && w.length >= 3 && !LEGAL_FORMS.test(w));
  const letters =
    words.length >= 2
      ? `${words[0]!.charAt(0)}${words[1]!.charAt(0)}`
      : (words[0] ?? name.trim()).slice(0, 2);
  return letters.toUpperCase();
}

/**
 * A member as a fixed square linking to its public profile: its logo (versioned URL, `size` px box, the
 * picture kept in proportion inside) or its initials on a colour of its own. The link's text is the
 * member's name (visually hidden), so a screen reader hears the name, not "logo" or the initials.
 */
export function MemberMark({ member, eager = false }: { member: HomeMember; eager?: boolean }) {
  const language = useLanguage();
  const name = pickLocalized(member.nameBg, member.nameEn, language);
  const tint = tintOf(member.id);
  return (
    <Link
      to={paths.member.href(member.id)}
      className={member.logoUrl ? 'member-mark' : 'member-mark member-mark-initials'}
      title={name.text}
      style={
        member.logoUrl
          ? undefined
          : {
              background: `var(--mantine-color-${tint}-0)`,
              color: `var(--mantine-color-${tint}-9)`,
            }
      }
    >
      {member.logoUrl ? (
        <img
          src={member.logoUrl}
          alt=""
          width={64}
          height={64}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
        />
      ) : (
        <span aria-hidden="true">{initialsOf(name.text)}</span>
      )}
      {/* The name as the link's text, not an aria-label that the visible initials would contradict (WCAG 2.5.3). */}
      <VisuallyHidden lang={name.lang}>{name.text}</VisuallyHidden>
    </Link>
  );
}
