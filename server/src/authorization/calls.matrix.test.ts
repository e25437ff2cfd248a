/** The authorisation matrix for funding calls: the rows are in `calls.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './calls.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
