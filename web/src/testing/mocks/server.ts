import { setupServer } from 'msw/node';
import { handlers } from './handlers/index.ts';

/**
 * The one mock server of the web tests (started in `testing/setup.ts`): it answers the app's `fetch` at the
 * network level, so the real api-client, schemas and query hooks run. A request no handler answers fails
 * the test (`onUnhandledRequest: 'error'`); handlers a test adds are dropped after it.
 */
export const server = setupServer(...handlers);
