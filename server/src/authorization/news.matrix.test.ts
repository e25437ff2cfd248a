/** The authorisation matrix for the news: the rows are in `news.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './news.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
