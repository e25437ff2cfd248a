/** The authorisation matrix for the readiness checks: the rows are in `readiness.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './readiness.rows.ts';

runMatrix(ROWS);
