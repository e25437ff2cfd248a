import * as z from 'zod';
import { eikProblem } from './eik.ts';

/** What every resource uses (problems, paging, ЕИК) and the small public resources (health, areas, the cluster). */

// ---------- common ----------

/** RFC 9457 problem details, as every error of the API is answered. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_MAX = 10_000;

/** One issue per ЕИК: `eik.invalid` for the wrong shape, `eik.check_digit` for a mistyped digit. */
export const EikSchema = z
  .string()
  .refine((v) => eikProblem(v) !== 'format', { params: { code: 'eik.invalid' }, abort: true })
  .refine((v) => eikProblem(v) !== 'check_digit', { params: { code: 'eik.check_digit' } });

// ---------- health ----------

/** `GET /api/health/live`: the process is up and answering (the database is not asked). */
export const LiveResponseSchema = z.object({ status: z.literal('ok') });
export type LiveResponse = z.infer<typeof LiveResponseSchema>;

/**
 * `GET /api/health/ready` (and its alias `/api/health`): 200 `ok` when the database answers within a short
 * timeout; 503 `error` when it does not, or 503 `draining` (without asking the database) once the server
 * has begun to shut down.
 */
export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'error', 'draining']),
  database: z.enum(['ok', 'unreachable']).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

// ---------- specialisation areas ----------

/** Areas are addressed by a stable slug (e.g. `ict`, `ict-ai`) so directory URLs stay readable. */
export const AreaIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/);
export const AreaRefSchema = z.object({ id: AreaIdSchema, nameBg: z.string(), nameEn: z.string() });
export type AreaRef = z.infer<typeof AreaRefSchema>;
export const AreaSchema = AreaRefSchema.extend({
  parentId: AreaIdSchema.nullable(),
  /** One of the cluster's vertical priorities (ICT; creative and recreative industries for Sofia). */
  isPriority: z.boolean(),
  position: z.number().int(),
  /** Publicly listed members in this area or any of its sub-areas. */
  memberCount: z.number().int().nonnegative(),
});
export type Area = z.infer<typeof AreaSchema>;
export const AreaListResponseSchema = z.object({ items: z.array(AreaSchema) });
export type AreaListResponse = z.infer<typeof AreaListResponseSchema>;

// ---------- the cluster ----------

export const ClusterResponseSchema = z.object({
  nameBg: z.string(),
  nameEn: z.string(),
  taglineBg: z.string(),
  taglineEn: z.string(),
  missionBg: z.string(),
  missionEn: z.string(),
  strategyBg: z.string(),
  strategyEn: z.string(),
  memberCount: z.number().int().nonnegative(),
});
export type ClusterResponse = z.infer<typeof ClusterResponseSchema>;
