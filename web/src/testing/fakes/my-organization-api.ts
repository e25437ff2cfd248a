import {
  CONTACT_FIELD_DEFAULTS,
  type EditableProfile,
  etagOf,
  type ProfileEditBody,
  type ProfileHistoryEntry,
  sizeClassFromStaff,
  versionFromEtag,
} from '@portal/shared';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';

const COLLEAGUE_ID = 'aaaaaaaa-0000-4000-8000-00000000c011';

import { profileFixture } from '@/testing/fixtures.ts';
import { type Handler, json, problem, stubApi } from '@/testing/mocks/stub-api.ts';

export const orgId = profileFixture.id;
export const editorUrl = `/my/organizations/${orgId}`;
export const historyUrl = `/my/organizations/${orgId}/history`;
export const profilePath = `/api/account/organizations/${orgId}/profile`;
export const historyPath = `/api/account/organizations/${orgId}/history`;

export const editableFixture: EditableProfile = {
  id: orgId,
  eik: profileFixture.eik,
  kind: 'company',
  sizeClass: 'small',
  version: 3,
  updatedAt: '2026-01-15T10:00:00.000Z',
  logoUrl: null,
  nameBg: profileFixture.nameBg,
  nameEn: profileFixture.nameEn,
  descriptionBg: profileFixture.descriptionBg,
  descriptionEn: profileFixture.descriptionEn,
  areaIds: ['creative-games', 'ict-software'],
  naceCodes: ['62.01', '58.21'],
  employees: 42,
  city: 'Пловдив',
  address: 'ул. „Тестова“ 1',
  website: 'https://pixel-factory.example',
  publicEmail: 'hello@pixel-factory.example',
  publicPhone: '+359 32 123 456',
  contactName: 'Елена Контактова',
  contactPosition: 'Управител',
  contactEmail: 'elena@pixel-factory.example',
  contactPhone: '+359 88 765 4321',
  offers: { people: 'Стажове за студенти' },
  seeks: {},
  visibility: { ...CONTACT_FIELD_DEFAULTS, publicPhone: 'members' },
};

export const historyFixture: ProfileHistoryEntry[] = [
  {
    id: 12,
    at: '2026-02-03T09:30:00.000Z',
    actorName: 'Иван Колега',
    action: 'organization.profile_updated',
    before: { city: 'Пловдив', areaIds: ['ict-software'], offers: { people: null, projects: 'Игри' } },
    after: {
      city: 'Варна',
      areaIds: ['ict-software', 'creative-games'],
      offers: { people: 'Стажове', projects: 'Игри' },
    },
  },
  {
    id: 7,
    at: '2026-01-15T10:00:00.000Z',
    actorName: null,
    action: 'organization.merged',
    before: null,
    after: null,
  },
];

/**
 * A fake of the profile API that keeps to its contract: GET answers the stored profile with its ETag; PUT
 * needs `If-Match` (428 without), refuses a stale one (412, nothing written), else stores the body as the
 * next version (`refuseSave` answers saves instead). `colleagueSaves` changes the stored profile as another representative's save would.
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
  const withEtag = (p: EditableProfile) => json(p, 200, { ETag: etagOf(p.version) });
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
  const api = stubApi({
    ...signedIn(),
    [profilePath]: (_url, request) => {
      if (request.method === 'GET') return withEtag(stored);
      if (request.method !== 'PUT') return undefined;
      if (options.refuseSave) return options.refuseSave();
      const ifMatch = request.headers.get('if-match');
      if (!ifMatch)
        return problem(428, 'Липсва версия на профила', undefined, { code: 'precondition.required' });
      if (versionFromEtag(ifMatch) !== stored.version) {
        return problem(412, 'Профилът е променен междувременно', undefined, { code: 'precondition.failed' });
      }
      store(request.body as ProfileEditBody);
      return withEtag(stored);
    },
    [historyPath]: () => json({ items: historyFixture }),
    ...options.extra,
  });
  return {
    ...api,
    stored: () => stored,
    colleagueSaves: (changes: Partial<ProfileEditBody>) => store(changes, COLLEAGUE_ID),
    /** The signed-in user saves in another tab (the server names the saver: `updatedBy`). */
    otherTabSaves: (changes: Partial<ProfileEditBody>) => store(changes, meFixture().id),
    puts: () => api.requestsTo(profilePath).filter((r) => r.method === 'PUT'),
  };
}
