/** The authorisation matrix for shared resources and bookings: the rows are in `resources.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './resources.rows.ts';

runMatrix(ROWS);
