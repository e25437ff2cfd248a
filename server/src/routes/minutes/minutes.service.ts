import {
  and,
  asc,
  type Db,
  decisions,
  desc,
  eq,
  governingBodies,
  inArray,
  isNull,
  isUniqueViolation,
  meetingAgendaItems,
  meetingItemVotes,
  meetingMinutes,
  meetingMinutesComments,
  meetingParticipants,
  meetings,
  sql,
  users,
} from '@portal/db';
import {
  can,
  type Language,
  type MinutesApproveBodySchema,
  type MinutesComment,
  type MinutesDraftBody,
  type MinutesRevision,
  type MinutesView,
  type Principal,
  type PublicMinutesList,
  type PublicMinutesQuery,
} from '@portal/shared';
import type * as z from 'zod';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { chairsBody, mayRunMeetingsOf, seatsOf } from '../meetings/access.ts';

/**
 * The minutes of a meeting (issue 15 §3, decision 045). Who may do what is decided here from the state of
 * things today (./access.ts of meetings): the meeting's officers draft, the meeting's seats and officers
 * comment on the draft, the body's chair (or an administrator) approves; approved revisions are read by
 * anyone when the meeting's minutes are public, by members (`meetings.view`) and the meeting's own seats
 * when they are members-only.
 */

type MeetingRow = MinutesView['meeting'] & { bodyId: string };

const notFound = () => new AppError('minutes.not_found', 404);

async function loadMeeting(db: Db, meetingId: string): Promise<MeetingRow> {
  const [row] = await db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      titleBg: meetings.titleBg,
      titleEn: meetings.titleEn,
      bodyNameBg: governingBodies.nameBg,
      bodyNameEn: governingBodies.nameEn,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      status: meetings.status,
      minutesVisibility: meetings.minutesVisibility,
    })
    .from(meetings)
    .innerJoin(governingBodies, eq(governingBodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId));
  if (!row) throw notFound();
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
}

interface Rights {
  officer: boolean;
  seat: boolean;
  chair: boolean;
  member: boolean;
}

async function rightsOf(db: Db, user: Principal | null, meeting: MeetingRow): Promise<Rights> {
  if (!user) return { officer: false, seat: false, chair: false, member: false };
  const [officer, seats, chair] = await Promise.all([
    mayRunMeetingsOf(db, user, meeting.bodyId),
    seatsOf(db, user, meeting.id),
    chairsBody(db, user, meeting.bodyId),
  ]);
  return {
    officer,
    seat: seats.length > 0,
    chair: chair || user.roles.includes('admin'),
    member: can(user, 'meetings.view'),
  };
}

/** May the draft (and its comments) be read: the meeting's officers and seats. */
const readsDraft = (r: Rights) => r.officer || r.seat || r.chair;
/** May approved revisions be read. */
const readsApproved = (r: Rights, meeting: MeetingRow) =>
  meeting.minutesVisibility === 'public' || r.member || readsDraft(r);
/** Minutes are written once the meeting has been held. */
const DRAFTABLE = ['held', 'minutes_approved'];

function toRevision(row: typeof meetingMinutes.$inferSelect, names: Map<string, string>): MinutesRevision {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    textBg: row.textBg,
    textEn: row.textEn,
    correctionReason: row.correctionReason,
    draftedBy: row.draftedBy ? (names.get(row.draftedBy) ?? null) : null,
    approvedBy: row.approvedBy ? (names.get(row.approvedBy) ?? null) : null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(sql`${users.id} in ${wanted}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The minutes of a meeting as `user` may read them (none yet: no revisions); 404 for those who may neither
 * see the meeting nor read its minutes.
 */
export async function getMinutes(db: Db, user: Principal | null, meetingId: string): Promise<MinutesView> {
  const meeting = await loadMeeting(db, meetingId);
  const rights = await rightsOf(db, user, meeting);
  const rows = await db
    .select()
    .from(meetingMinutes)
    .where(eq(meetingMinutes.meetingId, meetingId))
    .orderBy(desc(meetingMinutes.revision));
  const visible = rows.filter((r) =>
    r.status === 'approved' ? readsApproved(rights, meeting) : readsDraft(rights),
  );
  const draftable = rights.officer && DRAFTABLE.includes(meeting.status);
  // Those who may see the meeting learn that it has no minutes (yet); others may not learn it exists.
  if (visible.length === 0 && !draftable && !(rights.member || readsDraft(rights))) throw notFound();
  const draft = visible.find((r) => r.status === 'draft');
  const commentRows = draft
    ? await db
        .select()
        .from(meetingMinutesComments)
        .where(eq(meetingMinutesComments.minutesId, draft.id))
        .orderBy(asc(meetingMinutesComments.createdAt), asc(meetingMinutesComments.id))
    : [];
  const names = await userNames(db, [
    ...visible.flatMap((r) => [r.draftedBy, r.approvedBy]),
    ...commentRows.map((c) => c.authorId),
  ]);
  const comments: MinutesComment[] = commentRows.map((c) => ({
    id: c.id,
    revision: draft?.revision ?? 0,
    author: c.authorId ? (names.get(c.authorId) ?? null) : null,
    mine: !!user && c.authorId === user.id,
    text: c.text,
    createdAt: c.createdAt.toISOString(),
  }));
  const { bodyId: _, ...brief } = meeting;
  return {
    meeting: brief,
    revisions: visible.map((r) => toRevision(r, names)),
    comments,
    may: {
      draft: draftable,
      comment: !!draft && readsDraft(rights),
      approve: !!draft && rights.chair,
    },
  };
}

// ---------- the pre-filled draft ----------

const WORDS = {
  bg: {
    title: (body: string) => `Протокол от заседание на ${body}`,
    date: 'Дата и час',
    place: 'Място',
    attendance: 'Присъстващи',
    present: 'присъства',
    absent: 'отсъства',
    proxy: (holder: string) => `чрез пълномощник (${holder})`,
    unrecorded: 'не е отбелязано',
    quorum: 'Кворум',
    quorumMet: (n: number, of: number) => `${n} от ${of} присъстват лично или чрез пълномощник — има кворум.`,
    quorumMissed: (n: number, of: number) =>
      `${n} от ${of} присъстват лично или чрез пълномощник — няма кворум; заседанието е консултативно.`,
    agenda: 'Дневен ред',
    discussion: 'Обсъждане: …',
    decision: (n: string) => `Решение № ${n}`,
    votes: (f: number, a: number, ab: number) => `„за“ ${f}, „против“ ${a}, „въздържал се“ ${ab}`,
    approved: 'Прието.',
    rejected: 'Отхвърлено.',
    noQuorum: 'Без решение: няма кворум.',
    noVote: 'Без гласуване.',
    minutesApproved: (meeting: string, date: string, n: string) =>
      `Протоколът от заседание „${meeting}“ от ${date} е одобрен с решение № ${n}.`,
    minutesNotApproved: (meeting: string, date: string) =>
      `Протоколът от заседание „${meeting}“ от ${date} не е одобрен.`,
  },
  en: {
    title: (body: string) => `Minutes of the meeting of the ${body}`,
    date: 'Date and time',
    place: 'Place',
    attendance: 'Attendance',
    present: 'present',
    absent: 'absent',
    proxy: (holder: string) => `by proxy (${holder})`,
    unrecorded: 'not recorded',
    quorum: 'Quorum',
    quorumMet: (n: number, of: number) => `${n} of ${of} present in person or by proxy — the quorum is met.`,
    quorumMissed: (n: number, of: number) =>
      `${n} of ${of} present in person or by proxy — no quorum; the meeting is a consultation.`,
    agenda: 'Agenda',
    discussion: 'Discussion: …',
    decision: (n: string) => `Decision No. ${n}`,
    votes: (f: number, a: number, ab: number) => `for ${f}, against ${a}, abstaining ${ab}`,
    approved: 'Carried.',
    rejected: 'Not carried.',
    noQuorum: 'No decision: no quorum.',
    noVote: 'No vote.',
    minutesApproved: (meeting: string, date: string, n: string) =>
      `The minutes of the meeting “${meeting}” of ${date} are approved by decision No. ${n}.`,
    minutesNotApproved: (meeting: string, date: string) =>
      `The minutes of the meeting “${meeting}” of ${date} are not approved.`,
  },
} as const;

/** Markdown's special characters in a name or title, escaped so they read as written. */
const md = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** Does `present` of `seats` meet the meeting's quorum rule (decision 013's vocabulary)? */
function quorumMet(rule: string, present: number, seats: number): boolean {
  if (seats === 0) return false;
  if (rule === 'all') return present === seats;
  if (rule === 'two_thirds') return present * 3 >= seats * 2;
  return present * 2 > seats;
}

/**
 * The draft the officers start from, in `lang`: the meeting, attendance and quorum as recorded, and every
 * agenda item with its vote's tally and decision number — the facts; the discussion is theirs to write.
 */
export async function prefillMinutes(
  db: Db,
  user: Principal,
  meetingId: string,
  lang: Language,
): Promise<string> {
  const meeting = await loadMeeting(db, meetingId);
  if (!(await mayRunMeetingsOf(db, user, meeting.bodyId))) throw new AppError('auth.forbidden', 403);
  const w = WORDS[lang];
  const [{ quorum: rule }] = (await db
    .select({ quorum: meetings.quorum })
    .from(meetings)
    .where(eq(meetings.id, meetingId))) as [{ quorum: string }];
  const seats = await db
    .select({
      id: meetingParticipants.id,
      name: meetingParticipants.name,
      attendance: meetingParticipants.attendance,
      proxyId: meetingParticipants.attendanceProxyId,
    })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(sql`${meetingParticipants.name} collate "portal_bg"`);
  const items = await db
    .select({
      id: meetingAgendaItems.id,
      kind: meetingAgendaItems.kind,
      minutesMeetingId: meetingAgendaItems.minutesMeetingId,
      titleBg: meetingAgendaItems.titleBg,
      titleEn: meetingAgendaItems.titleEn,
      notesBg: meetingAgendaItems.notesBg,
      notesEn: meetingAgendaItems.notesEn,
      motionBg: meetingItemVotes.motionBg,
      motionEn: meetingItemVotes.motionEn,
      votesFor: meetingItemVotes.votesFor,
      votesAgainst: meetingItemVotes.votesAgainst,
      abstentions: meetingItemVotes.abstentions,
      outcome: meetingItemVotes.outcome,
      decision: decisions.number,
    })
    .from(meetingAgendaItems)
    .leftJoin(meetingItemVotes, eq(meetingItemVotes.agendaItemId, meetingAgendaItems.id))
    .leftJoin(decisions, eq(decisions.agendaItemId, meetingAgendaItems.id))
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.createdAt));

  // The earlier meetings whose minutes an item approves (decision 046), named in the item's outcome.
  const earlierIds = items.flatMap((i) => (i.minutesMeetingId ? [i.minutesMeetingId] : []));
  const earlier = new Map(
    earlierIds.length === 0
      ? []
      : (
          await db
            .select({
              id: meetings.id,
              titleBg: meetings.titleBg,
              titleEn: meetings.titleEn,
              startsAt: meetings.startsAt,
            })
            .from(meetings)
            .where(inArray(meetings.id, earlierIds))
        ).map((m) => [m.id, m]),
  );
  const day = new Intl.DateTimeFormat(lang === 'bg' ? 'bg-BG' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Sofia',
  });
  const names = new Map(seats.map((s) => [s.id, s.name]));
  const present = seats.filter((s) => s.attendance === 'present' || s.attendance === 'proxy').length;
  const when = new Intl.DateTimeFormat(lang === 'bg' ? 'bg-BG' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Sofia',
  });
  const title = (bg: string, en: string) => md(lang === 'en' && en ? en : bg);
  const lines = [
    `# ${w.title(lang === 'en' ? meeting.bodyNameEn : meeting.bodyNameBg)}`,
    '',
    `**${title(meeting.titleBg, meeting.titleEn)}**`,
    '',
    `- ${w.date}: ${when.format(new Date(meeting.startsAt))} – ${when.format(new Date(meeting.endsAt))}`,
    ...(meeting.place ? [`- ${w.place}: ${md(meeting.place)}`] : []),
    '',
    `## ${w.attendance}`,
    '',
    ...seats.map((s) => {
      const state =
        s.attendance === 'present'
          ? w.present
          : s.attendance === 'proxy'
            ? w.proxy(md(names.get(s.proxyId ?? '') ?? '—'))
            : s.attendance === 'absent'
              ? w.absent
              : w.unrecorded;
      return `- ${md(s.name)} — ${state}`;
    }),
    '',
    `**${w.quorum}:** ${quorumMet(rule, present, seats.length) ? w.quorumMet(present, seats.length) : w.quorumMissed(present, seats.length)}`,
    '',
    `## ${w.agenda}`,
    '',
    ...items.map((item, i) => `${i + 1}. ${title(item.titleBg, item.titleEn)}`),
  ];
  items.forEach((item, i) => {
    lines.push('', `### ${i + 1}. ${title(item.titleBg, item.titleEn)}`, '');
    const notes = lang === 'en' && item.notesEn ? item.notesEn : item.notesBg;
    lines.push(notes ? md(notes) : w.discussion, '');
    if (item.outcome === null || item.outcome === undefined) {
      lines.push(`_${w.noVote}_`);
      return;
    }
    const motion = title(item.motionBg ?? '', item.motionEn ?? '');
    const tally = w.votes(item.votesFor ?? 0, item.votesAgainst ?? 0, item.abstentions ?? 0);
    if (item.outcome === 'no_quorum') {
      lines.push(`${motion} — ${w.noQuorum}`);
      return;
    }
    const heading = item.decision ? `**${w.decision(item.decision)}:** ` : '';
    lines.push(
      `${heading}${motion}`,
      '',
      `${tally}. ${item.outcome === 'approved' ? w.approved : w.rejected}`,
    );
    const of = item.minutesMeetingId ? earlier.get(item.minutesMeetingId) : undefined;
    if (item.kind === 'minutes' && of) {
      const name = title(of.titleBg, of.titleEn);
      const date = day.format(of.startsAt);
      lines.push(
        '',
        item.outcome === 'approved' && item.decision
          ? w.minutesApproved(name, date, item.decision)
          : w.minutesNotApproved(name, date),
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

// ---------- drafting, comments, approval ----------

/**
 * Saves the draft: changes the current one (naming its version; stale → 409) or starts one — revision 1,
 * or a correction of approved minutes (a new revision, with its reason).
 */
export async function saveDraft(
  db: Db,
  actor: Actor,
  user: Principal,
  meetingId: string,
  body: MinutesDraftBody,
): Promise<MinutesView> {
  await db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id, bodyId: meetings.bodyId, status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!meeting) throw notFound();
    if (!(await mayRunMeetingsOf(tx, user, meeting.bodyId))) throw new AppError('auth.forbidden', 403);
    if (!DRAFTABLE.includes(meeting.status)) {
      throw new AppError('minutes.meeting_not_held', 409);
    }
    // While a later meeting votes on the draft, its text stays as it was put to the vote (decision 046).
    if (await meetingVotesOn(tx, meetingId)) throw new AppError('minutes.vote_open', 409);
    const rows = await tx
      .select()
      .from(meetingMinutes)
      .where(eq(meetingMinutes.meetingId, meetingId))
      .orderBy(desc(meetingMinutes.revision));
    const draft = rows.find((r) => r.status === 'draft');
    if (draft) {
      if (body.version !== draft.version) {
        throw new AppError('minutes.stale', 409);
      }
      const [after] = await tx
        .update(meetingMinutes)
        .set({
          textBg: body.textBg,
          textEn: body.textEn,
          ...(draft.revision > 1 && body.correctionReason ? { correctionReason: body.correctionReason } : {}),
          draftedBy: user.id,
          updatedAt: sql`now()`,
          version: sql`${meetingMinutes.version} + 1`,
        })
        .where(and(eq(meetingMinutes.id, draft.id), eq(meetingMinutes.version, draft.version)))
        .returning();
      if (!after) throw new AppError('minutes.stale', 409);
      await recordAudit(tx, actor, {
        action: 'minutes.draft_saved',
        entityType: 'meeting_minutes',
        entityId: draft.id,
        before: { revision: draft.revision, version: draft.version },
        after: { revision: after.revision, version: after.version },
      });
      return;
    }
    if (body.version !== undefined) throw new AppError('minutes.stale', 409);
    const revision = (rows[0]?.revision ?? 0) + 1;
    if (revision > 1 && !body.correctionReason) {
      throw fieldError('body.correctionReason', 'minutes.reason_required');
    }
    try {
      const [created] = await tx
        .insert(meetingMinutes)
        .values({
          meetingId,
          revision,
          textBg: body.textBg,
          textEn: body.textEn,
          correctionReason: revision > 1 ? (body.correctionReason ?? null) : null,
          draftedBy: user.id,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'minutes.draft_saved',
        entityType: 'meeting_minutes',
        entityId: (created as { id: string }).id,
        after: { revision, version: 1, correctionReason: created?.correctionReason ?? null },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('minutes.stale', 409);
      throw error;
    }
  });
  return getMinutes(db, user, meetingId);
}

/** A comment on the current draft by one of the meeting's seats or officers. */
export async function commentOnDraft(
  db: Db,
  actor: Actor,
  user: Principal,
  meetingId: string,
  text: string,
): Promise<MinutesView> {
  const meeting = await loadMeeting(db, meetingId);
  const rights = await rightsOf(db, user, meeting);
  if (!readsDraft(rights)) throw notFound();
  await db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ id: meetingMinutes.id, revision: meetingMinutes.revision })
      .from(meetingMinutes)
      .where(and(eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.status, 'draft')))
      .for('share');
    if (!draft) throw new AppError('minutes.no_draft', 409);
    const [comment] = await tx
      .insert(meetingMinutesComments)
      .values({ minutesId: draft.id, authorId: user.id, text })
      .returning({ id: meetingMinutesComments.id });
    await recordAudit(tx, actor, {
      action: 'minutes.commented',
      entityType: 'meeting_minutes',
      entityId: draft.id,
      after: { comment: comment?.id, revision: draft.revision },
    });
  });
  return getMinutes(db, user, meetingId);
}

/**
 * The chair (or an administrator) approves the draft they read (its version): it is locked from then on,
 * and the meeting's status becomes `minutes_approved`. Two approvals at once: one wins, the other is 409.
 */
export async function approveDraft(
  db: Db,
  actor: Actor,
  user: Principal,
  meetingId: string,
  body: z.infer<typeof MinutesApproveBodySchema>,
): Promise<MinutesView> {
  const meeting = await loadMeeting(db, meetingId);
  const rights = await rightsOf(db, user, meeting);
  if (!readsDraft(rights)) throw notFound();
  if (!rights.chair) throw new AppError('auth.forbidden', 403);
  await db.transaction(async (tx) => {
    await approveRevision(tx, actor, { meetingId, version: body.version, approvedBy: user.id });
  });
  return getMinutes(db, user, meetingId);
}

/**
 * The one approval of minutes (decision 045 §6, 046): `UPDATE … WHERE status = 'draft' AND version =
 * $read` — by the chair (`approveDraft`) or by a later meeting's adopted motion on a minutes item
 * (`decision`: the draft put to the vote, by id and version; a different text is 409
 * `conduct.minutes_changed`). The meeting's status becomes `minutes_approved`; audited `minutes.approved`
 * with the decision's number when a meeting approved them. The chair's approval is refused (409
 * `minutes.vote_open`) while a meeting votes on the draft.
 */
export async function approveRevision(
  tx: Db,
  actor: Actor,
  target: {
    meetingId: string;
    version: number;
    approvedBy: string | null;
    minutesId?: string;
    decision?: { id: string; number: string; meetingId: string; agendaItemId: string };
  },
): Promise<void> {
  const { meetingId, version, decision } = target;
  const [approved] = await tx
    .update(meetingMinutes)
    .set({
      status: 'approved',
      approvedBy: target.approvedBy,
      approvedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${meetingMinutes.version} + 1`,
    })
    .where(
      and(
        eq(meetingMinutes.meetingId, meetingId),
        eq(meetingMinutes.status, 'draft'),
        eq(meetingMinutes.version, version),
        target.minutesId ? eq(meetingMinutes.id, target.minutesId) : undefined,
      ),
    )
    .returning();
  if (!approved) {
    if (decision) throw new AppError('conduct.minutes_changed', 409);
    // A draft changed since it was read, or approved by someone else a moment ago: stale. None at all: none.
    const [any] = await tx
      .select({ id: meetingMinutes.id })
      .from(meetingMinutes)
      .where(eq(meetingMinutes.meetingId, meetingId))
      .limit(1);
    throw any ? new AppError('minutes.stale', 409) : new AppError('minutes.no_draft', 409);
  }
  // Checked after the UPDATE took the row's lock: a meeting vote opened meanwhile is seen here.
  if (!decision && (await meetingVotesOn(tx, meetingId))) throw new AppError('minutes.vote_open', 409);
  await tx
    .update(meetings)
    .set({ status: 'minutes_approved', updatedAt: sql`now()`, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'held')));
  await recordAudit(tx, actor, {
    action: 'minutes.approved',
    entityType: 'meeting_minutes',
    entityId: approved.id,
    before: { status: 'draft', version },
    after: {
      status: 'approved',
      revision: approved.revision,
      version: approved.version,
      ...(decision
        ? {
            decisionNumber: decision.number,
            decisionId: decision.id,
            atMeetingId: decision.meetingId,
            agendaItemId: decision.agendaItemId,
          }
        : {}),
    },
  });
}

/** Is a vote open at a later meeting on an item approving `meetingId`'s minutes? */
async function meetingVotesOn(tx: Db, meetingId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: meetingItemVotes.agendaItemId })
    .from(meetingItemVotes)
    .innerJoin(meetingAgendaItems, eq(meetingAgendaItems.id, meetingItemVotes.agendaItemId))
    .where(
      and(
        eq(meetingAgendaItems.kind, 'minutes'),
        eq(meetingAgendaItems.minutesMeetingId, meetingId),
        isNull(meetingItemVotes.closedAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The draft of `meetingId`'s minutes a later meeting puts to the vote (decision 046), locked with its
 * meeting (saving a draft takes that lock, the chair's approval the row's): 409 `conduct.minutes_no_draft`
 * when its latest revision is not a draft.
 */
export async function draftOnTheTable(
  tx: Db,
  meetingId: string,
): Promise<{ id: string; revision: number; version: number }> {
  await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
  const [draft] = await tx
    .select({ id: meetingMinutes.id, revision: meetingMinutes.revision, version: meetingMinutes.version })
    .from(meetingMinutes)
    .where(and(eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.status, 'draft')))
    .for('update');
  if (!draft) throw new AppError('conduct.minutes_no_draft', 409);
  return draft;
}

/** The revision `user` may read for printing: the given one, or the latest approved (else the draft). */
export async function printableRevision(
  db: Db,
  user: Principal | null,
  meetingId: string,
  revision: number | undefined,
): Promise<{ view: MinutesView; revision: MinutesRevision }> {
  const view = await getMinutes(db, user, meetingId);
  const chosen =
    revision === undefined
      ? (view.revisions.find((r) => r.status === 'approved') ?? view.revisions[0])
      : view.revisions.find((r) => r.revision === revision);
  if (!chosen) throw notFound();
  return { view, revision: chosen };
}

// ---------- the public list ----------

/**
 * Meetings whose minutes are public and approved (issue 15 §3), newest meeting first, for anyone: the
 * latest approved revision of each. Members-only minutes never appear here, whoever asks (the list is the
 * same for everyone, so it may be cached); drafts never do.
 */
export async function listPublicMinutes(db: Db, query: PublicMinutesQuery): Promise<PublicMinutesList> {
  const latest = db
    .select({
      meetingId: meetingMinutes.meetingId,
      revision: sql<number>`max(${meetingMinutes.revision})::int`.as('revision'),
      approvedAt: sql<Date | string | null>`max(${meetingMinutes.approvedAt})`.as('approved_at'),
    })
    .from(meetingMinutes)
    .where(eq(meetingMinutes.status, 'approved'))
    .groupBy(meetingMinutes.meetingId)
    .as('latest');
  const where = eq(meetings.minutesVisibility, 'public');
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .innerJoin(latest, eq(latest.meetingId, meetings.id))
    .where(where);
  const rows = await db
    .select({
      meetingId: meetings.id,
      bodyNameBg: governingBodies.nameBg,
      bodyNameEn: governingBodies.nameEn,
      titleBg: meetings.titleBg,
      titleEn: meetings.titleEn,
      startsAt: meetings.startsAt,
      revision: latest.revision,
      approvedAt: latest.approvedAt,
    })
    .from(meetings)
    .innerJoin(latest, eq(latest.meetingId, meetings.id))
    .innerJoin(governingBodies, eq(governingBodies.id, meetings.bodyId))
    .where(where)
    .orderBy(desc(meetings.startsAt), asc(meetings.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => ({
      ...r,
      revision: Number(r.revision),
      startsAt: r.startsAt.toISOString(),
      approvedAt: r.approvedAt === null ? null : new Date(r.approvedAt).toISOString(),
    })),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
