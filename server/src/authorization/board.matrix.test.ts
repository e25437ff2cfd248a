/** The authorisation matrix for the cooperation board: the rows are in `board.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './board.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
