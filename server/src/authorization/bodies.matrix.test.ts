/** The authorisation matrix for the governing bodies: the rows are in `bodies.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './bodies.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
