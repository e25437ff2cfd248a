/**
 * Every resource's matrix rows, for the checks over the whole API (`coverage.matrix.test.ts`). A new
 * `<resource>.rows.ts` must be listed here; the coverage test fails on a rows file that is missing.
 */
import { ROWS as account } from './account.rows.ts';
import { ROWS as admin } from './admin.rows.ts';
import { ROWS as applications } from './applications.rows.ts';
import { ROWS as board } from './board.rows.ts';
import { ROWS as bodies } from './bodies.rows.ts';
import { ROWS as calls } from './calls.rows.ts';
import { ROWS as clusterPages } from './cluster-pages.rows.ts';
import { ROWS as conversations } from './conversations.rows.ts';
import { ROWS as cooperation } from './cooperation.rows.ts';
import { ROWS as csv } from './csv.rows.ts';
import { ROWS as dashboard } from './dashboard.rows.ts';
import { ROWS as directory } from './directory.rows.ts';
import { ROWS as events } from './events.rows.ts';
import { ROWS as fees } from './fees.rows.ts';
import type { Row } from './matrix.ts';
import { ROWS as meetingConduct } from './meeting-conduct.rows.ts';
import { ROWS as meetings } from './meetings.rows.ts';
import { ROWS as memberships } from './memberships.rows.ts';
import { ROWS as minutes } from './minutes.rows.ts';
import { ROWS as news } from './news.rows.ts';
import { ROWS as organizations } from './organizations.rows.ts';
import { ROWS as personalData } from './personal-data.rows.ts';
import { ROWS as projects } from './projects.rows.ts';
import { ROWS as publicRows } from './public.rows.ts';
import { ROWS as readiness } from './readiness.rows.ts';
import { ROWS as representatives } from './representatives.rows.ts';
import { ROWS as resources } from './resources.rows.ts';
import { ROWS as seo } from './seo.rows.ts';
import { ROWS as strategy } from './strategy.rows.ts';
import { ROWS as suggestions } from './suggestions.rows.ts';

/** The rows of each `<resource>.rows.ts`, by its file name. */
export const ROWS_BY_FILE: Record<string, readonly Row[]> = {
  'public.rows.ts': publicRows,
  'calls.rows.ts': calls,
  'account.rows.ts': account,
  'organizations.rows.ts': organizations,
  'representatives.rows.ts': representatives,
  'admin.rows.ts': admin,
  'personal-data.rows.ts': personalData,
  'applications.rows.ts': applications,
  'cluster-pages.rows.ts': clusterPages,
  'directory.rows.ts': directory,
  'fees.rows.ts': fees,
  'memberships.rows.ts': memberships,
  'csv.rows.ts': csv,
  'board.rows.ts': board,
  'meetings.rows.ts': meetings,
  'bodies.rows.ts': bodies,
  'minutes.rows.ts': minutes,
  'resources.rows.ts': resources,
  'projects.rows.ts': projects,
  'cooperation.rows.ts': cooperation,
  'dashboard.rows.ts': dashboard,
  'conversations.rows.ts': conversations,
  'suggestions.rows.ts': suggestions,
  'news.rows.ts': news,
  'strategy.rows.ts': strategy,
  'readiness.rows.ts': readiness,
  'events.rows.ts': events,
  'meeting-conduct.rows.ts': meetingConduct,
  'seo.rows.ts': seo,
};

export const ALL_ROWS: readonly Row[] = Object.values(ROWS_BY_FILE).flat();
