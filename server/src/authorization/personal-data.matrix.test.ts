/** The authorisation matrix for personal data: exports and erasures: the rows are in `personal-data.rows.ts`, the harness in `matrix.ts`. */
import { runMatrix } from './matrix.ts';
import { ROWS } from './personal-data.rows.ts';

runMatrix(ROWS);
