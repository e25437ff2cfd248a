/** The authorisation matrix for the member-list export and the organisation import (CSV): the rows are in `csv.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './csv.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
