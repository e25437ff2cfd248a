import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MeetingsMessages, meetingsBg } from './meetings.bg.ts';
import { meetingsEn } from './meetings.en.ts';

/** The `meetings` section of the messages, registered on evaluation (the meetings pages' loaders import it). */
export const meetingsResources: Record<Language, MeetingsMessages> = { bg: meetingsBg, en: meetingsEn };

for (const [language, meetings] of Object.entries(meetingsResources)) {
  i18n.addResourceBundle(language, 'translation', { meetings }, true, false);
}
