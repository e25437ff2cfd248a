import { createHash } from 'node:crypto';
import { type Db, sql } from '@portal/db';
import {
  type DocumentInfo,
  type DocumentKind,
  isEditableByApplicant,
  MAX_DOCUMENTS,
  type Principal,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { execute } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { type AppRow, assertApplicant, assertCanView, loadRow, notFound } from './application-row.ts';

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
    const [count] = await execute<{ n: number }>(
      tx,
      sql`select count(*)::int as n from application_documents where application_id = ${row.id}`,
    );
    if (Number(count?.n ?? 0) >= MAX_DOCUMENTS)
      throw new AppError('application.documents_full', 409, { values: { max: MAX_DOCUMENTS } });
    const [doc] = await execute<{ id: string; uploaded_at: string }>(
      tx,
      sql`insert into application_documents (application_id, kind, filename, size, sha256, content, uploaded_by)
          values (${row.id}, ${kind}, ${filename}, ${content.length},
            ${createHash('sha256').update(content).digest('hex')}, ${content}, ${actor.userId})
          returning id, to_char(uploaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as uploaded_at`,
    );
    await execute(
      tx,
      sql`update applications set updated_at = now(), version = version + 1 where id = ${row.id}`,
    );
    await recordAudit(tx, actor, {
      action: 'application.document_added',
      entityType: 'application',
      entityId: row.id,
      after: { documentId: doc!.id, kind, filename, size: content.length },
    });
    return { id: doc!.id, kind, filename, size: content.length, uploadedAt: doc!.uploaded_at };
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
    const gone = await execute(
      tx,
      sql`delete from application_documents where id = ${documentId} and application_id = ${row.id} returning id`,
    );
    if (gone.length === 0) throw notFound();
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
  const [doc] = await execute<{ filename: string; content: Buffer | Uint8Array }>(
    db,
    sql`select filename, content from application_documents where id = ${documentId} and application_id = ${row.id}`,
  );
  if (!doc) throw notFound();
  return {
    filename: doc.filename,
    content: Buffer.isBuffer(doc.content) ? doc.content : Buffer.from(doc.content),
  };
}
