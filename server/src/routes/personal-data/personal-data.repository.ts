import {
  alias,
  and,
  applicationDocuments,
  applicationEvents,
  applications,
  areas,
  asc,
  auditEvents,
  authTokens,
  boardItemRevisions,
  boardItems,
  bodyPositions,
  calendarFeeds,
  conversationDigests,
  conversationMessages,
  conversationReads,
  conversationSettings,
  conversations,
  type Db,
  decisions,
  eq,
  eventRegistrations,
  feePayments,
  fundingCallInterests,
  governingBodies,
  inArray,
  isNotNull,
  isNull,
  meetingBallots,
  meetingMinutes,
  meetingMinutesComments,
  meetingParticipants,
  meetings,
  membershipEvents,
  memberships,
  ne,
  newsPosts,
  or,
  organizationAreas,
  organizationLogos,
  organizations,
  outboxMessages,
  parseJson,
  projectDocuments,
  projectJoins,
  projects,
  projectTasks,
  rateLimits,
  readinessCriteria,
  readinessEvidence,
  readinessRuns,
  representativeInvitations,
  resourceBookings,
  resourcePhotos,
  rowsOf,
  type SQL,
  type SQLWrapper,
  sessions,
  sharedResources,
  sql,
  strategyIndicatorValues,
  userOrganizations,
  userRoles,
  users,
  voteSessions,
  votes,
} from '@portal/db';

import { containsPattern } from '../../db.ts';
import { resourceTableColumns } from '../resources/resources.repository.ts';

/** The seat an RSVP gave a proxy to. */
const rsvpProxies = alias(meetingParticipants, 'rsvp_proxies');

export { deleteSessionsOfUser } from '../../auth/sessions.repository.ts';
export { findPasswordHash } from '../account/account.repository.ts';

/** What the exports read and the erasures change (decision 029). */

// ---------------------------------------------------------------------------------------------------
// Exports: plain JSON of the rows, built by the database (the same on both engines, timestamps as
// PostgreSQL writes them in json). Each section is a builder query whose fields are named one by one
// (camelCase), so nothing secret (a password hash, a session or token hash) or bulky (a document's or
// logo's bytes) can slip in, and a renamed column fails the type check.
// ---------------------------------------------------------------------------------------------------

/** A row of an export: the fields chosen, as json. */
export type ExportRow = Record<string, unknown>;

/** Fields as `<expression> as "<key>"`: the keys become the names in the json. */
function named(fields: Record<string, SQLWrapper>) {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, sql`${field}`.as(key)]));
}

/**
 * The rows of `query` as one json array, aggregated by the database. Raw: json_agg over the query's
 * rows keeps the database's json of every value (dates, timestamps, jsonb, arrays) as the export gives it.
 */
async function jsonRows(db: Db, query: SQLWrapper): Promise<ExportRow[]> {
  const [row] = await rowsOf<{ rows: ExportRow[] | string }>(
    db,
    sql`select coalesce(json_agg(t), '[]'::json) as rows from ${query} t`,
  );
  return row ? parseJson(row.rows) : [];
}

async function jsonRow(db: Db, query: SQLWrapper): Promise<ExportRow | null> {
  return (await jsonRows(db, query))[0] ?? null;
}

/** An application's documents, described (never their bytes). */
const documentsOfApplication = sql`(select coalesce(json_agg(json_build_object(
    'id', ${applicationDocuments.id}, 'kind', ${applicationDocuments.kind},
    'filename', ${applicationDocuments.filename}, 'size', ${applicationDocuments.size},
    'sha256', ${applicationDocuments.sha256}, 'uploadedAt', ${applicationDocuments.uploadedAt})
    order by ${applicationDocuments.uploadedAt}), '[]'::json)
  from ${applicationDocuments} where ${applicationDocuments.applicationId} = ${applications.id})`;

/** The applicant-facing timeline of an application (internal committee notes are not the applicant's). */
const applicantEventsOfApplication = sql`(select coalesce(json_agg(json_build_object(
    'at', ${applicationEvents.at}, 'kind', ${applicationEvents.kind}, 'action', ${applicationEvents.action},
    'fromState', ${applicationEvents.fromState}, 'toState', ${applicationEvents.toState},
    'text', ${applicationEvents.text}, 'changes', ${applicationEvents.changes})
    order by ${applicationEvents.id}), '[]'::json)
  from ${applicationEvents}
  where ${applicationEvents.applicationId} = ${applications.id} and ${applicationEvents.audience} = 'applicant')`;

/** The latest decision on an application. */
const decisionOfApplication = sql`(select json_build_object('number', ${decisions.number},
    'decidedOn', ${decisions.decidedOn}, 'outcome', ${decisions.outcome})
  from ${decisions} where ${decisions.applicationId} = ${applications.id}
  order by ${decisions.createdAt} desc limit 1)`;

/** A link's `token=` query value (as app.ts redactUrl hides it from logs). */
const TOKEN_IN_LINK = '([?&]token=)[^&#[:space:]]*';

const invitationFields = {
  id: representativeInvitations.id,
  organizationId: representativeInvitations.organizationId,
  email: representativeInvitations.email,
  createdAt: representativeInvitations.createdAt,
  expiresAt: representativeInvitations.expiresAt,
  acceptedAt: representativeInvitations.acceptedAt,
  revokedAt: representativeInvitations.revokedAt,
};

/** Everything the portal holds about a user, section by section (null: no such user). */
/** A booking as the exports show it: the resource, the organisation that asked, the time and its outcome. */
/** The board items' columns as both exports (the person's and the organisation's) show them, with revisions. */
const boardItemExportFields = {
  id: boardItems.id,
  organizationId: boardItems.organizationId,
  kind: boardItems.kind,
  type: boardItems.type,
  titleBg: boardItems.titleBg,
  titleEn: boardItems.titleEn,
  descriptionBg: boardItems.descriptionBg,
  descriptionEn: boardItems.descriptionEn,
  naceCode: boardItems.naceCode,
  validUntil: boardItems.validUntil,
  visibility: boardItems.visibility,
  status: boardItems.status,
  closeOutcome: boardItems.closeOutcome,
  closeNote: boardItems.closeNote,
  publishedAt: boardItems.publishedAt,
  closedAt: boardItems.closedAt,
  createdAt: boardItems.createdAt,
  updatedAt: boardItems.updatedAt,
  revisions: sql`(select coalesce(json_agg(json_build_object('version', r.version, 'content', r.content,
    'editedAt', r.created_at) order by r.version), '[]'::json)
    from board_item_revisions r where r.item_id = ${boardItems.id})`,
};

const bookingFields = {
  id: resourceBookings.id,
  resourceId: resourceBookings.resourceId,
  resourceNameBg: sharedResources.nameBg,
  organizationId: resourceBookings.organizationId,
  requestedBy: resourceBookings.requestedBy,
  decidedBy: resourceBookings.decidedBy,
  startsAt: resourceBookings.startsAt,
  endsAt: resourceBookings.endsAt,
  status: resourceBookings.status,
  reason: resourceBookings.reason,
  createdAt: resourceBookings.createdAt,
  updatedAt: resourceBookings.updatedAt,
};

export async function findAccountExport(db: Db, userId: string) {
  const account = await jsonRow(
    db,
    db
      .select(
        named({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          language: users.language,
          emailVerifiedAt: users.emailVerifiedAt,
          disabledAt: users.disabledAt,
          createdAt: users.createdAt,
          updatedAt: users.updatedAt,
        }),
      )
      .from(users)
      .where(eq(users.id, userId)),
  );
  if (!account) return null;
  const email = String(account.email);
  // Snapshots only of events about the user: those they merely acted in may hold other people's data.
  const aboutMe = and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId))!;
  return {
    account,
    roles: await jsonRows(
      db,
      db
        .select(named({ role: userRoles.role, grantedAt: userRoles.grantedAt }))
        .from(userRoles)
        .where(eq(userRoles.userId, userId))
        .orderBy(asc(userRoles.role)),
    ),
    /** Their positions in the cluster's bodies, every term (issue 15 §1, decision 039). */
    bodyPositions: await jsonRows(
      db,
      db
        .select(
          named({
            id: bodyPositions.id,
            bodyId: bodyPositions.bodyId,
            bodyNameBg: governingBodies.nameBg,
            bodyNameEn: governingBodies.nameEn,
            position: bodyPositions.position,
            startsOn: bodyPositions.startsOn,
            endsOn: bodyPositions.endsOn,
          }),
        )
        .from(bodyPositions)
        .innerJoin(governingBodies, eq(governingBodies.id, bodyPositions.bodyId))
        .where(eq(bodyPositions.userId, userId))
        .orderBy(asc(bodyPositions.startsOn)),
    ),
    sessions: await jsonRows(
      db,
      db
        .select(
          named({
            id: sessions.id,
            createdAt: sessions.createdAt,
            lastSeenAt: sessions.lastSeenAt,
            expiresAt: sessions.expiresAt,
            userAgent: sessions.userAgent,
          }),
        )
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt)),
    ),
    organizations: await jsonRows(
      db,
      db
        .select(
          named({
            id: organizations.id,
            eik: organizations.eik,
            nameBg: organizations.nameBg,
            nameEn: organizations.nameEn,
            linkedAt: userOrganizations.linkedAt,
          }),
        )
        .from(userOrganizations)
        .innerJoin(organizations, eq(organizations.id, userOrganizations.organizationId))
        .where(eq(userOrganizations.userId, userId))
        .orderBy(asc(organizations.nameBg)),
    ),
    applications: await jsonRows(
      db,
      db
        .select(
          named({
            id: applications.id,
            state: applications.state,
            answers: applications.data,
            eik: applications.eik,
            kind: applications.kind,
            organizationId: applications.organizationId,
            submittedAt: applications.submittedAt,
            decidedAt: applications.decidedAt,
            createdAt: applications.createdAt,
            updatedAt: applications.updatedAt,
            documents: documentsOfApplication,
            events: applicantEventsOfApplication,
            decision: decisionOfApplication,
          }),
        )
        .from(applications)
        .where(eq(applications.applicantId, userId))
        .orderBy(asc(applications.createdAt)),
    ),
    votes: await jsonRows(
      db,
      db
        .select(
          named({
            applicationId: voteSessions.applicationId,
            round: voteSessions.round,
            choice: votes.choice,
            recused: votes.recused,
            recusalReason: votes.recusalReason,
            updatedAt: votes.updatedAt,
          }),
        )
        .from(votes)
        .innerJoin(voteSessions, eq(voteSessions.id, votes.sessionId))
        .where(eq(votes.memberId, userId))
        .orderBy(asc(votes.updatedAt)),
    ),
    // Their ballots at meetings (open ballot, decision 043): cast by them, or for their seat.
    meetingBallots: await jsonRows(
      db,
      db
        .select(
          named({
            meetingId: meetings.id,
            meetingTitleBg: meetings.titleBg,
            agendaItemId: meetingBallots.agendaItemId,
            seat: meetingParticipants.name,
            choice: meetingBallots.choice,
            castByThem: sql`${meetingBallots.castBy} = ${userId}`,
            castAt: meetingBallots.castAt,
          }),
        )
        .from(meetingBallots)
        .innerJoin(meetingParticipants, eq(meetingParticipants.id, meetingBallots.participantId))
        .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
        .where(or(eq(meetingBallots.castBy, userId), eq(meetingParticipants.userId, userId)))
        .orderBy(asc(meetingBallots.castAt)),
    ),
    // Their answers to meeting invitations (decision 041): for their own seat, or given by them for a seat
    // (their organisation's at the assembly), with the seat they gave a proxy to.
    meetingRsvps: await jsonRows(
      db,
      db
        .select(
          named({
            meetingId: meetings.id,
            meetingTitleBg: meetings.titleBg,
            meetingTitleEn: meetings.titleEn,
            startsAt: meetings.startsAt,
            seat: meetingParticipants.name,
            answer: meetingParticipants.rsvp,
            proxy: rsvpProxies.name,
            answeredByThem: sql`coalesce(${meetingParticipants.rsvpBy} = ${userId}, false)`,
            answeredAt: meetingParticipants.rsvpAt,
          }),
        )
        .from(meetingParticipants)
        .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
        .leftJoin(rsvpProxies, eq(rsvpProxies.id, meetingParticipants.rsvpProxyId))
        .where(
          and(
            isNotNull(meetingParticipants.rsvp),
            or(eq(meetingParticipants.rsvpBy, userId), eq(meetingParticipants.userId, userId)),
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetingParticipants.rsvpAt), asc(meetingParticipants.id)),
    ),
    invitationsSent: await jsonRows(
      db,
      db
        .select(named(invitationFields))
        .from(representativeInvitations)
        .where(eq(representativeInvitations.invitedBy, userId))
        .orderBy(asc(representativeInvitations.createdAt)),
    ),
    invitationsReceived: await jsonRows(
      db,
      db
        .select(named(invitationFields))
        .from(representativeInvitations)
        .where(
          or(eq(representativeInvitations.email, email), eq(representativeInvitations.acceptedBy, userId)),
        )
        .orderBy(asc(representativeInvitations.createdAt)),
    ),
    emails: await jsonRows(
      db,
      db
        .select(
          named({
            id: outboxMessages.id,
            to: outboxMessages.toEmail,
            language: outboxMessages.language,
            template: outboxMessages.template,
            subject: outboxMessages.subject,
            // An emailed link's single-use token is a credential: the file shows the link without it.
            text: sql`regexp_replace(${outboxMessages.text}, ${TOKEN_IN_LINK}, ${'\\1[redacted]'}, 'g')`,
            status: outboxMessages.status,
            createdAt: outboxMessages.createdAt,
            sentAt: outboxMessages.sentAt,
          }),
        )
        .from(outboxMessages)
        .where(eq(outboxMessages.toEmail, email))
        .orderBy(asc(outboxMessages.createdAt)),
    ),
    boardItems: await jsonRows(
      db,
      db
        .select(named(boardItemExportFields))
        .from(boardItems)
        .where(eq(boardItems.createdBy, userId))
        .orderBy(asc(boardItems.createdAt)),
    ),
    newsPosts: await jsonRows(
      db,
      db
        .select(
          named({
            id: newsPosts.id,
            slug: newsPosts.slug,
            category: newsPosts.category,
            status: newsPosts.status,
            organizationId: newsPosts.organizationId,
            titleBg: newsPosts.titleBg,
            titleEn: newsPosts.titleEn,
            summaryBg: newsPosts.summaryBg,
            summaryEn: newsPosts.summaryEn,
            bodyBg: newsPosts.bodyBg,
            bodyEn: newsPosts.bodyEn,
            publishAt: newsPosts.publishAt,
            submittedAt: newsPosts.submittedAt,
            returnReason: newsPosts.returnReason,
            createdAt: newsPosts.createdAt,
            updatedAt: newsPosts.updatedAt,
          }),
        )
        .from(newsPosts)
        .where(eq(newsPosts.authorId, userId))
        .orderBy(asc(newsPosts.createdAt)),
    ),
    fundingCallInterests: await jsonRows(
      db,
      db
        .select(
          named({
            callId: fundingCallInterests.callId,
            organizationId: fundingCallInterests.organizationId,
            createdAt: fundingCallInterests.createdAt,
          }),
        )
        .from(fundingCallInterests)
        .where(eq(fundingCallInterests.markedBy, userId))
        .orderBy(asc(fundingCallInterests.createdAt)),
    ),
    strategyValues: await jsonRows(
      db,
      db
        .select(
          named({
            id: strategyIndicatorValues.id,
            indicatorId: strategyIndicatorValues.indicatorId,
            value: strategyIndicatorValues.value,
            source: strategyIndicatorValues.source,
            measuredOn: strategyIndicatorValues.measuredOn,
            createdAt: strategyIndicatorValues.createdAt,
          }),
        )
        .from(strategyIndicatorValues)
        .where(eq(strategyIndicatorValues.enteredBy, userId))
        .orderBy(asc(strategyIndicatorValues.createdAt)),
    ),
    readinessEvidence: await jsonRows(
      db,
      db
        .select(
          named({
            id: readinessEvidence.id,
            criterionId: readinessEvidence.criterionId,
            kind: readinessEvidence.kind,
            title: readinessEvidence.title,
            url: readinessEvidence.url,
            fileName: readinessEvidence.fileName,
            createdAt: readinessEvidence.createdAt,
          }),
        )
        .from(readinessEvidence)
        .where(eq(readinessEvidence.addedBy, userId))
        .orderBy(asc(readinessEvidence.createdAt)),
    ),
    readinessMarks: await jsonRows(
      db,
      db
        .select(
          named({
            criterionId: readinessCriteria.id,
            code: readinessCriteria.code,
            manualStatus: readinessCriteria.manualStatus,
            manualMarkedAt: readinessCriteria.manualMarkedAt,
          }),
        )
        .from(readinessCriteria)
        .where(eq(readinessCriteria.manualMarkedBy, userId))
        .orderBy(asc(readinessCriteria.manualMarkedAt)),
    ),
    readinessRuns: await jsonRows(
      db,
      db
        .select(named({ id: readinessRuns.id, setId: readinessRuns.setId, ranAt: readinessRuns.ranAt }))
        .from(readinessRuns)
        .where(eq(readinessRuns.ranBy, userId))
        .orderBy(asc(readinessRuns.ranAt)),
    ),
    minutesComments: await jsonRows(
      db,
      db
        .select(
          named({
            id: meetingMinutesComments.id,
            meetingId: meetingMinutes.meetingId,
            revision: meetingMinutes.revision,
            text: meetingMinutesComments.text,
            createdAt: meetingMinutesComments.createdAt,
          }),
        )
        .from(meetingMinutesComments)
        .innerJoin(meetingMinutes, eq(meetingMinutes.id, meetingMinutesComments.minutesId))
        .where(eq(meetingMinutesComments.authorId, userId))
        .orderBy(asc(meetingMinutesComments.createdAt)),
    ),
    eventRegistrations: await jsonRows(
      db,
      db
        .select(
          named({
            id: eventRegistrations.id,
            postId: eventRegistrations.postId,
            slug: newsPosts.slug,
            name: eventRegistrations.name,
            email: eventRegistrations.email,
            organizationName: eventRegistrations.organizationName,
            language: eventRegistrations.language,
            status: eventRegistrations.status,
            createdAt: eventRegistrations.createdAt,
            confirmedAt: eventRegistrations.confirmedAt,
            cancelledAt: eventRegistrations.cancelledAt,
          }),
        )
        .from(eventRegistrations)
        .innerJoin(newsPosts, eq(newsPosts.id, eventRegistrations.postId))
        .where(or(eq(eventRegistrations.userId, userId), eq(eventRegistrations.email, email.toLowerCase())))
        .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id)),
    ),
    projectJoins: await jsonRows(
      db,
      db
        .select(
          named({
            id: projectJoins.id,
            projectId: projectJoins.projectId,
            projectTitleBg: projects.titleBg,
            projectTitleEn: projects.titleEn,
            organizationId: projectJoins.organizationId,
            kind: projectJoins.kind,
            message: projectJoins.message,
            status: projectJoins.status,
            madeByThem: sql`${projectJoins.createdBy} = ${userId}`,
            answeredByThem: sql`${projectJoins.answeredBy} = ${userId}`,
            createdAt: projectJoins.createdAt,
            answeredAt: projectJoins.answeredAt,
          }),
        )
        .from(projectJoins)
        .innerJoin(projects, eq(projects.id, projectJoins.projectId))
        .where(or(eq(projectJoins.createdBy, userId), eq(projectJoins.answeredBy, userId)))
        .orderBy(asc(projectJoins.createdAt), asc(projectJoins.id)),
    ),
    projectDocuments: await jsonRows(
      db,
      db
        .select(
          named({
            id: projectDocuments.id,
            projectId: projectDocuments.projectId,
            projectTitleBg: projects.titleBg,
            projectTitleEn: projects.titleEn,
            callDocumentId: projectDocuments.callDocumentId,
            partnerId: projectDocuments.partnerId,
            filename: projectDocuments.filename,
            size: projectDocuments.size,
            sha256: projectDocuments.sha256,
            uploadedAt: projectDocuments.uploadedAt,
          }),
        )
        .from(projectDocuments)
        .innerJoin(projects, eq(projects.id, projectDocuments.projectId))
        .where(eq(projectDocuments.uploadedBy, userId))
        .orderBy(asc(projectDocuments.uploadedAt), asc(projectDocuments.id)),
    ),
    conversationMessages: await jsonRows(
      db,
      db
        .select(
          named({
            id: conversationMessages.id,
            conversationId: conversationMessages.conversationId,
            authorOrganizationId: conversationMessages.authorOrganizationId,
            body: conversationMessages.body,
            createdAt: conversationMessages.createdAt,
          }),
        )
        .from(conversationMessages)
        .where(eq(conversationMessages.authorUserId, userId))
        .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id)),
    ),
    conversationSettings: await jsonRows(
      db,
      db
        .select(
          named({
            emailsEnabled: conversationSettings.emailsEnabled,
            updatedAt: conversationSettings.updatedAt,
          }),
        )
        .from(conversationSettings)
        .where(eq(conversationSettings.userId, userId)),
    ),
    bookings: await jsonRows(
      db,
      db
        .select(named(bookingFields))
        .from(resourceBookings)
        .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
        .where(or(eq(resourceBookings.requestedBy, userId), eq(resourceBookings.decidedBy, userId)))
        .orderBy(asc(resourceBookings.startsAt), asc(resourceBookings.id)),
    ),
    auditEvents: await jsonRows(
      db,
      db
        .select(
          named({
            id: auditEvents.id,
            occurredAt: auditEvents.occurredAt,
            action: auditEvents.action,
            entityType: auditEvents.entityType,
            entityId: auditEvents.entityId,
            byMe: sql`${auditEvents.actorId} = ${userId}`,
            before: sql`case when ${aboutMe} then ${auditEvents.before} end`,
            after: sql`case when ${aboutMe} then ${auditEvents.after} end`,
          }),
        )
        .from(auditEvents)
        .where(or(eq(auditEvents.actorId, userId), aboutMe))
        .orderBy(asc(auditEvents.id)),
    ),
  };
}

/** The ids of the organisation's applications (a subquery). */
const applicationsOf = (db: Db, organizationId: string) =>
  db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.organizationId, organizationId));

/** Everything the portal holds about an organisation, section by section (null: no such organisation). */
export async function findOrganizationExport(db: Db, id: string) {
  const o = organizations;
  const organization = await jsonRow(
    db,
    db
      .select(
        named({
          id: o.id,
          eik: o.eik,
          nameBg: o.nameBg,
          nameEn: o.nameEn,
          kind: o.kind,
          employees: o.employees,
          sizeClass: o.sizeClass,
          foundedYear: o.foundedYear,
          city: o.city,
          address: o.address,
          website: o.website,
          publicEmail: o.publicEmail,
          publicPhone: o.publicPhone,
          descriptionBg: o.descriptionBg,
          descriptionEn: o.descriptionEn,
          naceCodes: o.naceCodes,
          offers: o.offers,
          seeks: o.seeks,
          contactName: o.contactName,
          contactPosition: o.contactPosition,
          contactEmail: o.contactEmail,
          contactPhone: o.contactPhone,
          visibility: o.visibility,
          logoVersion: o.logoVersion,
          acceptsContact: o.acceptsContact,
          createdAt: o.createdAt,
          updatedAt: o.updatedAt,
          version: o.version,
        }),
      )
      .from(o)
      .where(eq(o.id, id)),
  );
  if (!organization) return null;
  const e = membershipEvents;
  const i = representativeInvitations;
  return {
    organization,
    areas: await jsonRows(
      db,
      db
        .select(named({ id: areas.id, nameBg: areas.nameBg, nameEn: areas.nameEn }))
        .from(organizationAreas)
        .innerJoin(areas, eq(areas.id, organizationAreas.areaId))
        .where(eq(organizationAreas.organizationId, id))
        .orderBy(asc(areas.position), asc(areas.id)),
    ),
    logo: await jsonRow(
      db,
      db
        .select(
          named({
            version: organizationLogos.version,
            sourceType: organizationLogos.sourceType,
            width: organizationLogos.width,
            height: organizationLogos.height,
            createdAt: organizationLogos.createdAt,
          }),
        )
        .from(organizationLogos)
        .where(eq(organizationLogos.organizationId, id)),
    ),
    membership: await jsonRow(
      db,
      db
        .select(
          named({
            category: memberships.category,
            status: memberships.status,
            memberSince: memberships.memberSince,
            createdAt: memberships.createdAt,
            updatedAt: memberships.updatedAt,
          }),
        )
        .from(memberships)
        .where(eq(memberships.organizationId, id)),
    ),
    membershipEvents: await jsonRows(
      db,
      db
        .select(
          named({
            id: e.id,
            action: e.action,
            fromCategory: e.fromCategory,
            toCategory: e.toCategory,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            decisionNumber: decisions.number,
            reason: e.reason,
            effectiveOn: e.effectiveOn,
            createdAt: e.createdAt,
          }),
        )
        .from(e)
        .leftJoin(decisions, eq(decisions.id, e.decisionId))
        .where(eq(e.organizationId, id))
        .orderBy(asc(e.id)),
    ),
    boardItems: await jsonRows(
      db,
      db
        .select(named(boardItemExportFields))
        .from(boardItems)
        .where(eq(boardItems.organizationId, id))
        .orderBy(asc(boardItems.createdAt)),
    ),
    feePayments: await jsonRows(
      db,
      db
        .select(
          named({
            id: feePayments.id,
            year: feePayments.year,
            amountCents: feePayments.amountCents,
            paidOn: feePayments.paidOn,
            reference: feePayments.reference,
            createdAt: feePayments.createdAt,
          }),
        )
        .from(feePayments)
        .where(eq(feePayments.organizationId, id))
        .orderBy(asc(feePayments.year), asc(feePayments.paidOn)),
    ),
    sharedResources: await jsonRows(
      db,
      db
        .select(named({ ...resourceTableColumns, createdAt: sharedResources.createdAt }))
        .from(sharedResources)
        .where(eq(sharedResources.organizationId, id))
        .orderBy(asc(sharedResources.createdAt), asc(sharedResources.id)),
    ),
    resourceBookings: await jsonRows(
      db,
      db
        .select(named(bookingFields))
        .from(resourceBookings)
        .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
        .where(or(eq(resourceBookings.organizationId, id), eq(sharedResources.organizationId, id)))
        .orderBy(asc(resourceBookings.startsAt), asc(resourceBookings.id)),
    ),
    resourcePhotos: await jsonRows(
      db,
      db
        .select(
          named({
            id: resourcePhotos.id,
            resourceId: resourcePhotos.resourceId,
            position: resourcePhotos.position,
            sourceType: resourcePhotos.sourceType,
            width: resourcePhotos.width,
            height: resourcePhotos.height,
            createdAt: resourcePhotos.createdAt,
          }),
        )
        .from(resourcePhotos)
        .innerJoin(sharedResources, eq(sharedResources.id, resourcePhotos.resourceId))
        .where(eq(sharedResources.organizationId, id))
        .orderBy(asc(resourcePhotos.resourceId), asc(resourcePhotos.position)),
    ),
    calendarFeeds: await jsonRows(
      db,
      db
        .select(
          named({
            organizationId: calendarFeeds.organizationId,
            resourceId: calendarFeeds.resourceId,
            createdBy: calendarFeeds.createdBy,
            createdAt: calendarFeeds.createdAt,
          }),
        )
        .from(calendarFeeds)
        .leftJoin(sharedResources, eq(sharedResources.id, calendarFeeds.resourceId))
        .where(or(eq(calendarFeeds.organizationId, id), eq(sharedResources.organizationId, id)))
        .orderBy(asc(calendarFeeds.createdAt)),
    ),
    // Its conversations with every message, whichever side wrote it: both sides read them in the portal,
    // so either side's representative may take them home (decision 036).
    conversations: await jsonRows(
      db,
      sql`(select c.id, c.item_id as "itemId", i.title_bg as "itemTitleBg", i.title_en as "itemTitleEn",
          case when c.owner_organization_id = ${id} then 'owner' else 'interested' end as "side",
          o.id as "otherOrganizationId", o.name_bg as "otherOrganizationNameBg",
          o.name_en as "otherOrganizationNameEn", c.status, c.created_at as "createdAt",
          c.agreed_proposed_by_organization_id as "agreedProposedByOrganizationId",
          c.agreed_proposed_at as "agreedProposedAt", c.agreed_confirmed_at as "agreedConfirmedAt",
          c.proposal_ended as "proposalEnded", c.proposal_ended_at as "proposalEndedAt",
          c.proposal_ended_by_organization_id as "proposalEndedByOrganizationId",
          c.decline_reason as "declineReason",
          (select coalesce(json_agg(json_build_object(
              'id', m.id, 'authorName', case when u.erased_at is null then u.display_name end,
              'authorOrganizationId', m.author_organization_id, 'body', m.body, 'createdAt', m.created_at)
              order by m.created_at, m.id), '[]'::json)
            from conversation_messages m left join users u on u.id = m.author_user_id
            where m.conversation_id = c.id) as messages
        from conversations c
          join board_items i on i.id = c.item_id
          join organizations o on o.id = case when c.owner_organization_id = ${id}
            then c.interested_organization_id else c.owner_organization_id end
        where c.owner_organization_id = ${id} or c.interested_organization_id = ${id}
        order by c.created_at, c.id)`,
    ),
    partnerships: await jsonRows(
      db,
      sql`(select p.id, p.conversation_id as "conversationId", o.id as "partnerOrganizationId",
          o.name_bg as "partnerNameBg", o.name_en as "partnerNameEn", p.agreed_at as "agreedAt",
          case when p.owner_organization_id = ${id} then p.owner_consent_at else p.partner_consent_at end
            as "ownConsentAt",
          case when p.owner_organization_id = ${id} then p.partner_consent_at else p.owner_consent_at end
            as "partnerConsentAt",
          (select coalesce(json_agg(pa.area_id order by pa.area_id), '[]'::json)
            from partnership_areas pa where pa.partnership_id = p.id) as areas
        from partnerships p
          join organizations o on o.id = case when p.owner_organization_id = ${id}
            then p.partner_organization_id else p.owner_organization_id end
        where p.owner_organization_id = ${id} or p.partner_organization_id = ${id}
        order by p.agreed_at, p.id)`,
    ),
    representatives: await jsonRows(
      db,
      db
        .select(
          named({
            id: users.id,
            displayName: users.displayName,
            email: users.email,
            linkedAt: userOrganizations.linkedAt,
          }),
        )
        .from(userOrganizations)
        .innerJoin(users, eq(users.id, userOrganizations.userId))
        .where(eq(userOrganizations.organizationId, id))
        .orderBy(asc(userOrganizations.linkedAt)),
    ),
    invitations: await jsonRows(
      db,
      db
        .select(
          named({
            id: i.id,
            email: i.email,
            invitedBy: i.invitedBy,
            createdAt: i.createdAt,
            expiresAt: i.expiresAt,
            acceptedAt: i.acceptedAt,
            acceptedBy: i.acceptedBy,
            revokedAt: i.revokedAt,
          }),
        )
        .from(i)
        .where(eq(i.organizationId, id))
        .orderBy(asc(i.createdAt)),
    ),
    applications: await jsonRows(
      db,
      db
        .select(
          named({
            id: applications.id,
            state: applications.state,
            answers: applications.data,
            submittedAt: applications.submittedAt,
            decidedAt: applications.decidedAt,
            createdAt: applications.createdAt,
            documents: documentsOfApplication,
            events: applicantEventsOfApplication,
          }),
        )
        .from(applications)
        .where(and(eq(applications.organizationId, id), ne(applications.state, 'draft')))
        .orderBy(asc(applications.createdAt)),
    ),
    decisions: await jsonRows(
      db,
      db
        .select(
          named({
            id: decisions.id,
            number: decisions.number,
            decidedOn: decisions.decidedOn,
            subject: decisions.subject,
            outcome: decisions.outcome,
            textBg: decisions.textBg,
            textEn: decisions.textEn,
            tally: decisions.tally,
            createdAt: decisions.createdAt,
          }),
        )
        .from(decisions)
        .where(or(eq(decisions.organizationId, id), inArray(decisions.applicationId, applicationsOf(db, id))))
        .orderBy(asc(decisions.year), asc(decisions.sequence)),
    ),
    auditEvents: await jsonRows(
      db,
      db
        .select(
          named({
            id: auditEvents.id,
            occurredAt: auditEvents.occurredAt,
            action: auditEvents.action,
            actorId: auditEvents.actorId,
            actorName: users.displayName,
            before: auditEvents.before,
            after: auditEvents.after,
          }),
        )
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(eq(auditEvents.entityType, 'organization'), eq(auditEvents.entityId, id)))
        .orderBy(asc(auditEvents.id)),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------------------------------

/** Which applications' data an organisation's erasure scrubs: its own. */
export const applicationsOfOrganization = (organizationId: string) =>
  eq(applications.organizationId, organizationId);

/** Which application events an organisation's erasure scrubs: those of its applications. */
export const eventsOfOrganizationApplications = (db: Db, organizationId: string) =>
  inArray(applicationEvents.applicationId, applicationsOf(db, organizationId));

/** Which audit events an organisation's erasure scrubs: those about it. */
export const auditOfOrganization = (organizationId: string) =>
  and(eq(auditEvents.entityType, 'organization'), eq(auditEvents.entityId, organizationId));

/** Locks the user's row for the transaction (two erasures, or an erasure and an edit, serialise). */
export async function lockUser(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row;
}

export type ErasedUser = NonNullable<Awaited<ReturnType<typeof lockUser>>>;

/** The ids of the organisations the user represents (a subquery). */
const organizationsOf = (db: Db, userId: string) =>
  db
    .select({ id: userOrganizations.organizationId })
    .from(userOrganizations)
    .where(eq(userOrganizations.userId, userId));

/** Locks the organisations the user represents, in the order of their ids. */
export async function lockOrganizationsOf(db: Db, userId: string): Promise<void> {
  await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.id, organizationsOf(db, userId)))
    .orderBy(asc(organizations.id))
    .for('update');
}

/** The organisations the user is the only representative of, by Bulgarian name. */
export async function findOrganizationsRepresentedAlone(db: Db, userId: string) {
  return db
    .select({ nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(userOrganizations)
    .innerJoin(organizations, eq(organizations.id, userOrganizations.organizationId))
    .where(
      and(
        eq(userOrganizations.userId, userId),
        // The same table again under another name: a raw condition (`alias` is not re-exported by @portal/db).
        sql`not exists (select 1 from ${userOrganizations} other
          where other.organization_id = ${userOrganizations.organizationId} and other.user_id <> ${userId})`,
      ),
    )
    .orderBy(asc(organizations.nameBg));
}

/**
 * The phone numbers the user gave: in their applications' contact sections, and as the contact person of
 * organisations (by their email).
 */
export async function findPhonesOf(db: Db, userId: string, email: string): Promise<(string | null)[]> {
  const rows = await db
    .select({ phone: sql<string | null>`${applications.data}->'contact'->>'phone'` })
    .from(applications)
    .where(eq(applications.applicantId, userId))
    .union(
      db
        .select({ phone: organizations.contactPhone })
        .from(organizations)
        .where(eq(sql`lower(${organizations.contactEmail})`, email)),
    );
  return rows.map((r) => r.phone);
}

const noContact = {
  contactName: null,
  contactPosition: null,
  contactEmail: null,
  contactPhone: null,
  updatedAt: sql`now()`,
  version: sql`${organizations.version} + 1`,
};

/**
 * Clears the contact fields of the organisations whose contact person has this email, or this name (an
 * organisation the user represents); returns how many.
 */
export async function clearContactsOfPerson(
  db: Db,
  person: { userId: string; email: string; name: string },
): Promise<number> {
  const rows = await db
    .update(organizations)
    .set(noContact)
    .where(
      or(
        eq(sql`lower(${organizations.contactEmail})`, person.email),
        and(
          eq(sql`lower(${organizations.contactName})`, person.name),
          inArray(organizations.id, organizationsOf(db, person.userId)),
        ),
      ),
    )
    .returning({ id: organizations.id });
  return rows.length;
}

/** The organisation's contact fields, its row locked for the transaction. */
export async function lockOrganizationContact(db: Db, organizationId: string) {
  const [row] = await db
    .select({
      contactName: organizations.contactName,
      contactPosition: organizations.contactPosition,
      contactEmail: organizations.contactEmail,
      contactPhone: organizations.contactPhone,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return row;
}

export async function clearOrganizationContact(db: Db, organizationId: string): Promise<void> {
  await db.update(organizations).set(noContact).where(eq(organizations.id, organizationId));
}

/** An application's contact section (json). */
const contactOf = sql`${applications.data}->'contact'`;

/** Removes the contact section of the applications `where` picks; returns how many changed. */
async function dropApplicationContacts(db: Db, where: SQL | undefined): Promise<number> {
  const rows = await db
    .update(applications)
    .set({
      data: sql`${applications.data} - 'contact'`,
      updatedAt: sql`now()`,
      version: sql`${applications.version} + 1`,
    })
    .where(and(where, isNotNull(contactOf)))
    .returning({ id: applications.id });
  return rows.length;
}

/** The user's own applications lose their contact section. */
export const dropContactsOfApplicant = (db: Db, userId: string) =>
  dropApplicationContacts(db, eq(applications.applicantId, userId));

/** The organisation's applications lose the contact section naming this person (by email or name). */
export const dropContactsNaming = (db: Db, organizationId: string, person: { email: string; name: string }) =>
  dropApplicationContacts(
    db,
    and(
      eq(applications.organizationId, organizationId),
      or(
        eq(sql`lower(${contactOf}->>'email')`, person.email),
        eq(sql`lower(trim(${contactOf}->>'name'))`, person.name),
      ),
    ),
  );

/** Queued mail to the address is dropped; returns how many. */
export async function deletePendingMailTo(db: Db, email: string): Promise<number> {
  const rows = await db
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.toEmail, email), eq(outboxMessages.status, 'pending')))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** Mail sent to the address keeps its record, without address and content; returns how many. */
export async function redactMailTo(
  db: Db,
  email: string,
  placeholder: string,
  text: string,
): Promise<number> {
  const rows = await db
    .update(outboxMessages)
    // The Reply-To of a visitor's message (decision 053) goes with the content it belonged to.
    .set({ toEmail: placeholder, text, replyTo: null })
    .where(eq(outboxMessages.toEmail, email))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/**
 * Invitations to the address: open ones are deleted (returns how many), settled ones keep their record
 * under the placeholder.
 */
export async function eraseInvitationsTo(db: Db, email: string, placeholder: string): Promise<number> {
  const i = representativeInvitations;
  const deleted = await db
    .delete(i)
    .where(and(eq(i.email, email), isNull(i.acceptedAt), isNull(i.revokedAt)))
    .returning({ id: i.id });
  await db.update(i).set({ email: placeholder }).where(eq(i.email, email));
  return deleted.length;
}

/** The user's tokens, roles and links to organisations go. */
export async function deleteAccessOf(db: Db, userId: string): Promise<void> {
  await db.delete(authTokens).where(eq(authTokens.userId, userId));
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  await db.delete(userOrganizations).where(eq(userOrganizations.userId, userId));
}

export async function deleteRateLimits(db: Db, keys: string[]): Promise<void> {
  await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

/** The user row keeps nothing personal: the placeholder address, no name, no usable password. */
/**
 * The board items a person created and the revisions they made stay the organisation's (decision 033),
 * without the link to the person. Returns how many items were theirs.
 */
export async function detachBoardItemsOf(db: Db, userId: string): Promise<number> {
  await db.update(boardItemRevisions).set({ editedBy: null }).where(eq(boardItemRevisions.editedBy, userId));
  const detached = await db
    .update(boardItems)
    .set({ createdBy: null })
    .where(eq(boardItems.createdBy, userId))
    .returning({ id: boardItems.id });
  return detached.length;
}

/** The organisation's interest in funding calls stays; who marked it is forgotten (issue 16 §3). */
export async function detachCallInterestsOf(db: Db, userId: string): Promise<void> {
  await db
    .update(fundingCallInterests)
    .set({ markedBy: null })
    .where(eq(fundingCallInterests.markedBy, userId));
}

/**
 * The committee's strategy and readiness records stay; who entered a value, added evidence, marked an item
 * or ran a check is forgotten (issue 16 §1–2).
 */
export async function detachCommitteeRecordsOf(db: Db, userId: string): Promise<void> {
  await db
    .update(strategyIndicatorValues)
    .set({ enteredBy: null })
    .where(eq(strategyIndicatorValues.enteredBy, userId));
  await db.update(readinessEvidence).set({ addedBy: null }).where(eq(readinessEvidence.addedBy, userId));
  await db
    .update(readinessCriteria)
    .set({ manualMarkedBy: null })
    .where(eq(readinessCriteria.manualMarkedBy, userId));
  await db.update(readinessRuns).set({ ranBy: null }).where(eq(readinessRuns.ranBy, userId));
}

export async function anonymizeUser(db: Db, userId: string, placeholder: string): Promise<void> {
  await db
    .update(users)
    .set({
      email: placeholder,
      displayName: '',
      passwordHash: '!erased',
      erasedAt: sql`now()`,
      disabledAt: sql`coalesce(${users.disabledAt}, now())`,
      updatedAt: sql`now()`,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, userId));
}

// ---------- scrubbing values out of free text and json ----------

/** The tables whose json snapshots or free text may name a person. */
export const scrubbed = {
  applicationData: { table: applications, id: applications.id, columns: [applications.data] },
  applicationChanges: {
    table: applicationEvents,
    id: applicationEvents.id,
    columns: [applicationEvents.changes],
  },
  applicationTexts: { table: applicationEvents, id: applicationEvents.id, columns: [applicationEvents.text] },
  auditSnapshots: {
    table: auditEvents,
    id: auditEvents.id,
    columns: [auditEvents.before, auditEvents.after],
  },
  membershipReasons: { table: membershipEvents, id: membershipEvents.id, columns: [membershipEvents.reason] },
  bookingReasons: { table: resourceBookings, id: resourceBookings.id, columns: [resourceBookings.reason] },
  /** A board item's texts may name the person to call (decision 033); its revisions keep older texts. */
  boardItemTexts: {
    table: boardItems,
    id: boardItems.id,
    columns: [
      boardItems.titleBg,
      boardItems.titleEn,
      boardItems.descriptionBg,
      boardItems.descriptionEn,
      boardItems.closeNote,
    ],
  },
  boardItemRevisions: {
    table: boardItemRevisions,
    id: boardItemRevisions.id,
    columns: [boardItemRevisions.content],
  },
  /** A request to join or an invitation to a project may name the person to call (decision 050). */
  projectJoinMessages: { table: projectJoins, id: projectJoins.id, columns: [projectJoins.message] },
  conversationMessages: {
    table: conversationMessages,
    id: conversationMessages.id,
    columns: [conversationMessages.body],
  },
  /** A decline reason is free text written to the other side, like a message. */
  declineReasons: {
    table: conversations,
    id: conversations.id,
    columns: [conversations.declineReason],
  },
  mails: {
    table: outboxMessages,
    id: outboxMessages.id,
    columns: [outboxMessages.subject, outboxMessages.text],
  },
} as const;

export type Scrubbed = (typeof scrubbed)[keyof typeof scrubbed];

/** `text ilike` any of the values (a cheap pre-filter; the exact rules are applied by the service). */
function mentions(text: SQL, values: string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`(${sql.join(
    values.map((v) => sql`${text} ilike ${containsPattern(v)}`),
    sql` or `,
  )})`;
}

/**
 * The rows of `target` that `where` picks and whose columns mention any of `values` (in any case), with
 * their columns by name: json as parsed values, text as strings.
 */
export async function findRowsMentioning(
  db: Db,
  target: Scrubbed,
  where: SQL | undefined,
  values: string[],
): Promise<{ id: string | number; values: Record<string, unknown> }[]> {
  const columns: readonly SQLWrapper[] = target.columns;
  const rows = await db
    .select({
      id: sql<string | number>`${target.id}`,
      values: sql<unknown[]>`json_build_array(${sql.join(
        columns.map((c) => sql`${c}`),
        sql`, `,
      )})`.mapWith((v: unknown[] | string) => parseJson<unknown[]>(v)),
    })
    .from(target.table)
    .where(and(where, or(...columns.map((c) => mentions(sql`${c}::text`, values)))));
  return rows.map((r) => ({
    id: r.id,
    values: Object.fromEntries(target.columns.map((c, n) => [c.name, r.values[n]])),
  }));
}

/** Writes new values (by column name; json columns take json values) into one row of `target`. */
export async function updateScrubbedRow(
  db: Db,
  target: Scrubbed,
  id: string | number,
  values: Record<string, unknown>,
): Promise<void> {
  const sets = target.columns
    .filter((c) => c.name in values)
    .map((c) =>
      c.dataType === 'json'
        ? sql`${sql.identifier(c.name)} = ${JSON.stringify(values[c.name])}::jsonb`
        : sql`${sql.identifier(c.name)} = ${values[c.name]}`,
    );
  if (sets.length === 0) return;
  // Raw: one statement for any of the tables above (the builder's update is typed per table).
  await rowsOf(db, sql`update ${target.table} set ${sql.join(sets, sql`, `)} where ${target.id} = ${id}`);
}

/**
 * A person's part in conversations (decision 036): their messages stay for the other side to read, under
 * "erased person" (no author); who opened, proposed, confirmed, withdrew or declined is forgotten; their read marks, digest
 * times and settings go. Returns how many messages lost their author.
 */
export async function detachFromConversations(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(conversationMessages)
    .set({ authorUserId: null })
    .where(eq(conversationMessages.authorUserId, userId))
    .returning({ id: conversationMessages.id });
  await db.update(conversations).set({ openedBy: null }).where(eq(conversations.openedBy, userId));
  await db
    .update(conversations)
    .set({ agreedProposedBy: null })
    .where(eq(conversations.agreedProposedBy, userId));
  await db
    .update(conversations)
    .set({ agreedConfirmedBy: null })
    .where(eq(conversations.agreedConfirmedBy, userId));
  await db
    .update(conversations)
    .set({ proposalEndedBy: null })
    .where(eq(conversations.proposalEndedBy, userId));
  await db.delete(conversationReads).where(eq(conversationReads.userId, userId));
  await db.delete(conversationDigests).where(eq(conversationDigests.userId, userId));
  await db.delete(conversationSettings).where(eq(conversationSettings.userId, userId));
  return rows.length;
}

/**
 * Joint projects keep their requests, invitations, tasks and documents for the consortium, without who
 * made, answered or uploaded them (decision 050).
 */
export async function detachFromProjects(db: Db, userId: string): Promise<void> {
  await db.update(projects).set({ createdBy: null }).where(eq(projects.createdBy, userId));
  await db.update(projectTasks).set({ createdBy: null }).where(eq(projectTasks.createdBy, userId));
  await db.update(projectJoins).set({ createdBy: null }).where(eq(projectJoins.createdBy, userId));
  await db.update(projectJoins).set({ answeredBy: null }).where(eq(projectJoins.answeredBy, userId));
  await db.update(projectDocuments).set({ uploadedBy: null }).where(eq(projectDocuments.uploadedBy, userId));
}

/**
 * Erasure at meetings (decision 043): their seats keep their attendance and ballots (the counts and
 * decisions stand) without their name, and their ballots no longer say who cast them. Their RSVPs are
 * treated like their ballots: the answer stays with the seat (the officers planned the meeting and its
 * quorum from it, and a proxy seat's holder relies on it), only `rsvp_by` (who gave it) is cleared.
 */
export async function detachFromMeetings(db: Db, userId: string, placeholder: string): Promise<number> {
  await db.update(meetingBallots).set({ castBy: null }).where(eq(meetingBallots.castBy, userId));
  await db
    .update(meetingParticipants)
    .set({ rsvpBy: null, updatedAt: sql`now()` })
    .where(eq(meetingParticipants.rsvpBy, userId));
  const seats = await db
    .update(meetingParticipants)
    .set({ name: placeholder, updatedAt: sql`now()` })
    .where(eq(meetingParticipants.userId, userId))
    .returning({ id: meetingParticipants.id });
  return seats.length;
}
