/** The authorisation matrix for the strategy: the rows are in `strategy.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './strategy.rows.ts';

runMatrix(ROWS);
