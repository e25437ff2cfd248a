import type { Db } from '@portal/db';
import {
  type SuggestionDismissal,
  type SuggestionReasonKind,
  type SuggestionsResponse,
  suggestionWeights,
  suggestPartners,
  todayInSofia,
} from '@portal/shared';
import type { SignedInActor } from '../../audit.ts';
import { recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import {
  deleteDismissal,
  findDismissals,
  insertDismissal,
  loadSuggestionOrganizations,
  organizationExists,
  rankCandidates,
} from './suggestions.repository.ts';

/**
 * Explained partner suggestions (issue 14 §4, decision 035). Computed at read time from the current rows:
 * nothing is cached, so a new or closed item, a changed area or profile, or a membership change shows in
 * the next read. The database pre-filters and scores (`rankCandidates`); the shared `suggestPartners`
 * explains and ranks the few candidates left — the rules have one owner.
 */

const orgNotFound = () => new AppError('organization.not_found', 404);

export async function suggestionsFor(
  db: Db,
  organizationId: string,
  limit: number,
  today = todayInSofia(),
): Promise<SuggestionsResponse> {
  const [self] = await loadSuggestionOrganizations(db, [organizationId], today);
  if (!self) throw orgNotFound();
  const dismissedRows = await findDismissals(db, organizationId);
  const dismissals: SuggestionDismissal[] = dismissedRows.map((d) => ({
    organizationId,
    dismissedId: d.dismissedId,
    reasonKinds: d.reasonKinds as SuggestionReasonKind[],
  }));
  const weights = suggestionWeights(organizationId, dismissals);
  const dismissed = dismissedRows.map((d) => ({
    organization: { id: d.dismissedId, nameBg: d.nameBg, nameEn: d.nameEn, kind: d.kind },
    reasonKinds: d.reasonKinds as SuggestionReasonKind[],
    dismissedAt: d.dismissedAt,
  }));
  const base = { organizationId, activeMember: self.activeMember, dismissed, weights };
  if (!self.activeMember) return { ...base, suggestions: [] };

  const ranked = await rankCandidates(db, self, weights, today, limit);
  const candidates = await loadSuggestionOrganizations(
    db,
    ranked.map((r) => r.id),
    today,
  );
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const suggestions = suggestPartners(self, candidates, { limit, dismissals }).map((s) => {
    const org = byId.get(s.organizationId)!;
    return { ...s, organization: { id: org.id, nameBg: org.nameBg, nameEn: org.nameEn, kind: org.kind } };
  });
  return { ...base, suggestions };
}

/**
 * "Not relevant": hides `dismissedId` from `organizationId`'s suggestions and stores the kinds of the
 * reasons the suggestion shows now, the signal that lowers those kinds' weights for this organisation.
 * Dismissing again changes nothing.
 */
export async function dismissSuggestion(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  dismissedId: string,
  today = todayInSofia(),
): Promise<void> {
  if (dismissedId === organizationId) {
    throw fieldError('organizationId', 'suggestions.dismiss_self');
  }
  await db.transaction(async (tx) => {
    if (!(await organizationExists(tx, dismissedId))) throw orgNotFound();
    const orgs = await loadSuggestionOrganizations(tx, [organizationId, dismissedId], today);
    const self = orgs.find((o) => o.id === organizationId);
    const other = orgs.find((o) => o.id === dismissedId);
    if (!self || !other) throw orgNotFound();
    // The reasons the suggestion shows now (whether or not it made the list): the pair alone, full weights.
    const [shown] = suggestPartners({ ...self, activeMember: true }, [{ ...other, activeMember: true }], {
      limit: 1,
    });
    const reasonKinds = [...new Set(shown?.reasons.map((r) => r.kind) ?? [])];
    if (!(await insertDismissal(tx, organizationId, dismissedId, reasonKinds))) return;
    await recordAudit(tx, actor, {
      action: 'suggestion.dismissed',
      entityType: 'organization',
      entityId: organizationId,
      after: { dismissedId, reasonKinds },
    });
  });
}

/** Undoes a dismissal: the organisation may be suggested again, and its signal no longer counts. */
export async function restoreSuggestion(
  db: Db,
  actor: SignedInActor,
  organizationId: string,
  dismissedId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await deleteDismissal(tx, organizationId, dismissedId);
    if (!row) throw new AppError('suggestions.dismissal_not_found', 404);
    await recordAudit(tx, actor, {
      action: 'suggestion.restored',
      entityType: 'organization',
      entityId: organizationId,
      before: { dismissedId, reasonKinds: row.reasonKinds },
    });
  });
}
