import { Anchor, Box, Burger, Container, Drawer, Group, Indicator, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch.tsx';
import { SiteNameContext } from '@/components/page-title.tsx';
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

/** The main navigation's links: a row in the header, a column in the phone's menu. */
function MainLinks({
  showsCommittee,
  showsResources,
  showsAdministration,
  showsBoard,
  vertical = false,
}: {
  showsCommittee: boolean;
  showsResources: boolean;
  showsAdministration: boolean;
  showsBoard: boolean;
  vertical?: boolean;
}) {
  const showsProjects = useCan('projects.view');
  const { t } = useTranslation();
  // Members, the committee and administrators; a named position holder finds their meetings in the email.
  const showsMeetings = useCan('meetings.view');
  const { pathname } = useLocation();
  const List = vertical ? Stack : Group;
  return (
    <List component="ul" gap={4} className="plain-list">
      <li>
        <NavLink to={paths.home.href()} end className="nav-link">
          {t('nav.home')}
        </NavLink>
      </li>
      <li>
        <NavLink to={paths.members.href()} className="nav-link">
          {t('nav.members')}
        </NavLink>
      </li>
      <li>
        {showsBoard ? (
          <NavLink to={paths.board.href()} className="nav-link">
            {t('nav.board')}
          </NavLink>
        ) : (
          <NavLink to={paths.cooperation.href()} className="nav-link">
            {t('nav.cooperation')}
          </NavLink>
        )}
      </li>
      <li>
        <NavLink to={paths.news.href()} className="nav-link">
          {t('nav.news')}
        </NavLink>
      </li>
      <li>
        <NavLink to={paths.calls.href()} className="nav-link">
          {t('nav.calls')}
        </NavLink>
      </li>
      <li>
        <NavLink to={paths.decisions.href()} className="nav-link">
          {t('nav.decisions')}
        </NavLink>
      </li>
      <li>
        <NavLink to={paths.strategy.href()} className="nav-link">
          {t('nav.strategy')}
        </NavLink>
      </li>
      {showsMeetings ? (
        <li>
          <NavLink to={paths.meetings.href()} className="nav-link">
            {t('nav.meetings')}
          </NavLink>
        </li>
      ) : null}
      <ConversationsItem />
      {showsResources ? (
        <li>
          <NavLink to={paths.resources.href()} className="nav-link">
            {t('nav.resources')}
          </NavLink>
        </li>
      ) : null}
      {showsProjects ? (
        <li>
          <NavLink to={paths.projects.href()} className="nav-link">
            {t('nav.projects')}
          </NavLink>
        </li>
      ) : null}
      {showsCommittee ? (
        <li>
          {/* Current on an application's page too (NavLink matches the paths below it). */}
          <NavLink to={paths.committee.href()} className="nav-link">
            {t('nav.committee')}
          </NavLink>
        </li>
      ) : null}
      {showsAdministration ? (
        <li>
          {/* Current on every administration page, not only the users list it opens. */}
          <Link
            to={paths.adminUsers.href()}
            className="nav-link"
            aria-current={pathname.startsWith('/admin') ? 'page' : undefined}
          >
            {t('auth.header.admin')}
          </Link>
        </li>
      ) : null}
    </List>
  );
}

/** The conversations link with its unread badge, for representatives only (an empty item otherwise). */
function ConversationsItem() {
  const shows = useCan('conversations.use');
  return shows ? (
    <li>
      <ConversationsNavLink />
    </li>
  ) : null;
}
