import * as z from 'zod';

/**
 * Organisation logos (issue 5). A representative uploads a PNG, JPEG or WebP (recognised by its bytes, at
 * most 1 MB); the server keeps two WebP renditions and serves them under versioned URLs that browsers may
 * cache for ever (`?v=<logo version>`: a new upload is a new URL).
 */

/** The largest upload accepted, in bytes (1 MiB). */
export const MAX_LOGO_BYTES = 1024 * 1024;

/** The image types accepted, as detected from the file's content. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The renditions and the longest side of each, in pixels (never enlarged). */
export const LOGO_SIZES = { large: 512, small: 128 } as const;
export const LogoSizeSchema = z.enum(['large', 'small']);
export type LogoSize = z.infer<typeof LogoSizeSchema>;

/** The public address of a rendition at a logo version (the one `logoUrl` fields carry). */
export function publicLogoUrl(organizationId: string, version: number, size: LogoSize): string {
  return `/api/organizations/${organizationId}/logo?size=${size}&v=${version}`;
}

/** The representatives' address of a rendition (works whether or not the organisation is listed). */
export function accountLogoUrl(organizationId: string, version: number, size: LogoSize): string {
  return `/api/account/organizations/${organizationId}/logo?size=${size}&v=${version}`;
}

export const LogoQuerySchema = z.object({
  size: LogoSizeSchema.default('large'),
  /** The logo version the URL was made for; the current one makes the answer cacheable for ever. */
  v: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** What an upload answers: the stored logo. */
export const LogoInfoSchema = z.object({
  version: z.number().int().positive(),
  sourceType: z.enum(LOGO_TYPES),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The representatives' URL of the large rendition. */
  logoUrl: z.string(),
});
export type LogoInfo = z.infer<typeof LogoInfoSchema>;
