/** The authorisation matrix for the cluster's own words (settings and pages): the rows are in `cluster-pages.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './cluster-pages.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
