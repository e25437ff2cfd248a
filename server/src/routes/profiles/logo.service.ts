import type { Db } from '@portal/db';
import { accountLogoUrl, LOGO_SIZES, type LogoInfo, type LogoSize, type LogoType } from '@portal/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import sharp, { type Metadata } from 'sharp';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { organizationExists } from '../directory/directory.repository.ts';
import { bumpLogoVersion, clearLogoVersion, deleteLogo, findLogo, upsertLogo } from './logo.repository.ts';

/**
 * Organisation logos (issue 5). An upload is recognised by its bytes (never its name or Content-Type),
 * decoded by sharp with a pixel limit (no decompression bombs), turned upright (EXIF orientation) and
 * stored as two WebP renditions without metadata; the original is not kept. Every change takes a new
 * logo version, so the URLs that carry it can be cached for ever.
 */

/** The most pixels an upload may decode to (a logo needs far fewer; a 1 MB PNG could claim billions). */
export const MAX_LOGO_PIXELS = 25_000_000;

/** The image type by its magic bytes, or null when it is not a PNG, JPEG or WebP. */
export function detectImageType(bytes: Buffer): LogoType | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** sharp's name of each accepted type: the decoder must agree with the magic bytes. */
const SHARP_FORMAT: Record<LogoType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

export interface RenderedLogo {
  sourceType: LogoType;
  /** The decoded upload's size (before resizing, after orientation). */
  sourceWidth: number;
  sourceHeight: number;
  large: Buffer;
  small: Buffer;
  /** The large rendition's size. */
  width: number;
  height: number;
}

/**
 * Checks an upload and makes its renditions; a 400 naming `body` for anything that is not a usable image.
 * `sizes`: the longest side of each rendition (resource photos use larger ones than logos).
 */
export async function renderLogo(
  body: Buffer,
  sizes: { large: number; small: number } = LOGO_SIZES,
): Promise<RenderedLogo> {
  const sourceType = detectImageType(body);
  if (!sourceType) throw fieldError('body', 'logo.not_image');
  const unreadable = fieldError('body', 'logo.unreadable');
  // The header alone: the pixel count is known before anything is decoded.
  let meta: Metadata;
  try {
    meta = await sharp(body, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable;
  }
  if (meta.format !== SHARP_FORMAT[sourceType]) throw fieldError('body', 'logo.not_image');
  if (!meta.width || !meta.height) throw unreadable;
  if (meta.width * meta.height > MAX_LOGO_PIXELS) {
    throw fieldError('body', 'logo.too_many_pixels', { max: MAX_LOGO_PIXELS / 1_000_000 });
  }
  const rendition = (px: number) =>
    sharp(body, { limitInputPixels: MAX_LOGO_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: px, height: px, fit: 'inside', withoutEnlargement: true })
      // Metadata (EXIF, XMP, ICC) is not kept: sharp writes none unless asked to.
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
  try {
    const [large, small] = await Promise.all([rendition(sizes.large), rendition(sizes.small)]);
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
    return {
      sourceType,
      sourceWidth: upright.width,
      sourceHeight: upright.height,
      large: large.data,
      small: small.data,
      width: large.info.width,
      height: large.info.height,
    };
  } catch {
    throw unreadable;
  }
}

/**
 * Stores a new logo in ONE transaction: the organisation takes a new version (its profile's ETag changes)
 * and the logo version is that same number — so it never repeats, even after a removal — then the
 * renditions and an audit event. 404 when there is no such organisation.
 */
export async function saveLogo(
  db: Db,
  actor: Actor,
  id: string,
  logo: RenderedLogo,
  bytes: number,
): Promise<LogoInfo> {
  return db.transaction(async (tx) => {
    const org = await bumpLogoVersion(tx, id);
    if (!org) throw new AppError('organization.not_found', 404);
    const version = org.version;
    await upsertLogo(tx, {
      organizationId: id,
      version,
      sourceType: logo.sourceType,
      large: logo.large,
      small: logo.small,
      width: logo.width,
      height: logo.height,
    });
    await recordAudit(tx, actor, {
      action: 'organization.logo_updated',
      entityType: 'organization',
      entityId: id,
      before: { logoVersion: org.before },
      after: {
        logoVersion: version,
        sourceType: logo.sourceType,
        bytes,
        sourceWidth: logo.sourceWidth,
        sourceHeight: logo.sourceHeight,
      },
    });
    return {
      version,
      sourceType: logo.sourceType,
      width: logo.width,
      height: logo.height,
      logoUrl: accountLogoUrl(id, version, 'large'),
    };
  });
}

/**
 * Removes the logo in one transaction (new organisation version, audit event). False when there was none
 * (nothing changes, nothing is recorded); 404 when there is no such organisation.
 */
export async function removeLogo(db: Db, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const before = await clearLogoVersion(tx, id);
    if (before === undefined) {
      if (!(await organizationExists(tx, id))) throw new AppError('organization.not_found', 404);
      return false;
    }
    await deleteLogo(tx, id);
    await recordAudit(tx, actor, {
      action: 'organization.logo_removed',
      entityType: 'organization',
      entityId: id,
      before: { logoVersion: before },
      after: { logoVersion: null },
    });
    return true;
  });
}

export interface StoredRendition {
  version: number;
  bytes: Buffer;
}

/**
 * A rendition of the organisation's logo, or null when it has none. `listedOnly`: only a publicly listed
 * member's (like its public profile).
 */
export async function loadLogo(
  db: Db,
  id: string,
  size: LogoSize,
  listedOnly: boolean,
): Promise<StoredRendition | null> {
  const row = await findLogo(db, id, size, listedOnly);
  return row ?? null;
}

/** A year, never revalidated: what a URL whose content can never change may be cached for. */
export const PUBLIC_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether `If-None-Match` names `etag` (a list, weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

/**
 * Sends a rendition with its ETag (304 when `If-None-Match` names it). `public`: asked for at its current
 * version (`?v=`), the answer never changes and is cacheable by anyone for a year (`immutable`); without
 * `v` or at another version it may change at any upload, so it is cached 5 minutes only. `private` (the
 * representatives' route): the auth plugin marks it `no-store` like every signed-in answer.
 */
export function sendLogo(
  request: FastifyRequest,
  reply: FastifyReply,
  logo: StoredRendition,
  size: LogoSize,
  requestedVersion: number | undefined,
  scope: 'public' | 'private',
) {
  const etag = `"${logo.version}-${size}"`;
  reply.header('etag', etag).header('x-content-type-options', 'nosniff');
  if (scope === 'public') {
    reply.header(
      'cache-control',
      requestedVersion === logo.version ? PUBLIC_IMMUTABLE : 'public, max-age=300',
    );
  }
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.header('content-type', 'image/webp').send(logo.bytes as never);
}
