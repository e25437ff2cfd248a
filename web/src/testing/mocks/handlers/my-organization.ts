import {
  type EditableProfile,
  etagOf,
  type ProfileEditBody,
  sizeClassFromStaff,
  versionFromEtag,
} from '@portal/shared';
import { http } from 'msw';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { editableFixture, historyFixture, historyPath, profilePath } from '../fixtures/my-organization.ts';
import { recordRequests } from '../recorder.ts';
import { json, problem } from '../responses.ts';
import { server } from '../server.ts';
import { type Handler, handlersOf } from '../stub-api.ts';

const COLLEAGUE_ID = 'aaaaaaaa-0000-4000-8000-00000000c011';

/**
 * The profile API as its contract says: GET answers the stored profile with its ETag; PUT needs `If-Match`
 * (428 without), refuses a stale one (412, nothing written), else stores the body as the next version.
 */
export function myOrganizationHandlers(profile: {
  get: () => EditableProfile;
  store: (changes: Partial<ProfileEditBody>, by?: string | null) => void;
}) {
  const withEtag = (p: EditableProfile) => json(p, 200, { ETag: etagOf(p.version) });
  return [
    http.get(profilePath, () => withEtag(profile.get())),
    http.put(profilePath, async ({ request }) => {
      const ifMatch = request.headers.get('if-match');
      if (!ifMatch)
        return problem(428, 'Липсва версия на профила', undefined, { code: 'precondition.required' });
      if (versionFromEtag(ifMatch) !== profile.get().version) {
        return problem(412, 'Профилът е променен междувременно', undefined, { code: 'precondition.failed' });
      }
      profile.store((await request.json()) as ProfileEditBody);
      return withEtag(profile.get());
    }),
    http.get(historyPath, () => json({ items: historyFixture })),
    // The overview's suggested-partners card: none unless a test says otherwise.
    http.get('/api/account/organizations/:id/suggestions', ({ params }) =>
      json({
        organizationId: params.id,
        activeMember: true,
        suggestions: [],
        dismissed: [],
        weights: {
          offer_answers_request: 40,
          same_funding_call: 30,
          complementary_kind: 20,
          shared_areas: 10,
        },
      }),
    ),
  ];
}

/**
 * Serves the signed-in representative's organisation profile for one test (`refuseSave` answers saves
 * instead; `extra` answers first). `colleagueSaves` changes the stored profile as another representative's
 * save would, `otherTabSaves` as the same user's save in another tab.
 */
export function profileServer(
  options: {
    /** Changes to the profile on file (it may predate the editing rules). */
    stored?: Partial<EditableProfile>;
    refuseSave?: () => Response;
    extra?: Record<string, Handler>;
  } = {},
) {
  let stored: EditableProfile = { ...structuredClone(editableFixture), ...options.stored };
  // As the server: the next version, the size class from the staff count, the saver named.
  const store = (changes: Partial<ProfileEditBody>, by: string | null = null) => {
    stored = {
      ...stored,
      ...changes,
      updatedBy: by,
      sizeClass:
        (changes.employees ?? stored.employees) === null
          ? null
          : sizeClassFromStaff(changes.employees ?? stored.employees ?? 0),
      version: stored.version + 1,
      updatedAt: new Date(Date.parse(stored.updatedAt) + 60_000).toISOString(),
    };
  };
  const { refuseSave } = options;
  const recorder = recordRequests();
  server.use(
    ...handlersOf(options.extra ?? {}),
    ...(refuseSave ? [http.put(profilePath, () => refuseSave())] : []),
    ...myOrganizationHandlers({ get: () => stored, store }),
    ...handlersOf(signedIn()),
  );
  return {
    ...recorder,
    stored: () => stored,
    colleagueSaves: (changes: Partial<ProfileEditBody>) => store(changes, COLLEAGUE_ID),
    /** The signed-in user saves in another tab (the server names the saver: `updatedBy`). */
    otherTabSaves: (changes: Partial<ProfileEditBody>) => store(changes, meFixture().id),
    puts: () => recorder.sent(profilePath, 'PUT'),
  };
}
