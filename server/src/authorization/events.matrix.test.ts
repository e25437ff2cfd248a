/** The authorisation matrix for events: the rows are in `events.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './events.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
