import { LANGUAGES, type Language } from '@portal/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountDataBg } from './account-data.bg.ts';
import { accountDataEn } from './account-data.en.ts';
import { accountDataResources } from './account-data.ts';
import { adminBg } from './admin.bg.ts';
import { adminEn } from './admin.en.ts';
import { adminResources } from './admin.ts';
import { applyBg } from './apply.bg.ts';
import { applyEn } from './apply.en.ts';
import { applyResources } from './apply.ts';
import { bg, type Messages } from './bg.ts';
import { boardBg } from './board.bg.ts';
import { boardEn } from './board.en.ts';
import { boardResources } from './board.ts';
import { bodiesBg } from './bodies.bg.ts';
import { bodiesEn } from './bodies.en.ts';
import { bodiesResources } from './bodies.ts';
import { committeeBg } from './committee.bg.ts';
import { committeeEn } from './committee.en.ts';
import { committeeResources } from './committee.ts';
import { conversationsBg } from './conversations.bg.ts';
import { conversationsEn } from './conversations.en.ts';
import { conversationsResources } from './conversations.ts';
import { dashboardBg } from './dashboard.bg.ts';
import { dashboardEn } from './dashboard.en.ts';
import { dashboardResources } from './dashboard.ts';
import { dateFieldBg } from './date-field.bg.ts';
import { dateFieldEn } from './date-field.en.ts';
import { dateFieldResources } from './date-field.ts';
import { decisionsBg } from './decisions.bg.ts';
import { decisionsEn } from './decisions.en.ts';
import { decisionsResources } from './decisions.ts';
import { en } from './en.ts';
import { feesBg } from './fees.bg.ts';
import { feesEn } from './fees.en.ts';
import { feesResources } from './fees.ts';
import { i18n, loadLanguage } from './index.ts';
import { meetingConductBg } from './meeting-conduct.bg.ts';
import { meetingConductEn } from './meeting-conduct.en.ts';
import { meetingConductResources } from './meeting-conduct.ts';
import { meetingsBg } from './meetings.bg.ts';
import { meetingsEn } from './meetings.en.ts';
import { meetingsResources } from './meetings.ts';
import { membersViewBg } from './members-view.bg.ts';
import { membersViewEn } from './members-view.en.ts';
import { membersViewResources } from './members-view.ts';
import { membershipsBg } from './memberships.bg.ts';
import { membershipsEn } from './memberships.en.ts';
import { membershipsResources } from './memberships.ts';
import { minutesBg } from './minutes.bg.ts';
import { minutesEn } from './minutes.en.ts';
import { minutesResources } from './minutes.ts';
import { myOrganizationBg } from './my-organization.bg.ts';
import { myOrganizationEn } from './my-organization.en.ts';
import { myOrganizationResources } from './my-organization.ts';
import { newsBg } from './news.bg.ts';
import { newsEn } from './news.en.ts';
import { newsResources } from './news.ts';
import { projectsBg } from './projects.bg.ts';
import { projectsEn } from './projects.en.ts';
import { projectsResources } from './projects.ts';
import { readinessBg } from './readiness.bg.ts';
import { readinessEn } from './readiness.en.ts';
import { readinessResources } from './readiness.ts';
import { resourcesBg } from './resources.bg.ts';
import { resourcesEn } from './resources.en.ts';
import { resourcesResources } from './resources.ts';
import { strategyBg } from './strategy.bg.ts';
import { strategyEn } from './strategy.en.ts';
import { strategyResources } from './strategy.ts';
import { suggestionsBg } from './suggestions.bg.ts';
import { suggestionsEn } from './suggestions.en.ts';
import { suggestionsResources } from './suggestions.ts';

// The whole message tree of each language: the shell's texts plus the lazily registered `admin` section.
const messages: Record<Language, Messages> = {
  bg: {
    ...bg,
    accountData: accountDataBg,
    admin: adminBg,
    apply: applyBg,
    board: boardBg,
    committee: committeeBg,
    conversations: conversationsBg,
    dateField: dateFieldBg,
    decisions: decisionsBg,
    memberships: membershipsBg,
    fees: feesBg,
    suggestions: suggestionsBg,
    dashboard: dashboardBg,
    myOrganization: myOrganizationBg,
    membersView: membersViewBg,
    resources: resourcesBg,
    projects: projectsBg,
    bodies: bodiesBg,
    meetingConduct: meetingConductBg,
    minutes: minutesBg,
    news: newsBg,
    meetings: meetingsBg,
    strategy: strategyBg,
    readiness: readinessBg,
  },
  en: {
    ...en,
    accountData: accountDataEn,
    admin: adminEn,
    apply: applyEn,
    board: boardEn,
    committee: committeeEn,
    conversations: conversationsEn,
    dateField: dateFieldEn,
    decisions: decisionsEn,
    memberships: membershipsEn,
    fees: feesEn,
    suggestions: suggestionsEn,
    dashboard: dashboardEn,
    myOrganization: myOrganizationEn,
    membersView: membersViewEn,
    resources: resourcesEn,
    projects: projectsEn,
    bodies: bodiesEn,
    meetingConduct: meetingConductEn,
    minutes: minutesEn,
    news: newsEn,
    meetings: meetingsEn,
    strategy: strategyEn,
    readiness: readinessEn,
  },
};

/** Every leaf key of a resource tree, dotted (`directory.sort.-name`). */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The key a plural form belongs to: `found_one` and `found_other` are both uses of `found`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

// All source files of the SPA, as text (Vite's raw import: no file-system access needed).
const sources = import.meta.glob(
  ['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../i18n/*.ts', '!../testing/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

describe('translations', () => {
  // The shell bundles Bulgarian only; the English shell texts load on demand (lazy-language.test.tsx).
  beforeAll(() => loadLanguage('en'));

  it('has every Bulgarian text in English too, and no English text without a Bulgarian one', () => {
    const bgKeys = leafKeys(messages.bg).sort();
    const enKeys = leafKeys(messages.en).sort();
    expect(bgKeys.filter((k) => k.startsWith('admin.')).length).toBeGreaterThan(50);
    expect(enKeys.filter((k) => !bgKeys.includes(k))).toEqual([]);
    expect(bgKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty text in either language', () => {
    // Through i18n, so the admin texts are checked as registered by admin.ts (imported above).
    for (const [language, tree] of Object.entries(messages)) {
      const empty = leafKeys(tree).filter(
        (key) =>
          !i18n
            .getFixedT(language)(key as 'nav.home')
            .trim(),
      );
      expect(empty, language).toEqual([]);
    }
  });

  it('defines every key a component asks for with a literal t("…") call', () => {
    const known = new Set(leafKeys(messages.bg).map((k) => k.replace(PLURAL_SUFFIX, '')));
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/\bt\(\s*'([^'`$]+)'/g)) used.add(match[1] ?? '');
    }
    // Guards the guard: if the pattern stopped matching, this test would pass vacuously.
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
  });

  it('registers the admin texts of every language from admin.ts, next to the shell texts', () => {
    for (const language of LANGUAGES) {
      expect(i18n.getResourceBundle(language, 'translation'), language).toMatchObject({
        admin: adminResources[language],
      });
    }
    for (const language of LANGUAGES) {
      expect(i18n.getResourceBundle(language, 'translation'), language).toMatchObject({
        apply: applyResources[language],
      });
    }
    for (const language of LANGUAGES) {
      expect(i18n.getResourceBundle(language, 'translation'), language).toMatchObject({
        board: boardResources[language],
        committee: committeeResources[language],
        dateField: dateFieldResources[language],
        decisions: decisionsResources[language],
        conversations: conversationsResources[language],
        memberships: membershipsResources[language],
        fees: feesResources[language],
        suggestions: suggestionsResources[language],
        dashboard: dashboardResources[language],
        myOrganization: myOrganizationResources[language],
        membersView: membersViewResources[language],
        accountData: accountDataResources[language],
        resources: resourcesResources[language],
        projects: projectsResources[language],
        bodies: bodiesResources[language],
        meetingConduct: meetingConductResources[language],
        minutes: minutesResources[language],
        news: newsResources[language],
        meetings: meetingsResources[language],
        strategy: strategyResources[language],
        readiness: readinessResources[language],
      });
    }
    expect(i18n.getFixedT('bg')('admin.nav.users')).toBe('Потребители');
    expect(i18n.getFixedT('en')('admin.nav.users')).toBe('Users');
    // The shell's texts survive the merge.
    expect(i18n.getResourceBundle('en', 'translation')).toMatchObject(en);
    expect(i18n.getFixedT('en')('nav.members')).toBe('Members');
  });

  it('formats counts with the plural form of each language', () => {
    expect(i18n.getFixedT('bg')('directory.found', { count: 1 })).toBe('Намерен: 1 член');
    expect(i18n.getFixedT('bg')('directory.found', { count: 12 })).toBe('Намерени: 12 члена');
    // A masculine noun after a number takes its count form („21 члена“, „14 потребителя“), never „членове“.
    expect(i18n.getFixedT('bg')('home.totalMembers', { count: 21 })).toBe('21 члена');
    expect(i18n.getFixedT('en')('directory.found', { count: 1 })).toBe('1 member found');
    expect(i18n.getFixedT('en')('directory.found', { count: 1234 })).toBe('1,234 members found');
  });
});
