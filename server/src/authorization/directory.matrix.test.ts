/** The authorisation matrix for the members-only directory: the rows are in `directory.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './directory.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
