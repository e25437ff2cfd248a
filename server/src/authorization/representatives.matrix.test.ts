/** The authorisation matrix for representatives and invitations: the rows are in `representatives.rows.ts`, the harness in `matrix.ts`. */
import { runMatrix } from './matrix.ts';
import { ROWS } from './representatives.rows.ts';

runMatrix(ROWS);
