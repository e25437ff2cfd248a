import { versionFromEtag } from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import * as z from 'zod';
import { AppError } from './errors.ts';

/**
 * Optimistic locking over HTTP (decision 010): a change names the version it was made on in `If-Match`, as
 * the ETag a GET answered (`"<version>"`). One header schema for the OpenAPI document, one reading of it.
 */
export const IfMatchHeadersSchema = z.looseObject({
  'if-match': z
    .string()
    .optional()
    .describe('The ETag of the version being changed, as GET answered it: `"<version>"`. Required.'),
});

/**
 * The version a conditional write names: 428 without one, or with `*` (which would match any version: the
 * lost update this guards against); 412 for a value that names no version (it matches none).
 */
export function expectedVersion(request: FastifyRequest): number {
  const ifMatch = request.headers['if-match']?.trim();
  if (!ifMatch || ifMatch === '*') throw new AppError('precondition.required', 428);
  const version = versionFromEtag(ifMatch);
  if (version === null) throw new AppError('precondition.failed', 412);
  return version;
}
