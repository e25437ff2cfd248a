import { http } from 'msw';
import { json } from '../responses.ts';

/** By default nobody is signed in; a test signs someone in with its own handlers (see `signedIn`). */
export const authHandlers = [http.get('/api/auth/session', () => json({ user: null }))];
