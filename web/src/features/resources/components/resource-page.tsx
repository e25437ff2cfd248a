import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Me, SharedResource } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { useResource } from '../api/resources.ts';
import { sofiaToday } from '../time.ts';
import { BookingCalendar, type CalendarView } from './booking-calendar.tsx';
import { BookingDialog } from './booking-dialog.tsx';
import { ResourceFacts } from './resource-facts.tsx';
import { ResourcePhotos } from './resource-photos.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The organisations `user` may ask to book `resource` for, as the server decides (decision 034): any of
 * theirs but its owner that is an active member, or a candidate for membership where the owner opens the
 * resource to applicants.
 */
export function bookingOrganizationsFor(user: Me | null | undefined, resource: SharedResource) {
  return (user?.organizations ?? []).filter(
    (o) =>
      o.id !== resource.organizationId &&
      (o.standing === 'active' || (o.candidate && resource.whoMayBook === 'members_and_applicants')),
  );
}

/**
 * /resources/:id: a shared resource for members — its description in the viewer's language, photos, terms
 * and rules, opening hours and the calendar of confirmed bookings (week or month, in the URL), with the
 * booking request for a representative of another member organisation and the edit link for its own.
 */
export function ResourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const resource = useResource(id);
  const session = useSession();
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const [booking, setBooking] = useState(false);
  const view: CalendarView = searchParams.get('view') === 'month' ? 'month' : 'week';
  const dateParam = searchParams.get('date') ?? '';
  const anchor = DATE.test(dateParam) ? dateParam : sofiaToday();
  const name = resource.data ? pickLocalized(resource.data.nameBg, resource.data.nameEn, language) : null;
  usePageTitle(name?.text ?? t('resources.title'));

  if (resource.isPending) return <Skeleton height={300} aria-busy="true" />;
  if (resource.isError) {
    // A candidate for membership who opens a members-only resource is told why it is not for them.
    if (isApiError(resource.error, 403) && resource.error.code === 'resource.members_only') {
      return (
        <Stack gap="lg" align="flex-start">
          <Anchor component={Link} to={paths.resources.href()} size="sm">
            ← {t('resources.candidate.backToOpen')}
          </Anchor>
          <Title order={1}>{t('resources.candidate.membersOnlyTitle')}</Title>
          <Text>{t('resources.candidate.membersOnly')}</Text>
        </Stack>
      );
    }
    return <QueryError error={resource.error} onRetry={() => resource.refetch()} />;
  }
  const r = resource.data;
  const me = session.data?.user;
  const own = me?.organizations.some((o) => o.id === r.organizationId) ?? false;
  const bookingOrganizations = bookingOrganizationsFor(me, r);
  // A candidate (of no member organisation) on a members-only resource: say why there is no booking button.
  const candidateRefused =
    r.active &&
    bookingOrganizations.length === 0 &&
    (me?.organizations ?? []).some((o) => o.candidate && o.id !== r.organizationId);
  const description = pickLocalized(r.descriptionBg, r.descriptionEn, language);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.resources.href()} size="sm">
        ← {t('resources.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} lang={name?.lang}>
            {name?.text}
          </Title>
          <Group gap="xs" mt={6}>
            <Badge variant="light">{t(`resources.kind.${r.kind}`)}</Badge>
            {!r.active ? <Badge color="gray">{t('resources.inactive')}</Badge> : null}
            <Text size="sm" c="dimmed">
              {t('resources.owner', {
                name: pickLocalized(r.organizationNameBg, r.organizationNameEn, language).text,
              })}
            </Text>
          </Group>
        </div>
        <Group gap="sm">
          {own ? (
            <Button variant="default" component={Link} to={paths.resourceEdit.href(r.id)}>
              {t('resources.edit')}
            </Button>
          ) : null}
          {r.active && bookingOrganizations.length > 0 ? (
            <Button onClick={() => setBooking(true)}>{t('resources.book')}</Button>
          ) : null}
        </Group>
      </Group>
      {candidateRefused ? (
        <Alert color="yellow" title={t('resources.candidate.membersOnlyTitle')}>
          {t('resources.candidate.membersOnly')}
        </Alert>
      ) : null}
      {description.text ? (
        <Text style={{ whiteSpace: 'pre-line' }} lang={description.lang}>
          {description.text}
        </Text>
      ) : (
        <Text c="dimmed">{t('resources.noDescription')}</Text>
      )}
      <ResourcePhotos resourceId={r.id} name={name?.text ?? ''} />
      <Card withBorder>
        <ResourceFacts resource={r} />
      </Card>
      <Section id="calendar" title={t('resources.calendar.title')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('resources.calendar.hint')}
        </Text>
        <BookingCalendar
          resourceId={r.id}
          openingHours={r.openingHours}
          view={view}
          anchor={anchor}
          onChange={(next) =>
            setSearchParams(
              (prev) => {
                const params = new URLSearchParams(prev);
                params.set('view', next.view);
                params.set('date', next.anchor);
                return params;
              },
              { preventScrollReset: true, replace: true },
            )
          }
        />
      </Section>
      {booking ? (
        <BookingDialog
          resource={r}
          organizations={bookingOrganizations}
          opened={booking}
          onClose={() => setBooking(false)}
          initialDate={[sofiaToday(), anchor].sort().at(-1) ?? anchor}
        />
      ) : null}
    </Stack>
  );
}
