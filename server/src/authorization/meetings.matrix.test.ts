/** The authorisation matrix for meetings: the rows are in `meetings.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './meetings.rows.ts';

runMatrix(ROWS);
