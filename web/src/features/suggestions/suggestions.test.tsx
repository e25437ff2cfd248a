import type { SuggestionsResponse } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, noContent } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const BASE = `/api/account/organizations/${orgId}/suggestions`;
const UNI = '11111111-1111-4111-8111-111111111111';
const STUDIO = '22222222-2222-4222-8222-222222222222';

const weights = {
  offer_answers_request: 40,
  same_funding_call: 30,
  complementary_kind: 20,
  shared_areas: 10,
};

function fixture(): SuggestionsResponse {
  return {
    organizationId: orgId,
    activeMember: true,
    weights,
    dismissed: [],
    suggestions: [
      {
        organizationId: UNI,
        score: 70,
        organization: { id: UNI, nameBg: 'Университет Бета', nameEn: 'Beta University', kind: 'university' },
        reasons: [
          {
            kind: 'offer_answers_request',
            weight: 40,
            direction: 'their_offer_your_request',
            itemType: 'infrastructure',
            yourItem: { id: 'i-1', title: { bg: 'Търсим GPU време', en: 'GPU time wanted' } },
            theirItem: { id: 'i-2', title: { bg: 'Споделена GPU лаборатория', en: 'Shared GPU lab' } },
            areas: ['ict-ai'],
          },
          {
            kind: 'complementary_kind',
            weight: 20,
            yourKind: 'company',
            theirKind: 'university',
            areas: ['ict-software'],
          },
          { kind: 'shared_areas', weight: 10, areas: ['ict-software'] },
        ],
      },
      {
        organizationId: STUDIO,
        score: 10,
        organization: { id: STUDIO, nameBg: 'Студио Гама', nameEn: 'Gamma Studio', kind: 'company' },
        reasons: [{ kind: 'shared_areas', weight: 10, areas: ['creative-games'] }],
      },
    ],
  };
}

/** The suggestions API over one list: dismissing moves an organisation to `dismissed`, undoing back. */
function suggestionsServer(data = fixture()) {
  const all = structuredClone(data.suggestions);
  return profileServer({
    extra: {
      [BASE]: () => json(data),
      [`${BASE}/dismissals`]: (_url, request) => {
        const { organizationId } = request.body as { organizationId: string };
        const s = data.suggestions.find((x) => x.organizationId === organizationId)!;
        data.suggestions = data.suggestions.filter((x) => x !== s);
        data.dismissed.unshift({
          organization: s.organization,
          reasonKinds: s.reasons.map((r) => r.kind),
          dismissedAt: '2026-12-06T10:00:00.000Z',
        });
        return noContent();
      },
      [`${BASE}/dismissals/:dismissedId`]: (url) => {
        const dismissedId = url.pathname.split('/').at(-1)!;
        data.dismissed = data.dismissed.filter((d) => d.organization.id !== dismissedId);
        data.suggestions = all.filter(
          (s) => !data.dismissed.some((d) => d.organization.id === s.organizationId),
        );
        return noContent();
      },
    },
  });
}

describe('suggested partners', () => {
  it('lists the partners by score, each reason in plain words with its weight, and links to their profile', async () => {
    suggestionsServer();
    renderApp(`/my/organizations/${orgId}/suggestions`);
    const uni = within(await screen.findByRole('article', { name: /Университет Бета/ }));
    expect(uni.getByLabelText('Резултат: 70')).toBeVisible();
    expect(
      await uni.findByText(
        'Тяхното предложение „Споделена GPU лаборатория“ отговаря на вашето търсене „Търсим GPU време“ (обща област: Изкуствен интелект)',
      ),
    ).toBeVisible();
    expect(uni.getByText('тежест 40')).toBeVisible();
    expect(uni.getByText(/Допълващи се партньори: търговско дружество и университет/)).toBeVisible();
    expect(uni.getByText('Обща област: Софтуерни продукти')).toBeVisible();
    expect(uni.getByRole('link', { name: 'Профил на организацията' })).toHaveAttribute(
      'href',
      `/members/${UNI}`,
    );
    // The items a reason cites link to their pages on the board.
    expect(uni.getByRole('link', { name: 'Тяхната обява' })).toHaveAttribute('href', '/board/i-2');
    expect(uni.getByRole('link', { name: 'Вашата обява' })).toHaveAttribute('href', '/board/i-1');
    // Ranked: the university first, then the studio.
    const articles = screen.getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-labelledby'))).toEqual([
      `suggestion-${UNI}`,
      `suggestion-${STUDIO}`,
    ]);
    // The tab of the organisation's pages is current.
    expect(screen.getByRole('link', { name: 'Предложени партньори' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('hides a suggestion as not relevant, with undo, and shows the hidden ones to show again (by keyboard)', async () => {
    const api = suggestionsServer();
    const app = renderApp(`/my/organizations/${orgId}/suggestions`);
    const button = await screen.findByRole('button', { name: 'Не е относимо: Университет Бета' });
    button.focus();
    await app.user.keyboard('{Enter}');
    expect(await screen.findByText('„Университет Бета“ е скрита от предложенията.')).toBeVisible();
    expect(api.sent(`${BASE}/dismissals`, 'POST').map((r) => r.body)).toEqual([{ organizationId: UNI }]);
    await waitFor(() => expect(screen.queryByRole('article', { name: /Университет Бета/ })).toBeNull());
    const hidden = within(screen.getByRole('region', { name: 'Скрито предложение (1)' }));
    expect(hidden.getByText('Университет Бета')).toBeVisible();

    await app.user.click(screen.getByRole('button', { name: 'Отмяна' }));
    expect(await screen.findByRole('article', { name: /Университет Бета/ })).toBeVisible();
    expect(api.sent(`${BASE}/dismissals/${UNI}`, 'DELETE')).toHaveLength(1);
    expect(screen.getByText('„Университет Бета“ отново може да бъде предлагана.')).toBeVisible();
    expect(screen.queryByRole('region', { name: /Скрит/ })).toBeNull();
  });

  it('says so when there is nothing to suggest', async () => {
    suggestionsServer({ ...fixture(), suggestions: [] });
    renderApp(`/my/organizations/${orgId}/suggestions`);
    expect(await screen.findByText('Все още няма предложения')).toBeVisible();
  });

  it('tells a lapsed member why there are no suggestions', async () => {
    suggestionsServer({ ...fixture(), activeMember: false, suggestions: [] });
    renderApp(`/my/organizations/${orgId}/suggestions`);
    expect(await screen.findByText('Само за действащи членове')).toBeVisible();
  });

  it('shows the reasons in English', async () => {
    suggestionsServer();
    await setLanguage('en');
    renderApp(`/my/organizations/${orgId}/suggestions`);
    const uni = within(await screen.findByRole('article', { name: /Beta University/ }));
    expect(
      await uni.findByText(
        'Their offer “Shared GPU lab” answers your request “GPU time wanted” (shared area: Artificial intelligence)',
      ),
    ).toBeVisible();
    expect(uni.getByText('weight 40')).toBeVisible();
    expect(uni.getByRole('button', { name: 'Not relevant: Beta University' })).toBeVisible();
  });

  it('puts a short card on the organisation overview that links to the page', async () => {
    suggestionsServer();
    const app = renderApp(`/my/organizations/${orgId}`);
    const card = within(await screen.findByRole('region', { name: 'Предложени партньори' }));
    expect(
      await card.findByText(
        '2 организации могат да ви бъдат полезни партньори. Най-добрата: Университет Бета.',
      ),
    ).toBeVisible();
    await app.user.click(card.getByRole('link', { name: 'Вижте предложените партньори' }));
    expect(await screen.findByRole('article', { name: /Студио Гама/ })).toBeVisible();
  });
});
