import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type MeetingConductMessages, meetingConductBg } from './meeting-conduct.bg.ts';
import { meetingConductEn } from './meeting-conduct.en.ts';

/** The `meetingConduct` section of the messages, registered on evaluation like decisions.ts. */
export const meetingConductResources: Record<Language, MeetingConductMessages> = {
  bg: meetingConductBg,
  en: meetingConductEn,
};

for (const [language, meetingConduct] of Object.entries(meetingConductResources)) {
  i18n.addResourceBundle(language, 'translation', { meetingConduct }, true, false);
}
