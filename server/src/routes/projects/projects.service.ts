import { createHash } from 'node:crypto';
import {
  and,
  asc,
  type Db,
  desc,
  eq,
  fundingCallDocuments,
  fundingCalls,
  inArray,
  isNull,
  isUniqueViolation,
  memberships,
  ne,
  organizations,
  projectDocuments,
  projectJoins,
  projectPartners,
  projects,
  projectTasks,
  sql,
} from '@portal/db';
import {
  budgetProblems,
  canMoveProject,
  csvLine,
  formatEuroCents,
  isCommittee,
  isProjectClosed,
  type Language,
  type Principal,
  type Project,
  type ProjectBudgetBody,
  type ProjectCreateBody,
  type ProjectExternalPartnerBody,
  type ProjectListItem,
  type ProjectTaskBody,
  type ProjectUpdateBody,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { renderXlsx, type XlsxCell } from '../../xlsx/sheet.ts';

/**
 * Joint projects and consortia (issue 16 §4, decision 050). Who sees a project is decided here, per record:
 * a representative of a partner organisation that is an active member now works on it (the lead's also
 * leads it), the committee reads it, and for everyone else it does not exist. Every write is one
 * transaction with its audit event; the budget is saved whole against the project's version.
 */

export const projectNotFound = () => new AppError('project.not_found', 404);
type Access = Project['access'];

interface ProjectRow {
  id: string;
  leadOrganizationId: string;
  status: Project['status'];
  version: number;
  totalCents: number;
  callId: string | null;
}

/**
 * The project and what `principal` may do with it: 'lead' / 'partner' for a representative of a partner
 * that is an active member now, 'read' for the committee; otherwise 404 (403 membership.inactive for a
 * partner's representative while their organisation is not an active member).
 */
export async function projectAccess(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ project: ProjectRow; access: Access; partnerOrgIds: string[] }> {
  const [project] = await db
    .select({
      id: projects.id,
      leadOrganizationId: projects.leadOrganizationId,
      status: projects.status,
      version: projects.version,
      totalCents: projects.totalCents,
      callId: projects.callId,
    })
    .from(projects)
    .where(eq(projects.id, id));
  if (!project) throw projectNotFound();
  const partnerOrgIds = (
    await db
      .select({ organizationId: projectPartners.organizationId })
      .from(projectPartners)
      .where(eq(projectPartners.projectId, id))
  )
    .map((r) => r.organizationId)
    .filter((x): x is string => x !== null);
  const isRep = principal.roles.includes('representative');
  if (isRep) {
    if (principal.memberOrganizationIds.includes(project.leadOrganizationId)) {
      return { project, access: 'lead', partnerOrgIds };
    }
    if (partnerOrgIds.some((o) => principal.memberOrganizationIds.includes(o))) {
      return { project, access: 'partner', partnerOrgIds };
    }
  }
  if (isCommittee(principal)) return { project, access: 'read', partnerOrgIds };
  if (isRep && partnerOrgIds.some((o) => principal.organizationIds.includes(o))) {
    throw new AppError('membership.inactive', 403);
  }
  throw projectNotFound();
}

async function requireWork(db: Db, principal: Principal, id: string, lead = false) {
  const a = await projectAccess(db, principal, id);
  if (a.access === 'read' || (lead && a.access !== 'lead')) {
    throw new AppError(lead ? 'project.lead_only' : 'project.read_only', 403);
  }
  return a;
}

/** An organisation that is an active member now (not a candidate). */
async function isActiveMember(db: Db, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        ne(memberships.category, 'candidate'),
      ),
    );
  return row !== undefined;
}

// ---------- reading ----------

export async function listProjects(
  db: Db,
  principal: Principal,
  scope: 'mine' | 'forming' | 'all',
): Promise<{ items: ProjectListItem[] }> {
  if (scope === 'all' && !isCommittee(principal)) throw new AppError('auth.forbidden', 403);
  const mine = principal.memberOrganizationIds as string[];
  const myProjectIds =
    mine.length === 0
      ? []
      : (
          await db
            .selectDistinct({ id: projectPartners.projectId })
            .from(projectPartners)
            .where(inArray(projectPartners.organizationId, mine))
        ).map((r) => r.id);
  const where =
    scope === 'all'
      ? undefined
      : scope === 'mine'
        ? myProjectIds.length === 0
          ? sql`false`
          : inArray(projects.id, myProjectIds)
        : eq(projects.status, 'forming');
  const rows = await db
    .select({
      id: projects.id,
      titleBg: projects.titleBg,
      titleEn: projects.titleEn,
      callId: projects.callId,
      callCode: fundingCalls.code,
      leadOrganizationId: projects.leadOrganizationId,
      leadName: organizations.nameBg,
      leadNameEn: organizations.nameEn,
      status: projects.status,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .leftJoin(fundingCalls, eq(fundingCalls.id, projects.callId))
    .where(where)
    .orderBy(desc(projects.updatedAt), asc(projects.id))
    .limit(500);
  return { items: rows.map((r) => ({ ...r, mine: myProjectIds.includes(r.id) })) };
}

export async function loadProject(db: Db, principal: Principal, id: string): Promise<Project> {
  const { access } = await projectAccess(db, principal, id);
  return readProject(db, id, access);
}

async function readProject(db: Db, id: string, access: Access): Promise<Project> {
  const [p] = await db
    .select({
      id: projects.id,
      titleBg: projects.titleBg,
      titleEn: projects.titleEn,
      summaryBg: projects.summaryBg,
      summaryEn: projects.summaryEn,
      callId: projects.callId,
      callCode: fundingCalls.code,
      callTitleBg: fundingCalls.titleBg,
      callTitleEn: fundingCalls.titleEn,
      leadOrganizationId: projects.leadOrganizationId,
      status: projects.status,
      totalCents: projects.totalCents,
      version: projects.version,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .leftJoin(fundingCalls, eq(fundingCalls.id, projects.callId))
    .where(eq(projects.id, id));
  if (!p) throw projectNotFound();
  const partnerRows = await db
    .select({
      id: projectPartners.id,
      organizationId: projectPartners.organizationId,
      orgNameBg: organizations.nameBg,
      orgNameEn: organizations.nameEn,
      orgKind: organizations.kind,
      externalName: projectPartners.externalName,
      externalNameEn: projectPartners.externalNameEn,
      externalCountry: projectPartners.externalCountry,
      externalKind: projectPartners.externalKind,
      role: projectPartners.role,
      shareCents: projectPartners.shareCents,
    })
    .from(projectPartners)
    .leftJoin(organizations, eq(organizations.id, projectPartners.organizationId))
    .where(eq(projectPartners.projectId, id))
    .orderBy(asc(projectPartners.position), asc(projectPartners.createdAt), asc(projectPartners.id));
  const partners = partnerRows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    name: r.organizationId ? (r.orgNameBg ?? '') : (r.externalName ?? ''),
    nameEn: r.organizationId ? (r.orgNameEn ?? '') : r.externalNameEn || (r.externalName ?? ''),
    country: r.organizationId ? 'BG' : (r.externalCountry ?? ''),
    kind: r.organizationId ? (r.orgKind ?? null) : r.externalKind,
    role: r.role,
    shareCents: Number(r.shareCents),
    isLead: r.organizationId === p.leadOrganizationId,
  }));
  const tasks = await db
    .select({
      id: projectTasks.id,
      title: projectTasks.title,
      ownerPartnerId: projectTasks.ownerPartnerId,
      dueOn: projectTasks.dueOn,
      done: projectTasks.done,
      version: projectTasks.version,
    })
    .from(projectTasks)
    .where(eq(projectTasks.projectId, id))
    .orderBy(asc(projectTasks.done), sql`${projectTasks.dueOn} asc nulls last`, asc(projectTasks.createdAt));
  const callDocs = p.callId
    ? await db
        .select({
          id: fundingCallDocuments.id,
          nameBg: fundingCallDocuments.nameBg,
          nameEn: fundingCallDocuments.nameEn,
          perPartner: fundingCallDocuments.perPartner,
        })
        .from(fundingCallDocuments)
        .where(eq(fundingCallDocuments.callId, p.callId))
        .orderBy(asc(fundingCallDocuments.position), asc(fundingCallDocuments.id))
    : [];
  const uploads = await db
    .select({
      id: projectDocuments.id,
      callDocumentId: projectDocuments.callDocumentId,
      partnerId: projectDocuments.partnerId,
      filename: projectDocuments.filename,
      size: projectDocuments.size,
      uploadedAt: projectDocuments.uploadedAt,
    })
    .from(projectDocuments)
    .where(eq(projectDocuments.projectId, id));
  const joins = await db
    .select({
      id: projectJoins.id,
      kind: projectJoins.kind,
      organizationId: projectJoins.organizationId,
      organizationName: organizations.nameBg,
      organizationNameEn: organizations.nameEn,
      message: projectJoins.message,
      status: projectJoins.status,
      createdAt: projectJoins.createdAt,
    })
    .from(projectJoins)
    .innerJoin(organizations, eq(organizations.id, projectJoins.organizationId))
    .where(eq(projectJoins.projectId, id))
    .orderBy(sql`${projectJoins.status} = 'pending' desc`, desc(projectJoins.createdAt));
  return {
    ...p,
    totalCents: Number(p.totalCents),
    updatedAt: p.updatedAt.toISOString(),
    partners,
    tasks,
    checklist: callDocs.map((d) => ({
      callDocumentId: d.id,
      nameBg: d.nameBg,
      nameEn: d.nameEn,
      perPartner: d.perPartner,
      uploads: uploads
        .filter((u) => u.callDocumentId === d.id)
        .map((u) => ({
          id: u.id,
          partnerId: u.partnerId,
          filename: u.filename,
          size: u.size,
          uploadedAt: u.uploadedAt.toISOString(),
        })),
    })),
    joins: joins.map((j) => ({ ...j, createdAt: j.createdAt.toISOString() })),
    access,
  };
}

// ---------- writing ----------

async function assertCall(db: Db, callId: string | null) {
  if (!callId) return;
  const [row] = await db
    .select({ id: fundingCalls.id })
    .from(fundingCalls)
    .where(eq(fundingCalls.id, callId));
  if (!row) throw fieldError('callId', 'project.call_unknown');
}

/** A representative of an active member starts a project led by that organisation (status idea). */
export async function createProject(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  body: ProjectCreateBody,
): Promise<Project> {
  if (!principal.organizationIds.includes(body.leadOrganizationId)) {
    throw new AppError('organization.not_found', 404);
  }
  if (!principal.memberOrganizationIds.includes(body.leadOrganizationId)) {
    throw new AppError('membership.inactive', 403);
  }
  await assertCall(db, body.callId);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({ ...body, createdBy: actor.userId })
      .returning({ id: projects.id });
    await tx.insert(projectPartners).values({ projectId: row!.id, organizationId: body.leadOrganizationId });
    await recordAudit(tx, actor, {
      action: 'project.created',
      entityType: 'project',
      entityId: row!.id,
      after: body,
    });
    return row!.id;
  });
  return readProject(db, id, 'lead');
}

/** The lead changes the idea and moves its status (with the version read: 409 if changed meanwhile). */
export async function updateProject(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  body: ProjectUpdateBody,
): Promise<Project> {
  const { project } = await requireWork(db, principal, id, true);
  if (!canMoveProject(project.status, body.status)) {
    throw fieldError('status', 'project.illegal_transition', { from: project.status, to: body.status });
  }
  await assertCall(db, body.callId);
  const { version: expected, ...fields } = body;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        titleBg: projects.titleBg,
        titleEn: projects.titleEn,
        summaryBg: projects.summaryBg,
        summaryEn: projects.summaryEn,
        callId: projects.callId,
        status: projects.status,
      })
      .from(projects)
      .where(eq(projects.id, id));
    const [updated] = await tx
      .update(projects)
      .set({ ...fields, updatedAt: new Date(), version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, id), eq(projects.version, expected)))
      .returning({ id: projects.id });
    if (!updated) throw new AppError('project.version_conflict', 409);
    await recordAudit(tx, actor, {
      action: 'project.updated',
      entityType: 'project',
      entityId: id,
      before,
      after: fields,
    });
  });
  return readProject(db, id, 'lead');
}

/**
 * Replaces the budget (the total and every partner's share) if the project is still at `expectedVersion`:
 * the shares must be ≥ 0 and sum to the total exactly, else 400 with field errors and nothing saved. The
 * project row is locked (SELECT … FOR UPDATE) before the version is compared, which serialises concurrent
 * saves: of two partners saving the same version, the second waits, finds the version moved on and gets
 * 412, so no save is ever lost. Partner changes move the version too, so a budget never misses a partner.
 */
export async function saveBudget(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  expectedVersion: number,
  body: ProjectBudgetBody,
): Promise<Project> {
  const { access } = await requireWork(db, principal, id);
  await db.transaction(async (tx) => {
    // Lock the project row first: a concurrent save waits here, then sees the version moved on (412).
    const [before] = await tx
      .select({ totalCents: projects.totalCents, version: projects.version })
      .from(projects)
      .where(eq(projects.id, id))
      .for('update');
    if (!before) throw projectNotFound();
    if (before.version !== expectedVersion) throw new AppError('precondition.failed', 412);
    const partners = await tx
      .select({ id: projectPartners.id, shareCents: projectPartners.shareCents })
      .from(projectPartners)
      .where(eq(projectPartners.projectId, id));
    const problems = budgetProblems(
      body,
      partners.map((p) => p.id),
    );
    if (problems.length > 0) {
      throw new AppError('validation.failed', 400, {
        fields: problems.map((p) => ({
          path: p.path,
          code: p.code,
          ...(p.values ? { values: p.values } : {}),
        })),
      });
    }
    await tx
      .update(projects)
      .set({ totalCents: body.totalCents, updatedAt: new Date(), version: sql`${projects.version} + 1` })
      .where(eq(projects.id, id));
    const shares = new Map(body.lines.map((l) => [l.partnerId, l.shareCents]));
    for (const p of partners) {
      const share = shares.get(p.id) ?? 0;
      if (share !== Number(p.shareCents)) {
        await tx.update(projectPartners).set({ shareCents: share }).where(eq(projectPartners.id, p.id));
      }
    }
    await recordAudit(tx, actor, {
      action: 'project.budget_saved',
      entityType: 'project',
      entityId: id,
      before: {
        totalCents: Number(before.totalCents),
        lines: partners.map((p) => ({ partnerId: p.id, shareCents: Number(p.shareCents) })),
      },
      after: {
        totalCents: body.totalCents,
        lines: partners.map((p) => ({ partnerId: p.id, shareCents: shares.get(p.id) ?? 0 })),
      },
    });
  });
  return readProject(db, id, access);
}

/** Bumps the project's version (a change of its partners changes what the budget covers). */
async function touch(tx: Db, id: string) {
  await tx
    .update(projects)
    .set({ updatedAt: new Date(), version: sql`${projects.version} + 1` })
    .where(eq(projects.id, id));
}

export async function addExternalPartner(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  body: ProjectExternalPartnerBody,
): Promise<Project> {
  await requireWork(db, principal, id, true);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectPartners)
      .values({
        projectId: id,
        externalName: body.name,
        externalNameEn: body.nameEn,
        externalCountry: body.country,
        externalKind: body.kind,
        role: body.role,
        position: 1,
      })
      .returning({ id: projectPartners.id });
    await touch(tx, id);
    await recordAudit(tx, actor, {
      action: 'project.partner_added',
      entityType: 'project',
      entityId: id,
      after: { partnerId: row!.id, ...body },
    });
  });
  return readProject(db, id, 'lead');
}

export async function setPartnerRole(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  partnerId: string,
  role: string,
): Promise<Project> {
  await requireWork(db, principal, id, true);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: projectPartners.role })
      .from(projectPartners)
      .where(and(eq(projectPartners.id, partnerId), eq(projectPartners.projectId, id)));
    if (!before) throw new AppError('project.partner_not_found', 404);
    await tx.update(projectPartners).set({ role }).where(eq(projectPartners.id, partnerId));
    await recordAudit(tx, actor, {
      action: 'project.partner_updated',
      entityType: 'project',
      entityId: id,
      before: { partnerId, role: before.role },
      after: { partnerId, role },
    });
  });
  return readProject(db, id, 'lead');
}

/**
 * The lead removes a partner (never itself). Its share leaves the budget with it: the total drops by the
 * share, so the shares still sum to the total; its uploads go with it.
 */
export async function removePartner(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  partnerId: string,
): Promise<Project> {
  const { project } = await requireWork(db, principal, id, true);
  await db.transaction(async (tx) => {
    // Lock the project row as a budget save does: the share read below stays the one taken off the total.
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).for('update');
    const [partner] = await tx
      .select()
      .from(projectPartners)
      .where(and(eq(projectPartners.id, partnerId), eq(projectPartners.projectId, id)));
    if (!partner) throw new AppError('project.partner_not_found', 404);
    if (partner.organizationId === project.leadOrganizationId) throw new AppError('project.lead_stays', 409);
    await tx.delete(projectPartners).where(eq(projectPartners.id, partnerId));
    await tx
      .update(projects)
      .set({
        totalCents: sql`${projects.totalCents} - ${Number(partner.shareCents)}`,
        updatedAt: new Date(),
        version: sql`${projects.version} + 1`,
      })
      .where(eq(projects.id, id));
    await recordAudit(tx, actor, {
      action: 'project.partner_removed',
      entityType: 'project',
      entityId: id,
      before: {
        partnerId,
        organizationId: partner.organizationId,
        name: partner.externalName,
        role: partner.role,
        shareCents: Number(partner.shareCents),
      },
    });
  });
  return readProject(db, id, 'lead');
}

// ---------- requests to join and invitations ----------

async function assertNotPartner(db: Db, id: string, organizationId: string) {
  const [row] = await db
    .select({ id: projectPartners.id })
    .from(projectPartners)
    .where(and(eq(projectPartners.projectId, id), eq(projectPartners.organizationId, organizationId)));
  if (row) throw new AppError('project.already_partner', 409);
}

async function insertJoin(tx: Db, values: typeof projectJoins.$inferInsert): Promise<string> {
  try {
    const [row] = await tx.insert(projectJoins).values(values).returning({ id: projectJoins.id });
    return row!.id;
  } catch (error) {
    if (isUniqueViolation(error, 'project_joins_pending_unique'))
      throw new AppError('project.join_pending', 409);
    throw error;
  }
}

/** The lead invites a member organisation (an active member now) to join as a partner. */
export async function invitePartner(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  body: { organizationId: string; message: string },
): Promise<Project> {
  const { project } = await requireWork(db, principal, id, true);
  if (isProjectClosed(project.status)) throw new AppError('project.closed', 409);
  if (!(await isActiveMember(db, body.organizationId))) {
    throw fieldError('organizationId', 'project.not_a_member');
  }
  await assertNotPartner(db, id, body.organizationId);
  await db.transaction(async (tx) => {
    const joinId = await insertJoin(tx, {
      projectId: id,
      organizationId: body.organizationId,
      kind: 'invitation',
      message: body.message,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'project.partner_invited',
      entityType: 'project',
      entityId: id,
      after: { joinId, organizationId: body.organizationId, message: body.message },
    });
    await recordEvent(tx, { type: 'project.join', payload: { joinId, step: 'created' } });
  });
  return readProject(db, id, 'lead');
}

/**
 * A representative of an active member asks, for it, to join a forming project. They see no more of the
 * project than the list shows until the lead accepts.
 */
export async function requestToJoin(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  body: { organizationId: string; message: string },
): Promise<{ id: string; status: 'pending' }> {
  if (!principal.organizationIds.includes(body.organizationId))
    throw new AppError('organization.not_found', 404);
  if (!principal.memberOrganizationIds.includes(body.organizationId)) {
    throw new AppError('membership.inactive', 403);
  }
  const [project] = await db.select({ status: projects.status }).from(projects).where(eq(projects.id, id));
  if (!project) throw projectNotFound();
  if (project.status !== 'forming') throw new AppError('project.not_forming', 409);
  await assertNotPartner(db, id, body.organizationId);
  const joinId = await db.transaction(async (tx) => {
    const joinId = await insertJoin(tx, {
      projectId: id,
      organizationId: body.organizationId,
      kind: 'request',
      message: body.message,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'project.join_requested',
      entityType: 'project',
      entityId: id,
      after: { joinId, organizationId: body.organizationId, message: body.message },
    });
    await recordEvent(tx, { type: 'project.join', payload: { joinId, step: 'created' } });
    return joinId;
  });
  return { id: joinId, status: 'pending' };
}

/** Pending invitations to the principal's organisations (to accept or decline), with the project's title. */
export async function myInvitations(db: Db, principal: Principal) {
  const mine = principal.memberOrganizationIds as string[];
  if (mine.length === 0) return { items: [] };
  const rows = await db
    .select({
      id: projectJoins.id,
      projectId: projectJoins.projectId,
      titleBg: projects.titleBg,
      titleEn: projects.titleEn,
      organizationId: projectJoins.organizationId,
      message: projectJoins.message,
      createdAt: projectJoins.createdAt,
    })
    .from(projectJoins)
    .innerJoin(projects, eq(projects.id, projectJoins.projectId))
    .where(
      and(
        inArray(projectJoins.organizationId, mine),
        eq(projectJoins.kind, 'invitation'),
        eq(projectJoins.status, 'pending'),
      ),
    )
    .orderBy(desc(projectJoins.createdAt));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/**
 * Answers a pending request (the lead) or invitation (a representative of the invited organisation, an
 * active member now). Accepting makes the organisation a partner with a share of 0.
 */
export async function answerJoin(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  joinId: string,
  accept: boolean,
): Promise<{ id: string; status: 'accepted' | 'declined' }> {
  const [join] = await db
    .select()
    .from(projectJoins)
    .where(and(eq(projectJoins.id, joinId), eq(projectJoins.projectId, id)));
  if (!join) throw new AppError('project.join_not_found', 404);
  if (join.kind === 'invitation') {
    if (
      !principal.roles.includes('representative') ||
      !principal.organizationIds.includes(join.organizationId)
    ) {
      throw new AppError('project.join_not_found', 404);
    }
    if (!principal.memberOrganizationIds.includes(join.organizationId)) {
      throw new AppError('membership.inactive', 403);
    }
  } else {
    await requireWork(db, principal, id, true);
  }
  const status = accept ? ('accepted' as const) : ('declined' as const);
  await db.transaction(async (tx) => {
    if (accept) {
      // As for an invitation: a project that moves no further takes no new partners (declining stays open).
      const [project] = await tx
        .select({ status: projects.status })
        .from(projects)
        .where(eq(projects.id, id))
        .for('update');
      if (!project) throw projectNotFound();
      if (isProjectClosed(project.status)) throw new AppError('project.closed', 409);
    }
    const [moved] = await tx
      .update(projectJoins)
      .set({ status, answeredBy: actor.userId, answeredAt: new Date() })
      .where(and(eq(projectJoins.id, joinId), eq(projectJoins.status, 'pending')))
      .returning({ id: projectJoins.id });
    if (!moved) throw new AppError('project.join_answered', 409);
    if (accept) {
      await tx
        .insert(projectPartners)
        .values({ projectId: id, organizationId: join.organizationId, position: 1 })
        .onConflictDoNothing();
      await touch(tx, id);
    }
    await recordAudit(tx, actor, {
      action: 'project.join_answered',
      entityType: 'project',
      entityId: id,
      before: { joinId, kind: join.kind, organizationId: join.organizationId, status: 'pending' },
      after: { joinId, kind: join.kind, organizationId: join.organizationId, status },
    });
    await recordEvent(tx, { type: 'project.join', payload: { joinId, step: status } });
  });
  return { id: joinId, status };
}

// ---------- tasks ----------

async function assertOwner(db: Db, id: string, ownerPartnerId: string | null) {
  if (!ownerPartnerId) return;
  const [row] = await db
    .select({ id: projectPartners.id })
    .from(projectPartners)
    .where(and(eq(projectPartners.id, ownerPartnerId), eq(projectPartners.projectId, id)));
  if (!row) throw fieldError('ownerPartnerId', 'project.partner_unknown');
}

export async function createTask(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  body: ProjectTaskBody,
): Promise<Project> {
  const { access } = await requireWork(db, principal, id);
  await assertOwner(db, id, body.ownerPartnerId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectTasks)
      .values({ projectId: id, ...body, createdBy: actor.userId })
      .returning({ id: projectTasks.id });
    await recordAudit(tx, actor, {
      action: 'project.task_saved',
      entityType: 'project',
      entityId: id,
      after: { taskId: row!.id, ...body },
    });
  });
  return readProject(db, id, access);
}

export async function updateTask(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  taskId: string,
  body: ProjectTaskBody & { version: number },
): Promise<Project> {
  const { access } = await requireWork(db, principal, id);
  await assertOwner(db, id, body.ownerPartnerId);
  const { version: expected, ...fields } = body;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        title: projectTasks.title,
        ownerPartnerId: projectTasks.ownerPartnerId,
        dueOn: projectTasks.dueOn,
        done: projectTasks.done,
      })
      .from(projectTasks)
      .where(and(eq(projectTasks.id, taskId), eq(projectTasks.projectId, id)));
    if (!before) throw new AppError('project.task_not_found', 404);
    const [updated] = await tx
      .update(projectTasks)
      .set({ ...fields, updatedAt: new Date(), version: sql`${projectTasks.version} + 1` })
      .where(and(eq(projectTasks.id, taskId), eq(projectTasks.version, expected)))
      .returning({ id: projectTasks.id });
    if (!updated) throw new AppError('project.version_conflict', 409);
    await recordAudit(tx, actor, {
      action: 'project.task_saved',
      entityType: 'project',
      entityId: id,
      before: { taskId, ...before },
      after: { taskId, ...fields },
    });
  });
  return readProject(db, id, access);
}

export async function removeTask(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  taskId: string,
): Promise<Project> {
  const { access } = await requireWork(db, principal, id);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(projectTasks)
      .where(and(eq(projectTasks.id, taskId), eq(projectTasks.projectId, id)))
      .returning({ title: projectTasks.title, dueOn: projectTasks.dueOn, done: projectTasks.done });
    if (!gone) throw new AppError('project.task_not_found', 404);
    await recordAudit(tx, actor, {
      action: 'project.task_removed',
      entityType: 'project',
      entityId: id,
      before: { taskId, ...gone },
    });
  });
  return readProject(db, id, access);
}

/** Columns of the consortium sheet (CSV), language-neutral codes. */
export const CONSORTIUM_COLUMNS = [
  'partner',
  'partner_en',
  'country',
  'kind',
  'lead',
  'role',
  'share_eur',
  'share_percent',
] as const;

/** The consortium sheet's rows: one per partner, then the total. */
export function consortiumRows(project: Project): (string | number)[][] {
  const rows: (string | number)[][] = project.partners.map((p) => [
    p.name,
    p.nameEn,
    p.country,
    p.kind ?? '',
    p.isLead ? 'yes' : '',
    p.role,
    formatEuroCents(p.shareCents),
    project.totalCents > 0 ? ((p.shareCents * 100) / project.totalCents).toFixed(2) : '',
  ]);
  rows.push([
    'total',
    'total',
    '',
    '',
    '',
    '',
    formatEuroCents(project.totalCents),
    project.totalCents > 0 ? '100.00' : '',
  ]);
  return rows;
}

export function consortiumCsv(project: Project): string {
  return [csvLine(CONSORTIUM_COLUMNS), ...consortiumRows(project).map((r) => csvLine(r))].join('');
}

/** The consortium sheet's headers in the reader's language (the XLSX; the CSV keeps the codes above). */
const CONSORTIUM_HEADERS: Record<Language, Record<(typeof CONSORTIUM_COLUMNS)[number], string>> = {
  bg: {
    partner: 'Партньор',
    partner_en: 'Партньор (английски)',
    country: 'Държава',
    kind: 'Вид',
    lead: 'Водещ',
    role: 'Роля',
    share_eur: 'Дял (EUR)',
    share_percent: 'Дял (%)',
  },
  en: {
    partner: 'Partner',
    partner_en: 'Partner (English)',
    country: 'Country',
    kind: 'Kind',
    lead: 'Lead',
    role: 'Role',
    share_eur: 'Share (EUR)',
    share_percent: 'Share (%)',
  },
};

/**
 * The consortium sheet as XLSX (decision 052): the CSV's columns with headers in the reader's language, the
 * amounts as numbers in euro with two decimals, the percentages as numbers, the total row in bold.
 */
export function consortiumXlsx(project: Project, lang: Language): Buffer {
  const en = lang === 'en';
  const percent = (cents: number) =>
    project.totalCents > 0 ? Math.round((cents * 10000) / project.totalCents) / 100 : null;
  const rows: XlsxCell[][] = project.partners.map((p) => [
    p.name,
    p.nameEn,
    p.country,
    p.kind ?? '',
    p.isLead ? (en ? 'yes' : 'да') : '',
    p.role,
    { value: p.shareCents / 100, style: 'amount' },
    percent(p.shareCents) === null ? null : { value: percent(p.shareCents)!, style: 'amount' },
  ]);
  const total = en ? 'Total' : 'Общо';
  rows.push([
    { value: total, style: 'bold' },
    { value: total, style: 'bold' },
    '',
    '',
    '',
    '',
    { value: project.totalCents / 100, style: 'boldAmount' },
    project.totalCents > 0 ? { value: 100, style: 'boldAmount' } : null,
  ]);
  return renderXlsx({
    name: en ? 'Consortium' : 'Консорциум',
    header: CONSORTIUM_COLUMNS.map((c) => CONSORTIUM_HEADERS[lang][c]),
    rows,
    widths: [36, 36, 9, 20, 8, 24, 14, 10],
  });
}

// ---------- checklist documents ----------

/**
 * A partner uploads a PDF for an item of the call's checklist: for the project, or for a partner where the
 * item is per partner (a partner's representative for their own organisation's line; the lead for any). A
 * new upload replaces the previous one of that item and partner.
 */
export async function addDocument(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  input: { callDocumentId: string; partnerId: string | null; filename: string; content: Buffer },
): Promise<Project> {
  const { project, access } = await requireWork(db, principal, id);
  const [item] = project.callId
    ? await db
        .select({ perPartner: fundingCallDocuments.perPartner })
        .from(fundingCallDocuments)
        .where(
          and(
            eq(fundingCallDocuments.id, input.callDocumentId),
            eq(fundingCallDocuments.callId, project.callId),
          ),
        )
    : [];
  if (!item) throw fieldError('callDocumentId', 'project.document_unknown');
  let partnerId: string | null = null;
  if (item.perPartner) {
    if (!input.partnerId) throw fieldError('partnerId', 'project.partner_unknown');
    const [partner] = await db
      .select({ organizationId: projectPartners.organizationId })
      .from(projectPartners)
      .where(and(eq(projectPartners.id, input.partnerId), eq(projectPartners.projectId, id)));
    if (!partner) throw fieldError('partnerId', 'project.partner_unknown');
    const own =
      partner.organizationId !== null && principal.memberOrganizationIds.includes(partner.organizationId);
    if (access !== 'lead' && !own) throw new AppError('project.lead_only', 403);
    partnerId = input.partnerId;
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  await db.transaction(async (tx) => {
    const [old] = await tx
      .delete(projectDocuments)
      .where(
        and(
          eq(projectDocuments.projectId, id),
          eq(projectDocuments.callDocumentId, input.callDocumentId),
          partnerId === null ? isNull(projectDocuments.partnerId) : eq(projectDocuments.partnerId, partnerId),
        ),
      )
      .returning({
        id: projectDocuments.id,
        filename: projectDocuments.filename,
        sha256: projectDocuments.sha256,
      });
    const [row] = await tx
      .insert(projectDocuments)
      .values({
        projectId: id,
        callDocumentId: input.callDocumentId,
        partnerId,
        filename: input.filename,
        size: input.content.length,
        sha256,
        content: input.content,
        uploadedBy: actor.userId,
      })
      .returning({ id: projectDocuments.id });
    await recordAudit(tx, actor, {
      action: 'project.document_added',
      entityType: 'project',
      entityId: id,
      before: old ?? null,
      after: {
        id: row!.id,
        callDocumentId: input.callDocumentId,
        partnerId,
        filename: input.filename,
        sha256,
      },
    });
  });
  return readProject(db, id, access);
}

export async function loadDocument(db: Db, principal: Principal, id: string, documentId: string) {
  await projectAccess(db, principal, id);
  const [doc] = await db
    .select({ filename: projectDocuments.filename, content: projectDocuments.content })
    .from(projectDocuments)
    .where(and(eq(projectDocuments.id, documentId), eq(projectDocuments.projectId, id)));
  if (!doc) throw new AppError('project.document_not_found', 404);
  return doc;
}

export async function removeDocument(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  id: string,
  documentId: string,
): Promise<Project> {
  const { access } = await requireWork(db, principal, id);
  await db.transaction(async (tx) => {
    const [doc] = await tx
      .select({
        partnerId: projectDocuments.partnerId,
        organizationId: projectPartners.organizationId,
        filename: projectDocuments.filename,
        sha256: projectDocuments.sha256,
        callDocumentId: projectDocuments.callDocumentId,
      })
      .from(projectDocuments)
      .leftJoin(projectPartners, eq(projectPartners.id, projectDocuments.partnerId))
      .where(and(eq(projectDocuments.id, documentId), eq(projectDocuments.projectId, id)));
    if (!doc) throw new AppError('project.document_not_found', 404);
    const own = doc.organizationId !== null && principal.memberOrganizationIds.includes(doc.organizationId);
    if (doc.partnerId !== null && access !== 'lead' && !own) throw new AppError('project.lead_only', 403);
    await tx.delete(projectDocuments).where(eq(projectDocuments.id, documentId));
    await recordAudit(tx, actor, {
      action: 'project.document_removed',
      entityType: 'project',
      entityId: id,
      before: { id: documentId, ...doc },
    });
  });
  return readProject(db, id, access);
}
