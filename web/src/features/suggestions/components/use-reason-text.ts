import { type SuggestionReason, suggestionReasonText } from '@portal/shared';
import { useMemo } from 'react';
import { useAreas } from '@/lib/api/areas.ts';
import { useLanguage } from '@/lib/localized.ts';

/** Words a reason in the reader's language, with the area names of the taxonomy (a code until they load). */
export function useReasonText(): (reason: SuggestionReason) => string {
  const language = useLanguage();
  const areas = useAreas();
  return useMemo(() => {
    const byId = new Map((areas.data?.items ?? []).map((a) => [a.id, { bg: a.nameBg, en: a.nameEn }]));
    return (reason: SuggestionReason) =>
      suggestionReasonText(reason, { area: (code) => byId.get(code) })[language];
  }, [areas.data, language]);
}
