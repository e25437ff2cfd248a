/** The authorisation matrix for memberships and membership votes: the rows are in `memberships.rows.ts`, the harness in `matrix.ts`. */
import { runMatrix } from './matrix.ts';
import { ROWS } from './memberships.rows.ts';

runMatrix(ROWS);
