/** The authorisation matrix for the dashboard: the rows are in `dashboard.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './dashboard.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
