/** The authorisation matrix for robots.txt and the sitemap: the rows are in `seo.rows.ts`, the harness in `matrix.ts`. */
import { runMatrix } from './matrix.ts';
import { ROWS } from './seo.rows.ts';

runMatrix(ROWS);
