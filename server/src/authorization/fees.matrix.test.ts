/** The authorisation matrix for fee rates, payments and status: the rows are in `fees.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './fees.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
