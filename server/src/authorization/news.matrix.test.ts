/** The authorisation matrix for the news: the rows are in `news.rows.ts`, the harness in `matrix.ts`. */

import { runMatrix } from './matrix.ts';
import { ROWS } from './news.rows.ts';

runMatrix(ROWS);
