import { createHash } from 'node:crypto';
import type { Db } from '@portal/db';
import {
  type DocumentInfo,
  type DocumentKind,
  isEditableByApplicant,
  MAX_DOCUMENTS,
  type Principal,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError } from '../../errors.ts';
import { type AppRow, assertApplicant, assertCanView, loadRow, notFound } from './application-row.ts';
import {
  countDocuments,
  deleteDocument,
  findDocumentContent,
  insertDocument,
  touchApplication,
} from './applications.repository.ts';

/** An application's PDF documents (checked to be PDFs by the route, which reads the body). */

/** The applicant's own application, locked, while it is still theirs to edit. */
async function editableRow(tx: Db, principal: Principal, applicationId: string): Promise<AppRow> {
  const row = await loadRow(tx, applicationId, true);
  assertApplicant(principal, row);
  if (!isEditableByApplicant(row.state))
    throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
  return row;
}

/** Adds a document, at most MAX_DOCUMENTS per application, and counts it as a change of the application. */
export async function addDocument(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  applicationId: string,
  document: { kind: DocumentKind; filename: string; content: Buffer },
): Promise<DocumentInfo & { kind: DocumentKind }> {
  const { kind, filename, content } = document;
  return db.transaction(async (tx) => {
    const row = await editableRow(tx, principal, applicationId);
    if ((await countDocuments(tx, row.id)) >= MAX_DOCUMENTS)
      throw new AppError('application.documents_full', 409, { values: { max: MAX_DOCUMENTS } });
    const doc = await insertDocument(tx, {
      applicationId: row.id,
      kind,
      filename,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: actor.userId,
    });
    await touchApplication(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'application.document_added',
      entityType: 'application',
      entityId: row.id,
      after: { documentId: doc.id, kind, filename, size: content.length },
    });
    return { id: doc.id, kind, filename, size: content.length, uploadedAt: doc.uploadedAt };
  });
}

/** Removes a document of an application its applicant may still edit. */
export async function removeDocument(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  applicationId: string,
  documentId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await editableRow(tx, principal, applicationId);
    if (!(await deleteDocument(tx, row.id, documentId))) throw notFound();
    await recordAudit(tx, actor, {
      action: 'application.document_removed',
      entityType: 'application',
      entityId: row.id,
      before: { documentId },
    });
  });
}

/** A document's name and bytes, for whoever may see the application. */
export async function loadDocument(
  db: Db,
  principal: Principal,
  applicationId: string,
  documentId: string,
): Promise<{ filename: string; content: Buffer }> {
  const row = await loadRow(db, applicationId);
  assertCanView(principal, row);
  const doc = await findDocumentContent(db, row.id, documentId);
  if (!doc) throw notFound();
  return doc;
}
