import type { Db } from '@portal/db';
import { MAX_RESOURCE_PHOTOS, type ResourcePhoto } from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { renderLogo } from '../profiles/logo.service.ts';
import {
  deletePhoto,
  findPhotos,
  findResource,
  insertPhoto,
  setPhotoPosition,
} from './resources.repository.ts';

/**
 * Photos of a shared resource (issue 14 §3, decision 034) through the organisation logos' pipeline
 * (`renderLogo`): recognised by their bytes, decoded with a pixel limit, turned upright, kept only as two
 * WebP renditions without metadata — larger than a logo's, since a photo shows a room or a machine.
 */
export const PHOTO_SIZES = { large: 1280, small: 320 } as const;
export const photoNotFound = () => new AppError('resource.photo_not_found', 404);

export async function addPhoto(
  db: Db,
  actor: SignedInActor,
  resourceId: string,
  body: Buffer,
): Promise<ResourcePhoto> {
  // Decoded before the transaction: it takes a while and needs no rows.
  const rendered = await renderLogo(body, PHOTO_SIZES);
  return db.transaction(async (tx) => {
    // The resource row's lock serialises two uploads racing for the last place.
    if (!(await findResource(tx, resourceId, true))) throw new AppError('resource.not_found', 404);
    const photos = await findPhotos(tx, resourceId);
    if (photos.length >= MAX_RESOURCE_PHOTOS) {
      throw new AppError('resource.photo_limit', 409, { values: { max: MAX_RESOURCE_PHOTOS } });
    }
    const photo = await insertPhoto(tx, {
      resourceId,
      position: photos.reduce((max, p) => Math.max(max, p.position + 1), 0),
      sourceType: rendered.sourceType,
      large: rendered.large,
      small: rendered.small,
      width: rendered.width,
      height: rendered.height,
    });
    await recordAudit(tx, actor, {
      action: 'resource.photo_added',
      entityType: 'shared_resource',
      entityId: resourceId,
      after: {
        photoId: photo.id,
        sourceType: rendered.sourceType,
        bytes: body.length,
        sourceWidth: rendered.sourceWidth,
        sourceHeight: rendered.sourceHeight,
      },
    });
    return photo;
  });
}

export async function removePhoto(db: Db, actor: SignedInActor, resourceId: string, photoId: string) {
  await db.transaction(async (tx) => {
    const removed = await deletePhoto(tx, resourceId, photoId);
    if (!removed) throw photoNotFound();
    await recordAudit(tx, actor, {
      action: 'resource.photo_removed',
      entityType: 'shared_resource',
      entityId: resourceId,
      before: { photoId, position: removed.position },
      after: null,
    });
  });
}

/** Puts the photos in the order of `ids`, which must name each of them once (else a field error). */
export async function reorderPhotos(
  db: Db,
  actor: SignedInActor,
  resourceId: string,
  ids: string[],
): Promise<{ items: ResourcePhoto[] }> {
  return db.transaction(async (tx) => {
    if (!(await findResource(tx, resourceId, true))) throw new AppError('resource.not_found', 404);
    const before = await findPhotos(tx, resourceId);
    const current = before.map((p) => p.id);
    if (
      ids.length !== current.length ||
      new Set(ids).size !== ids.length ||
      ids.some((id) => !current.includes(id))
    ) {
      throw fieldError('body.ids', 'resources.photo_order');
    }
    for (const [position, id] of ids.entries()) await setPhotoPosition(tx, id, position);
    const items = await findPhotos(tx, resourceId);
    await recordAudit(tx, actor, {
      action: 'resource.photos_reordered',
      entityType: 'shared_resource',
      entityId: resourceId,
      before: { order: current },
      after: { order: items.map((p) => p.id) },
    });
    return { items };
  });
}
