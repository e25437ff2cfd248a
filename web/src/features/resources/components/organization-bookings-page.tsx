import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { addDays, BOOKING_STATUSES, type Booking, type BookingStatus, sofiaInstant } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { Section } from '@/components/section.tsx';
import { useOrganizationStanding } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import { type BookingMove, useMoveBooking, useOrganizationBookings, useResources } from '../api/resources.ts';
import { rangeText, sofiaToday } from '../time.ts';
import { FeedBox } from './feed-box.tsx';

const STATUS_COLOR: Record<BookingStatus, string> = {
  requested: 'yellow',
  confirmed: 'green',
  declined: 'red',
  cancelled: 'gray',
};

const isStatus = (value: string | null): value is BookingStatus =>
  (BOOKING_STATUSES as readonly string[]).includes(value ?? '');

/**
 * /my/organizations/:id/bookings: the organisation's bookings from today for two months — those it asked
 * for (cancel) and those of its resources (confirm, decline with a reason, cancel), each after a
 * confirmation — its shared resources, and its calendar subscription.
 */
export function OrganizationBookingsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('resources.bookings.title'));
  const [searchParams, setSearchParams] = useSearchParamsLatest();
  const status = isStatus(searchParams.get('status'))
    ? (searchParams.get('status') as BookingStatus)
    : undefined;
  const today = sofiaToday();
  const from = sofiaInstant(today, '00:00');
  const to = sofiaInstant(addDays(today, 61), '00:00');
  const bookings = useOrganizationBookings(id, from, to, status);

  return (
    <Stack gap="lg">
      <Section id="bookings" title={t('resources.bookings.title')}>
        <Text size="sm" c="dimmed">
          {t('resources.bookings.intro')}
        </Text>
        <NativeSelect
          label={t('resources.bookings.statusLabel')}
          value={status ?? ''}
          w={{ base: '100%', xs: 260 }}
          onChange={(event) =>
            setSearchParams(event.currentTarget.value ? { status: event.currentTarget.value } : {}, {
              preventScrollReset: true,
            })
          }
          data={[
            { value: '', label: t('resources.bookings.statusAny') },
            ...BOOKING_STATUSES.map((s) => ({ value: s, label: t(`resources.bookings.status.${s}`) })),
          ]}
        />
        {bookings.isPending ? (
          <Skeleton height={120} aria-busy="true" />
        ) : bookings.isError ? (
          <QueryError error={bookings.error} onRetry={() => bookings.refetch()} />
        ) : bookings.data.items.length === 0 ? (
          <Text>{t('resources.bookings.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {bookings.data.items.map((b) => (
              <li key={b.id}>
                <BookingCard booking={b} organizationId={id} />
              </li>
            ))}
          </Stack>
        )}
      </Section>
      <OwnResources organizationId={id} />
      <Section id="calendar-feed" title={t('resources.feed.title')}>
        <FeedBox scope={{ kind: 'organization', id }} />
      </Section>
    </Stack>
  );
}

function BookingCard({ booking: b, organizationId }: { booking: Booking; organizationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const move = useMoveBooking();
  const [asking, setAsking] = useState<BookingMove | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const owner = b.ownerOrganizationId === organizationId;
  const resource = pickLocalized(b.resourceNameBg, b.resourceNameEn, language).text;
  const booker = pickLocalized(b.organizationNameBg, b.organizationNameEn, language).text;
  const when = rangeText(b.startsAt, b.endsAt, language);
  const open = (m: BookingMove) => {
    move.reset();
    setReason('');
    setReasonMissing(false);
    setAsking(m);
  };
  const run = () => {
    if (!asking) return;
    if (asking === 'decline' && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    move.mutate(
      { id: b.id, move: asking, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setAsking(null) },
    );
  };
  const texts = {
    confirm: {
      title: t('resources.bookings.confirmTitle'),
      text: t('resources.bookings.confirmText', { resource, when, name: booker }),
      label: t('resources.bookings.confirm'),
    },
    decline: {
      title: t('resources.bookings.declineTitle'),
      text: t('resources.bookings.declineText', { name: booker }),
      label: t('resources.bookings.decline'),
    },
    cancel: {
      title: t('resources.bookings.cancelTitle'),
      text: t('resources.bookings.cancelText', { resource, when }),
      label: t('resources.bookings.cancel'),
    },
  };
  const open_ = b.status === 'requested' || b.status === 'confirmed';
  return (
    <Card withBorder padding="sm" component="article" aria-label={`${resource}, ${when}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Anchor component={Link} to={paths.resource.href(b.resourceId)} fw={600}>
            {resource}
          </Anchor>
          <Text size="sm">{when}</Text>
          <Text size="sm" c="dimmed">
            {owner ? t('resources.bookings.by', { name: booker }) : t('resources.bookings.asked')}
          </Text>
          {b.reason ? (
            <Text size="sm" c="dimmed">
              {t('resources.bookings.reason', { reason: b.reason })}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          <Badge color={STATUS_COLOR[b.status]} variant="light">
            {t(`resources.bookings.status.${b.status}`)}
          </Badge>
          {owner ? <Badge variant="outline">{t('resources.bookings.received')}</Badge> : null}
        </Group>
      </Group>
      {open_ ? (
        <Group gap="xs" mt="xs">
          {owner && b.status === 'requested' ? (
            <>
              <Button size="xs" onClick={() => open('confirm')}>
                {t('resources.bookings.confirm')}
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => open('decline')}>
                {t('resources.bookings.decline')}
              </Button>
            </>
          ) : null}
          <Button size="xs" variant="default" onClick={() => open('cancel')}>
            {t('resources.bookings.cancel')}
          </Button>
        </Group>
      ) : null}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? texts[asking].title : ''}
        text={asking ? texts[asking].text : ''}
        confirmLabel={asking ? texts[asking].label : ''}
        pending={move.isPending}
        error={move.error}
        onConfirm={run}
        onClose={() => {
          move.reset();
          setAsking(null);
        }}
      >
        {asking === 'decline' || asking === 'cancel' ? (
          <Textarea
            label={
              asking === 'decline'
                ? t('resources.bookings.declineReason')
                : t('resources.bookings.cancelReason')
            }
            required={asking === 'decline'}
            value={reason}
            maxLength={1000}
            rows={3}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonMissing(false);
            }}
            error={reasonMissing ? t('validation.field.required') : undefined}
          />
        ) : null}
      </ConfirmModal>
    </Card>
  );
}

/** The organisation's own shared resources (withdrawn ones too), with links to edit and to share another. */
function OwnResources({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const resources = useResources(organizationId);
  // Only an active member shares (a candidate books, where owners allow it); undefined: an admin's look.
  const standing = useOrganizationStanding(organizationId);
  return (
    <Section id="our-resources" title={t('resources.bookings.ourResources')}>
      {resources.isPending ? (
        <Skeleton height={60} />
      ) : resources.isError ? (
        <QueryError error={resources.error} onRetry={() => resources.refetch()} />
      ) : resources.data.items.length === 0 ? (
        <Text>{t('resources.bookings.noResources')}</Text>
      ) : (
        <Stack component="ul" gap={4} className="plain-list">
          {resources.data.items.map((r) => (
            <li key={r.id}>
              <Group gap="xs">
                <Anchor component={Link} to={paths.resource.href(r.id)}>
                  {pickLocalized(r.nameBg, r.nameEn, language).text}
                </Anchor>
                {!r.active ? <Badge color="gray">{t('resources.inactive')}</Badge> : null}
                <Anchor component={Link} to={paths.resourceEdit.href(r.id)} size="sm">
                  {t('resources.edit')}
                </Anchor>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {standing === undefined || standing === 'active' ? (
        <Button component={Link} to={paths.resourceNew.href(organizationId)} variant="light" w="fit-content">
          {t('resources.bookings.newResource')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('resources.bookings.shareMembersOnly')}
        </Text>
      )}
    </Section>
  );
}
