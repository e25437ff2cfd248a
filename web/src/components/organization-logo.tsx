import { useTranslation } from 'react-i18next';

/**
 * An organisation's logo from its versioned URL (cached for ever), in a square box of `size` px: the
 * box is reserved before it loads (no layout shift) and the picture keeps its proportions inside it.
 * `eager` for a logo on the first screen (the first cards of a list, a profile's header); the others load
 * as they scroll into view.
 */
export function OrganizationLogo({
  url,
  name,
  size,
  eager = false,
}: {
  url: string;
  name: string;
  size: number;
  eager?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <img
      src={url}
      alt={t('profile.logoAlt', { name })}
      width={size}
      height={size}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      style={{ objectFit: 'contain', flex: 'none', width: size, height: size }}
    />
  );
}

/** Up to two initials of a name: the first letters (or digits) of its first two words, quotes skipped. */
export function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  return words
    .slice(0, 2)
    .map((w) => (w[0] as string).toLocaleUpperCase())
    .join('');
}

/**
 * The logo in its `size` px box, or — without a logo — the name's initials in a box of the same size, so
 * every card and header lines up the same way. The initials are decorative (the name is next to them).
 */
export function OrganizationAvatar({
  url,
  name,
  size,
  eager = false,
}: {
  url: string | null;
  name: string;
  size: number;
  eager?: boolean;
}) {
  if (url) return <OrganizationLogo url={url} name={name} size={size} eager={eager} />;
  return (
    <span
      aria-hidden="true"
      data-testid="organization-initials"
      className="organization-initials"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.38) }}
    >
      {initialsOf(name)}
    </span>
  );
}
