import { Badge, Box, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  addDays,
  type CalendarEntry,
  mondayOf,
  type OpeningHours,
  sofiaInstant,
  sofiaWallClock,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-state.tsx';
import { useLanguage } from '@/lib/localized.ts';
import { useCalendar } from '../api/resources.ts';
import { clockOf, dayLabel, longDayLabel, monthLabel, sofiaToday, weekdayNames } from '../time.ts';

export type CalendarView = 'week' | 'month';

/** The Sofia-time slice of `entry` that falls on `date`, in minutes since midnight, or null. */
export function sliceOn(entry: CalendarEntry, date: string): { from: number; to: number } | null {
  const start = sofiaWallClock(new Date(entry.startsAt));
  const end = sofiaWallClock(new Date(entry.endsAt));
  if (
    start.date > date ||
    end.date < date ||
    (end.date === date && end.minutes === 0 && start.date !== date)
  ) {
    return null;
  }
  const from = start.date === date ? start.minutes : 0;
  const to = end.date === date ? end.minutes : 24 * 60;
  return to > from ? { from, to } : null;
}

/** The dates shown: a week from its Monday, or the six weeks around a month (Monday first). */
export function visibleDates(view: CalendarView, anchor: string): string[] {
  const first = view === 'week' ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  return Array.from({ length: view === 'week' ? 7 : 42 }, (_, i) => addDays(first, i));
}

/** Below Mantine's `sm` breakpoint (768 px) the week's seven columns do not fit: a day-by-day list instead. */
export const NARROW_CALENDAR_QUERY = '(max-width: 47.99em)';

/** Monday 0 … Sunday 6 of a calendar date. */
const weekdayIndex = (date: string) => (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const HOUR_PX = 28;

/**
 * A resource's confirmed bookings in a week (a column per day, hours down, each booking where it falls) or
 * a month (a grid of days listing the booked times). Plain CSS grid; Sofia time; Monday first. The view
 * and the date live with the caller (the URL). On a narrow screen (a phone) the week is a list of its days,
 * each with its opening hours and booked times, read top to bottom without sideways scrolling.
 */
export function BookingCalendar({
  resourceId,
  view,
  anchor,
  onChange,
  openingHours,
}: {
  resourceId: string;
  view: CalendarView;
  anchor: string;
  onChange: (next: { view: CalendarView; anchor: string }) => void;
  /** The resource's opening hours (Monday first), shown per day in the narrow week. */
  openingHours?: OpeningHours;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = useMediaQuery(NARROW_CALENDAR_QUERY, false, { getInitialValueInEffect: false });
  const dates = visibleDates(view, anchor);
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const calendar = useCalendar(resourceId, sofiaInstant(first, '00:00'), sofiaInstant(last, '24:00'));
  const entries = calendar.data?.items ?? [];
  const today = sofiaToday();
  const step = (direction: 1 | -1) =>
    onChange({
      view,
      anchor:
        view === 'week'
          ? addDays(mondayOf(anchor), 7 * direction)
          : (() => {
              const [y, m] = anchor.split('-').map(Number);
              const d = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1 + direction, 1));
              return d.toISOString().slice(0, 10);
            })(),
    });
  const heading =
    view === 'week'
      ? `${dayLabel(first, language)} – ${dayLabel(last, language)}`
      : monthLabel(anchor, language);
  const booked = (slice: { from: number; to: number }) =>
    t('resources.calendar.booked', { from: clockOf(slice.from), to: clockOf(slice.to) });

  return (
    <Box>
      <Group justify="space-between" wrap="wrap" gap="sm" mb="sm">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => step(-1)}>
            {t('resources.calendar.previous')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onChange({ view, anchor: today })}>
            {t('resources.calendar.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => step(1)}>
            {t('resources.calendar.next')}
          </Button>
        </Group>
        <SegmentedControl
          size="xs"
          aria-label={t('resources.calendar.viewLabel')}
          value={view}
          onChange={(value) => onChange({ view: value as CalendarView, anchor })}
          data={[
            { value: 'week', label: t('resources.calendar.week') },
            { value: 'month', label: t('resources.calendar.month') },
          ]}
        />
      </Group>
      <Title order={3} size="h5" mb="xs" aria-live="polite">
        {heading}
      </Title>
      {calendar.isError ? <QueryError error={calendar.error} onRetry={() => calendar.refetch()} /> : null}
      {view === 'week' && narrow ? (
        <Stack component="ol" gap="xs" className="plain-list booking-agenda">
          {dates.map((date) => {
            const slices = entries
              .map((e) => sliceOn(e, date))
              .filter((x): x is { from: number; to: number } => x !== null);
            const hours = openingHours?.[weekdayIndex(date)];
            const headingId = `agenda-${resourceId}-${date}`;
            return (
              <Box
                component="li"
                key={date}
                p="xs"
                style={{
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderLeft: `4px solid var(--mantine-color-${date === today ? 'blue-6' : 'gray-3'})`,
                  borderRadius: 4,
                }}
              >
                <section aria-labelledby={headingId} data-date={date}>
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Title order={4} size="h6" id={headingId}>
                      {longDayLabel(date, language)}
                    </Title>
                    {date === today ? (
                      <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                        {t('resources.calendar.todayBadge')}
                      </Badge>
                    ) : null}
                  </Group>
                  {openingHours ? (
                    <Text size="sm" c="dimmed">
                      {hours
                        ? t('resources.calendar.openHours', { from: hours.opens, to: hours.closes })
                        : t('resources.calendar.closedDay')}
                    </Text>
                  ) : null}
                  {slices.length > 0 ? (
                    <ul className="plain-list">
                      {slices.map((slice) => (
                        <li
                          key={`${slice.from}-${slice.to}`}
                          data-slot={`${clockOf(slice.from)}-${clockOf(slice.to)}`}
                        >
                          <Text size="sm" fw={500} c="blue.8">
                            {booked(slice)}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  ) : hours || !openingHours ? (
                    <Text size="sm">{t('resources.calendar.freeDay')}</Text>
                  ) : null}
                </section>
              </Box>
            );
          })}
        </Stack>
      ) : view === 'week' ? (
        <div className="booking-week" style={{ overflowX: 'auto' }}>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: '3rem repeat(7, minmax(5.5rem, 1fr))',
              minWidth: '42rem',
            }}
          >
            <div />
            {dates.map((date) => (
              <Text
                key={date}
                size="xs"
                fw={date === today ? 700 : 500}
                ta="center"
                p={4}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}
              >
                {dayLabel(date, language)}
              </Text>
            ))}
            <div style={{ position: 'relative', height: HOURS.length * HOUR_PX }} aria-hidden="true">
              {HOURS.filter((h) => h % 2 === 0).map((h) => (
                <Text
                  key={h}
                  size="xs"
                  c="dimmed"
                  style={{ position: 'absolute', top: h * HOUR_PX - 2, right: 4 }}
                >
                  {clockOf(h * 60)}
                </Text>
              ))}
            </div>
            {dates.map((date) => {
              const slices = entries
                .map((e) => ({ e, slice: sliceOn(e, date) }))
                .filter(
                  (x): x is { e: CalendarEntry; slice: { from: number; to: number } } => x.slice !== null,
                );
              return (
                <section
                  key={date}
                  aria-label={longDayLabel(date, language)}
                  data-date={date}
                  style={{
                    position: 'relative',
                    height: HOURS.length * HOUR_PX,
                    borderLeft: '1px solid var(--mantine-color-gray-3)',
                    backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${HOUR_PX - 1}px, var(--mantine-color-gray-2) ${HOUR_PX - 1}px, var(--mantine-color-gray-2) ${HOUR_PX}px)`,
                  }}
                >
                  <ul className="plain-list">
                    {slices.map(({ e, slice }) => (
                      <li
                        key={e.id}
                        data-slot={`${clockOf(slice.from)}-${clockOf(slice.to)}`}
                        style={{
                          position: 'absolute',
                          left: 2,
                          right: 2,
                          top: (slice.from / 60) * HOUR_PX,
                          height: Math.max(((slice.to - slice.from) / 60) * HOUR_PX, 14),
                          background: 'var(--mantine-color-blue-1)',
                          border: '1px solid var(--mantine-color-blue-6)',
                          borderRadius: 4,
                          overflow: 'hidden',
                          padding: '0 3px',
                        }}
                      >
                        <Text size="xs" lh={1.2}>
                          {booked(slice)}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </div>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 }}>
          {weekdayNames(language).map((name) => (
            <Text key={name} size="xs" fw={600} ta="center" aria-hidden="true">
              {name}
            </Text>
          ))}
          {dates.map((date) => {
            const inMonth = date.slice(0, 7) === anchor.slice(0, 7);
            const slices = entries
              .map((e) => sliceOn(e, date))
              .filter((s): s is { from: number; to: number } => s !== null);
            return (
              <section
                key={date}
                aria-label={longDayLabel(date, language)}
                data-date={date}
                style={{
                  minHeight: '4.5rem',
                  padding: 3,
                  border: '1px solid var(--mantine-color-gray-3)',
                  background: inMonth ? undefined : 'var(--mantine-color-gray-0)',
                  outline: date === today ? '2px solid var(--mantine-color-blue-5)' : undefined,
                }}
              >
                <Text
                  size="xs"
                  fw={date === today ? 700 : 400}
                  c={inMonth ? undefined : 'dimmed'}
                  aria-hidden="true"
                >
                  {Number(date.slice(8))}
                </Text>
                <ul className="plain-list">
                  {slices.map((slice) => (
                    <li
                      key={`${slice.from}-${slice.to}`}
                      data-slot={`${clockOf(slice.from)}-${clockOf(slice.to)}`}
                    >
                      <Text size="xs" lh={1.2} style={{ overflowWrap: 'anywhere' }}>
                        <Box component="span" visibleFrom="sm">
                          {booked(slice)}
                        </Box>
                        <Box component="span" hiddenFrom="sm">
                          {clockOf(slice.from)}
                        </Box>
                      </Text>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {calendar.isSuccess && entries.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('resources.calendar.empty')}
        </Text>
      ) : null}
    </Box>
  );
}
