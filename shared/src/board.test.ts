import { describe, expect, it } from 'vitest';
import {
  availableBoardActions,
  BOARD_ITEM_STATUSES,
  BoardItemCloseBodySchema,
  BoardItemCreateBodySchema,
  BoardListQuerySchema,
  boardItemStatusAfter,
  canPostToBoard,
  defaultValidUntil,
  effectiveBoardStatus,
  isOnBoard,
  latestValidUntil,
  validUntilProblem,
} from './board.ts';
import { todayInSofia } from './dates.ts';
import { addDays } from './fees.ts';
import { MEMBERSHIP_STATUSES } from './organization.ts';

const codes = (result: {
  success: boolean;
  error?: { issues: { params?: unknown; path: PropertyKey[] }[] };
}) =>
  result.error?.issues.map(
    (i) => `${i.path.join('.')}:${(i.params as { code?: string } | undefined)?.code ?? ''}`,
  ) ?? [];

const body = {
  kind: 'offer',
  type: 'infrastructure',
  titleBg: 'Лаборатория',
  descriptionBg: 'Описание',
  areaIds: ['ict'],
};

describe('the validity window', () => {
  it('defaults to 90 days and allows at most one year, leap days included', () => {
    expect(defaultValidUntil('2026-12-06')).toBe('2027-03-06');
    expect(latestValidUntil('2026-12-06')).toBe('2027-12-06');
    expect(latestValidUntil('2028-02-29')).toBe('2029-02-28');
    expect(validUntilProblem('2026-12-06', '2026-12-06')).toBe('board.valid_until_past');
    expect(validUntilProblem('2026-12-07', '2026-12-06')).toBeNull();
    expect(validUntilProblem('2027-12-06', '2026-12-06')).toBeNull();
    expect(validUntilProblem('2027-12-07', '2026-12-06')).toBe('board.valid_until_too_far');
  });

  it('is checked when a body is parsed, against today in Sofia', () => {
    const today = todayInSofia();
    expect(BoardItemCreateBodySchema.safeParse({ ...body, validUntil: addDays(today, 30) }).success).toBe(
      true,
    );
    expect(codes(BoardItemCreateBodySchema.safeParse({ ...body, validUntil: today }))).toEqual([
      'validUntil:board.valid_until_past',
    ]);
    expect(
      codes(
        BoardItemCreateBodySchema.safeParse({ ...body, validUntil: addDays(latestValidUntil(today), 1) }),
      ),
    ).toEqual(['validUntil:board.valid_until_too_far']);
  });
});

describe('the bodies', () => {
  it('needs one language complete: a title and a description', () => {
    expect(
      BoardItemCreateBodySchema.safeParse({
        ...body,
        titleBg: '',
        descriptionBg: '',
        titleEn: 'Lab',
        descriptionEn: 'A lab.',
      }).success,
    ).toBe(true);
    expect(codes(BoardItemCreateBodySchema.safeParse({ ...body, descriptionBg: '  ' }))).toEqual([
      'descriptionBg:board.language_incomplete',
    ]);
    expect(
      codes(BoardItemCreateBodySchema.safeParse({ ...body, titleBg: '', descriptionBg: '', titleEn: 'Lab' })),
    ).toEqual(['descriptionEn:board.language_incomplete']);
  });

  it('limits titles to 200 and descriptions to 5000 characters, and needs an area', () => {
    expect(BoardItemCreateBodySchema.safeParse({ ...body, titleBg: 'x'.repeat(200) }).success).toBe(true);
    expect(BoardItemCreateBodySchema.safeParse({ ...body, titleBg: 'x'.repeat(201) }).success).toBe(false);
    expect(BoardItemCreateBodySchema.safeParse({ ...body, descriptionBg: 'x'.repeat(5001) }).success).toBe(
      false,
    );
    expect(BoardItemCreateBodySchema.safeParse({ ...body, areaIds: [] }).success).toBe(false);
    expect(BoardItemCreateBodySchema.safeParse({ ...body, unknown: 1 }).success).toBe(false);
  });

  it('defaults to members-only visibility and closes only with a known outcome', () => {
    expect(BoardItemCreateBodySchema.parse(body)).toMatchObject({
      visibility: 'members',
      validUntil: null,
      naceCode: null,
    });
    expect(BoardItemCloseBodySchema.safeParse({ version: 1, outcome: 'partnership_formed' }).success).toBe(
      true,
    );
    expect(BoardItemCloseBodySchema.safeParse({ version: 1, outcome: 'gave_up' }).success).toBe(false);
    expect(BoardListQuerySchema.parse({})).toMatchObject({ sort: 'newest', page: 1, pageSize: 20 });
  });
});

describe('the life cycle', () => {
  it('expires a published item after its last day, at read time', () => {
    expect(effectiveBoardStatus('published', '2026-12-06', '2026-12-06')).toBe('published');
    expect(effectiveBoardStatus('published', '2026-12-05', '2026-12-06')).toBe('expired');
    expect(effectiveBoardStatus('closed', '2026-12-05', '2026-12-06')).toBe('closed');
    expect(effectiveBoardStatus('draft', '2026-12-05', '2026-12-06')).toBe('draft');
  });

  it('moves draft → published → closed, lets expired items be closed or edited back, and ends at closed', () => {
    expect(boardItemStatusAfter('draft', 'publish')).toBe('published');
    expect(boardItemStatusAfter('draft', 'edit')).toBe('draft');
    expect(boardItemStatusAfter('draft', 'close')).toBeNull();
    expect(boardItemStatusAfter('published', 'edit')).toBe('published');
    expect(boardItemStatusAfter('published', 'publish')).toBeNull();
    expect(boardItemStatusAfter('published', 'close')).toBe('closed');
    expect(boardItemStatusAfter('expired', 'close')).toBe('closed');
    expect(boardItemStatusAfter('expired', 'edit')).toBe('published');
    expect(availableBoardActions('closed')).toEqual([]);
    for (const status of BOARD_ITEM_STATUSES) {
      for (const action of availableBoardActions(status))
        expect(boardItemStatusAfter(status, action)).not.toBeNull();
    }
  });

  it('lets only active, admitted members post, and shows only their live items', () => {
    for (const status of MEMBERSHIP_STATUSES) {
      expect(canPostToBoard({ status, category: 'regular' }), status).toBe(status === 'active');
    }
    expect(canPostToBoard({ status: 'active', category: 'candidate' })).toBe(false);
    expect(canPostToBoard(null)).toBe(false);
    const live = { status: 'published' as const, validUntil: '2027-01-01' };
    expect(isOnBoard(live, { status: 'active', category: 'regular' }, '2026-12-06')).toBe(true);
    expect(isOnBoard(live, { status: 'suspended', category: 'regular' }, '2026-12-06')).toBe(false);
    expect(isOnBoard(live, { status: 'active', category: 'regular' }, '2027-01-02')).toBe(false);
  });
});
