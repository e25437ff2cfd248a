/** The authorisation matrix for public routes: the rows are in `public.rows.ts`, the harness in `matrix.ts`. */
import { runMatrix } from './matrix.ts';
import { ROWS } from './public.rows.ts';

runMatrix(ROWS);
