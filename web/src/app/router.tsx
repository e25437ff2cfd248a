import { isPublicPagePath } from '@portal/shared';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '@/features/auth/components/require-auth.tsx';
import { paths } from '@/lib/paths.ts';
import { AppLayout } from './layout.tsx';
import { RouteError } from './routes/route-error.tsx';

/**
 * The lazy loader of an administration page: the page's module and the `admin` texts (@/i18n/admin.ts
 * registers them on evaluation; the shell does not bundle them) load in parallel, before the first render.
 */
function adminPage<M>(load: () => Promise<M>, component: (module: M) => ComponentType) {
  return () =>
    Promise.all([load(), import('@/i18n/admin.ts')]).then(([module]) => ({ Component: component(module) }));
}

/**
 * The lazy loader of a committee page: the page's module with the `committee` texts and the `admin` texts
 * of the administration parts it reuses (lists, sections, confirmations).
 */
function committeePage<M>(load: () => Promise<M>, component: (module: M) => ComponentType) {
  return () =>
    Promise.all([load(), import('@/i18n/committee.ts'), import('@/i18n/admin.ts')]).then(([module]) => ({
      Component: component(module),
    }));
}

/**
 * The lazy loader of a board page: the page's module with the `board` texts and the `admin` texts of the
 * list parts it reuses (paged list).
 */
function boardPage<M>(load: () => Promise<M>, component: (module: M) => ComponentType) {
  return () =>
    Promise.all([load(), import('@/i18n/board.ts'), import('@/i18n/admin.ts')]).then(([module]) => ({
      Component: component(module),
    }));
}

/** The lazy loader of a news page: the page's module with the `news` texts. */
function newsPage<M>(load: () => Promise<M>, component: (module: M) => ComponentType) {
  return () =>
    Promise.all([load(), import('@/i18n/news.ts')]).then(([module]) => ({ Component: component(module) }));
}

/** Pages load lazily, so the first visit downloads only the page it shows. */
export const routes: RouteObject[] = [
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: () => null,
    children: [
      {
        path: paths.home.path,
        lazy: () =>
          import('@/features/cluster/components/home-page.tsx').then((m) => ({ Component: m.HomePage })),
      },
      {
        path: paths.statute.path,
        lazy: () =>
          import('@/features/site-pages/components/site-page.tsx').then((m) => ({
            Component: m.StatutePage,
          })),
      },
      {
        path: paths.privacy.path,
        lazy: () =>
          import('@/features/site-pages/components/site-page.tsx').then((m) => ({
            Component: m.PrivacyPage,
          })),
      },
      {
        path: paths.contact.path,
        lazy: () =>
          import('@/features/site-pages/components/site-page.tsx').then((m) => ({
            Component: m.ContactPage,
          })),
      },
      {
        path: paths.bodies.path,
        lazy: () =>
          Promise.all([
            import('@/features/bodies/components/bodies-page.tsx'),
            import('@/i18n/bodies.ts'),
          ]).then(([m]) => ({ Component: m.BodiesPage })),
      },
      // The cluster's strategy with its indicators (issue 16 §1): anyone.
      {
        path: paths.strategy.path,
        lazy: () =>
          Promise.all([
            import('@/features/strategy/components/strategy-page.tsx'),
            import('@/i18n/strategy.ts'),
          ]).then(([m]) => ({ Component: m.StrategyPage })),
      },
      // The cluster in figures (issue 16 §1, decision 048): anyone; the charts load only with this page.
      {
        path: paths.figures.path,
        lazy: () =>
          Promise.all([
            import('@/features/dashboard/components/dashboard-page.tsx'),
            import('@/i18n/dashboard.ts'),
          ]).then(([m]) => ({ Component: m.PublicFiguresPage })),
      },
      // Approved public minutes of the bodies' meetings: anyone, no account (issue 15 §3).
      {
        path: paths.publicMinutes.path,
        lazy: () =>
          import('@/features/minutes/components/public-minutes-page.tsx').then((m) => ({
            Component: m.PublicMinutesPage,
          })),
      },
      {
        path: paths.publicMinutesOne.path,
        lazy: () =>
          import('./routes/public-minutes-page.tsx').then((m) => ({ Component: m.PublicMinutesRoute })),
      },
      {
        path: paths.members.path,
        lazy: () =>
          import('@/features/directory/components/directory-page.tsx').then((m) => ({
            Component: m.DirectoryPage,
          })),
      },
      {
        path: paths.member.path,
        lazy: () =>
          import('@/features/directory/components/profile-page.tsx').then((m) => ({
            Component: m.ProfilePage,
          })),
      },
      {
        path: paths.news.path,
        lazy: newsPage(
          () => import('@/features/news/components/news-list-page.tsx'),
          (m) => m.NewsListPage,
        ),
      },
      {
        path: paths.newsPost.path,
        lazy: newsPage(
          () => import('@/features/news/components/news-post-page.tsx'),
          (m) => m.NewsPostPage,
        ),
      },
      {
        path: paths.eventCancel.path,
        lazy: newsPage(
          () => import('@/features/news/components/event-cancel-page.tsx'),
          (m) => m.EventCancelPage,
        ),
      },
      // Funding calls (issue 16 §3): public; members mark interest on the call's page.
      {
        path: paths.calls.path,
        lazy: () =>
          import('@/features/calls/components/calls-page.tsx').then((m) => ({ Component: m.CallsPage })),
      },
      {
        path: paths.call.path,
        lazy: () =>
          import('@/features/calls/components/call-page.tsx').then((m) => ({ Component: m.CallPage })),
      },
      {
        element: <RequireAuth permission="calls.manage" />,
        children: [
          {
            path: paths.callNew.path,
            lazy: () =>
              import('@/features/calls/components/call-form-page.tsx').then((m) => ({
                Component: m.CallFormPage,
              })),
          },
          {
            path: paths.callEdit.path,
            lazy: () =>
              import('@/features/calls/components/call-form-page.tsx').then((m) => ({
                Component: m.CallFormPage,
              })),
          },
        ],
      },
      {
        element: <RequireAuth permission="news.manage" />,
        children: [
          {
            path: paths.newsEditor.path,
            lazy: newsPage(
              () => import('@/features/news/components/news-editor-page.tsx'),
              (m) => m.NewsEditorPage,
            ),
          },
          {
            path: paths.newsEditorNew.path,
            lazy: newsPage(
              () => import('@/features/news/components/news-edit-page.tsx'),
              (m) => m.NewsEditPage,
            ),
          },
          {
            path: paths.newsEditorPost.path,
            lazy: newsPage(
              () => import('@/features/news/components/news-edit-page.tsx'),
              (m) => m.NewsEditPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="news.propose" />,
        children: [
          {
            path: paths.myNews.path,
            lazy: newsPage(
              () => import('@/features/news/components/my-news-page.tsx'),
              (m) => m.MyNewsPage,
            ),
          },
        ],
      },
      {
        path: paths.login.path,
        lazy: () =>
          import('@/features/auth/components/log-in-page.tsx').then((m) => ({ Component: m.LogInPage })),
      },
      {
        path: paths.signUp.path,
        lazy: () =>
          import('@/features/auth/components/sign-up-page.tsx').then((m) => ({ Component: m.SignUpPage })),
      },
      {
        path: paths.verifyEmail.path,
        lazy: () =>
          import('@/features/auth/components/verify-email-page.tsx').then((m) => ({
            Component: m.VerifyEmailPage,
          })),
      },
      {
        path: paths.forgotPassword.path,
        lazy: () =>
          import('@/features/auth/components/forgot-password-page.tsx').then((m) => ({
            Component: m.ForgotPasswordPage,
          })),
      },
      {
        path: paths.resetPassword.path,
        lazy: () =>
          import('@/features/auth/components/reset-password-page.tsx').then((m) => ({
            Component: m.ResetPasswordPage,
          })),
      },
      {
        path: paths.confirmEmail.path,
        lazy: () =>
          import('@/features/auth/components/confirm-email-page.tsx').then((m) => ({
            Component: m.ConfirmEmailPage,
          })),
      },
      {
        // Signed-in users only; `<RequireAuth permission="…" />` guards pages that need a permission.
        element: <RequireAuth />,
        children: [
          {
            path: paths.account.path,
            lazy: () =>
              import('./routes/account-page.tsx').then((m) => ({
                Component: m.AccountWithSettingsPage,
              })),
          },
          // An organisation the user represents: the layout (header and tabs) loads with the
          // `myOrganization` texts; each tab is a lazy page of its own.
          {
            path: paths.myOrganization.path,
            lazy: () =>
              Promise.all([
                import('@/features/profiles/components/my-organization-layout.tsx'),
                import('@/i18n/my-organization.ts'),
              ]).then(([m]) => ({ Component: m.MyOrganizationLayout })),
            children: [
              {
                index: true,
                lazy: () =>
                  Promise.all([
                    import('@/app/routes/my-organization-overview.tsx'),
                    import('@/i18n/suggestions.ts'),
                  ]).then(([m]) => ({ Component: m.MyOrganizationOverview })),
              },
              {
                path: paths.myOrganizationRepresentatives.path,
                lazy: () =>
                  import('@/features/representatives/components/representatives-page.tsx').then((m) => ({
                    Component: m.RepresentativesPage,
                  })),
              },
              {
                path: paths.myOrganizationHistory.path,
                lazy: () =>
                  import('@/features/profiles/components/history-page.tsx').then((m) => ({
                    Component: m.HistoryPage,
                  })),
              },
              {
                path: paths.myOrganizationFees.path,
                lazy: () =>
                  Promise.all([
                    import('@/features/fees/components/organization-fees-page.tsx'),
                    import('@/i18n/fees.ts'),
                  ]).then(([m]) => ({ Component: m.FeesPage })),
              },
              {
                path: paths.myOrganizationBoard.path,
                lazy: () =>
                  Promise.all([
                    import('@/features/board/components/organization-board-page.tsx'),
                    import('@/i18n/board.ts'),
                  ]).then(([m]) => ({ Component: m.OrganizationBoardPage })),
              },
              {
                path: paths.myOrganizationSuggestions.path,
                lazy: () =>
                  Promise.all([
                    import('@/features/suggestions/components/suggestions-page.tsx'),
                    import('@/i18n/suggestions.ts'),
                  ]).then(([m]) => ({ Component: m.SuggestionsPage })),
              },
              {
                path: paths.myOrganizationBookings.path,
                lazy: () =>
                  Promise.all([
                    import('@/features/resources/components/organization-bookings-page.tsx'),
                    import('@/i18n/resources.ts'),
                  ]).then(([m]) => ({ Component: m.OrganizationBookingsPage })),
              },
              {
                path: paths.resourceNew.path,
                lazy: () =>
                  Promise.all([
                    import('@/features/resources/components/resource-form-page.tsx'),
                    import('@/i18n/resources.ts'),
                  ]).then(([m]) => ({ Component: m.ResourceCreatePage })),
              },
              {
                path: paths.myOrganizationCompetitors.path,
                lazy: () =>
                  import('@/features/profiles/components/competitors-page.tsx').then((m) => ({
                    Component: m.CompetitorsPage,
                  })),
              },
              {
                path: paths.myOrganizationPartners.path,
                lazy: () =>
                  import('@/features/conversations/components/partnerships-page.tsx').then((m) => ({
                    Component: m.PartnershipsPage,
                  })),
              },
              {
                path: paths.myOrganizationData.path,
                lazy: () =>
                  import('@/features/profiles/components/data-page.tsx').then((m) => ({
                    Component: m.DataPage,
                  })),
              },
            ],
          },
          // An emailed invitation to represent an organisation: its texts are in the `myOrganization` bundle.
          {
            path: paths.acceptInvitation.path,
            lazy: () =>
              Promise.all([
                import('@/features/representatives/components/accept-invitation-page.tsx'),
                import('@/i18n/my-organization.ts'),
              ]).then(([m]) => ({ Component: m.AcceptInvitationPage })),
          },
          // The applicant's pages load with their `apply` texts (@/i18n/apply.ts registers them).
          {
            path: paths.apply.path,
            lazy: () =>
              Promise.all([
                import('@/features/applications/components/apply-page.tsx'),
                import('@/i18n/apply.ts'),
              ]).then(([m]) => ({ Component: m.ApplyPage })),
          },
          {
            path: paths.application.path,
            lazy: () =>
              Promise.all([
                import('@/features/applications/components/application-page.tsx'),
                import('@/i18n/apply.ts'),
              ]).then(([m]) => ({ Component: m.ApplicationPage })),
          },
        ],
      },
      // Joint projects (issue 16 §4): members and the committee, with the `projects` texts.
      {
        element: <RequireAuth permission="projects.view" />,
        children: [
          {
            path: paths.projects.path,
            lazy: () =>
              Promise.all([
                import('@/features/projects/components/projects-page.tsx'),
                import('@/i18n/projects.ts'),
              ]).then(([m]) => ({ Component: m.ProjectsPage })),
          },
          {
            path: paths.project.path,
            lazy: () =>
              Promise.all([
                import('@/features/projects/components/project-page.tsx'),
                import('@/i18n/projects.ts'),
              ]).then(([m]) => ({ Component: m.ProjectPage })),
          },
        ],
      },
      // Shared resources (issue 14 §3): members only, with the `resources` texts.
      {
        element: <RequireAuth permission="resources.view" />,
        children: [
          {
            path: paths.resources.path,
            lazy: () =>
              Promise.all([
                import('@/features/resources/components/resources-page.tsx'),
                import('@/i18n/resources.ts'),
              ]).then(([m]) => ({ Component: m.ResourcesPage })),
          },
          {
            path: paths.resource.path,
            lazy: () =>
              Promise.all([
                import('@/features/resources/components/resource-page.tsx'),
                import('@/i18n/resources.ts'),
              ]).then(([m]) => ({ Component: m.ResourcePage })),
          },
          {
            path: paths.resourceEdit.path,
            lazy: () =>
              Promise.all([
                import('@/features/resources/components/resource-form-page.tsx'),
                import('@/i18n/resources.ts'),
              ]).then(([m]) => ({ Component: m.ResourceEditPage })),
          },
        ],
      },
      // Administration: each page needs its permission (RequireAuth sends a visitor to log in first) and
      // loads through `adminPage`, which brings the `admin` texts along.
      {
        element: <RequireAuth permission="users.manage" />,
        children: [
          {
            path: paths.adminUsers.path,
            lazy: adminPage(
              () => import('@/features/admin/components/users-page.tsx'),
              (m) => m.UsersPage,
            ),
          },
          {
            path: paths.adminUser.path,
            lazy: adminPage(
              () => import('@/features/admin/components/user-page.tsx'),
              (m) => m.UserPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="audit.read" />,
        children: [
          {
            path: paths.adminAudit.path,
            lazy: adminPage(
              () => import('@/features/admin/components/audit-page.tsx'),
              (m) => m.AuditPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="mailbox.read" />,
        children: [
          {
            path: paths.adminMailbox.path,
            lazy: adminPage(
              () => import('@/features/admin/components/mailbox-page.tsx'),
              (m) => m.MailboxPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="conversations.moderate" />,
        children: [
          {
            path: paths.adminConversations.path,
            lazy: adminPage(
              () => import('@/features/admin/components/conversations-page.tsx'),
              (m) => m.ConversationsPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="organizations.import" />,
        children: [
          {
            path: paths.adminImport.path,
            lazy: adminPage(
              () => import('@/features/members-csv/import-page.tsx'),
              (m) => m.ImportPage,
            ),
          },
        ],
      },
      // The committee edits the strategy (issue 16 §1).
      {
        element: <RequireAuth permission="strategy.manage" />,
        children: [
          {
            path: paths.committeeStrategy.path,
            lazy: () =>
              Promise.all([
                import('@/features/strategy/components/strategy-editor-page.tsx'),
                import('@/i18n/strategy.ts'),
                import('@/i18n/date-field.ts'),
              ]).then(([m]) => ({ Component: m.StrategyEditorPage })),
          },
        ],
      },
      // The readiness checks (issue 16 §2, decision 051): the committee and administrators.
      {
        element: <RequireAuth permission="readiness.check" />,
        children: [
          {
            path: paths.committeeReadiness.path,
            lazy: () =>
              Promise.all([
                import('@/features/readiness/components/readiness-list-page.tsx'),
                import('@/i18n/readiness.ts'),
              ]).then(([m]) => ({ Component: m.ReadinessListPage })),
          },
          {
            path: paths.committeeReadinessSet.path,
            lazy: () =>
              Promise.all([
                import('@/features/readiness/components/readiness-set-page.tsx'),
                import('@/i18n/readiness.ts'),
              ]).then(([m]) => ({ Component: m.ReadinessSetPage })),
          },
        ],
      },
      // Administrators edit the readiness sets and their criteria, with the `readiness` texts.
      {
        element: <RequireAuth permission="readiness.manage" />,
        children: [
          {
            path: paths.adminReadiness.path,
            lazy: adminPage(
              () =>
                Promise.all([
                  import('@/features/readiness/components/admin-readiness-page.tsx'),
                  import('@/i18n/readiness.ts'),
                ]).then(([m]) => m),
              (m) => m.AdminReadinessPage,
            ),
          },
          {
            path: paths.adminReadinessSet.path,
            lazy: adminPage(
              () =>
                Promise.all([
                  import('@/features/readiness/components/admin-readiness-page.tsx'),
                  import('@/i18n/readiness.ts'),
                ]).then(([m]) => m),
              (m) => m.AdminReadinessSetPage,
            ),
          },
        ],
      },
      // Governing bodies and positions (issue 15 §1), with the `bodies` texts.
      {
        element: <RequireAuth permission="bodies.manage" />,
        children: [
          {
            path: paths.adminBodies.path,
            lazy: adminPage(
              () =>
                Promise.all([
                  import('@/features/bodies/components/admin-bodies-page.tsx'),
                  import('@/i18n/bodies.ts'),
                ]).then(([m]) => m),
              (m) => m.AdminBodiesPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="settings.manage" />,
        children: [
          {
            path: paths.adminSettings.path,
            lazy: adminPage(
              () => import('@/features/admin/components/settings-page.tsx'),
              (m) => m.SettingsPage,
            ),
          },
        ],
      },
      // Annual fees: the rates (administrators) and the payments (the committee), with the `fees` texts.
      {
        element: <RequireAuth permission="fees.manage" />,
        children: [
          {
            path: paths.adminFees.path,
            lazy: adminPage(
              () =>
                Promise.all([
                  import('@/features/fees/components/admin-fees-page.tsx'),
                  import('@/i18n/fees.ts'),
                ]).then(([m]) => m),
              (m) => m.AdminFeesPage,
            ),
          },
        ],
      },
      {
        element: <RequireAuth permission="fees.record" />,
        children: [
          {
            path: paths.committeeFees.path,
            lazy: committeePage(
              () =>
                Promise.all([
                  import('@/features/fees/components/committee-fees-page.tsx'),
                  import('@/i18n/fees.ts'),
                ]).then(([m]) => m),
              (m) => m.CommitteeFeesPage,
            ),
          },
        ],
      },
      // Meetings of the bodies (decision 041): any signed-in user; the API shows each what they may see
      // (members, the committee, administrators; a named position holder their own meetings).
      {
        element: <RequireAuth permission="meetings.attend" />,
        children: [
          {
            path: paths.meetings.path,
            lazy: () =>
              Promise.all([
                import('@/features/meetings/components/meetings-page.tsx'),
                import('@/i18n/meetings.ts'),
              ]).then(([m]) => ({ Component: m.MeetingsPage })),
          },
          {
            path: paths.newMeeting.path,
            lazy: () =>
              Promise.all([
                import('@/features/meetings/components/meeting-form.tsx'),
                import('@/i18n/meetings.ts'),
              ]).then(([m]) => ({ Component: m.NewMeetingPage })),
          },
          {
            path: paths.meeting.path,
            lazy: () =>
              Promise.all([import('./routes/meeting-page.tsx'), import('@/i18n/meetings.ts')]).then(
                ([m]) => ({
                  Component: m.MeetingRoute,
                }),
              ),
          },
        ],
      },
      // Private conversations about board items: representatives (of either side, checked by the API).
      {
        element: <RequireAuth permission="conversations.use" />,
        children: [
          {
            path: paths.conversations.path,
            lazy: () =>
              import('@/features/conversations/components/conversations-page.tsx').then((m) => ({
                Component: m.ConversationsPage,
              })),
          },
          {
            path: paths.conversation.path,
            lazy: () =>
              import('@/features/conversations/components/conversation-page.tsx').then((m) => ({
                Component: m.ConversationPage,
              })),
          },
        ],
      },
      // The committee: the queue and an application's review and vote.
      {
        element: <RequireAuth permission="application.review" />,
        children: [
          {
            path: paths.committee.path,
            lazy: committeePage(
              () => import('@/features/committee/components/committee-page.tsx'),
              (m) => m.CommitteePage,
            ),
          },
          {
            path: paths.committeeApplication.path,
            lazy: committeePage(
              () => import('./routes/committee-application-page.tsx'),
              (m) => m.CommitteeApplicationPage,
            ),
          },
        ],
      },
      // The committee and administrators: the overview of cooperation and the network picture (issue 14 §5).
      // The charts (@mantine/charts, recharts) and d3-force load only with these pages.
      {
        element: <RequireAuth permission="cooperation.overview" />,
        children: [
          {
            path: paths.committeeCooperation.path,
            lazy: committeePage(
              () => import('@/features/committee/components/cooperation-page.tsx'),
              (m) => m.CooperationPage,
            ),
          },
          {
            path: paths.committeeDashboard.path,
            lazy: () =>
              Promise.all([
                import('@/features/dashboard/components/dashboard-page.tsx'),
                import('@/i18n/dashboard.ts'),
              ]).then(([m]) => ({ Component: m.CommitteeDashboardPage })),
          },
          {
            path: paths.committeeNetwork.path,
            lazy: committeePage(
              () => import('@/features/committee/components/network-page.tsx'),
              (m) => m.NetworkPage,
            ),
          },
        ],
      },
      // The committee and administrators: membership administration, with the `memberships` texts.
      {
        element: <RequireAuth permission="memberships.manage" />,
        children: [
          {
            path: paths.committeeMembers.path,
            lazy: committeePage(
              () =>
                Promise.all([
                  import('@/features/memberships/components/members-page.tsx'),
                  import('@/i18n/memberships.ts'),
                ]).then(([m]) => m),
              (m) => m.MembersPage,
            ),
          },
          {
            path: paths.committeeMember.path,
            lazy: committeePage(
              () =>
                Promise.all([
                  import('./routes/committee-member-page.tsx'),
                  import('@/i18n/memberships.ts'),
                  import('@/i18n/fees.ts'),
                  import('@/i18n/my-organization.ts'),
                ]).then(([m]) => m),
              (m) => m.CommitteeMemberPage,
            ),
          },
        ],
      },
      // The cooperation board (decision 033): members (board.view) read it; visitors see its teaser.
      {
        element: <RequireAuth permission="board.view" />,
        children: [
          {
            path: paths.board.path,
            lazy: boardPage(
              () => import('@/features/board/components/board-page.tsx'),
              (m) => m.BoardPage,
            ),
          },
          {
            path: paths.boardItem.path,
            lazy: boardPage(
              () => import('./routes/board-item-page.tsx'),
              (m) => m.BoardItemRoute,
            ),
          },
        ],
      },
      {
        path: paths.cooperation.path,
        lazy: boardPage(
          () => import('@/features/board/components/cooperation-page.tsx'),
          (m) => m.CooperationPage,
        ),
      },
      {
        // Public; it reuses the administration list, hence the `admin` texts beside its own.
        path: paths.decisions.path,
        lazy: () =>
          Promise.all([
            import('@/features/decisions/components/decisions-page.tsx'),
            import('@/i18n/decisions.ts'),
            import('@/i18n/admin.ts'),
          ]).then(([m]) => ({ Component: m.DecisionsPage })),
      },
      {
        path: paths.notFound.path,
        lazy: () => import('./routes/not-found.tsx').then((m) => ({ Component: m.NotFoundPage })),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

/**
 * Every page outside the public ones loads all of Mantine's styles with its code (the public pages' components
 * are in first-paint.css, which the shell has): a signed-in page never waits on styles the first paint of a
 * public page does not need (issue 17, decision 055).
 */
function withFullStyles(list: RouteObject[]): RouteObject[] {
  for (const route of list) {
    const { lazy } = route;
    if (typeof lazy === 'function' && !(route.path && isPublicPagePath(route.path))) {
      route.lazy = () => Promise.all([lazy(), import('@/styles/full-styles.ts')]).then(([module]) => module);
    }
    if (route.children) withFullStyles(route.children);
  }
  return list;
}
withFullStyles(routes);
