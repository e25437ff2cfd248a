/** The authorisation matrix for what happens at a meeting: the rows are in `meeting-conduct.rows.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './meeting-conduct.rows.ts';

runMatrix(ROWS);
