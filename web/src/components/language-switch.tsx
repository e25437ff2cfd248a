import { Button, Group, VisuallyHidden } from '@mantine/core';
import { LANGUAGES } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '@/i18n/index.ts';
import { useLanguage } from '@/lib/localized.ts';

/** БГ / EN toggle buttons; the pressed one is the current language. Each is named in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <Group gap={4} role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="compact-sm"
          variant={language === current ? 'filled' : 'subtle'}
          aria-pressed={language === current}
          title={t(`language.${language}.name`)}
          lang={language}
          onClick={() => void setLanguage(language)}
        >
          {/* The accessible name starts with the visible text (WCAG 2.5.3), then says it in full. */}
          {t(`language.${language}.short`)}
          <VisuallyHidden> {t(`language.${language}.name`)}</VisuallyHidden>
        </Button>
      ))}
    </Group>
  );
}
