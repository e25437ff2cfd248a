/** The authorisation matrix for the overview of cooperation: the rows are in `cooperation.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './cooperation.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
