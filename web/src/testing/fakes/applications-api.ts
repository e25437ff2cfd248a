import {
  type Application,
  type ApplicationData,
  type ApplicationSection,
  type ApplicationState,
  type ApplicationSummary,
  DECLARATION_VERSION,
  type DocumentKind,
  type Me,
  missingSections,
  SECTION_SCHEMAS,
  type TimelineEntry,
} from '@portal/shared';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { type Handler, json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';

/**
 * Test data and a stateful stub of the applications API for the applicant pages' tests: it saves
 * sections, computes what is missing with the shared rule, stores documents and moves states like the
 * server, so a test sees the pages react to real answers.
 */

/** A signed-in user with no roles yet (starting an application makes them an applicant). */
export const applicantMe: Me = meFixture({ roles: [], organizations: [] });

export const APPLICATION_ID = 'c0ffee00-0000-4000-8000-000000000001';

export const completeData: ApplicationData = {
  organization: {
    nameBg: 'Пиксел Фабрика',
    nameEn: 'Pixel Factory',
    eik: '131071587',
    kind: 'company',
    employees: 42,
    foundedYear: 2014,
    city: 'Пловдив',
    address: 'ул. „Тестова“ 1',
    website: 'https://pixel-factory.example',
    naceCodes: ['62.01'],
  },
  contact: {
    name: 'Мария Петрова',
    position: 'Управител',
    email: 'maria@example.bg',
    phone: '+359 32 123 456',
  },
  areas: { areaIds: ['ict-software'] },
  offers: {
    offers: { people: 'Стажове за студенти' },
    seeks: { projects: 'Съвместни проекти с университети' },
  },
  motivation: { motivation: 'Искаме да работим с другите членове по общи проекти.', category: 'regular' },
  declarations: {
    acceptsStatute: true,
    consentsToDataProcessing: true,
    version: DECLARATION_VERSION,
    acceptedAt: '2026-03-01T10:00:00.000Z',
  },
};

export const certificate = {
  id: 'd0c00000-0000-4000-8000-000000000001',
  kind: 'registration_certificate' as DocumentKind,
  filename: 'udostoverenie.pdf',
  size: 250_000,
  uploadedAt: '2026-03-01T10:05:00.000Z',
};

export function applicationFixture(overrides: Partial<Application> = {}): Application {
  const data = overrides.data ?? {};
  const documents = overrides.documents ?? [];
  return {
    id: APPLICATION_ID,
    state: 'draft',
    applicant: { id: applicantMe.id, name: applicantMe.displayName, email: applicantMe.email },
    data,
    missing: missingSections(data, documents),
    documents,
    timeline: [],
    vote: null,
    conflict: null,
    decision: null,
    organizationId: null,
    submittedAt: null,
    updatedAt: '2026-03-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

let entryId = 1000;
export function entry(fields: Partial<TimelineEntry> & Pick<TimelineEntry, 'kind'>): TimelineEntry {
  entryId += 1;
  return {
    id: entryId,
    at: '2026-03-02T09:00:00.000Z',
    actorName: null,
    action: null,
    fromState: null,
    toState: null,
    audience: 'applicant',
    text: null,
    changes: null,
    ...fields,
  };
}

const TRANSITIONS: Record<string, { from: ApplicationState[]; to: ApplicationState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['changes_requested'], to: 'under_review' },
  withdraw: { from: ['draft', 'submitted', 'under_review', 'changes_requested', 'in_vote'], to: 'withdrawn' },
};

/** The stub: `apps` is the server's state (tests may inspect it); `takenEik` is refused like a member's. */
export function applicationsApi({
  apps = [] as Application[],
  takenEik = undefined as string | undefined,
  extra = {} as Record<string, Handler>,
} = {}) {
  const store = new Map(apps.map((a) => [a.id, structuredClone(a)]));
  let created = 0;
  const idOf = (url: URL) => url.pathname.split('/')[3] ?? '';
  const find = (url: URL) => store.get(idOf(url));
  const notFound = () =>
    problem(404, 'Заявлението не е намерено', undefined, { code: 'application.not_found' });
  const touch = (app: Application) => {
    app.missing = missingSections(app.data, app.documents);
    app.version += 1;
  };
  const summary = (a: Application): ApplicationSummary => ({
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

  const api = stubApi({
    ...signedIn(applicantMe),
    '/api/applications': (_url, request) => {
      if (request.method !== 'POST') return undefined;
      created += 1;
      const app = applicationFixture({
        id: `c0ffee00-0000-4000-8000-${String(100 + created).padStart(12, '0')}`,
      });
      store.set(app.id, app);
      return json(app, 201);
    },
    '/api/applications/mine': () => json({ items: [...store.values()].map(summary) }),
    '/api/applications/:id': (url, request) => {
      const app = find(url);
      if (request.method === 'DELETE') {
        if (!app) return notFound();
        store.delete(app.id);
        return new Response(null, { status: 204 });
      }
      if (request.method !== 'GET') return undefined;
      return app ? json(app) : notFound();
    },
    '/api/applications/:id/sections/:section': (url, request) => {
      const app = find(url);
      if (!app) return notFound();
      const section = url.pathname.split('/').at(-1) as ApplicationSection;
      const parsed = SECTION_SCHEMAS[section].safeParse(request.body);
      if (!parsed.success)
        return problem(
          400,
          'Данните не са валидни',
          parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
        );
      if (section === 'organization' && (request.body as { eik: string }).eik === takenEik)
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
    },
    '/api/applications/:id/documents': (url, request) => {
      const app = find(url);
      if (!app || request.method !== 'POST') return notFound();
      if (request.headers.get('content-type') !== 'application/pdf') return problem(415, 'Unsupported');
      if (app.documents.length >= 5)
        return problem(409, 'Документите са твърде много', undefined, { code: 'application.documents_full' });
      // As the server does for a file that only claims to be a PDF (its content is checked there).
      if (url.searchParams.get('filename')?.startsWith('fake'))
        return problem(400, 'Невалидни данни', [{ path: 'body', message: 'Файлът не е PDF документ.' }]);
      const doc = {
        id: `d0c00000-0000-4000-8000-${String(app.documents.length + 100).padStart(12, '0')}`,
        kind: url.searchParams.get('kind') as DocumentKind,
        filename: url.searchParams.get('filename') ?? '',
        size: (request.body as Uint8Array).byteLength,
        uploadedAt: '2026-03-03T11:00:00.000Z',
      };
      app.documents.push(doc);
      touch(app);
      return json(doc, 201);
    },
    '/api/applications/:id/documents/:documentId': (url, request) => {
      const app = find(url);
      if (!app || request.method !== 'DELETE') return notFound();
      const documentId = url.pathname.split('/').at(-1);
      app.documents = app.documents.filter((d) => d.id !== documentId);
      touch(app);
      return noContent();
    },
    '/api/applications/:id/actions/:action': (url, request) => {
      const app = find(url);
      if (!app) return notFound();
      const action = url.pathname.split('/').at(-1) ?? '';
      const move = TRANSITIONS[action];
      if (!move?.from.includes(app.state))
        return problem(409, 'Действието не е възможно', undefined, {
          code: 'application.transition_invalid',
        });
      if ((action === 'submit' || action === 'resubmit') && app.missing.length > 0)
        return problem(
          400,
          'Заявлението не е попълнено',
          app.missing.map((m) => ({ path: m, message: `Липсва: ${m}` })),
        );
      const comment = (request.body as { comment?: string } | undefined)?.comment ?? null;
      app.timeline.push(
        entry({
          kind: 'transition',
          action,
          fromState: app.state,
          toState: move.to,
          actorName: app.applicant.name,
          text: comment,
        }),
      );
      app.state = move.to;
      if (action === 'submit') app.submittedAt = '2026-03-04T08:00:00.000Z';
      touch(app);
      return json(app);
    },
    '/api/applications/:id/comments': (url, request) => {
      const app = find(url);
      if (!app) return notFound();
      const body = request.body as { text: string; audience: 'applicant' | 'committee' };
      app.timeline.push(
        entry({ kind: 'comment', audience: body.audience, text: body.text, actorName: app.applicant.name }),
      );
      touch(app);
      return json(app);
    },
    ...extra,
  });
  return { ...api, store };
}
