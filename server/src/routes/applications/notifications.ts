import { type Db, sql } from '@portal/db';
import {
  type ApplicationAction,
  type ApplicationData,
  EMAILED_PAGES,
  type Language,
  type VoteOutcome,
} from '@portal/shared';
import { execute, parseJson } from '../../db.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import type { AppRow } from './application-row.ts';

/**
 * Who hears about what, by email through the outbox (in the transaction of the event): the applicant
 * about a submission, requests, messages and the decision; the committee about submissions, votes and
 * decisions.
 */

function organizationName(row: AppRow, language: Language): string {
  const org = parseJson(row.data as ApplicationData | string).organization;
  return (language === 'en' ? org?.nameEn : org?.nameBg) ?? '—';
}

async function applicant(db: Db, row: AppRow) {
  const [u] = await execute<{ email: string; display_name: string; language: Language }>(
    db,
    sql`select email, display_name, language from users where id = ${row.applicant_id}`,
  );
  return u;
}

async function committee(db: Db) {
  return execute<{ email: string; display_name: string; language: Language }>(
    db,
    sql`select u.email, u.display_name, u.language from users u
        where u.disabled_at is null and exists (select 1 from user_roles r where r.user_id = u.id
          and r.role in ('committee_member', 'committee_chair'))
        order by u.email`,
  );
}

/** What happened to an application that people hear about by email. */
export type ApplicationNotice =
  | { kind: 'transition'; action: ApplicationAction; comment: string | undefined }
  | { kind: 'message'; text: string }
  | { kind: 'decision'; outcome: VoteOutcome; number: string | null };

/**
 * Queues the emails about `notice` with `tx`, the transaction of the change itself, so they are sent if
 * and only if it commits (the outbox). Called by the services, never built by a route.
 */
export async function notifyApplication(
  tx: Db,
  publicUrl: string,
  row: AppRow,
  notice: ApplicationNotice,
): Promise<void> {
  const on = notifier(publicUrl);
  if (notice.kind === 'transition') await on.transition(tx, row, notice.action, notice.comment);
  else if (notice.kind === 'message') await on.message(tx, row, notice.text);
  else await on.decision(tx, row, notice.outcome, notice.number);
}

function notifier(publicUrl: string) {
  const applicantLink = (row: AppRow) => `${publicUrl}${EMAILED_PAGES.application.href(row.id)}`;
  const committeeLink = (row: AppRow) => `${publicUrl}${EMAILED_PAGES.committeeApplication.href(row.id)}`;

  async function onTransition(tx: Db, row: AppRow, action: ApplicationAction, comment: string | undefined) {
    if (action === 'request_changes') {
      const u = await applicant(tx, row);
      if (!u) return;
      await enqueueEmail(tx, {
        to: u.email,
        language: u.language,
        template: 'application_changes_requested',
        values: {
          name: u.display_name,
          organization: organizationName(row, u.language),
          comment: comment ?? '',
          link: applicantLink(row),
        },
      });
    }
    if (action === 'submit' || action === 'resubmit') await onSubmitted(tx, row, action, comment);
    if (action === 'open_vote') {
      for (const m of await committee(tx)) {
        await enqueueEmail(tx, {
          to: m.email,
          language: m.language,
          template: 'application_vote_opened',
          values: {
            name: m.display_name,
            organization: organizationName(row, m.language),
            link: committeeLink(row),
          },
        });
      }
    }
  }

  /**
   * A submission (or a resubmission after changes): the applicant gets a confirmation with the link to
   * follow it, each committee member a note to review it, each in their own language (issue 11 C7).
   */
  async function onSubmitted(
    tx: Db,
    row: AppRow,
    action: 'submit' | 'resubmit',
    comment: string | undefined,
  ) {
    const u = await applicant(tx, row);
    if (u) {
      await enqueueEmail(tx, {
        to: u.email,
        language: u.language,
        template: action === 'submit' ? 'application_submitted' : 'application_resubmitted',
        values: {
          name: u.display_name,
          organization: organizationName(row, u.language),
          link: applicantLink(row),
        },
      });
    }
    const note = (language: Language) =>
      comment
        ? `\n\n${language === 'bg' ? 'Бележка на заявителя' : 'The applicant’s note'}:\n${comment}`
        : '';
    for (const m of await committee(tx)) {
      // A committee member who applied hears once, as the applicant.
      if (m.email === u?.email) continue;
      await enqueueEmail(tx, {
        to: m.email,
        language: m.language,
        template: action === 'submit' ? 'application_to_review' : 'application_resubmitted_to_review',
        values: {
          name: m.display_name,
          organization: organizationName(row, m.language),
          note: note(m.language),
          link: committeeLink(row),
        },
      });
    }
  }

  async function onMessage(tx: Db, row: AppRow, text: string) {
    const u = await applicant(tx, row);
    if (!u) return;
    await enqueueEmail(tx, {
      to: u.email,
      language: u.language,
      template: 'application_message',
      values: {
        name: u.display_name,
        organization: organizationName(row, u.language),
        comment: text,
        link: applicantLink(row),
      },
    });
  }

  async function onDecision(tx: Db, row: AppRow, outcome: VoteOutcome, number: string | null) {
    const u = await applicant(tx, row);
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
      ...(u ? [{ ...u, link: applicantLink(row) }] : []),
      ...members.map((m) => ({ ...m, link: committeeLink(row) })),
    ];
    for (const r of recipients) {
      await enqueueEmail(tx, {
        to: r.email,
        language: r.language,
        template: outcome === 'no_quorum' ? 'application_no_quorum' : 'application_decided',
        values: {
          name: r.display_name,
          organization: organizationName(row, r.language),
          number: number ?? '',
          verdict: verdict(r.language),
          link: r.link,
        },
      });
    }
  }

  return { transition: onTransition, message: onMessage, decision: onDecision };
}
