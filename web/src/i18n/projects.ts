import type { Language } from '@portal/shared';
import { i18n } from './index.ts';
import { type ProjectsMessages, projectsBg } from './projects.bg.ts';
import { projectsEn } from './projects.en.ts';

/**
 * The `projects` section of the messages (joint projects and consortia), registered on evaluation like
 * resources.ts: the loaders of those pages import this module, so the shell does not bundle it.
 */
export const projectsResources: Record<Language, ProjectsMessages> = { bg: projectsBg, en: projectsEn };

for (const [language, projects] of Object.entries(projectsResources)) {
  i18n.addResourceBundle(language, 'translation', { projects }, true, false);
}
