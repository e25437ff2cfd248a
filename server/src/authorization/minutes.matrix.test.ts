/** The authorisation matrix for meetings' minutes: the rows are in `minutes.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './minutes.rows.ts';

runMatrix(ROWS);
