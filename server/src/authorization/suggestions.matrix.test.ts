/** The authorisation matrix for partner suggestions: the rows are in `suggestions.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './suggestions.rows.ts';

runMatrix(ROWS);
