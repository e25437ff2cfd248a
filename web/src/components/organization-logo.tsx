import { useTranslation } from 'react-i18next';

/**
 * An organisation's logo from its versioned URL (cached for ever), in a square box of `size` px: the
 * box is reserved before it loads (no layout shift) and the picture keeps its proportions inside it.
 */
export function OrganizationLogo({ url, name, size }: { url: string; name: string; size: number }) {
  const { t } = useTranslation();
  return (
    <img
      src={url}
      alt={t('profile.logoAlt', { name })}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      style={{ objectFit: 'contain', flex: 'none' }}
    />
  );
}
