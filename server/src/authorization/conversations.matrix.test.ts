/** The authorisation matrix for conversations: the rows are in `conversations.rows.ts`, the harness in `matrix.ts`. */

import { ROWS } from './conversations.rows.ts';
import { runMatrix } from './matrix.ts';

runMatrix(ROWS);
