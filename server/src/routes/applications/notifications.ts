import { and, applications, type Db, eq, inArray, isNull, userRoles, users } from '@portal/db';
import { type ApplicationData, EMAILED_PAGES, type Language } from '@portal/shared';
import { enqueueEmail } from '../../email/outbox.ts';
import type { EventHandlers } from '../../events/events.ts';

/**
 * Who hears about what happened to an application, by email (decision 030): the applicant about a
 * submission, requests, messages and the decision; the committee about submissions, votes and decisions.
 * These are the dispatcher's handlers of the `application.*` events: they run when the event is
 * dispatched, look the recipients up then, and queue the emails in the transaction that marks the event
 * dispatched.
 */

interface Recipient {
  email: string;
  displayName: string;
  language: Language;
}

const recipient = { email: users.email, displayName: users.displayName, language: users.language };

/** The application as the emails need it (null once it is gone: then nobody is told). */
async function application(db: Db, id: string) {
  const [row] = await db
    .select({ id: applications.id, applicantId: applications.applicantId, data: applications.data })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}

type Subject = NonNullable<Awaited<ReturnType<typeof application>>>;

function organizationName(app: Subject, language: Language): string {
  const org = (app.data as ApplicationData).organization;
  return (language === 'en' ? org?.nameEn : org?.nameBg) ?? '—';
}

async function applicant(db: Db, app: Subject): Promise<Recipient | undefined> {
  const [u] = await db.select(recipient).from(users).where(eq(users.id, app.applicantId));
  return u;
}

/** The committee's members and chair who can still sign in, by address. */
async function committee(db: Db): Promise<Recipient[]> {
  return db
    .select(recipient)
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        inArray(
          users.id,
          db
            .select({ userId: userRoles.userId })
            .from(userRoles)
            .where(inArray(userRoles.role, ['committee_member', 'committee_chair'])),
        ),
      ),
    )
    .orderBy(users.email);
}

const applicantLink = (publicUrl: string, app: Subject) =>
  `${publicUrl}${EMAILED_PAGES.application.href(app.id)}`;
const committeeLink = (publicUrl: string, app: Subject) =>
  `${publicUrl}${EMAILED_PAGES.committeeApplication.href(app.id)}`;

export const applicationHandlers: EventHandlers<
  'application.transitioned' | 'application.message' | 'application.decided'
> = {
  async 'application.transitioned'(tx, { applicationId, action, comment }, { publicUrl }) {
    if (
      action !== 'request_changes' &&
      action !== 'submit' &&
      action !== 'resubmit' &&
      action !== 'open_vote'
    )
      return;
    const app = await application(tx, applicationId);
    if (!app) return;
    if (action === 'request_changes') {
      const u = await applicant(tx, app);
      if (!u) return;
      await enqueueEmail(tx, {
        to: u.email,
        language: u.language,
        template: 'application_changes_requested',
        values: {
          name: u.displayName,
          organization: organizationName(app, u.language),
          comment: comment ?? '',
          link: applicantLink(publicUrl, app),
        },
      });
    }
    if (action === 'submit' || action === 'resubmit') await onSubmitted(tx, publicUrl, app, action, comment);
    if (action === 'open_vote') {
      for (const m of await committee(tx)) {
        await enqueueEmail(tx, {
          to: m.email,
          language: m.language,
          template: 'application_vote_opened',
          values: {
            name: m.displayName,
            organization: organizationName(app, m.language),
            link: committeeLink(publicUrl, app),
          },
        });
      }
    }
  },

  async 'application.message'(tx, { applicationId, text }, { publicUrl }) {
    const app = await application(tx, applicationId);
    if (!app) return;
    const u = await applicant(tx, app);
    if (!u) return;
    await enqueueEmail(tx, {
      to: u.email,
      language: u.language,
      template: 'application_message',
      values: {
        name: u.displayName,
        organization: organizationName(app, u.language),
        comment: text,
        link: applicantLink(publicUrl, app),
      },
    });
  },

  async 'application.decided'(tx, { applicationId, outcome, number }, { publicUrl }) {
    const app = await application(tx, applicationId);
    if (!app) return;
    const u = await applicant(tx, app);
    const members = await committee(tx);
    const verdict = (language: Language) =>
      outcome === 'approved'
        ? language === 'bg'
          ? 'прие за член'
          : 'admitted as a member'
        : language === 'bg'
          ? 'не прие за член'
          : 'did not admit as a member';
    const recipients = [
      ...(u ? [{ ...u, link: applicantLink(publicUrl, app) }] : []),
      ...members.map((m) => ({ ...m, link: committeeLink(publicUrl, app) })),
    ];
    for (const r of recipients) {
      await enqueueEmail(tx, {
        to: r.email,
        language: r.language,
        template: outcome === 'no_quorum' ? 'application_no_quorum' : 'application_decided',
        values: {
          name: r.displayName,
          organization: organizationName(app, r.language),
          number: number ?? '',
          verdict: verdict(r.language),
          link: r.link,
        },
      });
    }
  },
};

/**
 * A submission (or a resubmission after changes): the applicant gets a confirmation with the link to
 * follow it, each committee member a note to review it, each in their own language (issue 11 C7).
 */
async function onSubmitted(
  tx: Db,
  publicUrl: string,
  app: Subject,
  action: 'submit' | 'resubmit',
  comment: string | null,
) {
  const u = await applicant(tx, app);
  if (u) {
    await enqueueEmail(tx, {
      to: u.email,
      language: u.language,
      template: action === 'submit' ? 'application_submitted' : 'application_resubmitted',
      values: {
        name: u.displayName,
        organization: organizationName(app, u.language),
        link: applicantLink(publicUrl, app),
      },
    });
  }
  const note = (language: Language) =>
    comment ? `\n\n${language === 'bg' ? 'Бележка на заявителя' : 'The applicant’s note'}:\n${comment}` : '';
  for (const m of await committee(tx)) {
    // A committee member who applied hears once, as the applicant.
    if (m.email === u?.email) continue;
    await enqueueEmail(tx, {
      to: m.email,
      language: m.language,
      template: action === 'submit' ? 'application_to_review' : 'application_resubmitted_to_review',
      values: {
        name: m.displayName,
        organization: organizationName(app, m.language),
        note: note(m.language),
        link: committeeLink(publicUrl, app),
      },
    });
  }
}
