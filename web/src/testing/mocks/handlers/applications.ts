import {
  ActionParamsSchema,
  type Application,
  type ApplicationSummary,
  availableActions,
  CommentBodySchema,
  DECLARATION_VERSION,
  DocumentKindSchema,
  MAX_DOCUMENTS,
  missingSections,
  nextState,
  SECTION_SCHEMAS,
  SectionParamsSchema,
  TransitionBodySchema,
} from '@portal/shared';
import { http } from 'msw';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { applicantMe, applicationFixture, entry } from '../fixtures/applications.ts';
import { recordRequests } from '../recorder.ts';
import { invalid, json, noContent, problem } from '../responses.ts';
import { server } from '../server.ts';
import { type Handler, handlersOf } from '../stub-api.ts';

const summaryOf = (a: Application): ApplicationSummary => ({
  id: a.id,
  state: a.state,
  nameBg: a.data.organization?.nameBg ?? null,
  nameEn: a.data.organization?.nameEn ?? null,
  eik: a.data.organization?.eik ?? null,
  kind: a.data.organization?.kind ?? null,
  applicantName: a.applicant.name,
  submittedAt: a.submittedAt,
  updatedAt: a.updatedAt,
});

const notFound = () =>
  problem(404, 'Заявлението не е намерено', undefined, { code: 'application.not_found' });

/**
 * The applicant's side of the applications API over `store`: sections are checked with the shared section
 * schemas, what is missing with the shared `missingSections`, and moves with the shared state machine
 * (only the applicant's own moves). `takenEik` is refused like a member's ЕИК.
 */
export function applicationsHandlers(store: Map<string, Application>, takenEik?: string) {
  let created = 0;
  const find = (id: unknown) => (typeof id === 'string' ? store.get(id) : undefined);
  const touch = (app: Application) => {
    app.missing = missingSections(app.data, app.documents);
    app.version += 1;
  };
  return [
    // The form names the fee of the chosen category when rates are published; none are by default.
    http.get('/api/fees/rates', () => json({ year: 2026, rates: [], joinRule: 'pro_rata_month' })),
    http.post('/api/applications', () => {
      created += 1;
      const app = applicationFixture({
        id: `c0ffee00-0000-4000-8000-${String(100 + created).padStart(12, '0')}`,
      });
      store.set(app.id, app);
      return json(app, 201);
    }),
    http.get('/api/applications/mine', () => json({ items: [...store.values()].map(summaryOf) })),
    http.get('/api/applications/:id', ({ params }) => {
      const app = find(params.id);
      return app ? json(app) : notFound();
    }),
    http.delete('/api/applications/:id', ({ params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      store.delete(app.id);
      return noContent();
    }),
    http.put('/api/applications/:id/sections/:section', async ({ request, params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      const { section } = SectionParamsSchema.parse(params);
      const body: unknown = await request.json();
      const parsed = SECTION_SCHEMAS[section].safeParse(body);
      if (!parsed.success) {
        return problem(
          400,
          'Данните не са валидни',
          parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
        );
      }
      if (section === 'organization' && (body as { eik: string }).eik === takenEik)
        return problem(400, 'Данните не са валидни', [
          { path: 'body.eik', message: 'Организация с този ЕИК вече е член на клъстера.' },
        ]);
      const data = app.data as Record<string, unknown>;
      const before = data[section] ?? null;
      data[section] =
        section === 'declarations'
          ? { ...parsed.data, version: DECLARATION_VERSION, acceptedAt: '2026-03-03T10:00:00.000Z' }
          : parsed.data;
      // As on the server: an edit after the committee asked for changes goes on the timeline.
      if (app.state === 'changes_requested')
        app.timeline.push(
          entry({
            kind: 'change',
            action: section,
            at: '2026-03-07T10:00:00.000Z',
            actorName: app.applicant.name,
            changes: { section, before, after: data[section] },
          }),
        );
      touch(app);
      return json(app);
    }),
    http.post('/api/applications/:id/documents', async ({ request, params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      if (request.headers.get('content-type') !== 'application/pdf') return problem(415, 'Unsupported');
      if (app.documents.length >= MAX_DOCUMENTS)
        return problem(409, 'Документите са твърде много', undefined, { code: 'application.documents_full' });
      const url = new URL(request.url);
      // As the server does for a file that only claims to be a PDF (its content is checked there).
      if (url.searchParams.get('filename')?.startsWith('fake'))
        return problem(400, 'Невалидни данни', [{ path: 'body', message: 'Файлът не е PDF документ.' }]);
      const doc = {
        id: `d0c00000-0000-4000-8000-${String(app.documents.length + 100).padStart(12, '0')}`,
        kind: DocumentKindSchema.parse(url.searchParams.get('kind')),
        filename: url.searchParams.get('filename') ?? '',
        size: (await request.arrayBuffer()).byteLength,
        uploadedAt: '2026-03-03T11:00:00.000Z',
      };
      app.documents.push(doc);
      touch(app);
      return json(doc, 201);
    }),
    http.delete('/api/applications/:id/documents/:documentId', ({ params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      app.documents = app.documents.filter((d) => d.id !== params.documentId);
      touch(app);
      return noContent();
    }),
    http.post('/api/applications/:id/actions/:action', async ({ request, params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      const { action } = ActionParamsSchema.parse(params);
      const to = nextState(app.state, action);
      if (!to || !availableActions(app.state, 'applicant').includes(action))
        return problem(409, 'Действието не е възможно', undefined, {
          code: 'application.transition_invalid',
        });
      if ((action === 'submit' || action === 'resubmit') && app.missing.length > 0)
        return problem(
          400,
          'Заявлението не е попълнено',
          app.missing.map((m) => ({ path: m, message: `Липсва: ${m}` })),
        );
      const text = await request.text();
      const body = TransitionBodySchema.safeParse(text === '' ? {} : JSON.parse(text));
      if (!body.success) return invalid(body.error, 'body');
      app.timeline.push(
        entry({
          kind: 'transition',
          action,
          fromState: app.state,
          toState: to,
          actorName: app.applicant.name,
          text: body.data.comment ?? null,
        }),
      );
      app.state = to;
      if (action === 'submit') app.submittedAt = '2026-03-04T08:00:00.000Z';
      touch(app);
      return json(app);
    }),
    http.post('/api/applications/:id/comments', async ({ request, params }) => {
      const app = find(params.id);
      if (!app) return notFound();
      const body = CommentBodySchema.safeParse(await request.json());
      if (!body.success) return invalid(body.error, 'body');
      app.timeline.push(
        entry({
          kind: 'comment',
          audience: body.data.audience,
          text: body.data.text,
          actorName: app.applicant.name,
        }),
      );
      touch(app);
      return json(app);
    }),
  ];
}

/**
 * Serves the applications API to the signed-in applicant for one test: `apps` are on file (the test may
 * read them back through `store`), `takenEik` is refused like a member's, `extra` answers first.
 */
export function applicationsApi({
  apps = [] as Application[],
  takenEik = undefined as string | undefined,
  extra = {} as Record<string, Handler>,
} = {}) {
  const store = new Map(apps.map((a) => [a.id, structuredClone(a)]));
  const recorder = recordRequests();
  server.use(
    ...handlersOf(extra),
    ...applicationsHandlers(store, takenEik),
    ...handlersOf(signedIn(applicantMe)),
  );
  return { ...recorder, store };
}
