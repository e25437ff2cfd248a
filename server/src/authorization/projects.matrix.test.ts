/** The authorisation matrix for joint projects: the rows are in `projects.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './projects.rows.ts';

runMatrix(ROWS);
