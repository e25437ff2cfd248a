import { http } from 'msw';
import { json } from '../responses.ts';

/** The public directory is empty unless a test fills it (its own `/api/organizations` answer comes first). */
export const directoryHandlers = [
  http.get('/api/organizations', ({ request }) => {
    const pageSize = Number(new URL(request.url).searchParams.get('pageSize') ?? 20);
    return json({ items: [], total: 0, page: 1, pageSize });
  }),
];
