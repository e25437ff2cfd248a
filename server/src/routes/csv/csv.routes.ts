import { Readable } from 'node:stream';
import {
  CSV_BOM,
  csvLine,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  ImportQuerySchema,
  ImportResultSchema,
  importErrorPath,
  ProblemSchema,
  viewerLevel,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor } from '../../plugins/auth.ts';
import { exportFilename, memberExport } from './export.service.ts';
import { IMPORT_TEMPLATE_EXAMPLE, importOrganizations } from './import.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const CSV_TYPE = 'text/csv; charset=utf-8';
/** A CSV answer (the OpenAPI document shows it as a string; the handler sends raw bytes or a stream). */
const csvResponse = z.string().describe('text/csv (UTF-8 with a byte-order mark)');

/**
 * CSV export of the member list and CSV import of organisations (issue 5). Registered without a prefix:
 * the export lives under /api/members, the import under /api/admin/organizations.
 */
export const csvRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  // The import's body is the raw CSV (fetch with Content-Type: text/csv), up to 5 MB; this parser exists
  // only inside this plugin, so no other route accepts CSV. A cross-site page cannot send text/csv
  // without a CORS preflight, which is never granted.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/members/export.csv',
    {
      config: { permission: 'members.export' },
      schema: {
        tags: ['organizations'],
        summary:
          'The member list as CSV: representatives get listed members with the contacts shown to members; the committee and administrators every member with status and all contacts',
        response: { 200: csvResponse, ...problems },
      },
    },
    async (request, reply) => {
      const level = viewerLevel(principalOf(request.user));
      const stream = Readable.from(memberExport(db(), level), { objectMode: false });
      stream.on('error', (err) => request.log.error({ err }, 'member export failed'));
      return reply
        .header('content-type', CSV_TYPE)
        .header('content-disposition', `attachment; filename="${exportFilename()}"`)
        .header('x-content-type-options', 'nosniff')
        .send(stream as never);
    },
  );

  app.get(
    '/api/admin/organizations/import/template.csv',
    {
      config: { permission: 'organizations.import' },
      schema: {
        tags: ['admin'],
        summary: 'A template of the organisation import: the header and one example row',
        response: { 200: csvResponse, ...problems },
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', CSV_TYPE)
        .header('content-disposition', 'attachment; filename="organizations-import-template.csv"')
        .header('x-content-type-options', 'nosniff')
        .send(
          Buffer.from(
            CSV_BOM +
              csvLine(IMPORT_COLUMNS) +
              csvLine(IMPORT_COLUMNS.map((c) => IMPORT_TEMPLATE_EXAMPLE[c])),
          ) as never,
        ),
  );

  app.post(
    '/api/admin/organizations/import',
    {
      config: { permission: 'organizations.import' },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ['admin'],
        summary:
          'Import organisations from CSV (text/csv, ≤ 5 MB, ≤ 5000 rows), all or nothing; ?dryRun=true only checks. Bad rows are answered as 400 with errors by `line N › column`',
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema, 413: ProblemSchema, 415: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const type = String(request.headers['content-type'] ?? '');
      if (request.body !== undefined && request.body !== null && !Buffer.isBuffer(request.body)) {
        throw new AppError('import.invalid', 400, {
          values: { count: 1 },
          fields: [{ path: importErrorPath(1), code: 'import.not_csv', values: { type } }],
        });
      }
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return importOrganizations(db(), requireActor(request), body, request.query.dryRun === 'true');
    },
  );
};
