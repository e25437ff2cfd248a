import {
  Anchor,
  Box,
  Burger,
  Container,
  Drawer,
  Group,
  Indicator,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useClickOutside, useDisclosure } from '@mantine/hooks';
import { type ReactNode, Suspense, useContext, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch.tsx';
import { HeadCollector, SiteNameContext } from '@/components/page-title.tsx';
import { UserArea, useShowsAdministration } from '@/features/auth/components/user-area.tsx';
import { useCluster } from '@/features/cluster/api/cluster.ts';
import { ConversationsNavLink, useUnreadTotal } from '@/features/conversations/components/unread-link.tsx';
import { useCan } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

export const MAIN_CONTENT_ID = 'main-content';

/** Header (brand, navigation, language switch), main landmark and footer around every page. */
export function AppLayout() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { key: locationKey } = useLocation();
  const cluster = useCluster();
  const showsAdministration = useShowsAdministration();
  const showsCommittee = useCan('application.review');
  const unread = useUnreadTotal();
  // Members (and the committee) read the board; everyone else is shown its public teaser.
  const showsBoard = useCan('board.view');
  const showsResources = useCan('resources.view');
  const [menuOpened, menu] = useDisclosure(false);
  // Following a link in the phone's menu closes it, also a link to the page already shown (a new
  // navigation, with a new location key, to the same path).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => menu.close(), [locationKey]);
  const siteName = cluster.data
    ? pickLocalized(cluster.data.nameBg, cluster.data.nameEn, language).text
    : undefined;
  // On the server, the site's name and tagline head every page (title, link previews).
  const collectHead = useContext(HeadCollector);
  if (collectHead && cluster.data) {
    collectHead({
      siteName,
      siteDescription:
        pickLocalized(cluster.data.taglineBg, cluster.data.taglineEn, language).text ||
        t('layout.defaultDescription'),
    });
  }

  return (
    <SiteNameContext.Provider value={siteName}>
      <div className="app-shell">
        <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
          {t('layout.skipToContent')}
        </a>
        <header style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="lg" py="sm">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Anchor
                component={Link}
                to={paths.home.href()}
                c="inherit"
                underline="never"
                fw={700}
                size="lg"
              >
                {siteName ?? t('layout.portal')}
              </Anchor>
              <Group gap="sm" wrap="wrap">
                <Box component="nav" aria-label={t('layout.mainNavigation')} visibleFrom="sm">
                  <MainLinks
                    showsCommittee={showsCommittee}
                    showsAdministration={showsAdministration}
                    showsBoard={showsBoard}
                    showsResources={showsResources}
                    unread={unread}
                  />
                </Box>
                <LanguageSwitch />
                <Box visibleFrom="sm">
                  <UserArea />
                </Box>
                {/* A phone: the brand, the language and a menu button; the links and the account open in a
                    drawer, so the header stays one line. */}
                {/* Unread messages show as a dot on the menu button, since the link is in the drawer. */}
                <Indicator color="red" size={10} offset={4} disabled={unread === 0} hiddenFrom="sm">
                  <Burger
                    opened={menuOpened}
                    onClick={menu.toggle}
                    size="sm"
                    aria-label={unread > 0 ? t('layout.menuUnread', { count: unread }) : t('layout.menu')}
                    aria-expanded={menuOpened}
                    aria-controls="main-menu"
                  />
                </Indicator>
              </Group>
            </Group>
          </Container>
        </header>
        <Drawer
          id="main-menu"
          opened={menuOpened}
          onClose={menu.close}
          position="right"
          size="xs"
          title={t('layout.menu')}
          hiddenFrom="sm"
        >
          <Stack gap="lg">
            <nav aria-label={t('layout.mainNavigation')}>
              <MainLinks
                showsCommittee={showsCommittee}
                showsAdministration={showsAdministration}
                showsBoard={showsBoard}
                showsResources={showsResources}
                unread={unread}
                vertical
              />
            </nav>
            <UserArea />
          </Stack>
        </Drawer>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="app-main">
          <Container size="lg" py="xl">
            <Suspense fallback={<Text c="dimmed">{t('common.loading')}</Text>}>
              <Outlet />
            </Suspense>
          </Container>
        </main>
        <footer style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="lg" py="md">
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed">
                © {new Date().getFullYear()} {siteName ?? ''} · {t('layout.footer')}
              </Text>
              <nav aria-label={t('layout.footerNavigation')}>
                <Group component="ul" gap="md" className="plain-list">
                  <li>
                    <Anchor component={Link} to={paths.bodies.href()} size="sm">
                      {t('sitePages.bodies')}
                    </Anchor>
                  </li>
                  <li>
                    <Anchor component={Link} to={paths.figures.href()} size="sm">
                      {t('sitePages.figures')}
                    </Anchor>
                  </li>
                  <li>
                    <Anchor component={Link} to={paths.publicMinutes.href()} size="sm">
                      {t('sitePages.minutes')}
                    </Anchor>
                  </li>
                  <li>
                    <Anchor component={Link} to={paths.statute.href()} size="sm">
                      {t('sitePages.statute')}
                    </Anchor>
                  </li>
                  <li>
                    <Anchor component={Link} to={paths.privacy.href()} size="sm">
                      {t('sitePages.privacy')}
                    </Anchor>
                  </li>
                  <li>
                    <Anchor component={Link} to={paths.contact.href()} size="sm">
                      {t('sitePages.contact')}
                    </Anchor>
                  </li>
                </Group>
              </nav>
            </Group>
          </Container>
        </footer>
      </div>
      <ScrollRestoration />
    </SiteNameContext.Provider>
  );
}

/** One entry of the main navigation: its link, or (the conversations) the element that renders it. */
interface NavEntry {
  key: string;
  to: string;
  label: string;
  /** Current on every page under this prefix too (e.g. all administration pages). */
  currentPrefix?: string;
  end?: boolean;
  /** Renders the item itself (the conversations link with its unread badge). */
  element?: ReactNode;
}

/** A heading over some entries: a drop-down in the header, a labelled section in the phone's menu. */
interface NavGroupModel {
  key: string;
  label: string;
  entries: NavEntry[];
  /** Unread messages among the group's entries: a dot on the closed group's button. */
  unread?: number;
}

/**
 * The main navigation's links: a row in the header, a column in the phone's menu. With all features a
 * member's ~13 links wrapped to a second row at 1280 px, so cooperation (board, calls, projects, resources,
 * conversations) and the cluster's governance (decisions, strategy, meetings) are grouped when a group
 * holds three links or more; fewer (a visitor's) stay flat links. In the header a group is a disclosure
 * (a button that shows its links, the pattern WAI-ARIA recommends for site navigation: the links stay
 * links, Tab reaches them, Escape closes and returns to the button); in the phone's menu every link is
 * shown under its group's heading.
 */
function MainLinks({
  showsCommittee,
  showsResources,
  showsAdministration,
  showsBoard,
  unread,
  vertical = false,
}: {
  showsCommittee: boolean;
  showsResources: boolean;
  showsAdministration: boolean;
  showsBoard: boolean;
  unread: number;
  vertical?: boolean;
}) {
  const showsProjects = useCan('projects.view');
  const showsConversations = useCan('conversations.use');
  const { t } = useTranslation();
  // Members, the committee and administrators; a named position holder finds their meetings in the email.
  const showsMeetings = useCan('meetings.view');
  const cooperation: NavEntry[] = [
    showsBoard
      ? { key: 'board', to: paths.board.href(), label: t('nav.board') }
      : { key: 'cooperation', to: paths.cooperation.href(), label: t('nav.cooperation') },
    { key: 'calls', to: paths.calls.href(), label: t('nav.calls') },
    ...(showsProjects ? [{ key: 'projects', to: paths.projects.href(), label: t('nav.projects') }] : []),
    ...(showsResources ? [{ key: 'resources', to: paths.resources.href(), label: t('nav.resources') }] : []),
    ...(showsConversations
      ? [
          {
            key: 'conversations',
            to: paths.conversations.href(),
            label: t('nav.conversations'),
            element: <ConversationsNavLink />,
          },
        ]
      : []),
  ];
  const governance: NavEntry[] = [
    { key: 'decisions', to: paths.decisions.href(), label: t('nav.decisions') },
    { key: 'strategy', to: paths.strategy.href(), label: t('nav.strategy') },
    ...(showsMeetings ? [{ key: 'meetings', to: paths.meetings.href(), label: t('nav.meetings') }] : []),
  ];
  const items: (NavEntry | NavGroupModel)[] = [
    { key: 'home', to: paths.home.href(), label: t('nav.home'), end: true },
    { key: 'members', to: paths.members.href(), label: t('nav.members') },
    { key: 'news', to: paths.news.href(), label: t('nav.news') },
    ...grouped({
      key: 'cooperation-group',
      label: t('nav.groups.cooperation'),
      entries: cooperation,
      unread,
    }),
    ...grouped({ key: 'governance-group', label: t('nav.groups.governance'), entries: governance }),
    // By role, kept in the row so the committee and the administrators reach their work in one click.
    ...(showsCommittee
      ? // Current on an application's page too (NavLink matches the paths below it).
        [{ key: 'committee', to: paths.committee.href(), label: t('nav.committee') }]
      : []),
    ...(showsAdministration
      ? // Current on every administration page, not only the users list it opens.
        [
          {
            key: 'admin',
            to: paths.adminUsers.href(),
            label: t('auth.header.admin'),
            currentPrefix: '/admin',
          },
        ]
      : []),
  ];
  const List = vertical ? Stack : Group;
  return (
    <List component="ul" gap={vertical ? 'xs' : 4} className="plain-list">
      {items.map((item) =>
        'entries' in item ? (
          <li key={item.key}>{vertical ? <NavSection group={item} /> : <NavDisclosure group={item} />}</li>
        ) : (
          <li key={item.key}>
            <NavEntryLink entry={item} />
          </li>
        ),
      )}
    </List>
  );
}

/** A group of three links or more; fewer are shown as plain links. */
function grouped(group: NavGroupModel): (NavEntry | NavGroupModel)[] {
  return group.entries.length >= 3 ? [group] : group.entries;
}

function NavEntryLink({ entry }: { entry: NavEntry }) {
  const { pathname } = useLocation();
  if (entry.element) return <>{entry.element}</>;
  if (entry.currentPrefix) {
    return (
      <Link
        to={entry.to}
        className="nav-link"
        aria-current={pathname.startsWith(entry.currentPrefix) ? 'page' : undefined}
      >
        {entry.label}
      </Link>
    );
  }
  return (
    <NavLink to={entry.to} end={entry.end} className="nav-link">
      {entry.label}
    </NavLink>
  );
}

/** Whether the page shown is one of the group's (its button is then marked like a current link). */
function useGroupCurrent(group: NavGroupModel): boolean {
  const { pathname } = useLocation();
  return group.entries.some((e) => pathname === e.to || pathname.startsWith(`${e.to}/`));
}

/** The phone's menu: the group's heading and its links below it, all shown. */
function NavSection({ group }: { group: NavGroupModel }) {
  const id = useId();
  return (
    <Box mt={4}>
      <Text id={id} size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" mb={2}>
        {group.label}
      </Text>
      <Stack component="ul" gap={4} className="plain-list" aria-labelledby={id} pl="xs">
        {group.entries.map((entry) => (
          <li key={entry.key}>
            <NavEntryLink entry={entry} />
          </li>
        ))}
      </Stack>
    </Box>
  );
}

/**
 * The header's group: a button (aria-expanded) that shows its links below it. Closes on Escape (focus back
 * on the button), on a click elsewhere, when the focus leaves the group and on each navigation.
 */
function NavDisclosure({ group }: { group: NavGroupModel }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { key: locationKey } = useLocation();
  const current = useGroupCurrent(group);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useClickOutside<HTMLDivElement>(() => setOpened(false));
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => setOpened(false), [locationKey]);
  const unread = group.unread ?? 0;
  return (
    <Box
      ref={root}
      pos="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && opened) {
          event.stopPropagation();
          setOpened(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpened(false);
      }}
    >
      <Indicator color="red" size={8} offset={4} disabled={unread === 0 || opened}>
        <UnstyledButton
          ref={button}
          className="nav-link"
          aria-expanded={opened}
          aria-controls={listId}
          // Like a current link when the page shown is one of the group's.
          data-current={current || undefined}
          aria-label={unread > 0 ? t('nav.groupUnread', { group: group.label, count: unread }) : undefined}
          onClick={() => setOpened((o) => !o)}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {group.label}
          <svg
            width={12}
            height={12}
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.5}
            aria-hidden="true"
            style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 120ms' }}
          >
            <path d="M6 9l6 6 6-6" />
          </svg>
        </UnstyledButton>
      </Indicator>
      <Paper
        id={listId}
        // Mantine's Paper sets `display`, which would win over the bare `hidden` attribute.
        hidden={!opened}
        display={opened ? 'block' : 'none'}
        shadow="md"
        withBorder
        p={4}
        pos="absolute"
        top="calc(100% + 4px)"
        left={0}
        style={{ zIndex: 'var(--mantine-z-index-popover)', minWidth: '100%' }}
      >
        <Stack component="ul" gap={2} className="plain-list">
          {group.entries.map((entry) => (
            <li key={entry.key}>
              <NavEntryLink entry={entry} />
            </li>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}
