/**
 * Demo shared resources (issue 14 §3): a GPU and test lab, a sound studio, a motion-capture stage, a
 * meeting room (the demo representative's Дигитална София) and expert time, with their conditions and
 * opening hours, several confirmed bookings in the week of the seed and the next, and one request waiting
 * for Дигитална София's answer — so the calendars, the bookings page and the feeds have something to show.
 *
 * Dates are relative to the seed's week (Monday, Sofia time): a fresh demo always shows this week and the
 * next. Idempotent: resources and bookings have fixed ids and are inserted with `on conflict do nothing`,
 * so a second run (any day) adds nothing and changes nothing; a demo kept for weeks keeps its old bookings.
 */
import {
  addDays,
  eik9CheckDigit,
  mondayOf,
  type OpeningHours,
  type ResourceCreateBody,
  sofiaInstant,
  sofiaWallClock,
} from '@portal/shared';
import type { Db } from '../client.ts';
import { resourceBookings, sharedResources } from '../schema/index.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;
/** Fixed ids: `…-4500-…` resources, `…-4600-…` bookings (demo-applications uses 41..44). */
const resourceId = (n: number) => `00000000-de00-4500-8000-${String(n).padStart(12, '0')}`;
const bookingId = (n: number) => `00000000-de00-4600-8000-${String(n).padStart(12, '0')}`;

const day = (opens: string, closes: string) => ({ opens, closes });
const weekdays = (
  opens: string,
  closes: string,
  weekend: ReturnType<typeof day> | null = null,
): OpeningHours => [
  day(opens, closes),
  day(opens, closes),
  day(opens, closes),
  day(opens, closes),
  day(opens, closes),
  weekend,
  weekend,
];

type DemoResource = Omit<ResourceCreateBody, 'organizationId'> & { n: number; ownerEik: string };

export const DEMO_RESOURCES: readonly DemoResource[] = [
  {
    n: 1,
    ownerEik: eik('20633480'), // Тераформ Дейта Център
    kind: 'lab',
    nameBg: 'GPU клъстер и лаборатория за тестове',
    nameEn: 'GPU cluster and test lab',
    descriptionBg:
      'Осем сървъра с по 4 GPU за обучение на модели и стенд за натоварващи тестове на уеб услуги. Достъп на място или отдалечено; инженер на смяна помага при настройката.',
    descriptionEn:
      'Eight servers with 4 GPUs each for model training, and a rig for load-testing web services. On site or remote; an engineer on shift helps with the set-up.',
    location: 'София, бул. „Цариградско шосе“ 111, ет. -1',
    capacity: 6,
    conditions: 'cost_sharing',
    feeCents: null,
    feeUnit: null,
    whoMayBook: 'members',
    minNoticeHours: 24,
    maxBookingHours: 24,
    openingHours: [...weekdays('00:00', '24:00', day('00:00', '24:00'))],
    active: true,
  },
  {
    n: 2,
    ownerEik: eik('20589276'), // Ехо Саунд Лаб
    kind: 'studio',
    nameBg: 'Звукозаписно студио A',
    nameEn: 'Recording studio A',
    descriptionBg:
      'Акустично третирана зала с режисьорска кабина, пулт и микрофони за гласов запис, подкаст и озвучаване на игри. Тонрежисьор по желание.',
    descriptionEn:
      'An acoustically treated room with a control room, desk and microphones for voice recording, podcasts and game audio. A sound engineer on request.',
    location: 'София, ул. „Шипка“ 6',
    capacity: 5,
    conditions: 'fee',
    feeCents: 3500,
    feeUnit: 'hour',
    whoMayBook: 'members_and_applicants',
    minNoticeHours: 48,
    maxBookingHours: 8,
    openingHours: weekdays('10:00', '20:00', day('11:00', '17:00')),
    active: true,
  },
  {
    n: 3,
    ownerEik: eik('20399058'), // Анимационна къща Шаро
    kind: 'studio',
    nameBg: 'Сцена за заснемане на движение (motion capture)',
    nameEn: 'Motion-capture stage',
    descriptionBg:
      'Оптична система с 24 камери върху сцена 8 × 6 м, костюми за двама актьори и работна станция за почистване на данните.',
    descriptionEn:
      'An optical system of 24 cameras over an 8 × 6 m stage, suits for two performers and a workstation for cleaning the data.',
    location: 'София, ул. „Кирил Благоев“ 12',
    capacity: 8,
    conditions: 'fee',
    feeCents: 42000,
    feeUnit: 'half_day',
    whoMayBook: 'members',
    minNoticeHours: 72,
    maxBookingHours: 10,
    openingHours: weekdays('09:00', '19:00'),
    active: true,
  },
  {
    n: 4,
    ownerEik: eik('20345678'), // Дигитална София (the demo representative's)
    kind: 'meeting_space',
    nameBg: 'Заседателна зала „Витоша“',
    nameEn: '"Vitosha" meeting room',
    descriptionBg: 'Зала за 14 души с екран, камера за видеоконференции и бяла дъска. Кафе по договаряне.',
    descriptionEn:
      'A room for 14 with a screen, a video-conference camera and a whiteboard. Coffee by arrangement.',
    location: 'София, бул. „Витоша“ 89',
    capacity: 14,
    conditions: 'free',
    feeCents: null,
    feeUnit: null,
    whoMayBook: 'members',
    minNoticeHours: 4,
    maxBookingHours: 8,
    openingHours: weekdays('08:30', '18:30'),
    active: true,
  },
  {
    n: 5,
    ownerEik: eik('00068504'), // Институт по изчислителни науки
    kind: 'expert_time',
    nameBg: 'Консултации по машинно обучение',
    nameEn: 'Machine-learning consultations',
    descriptionBg:
      'Час с изследовател от института: избор на модел, оценка на данни, подготовка на проектно предложение по Хоризонт Европа.',
    descriptionEn:
      'An hour with one of the institute’s researchers: choosing a model, assessing data, preparing a Horizon Europe proposal.',
    location: 'София, ул. „Акад. Г. Бончев“ 25А, или онлайн',
    capacity: null,
    conditions: 'free',
    feeCents: null,
    feeUnit: null,
    whoMayBook: 'members_and_applicants',
    minNoticeHours: 24,
    maxBookingHours: 2,
    openingHours: [
      day('14:00', '17:00'),
      null,
      day('14:00', '17:00'),
      null,
      day('10:00', '12:00'),
      null,
      null,
    ],
    active: true,
  },
];

/** A booking: the resource, who books, the day (0 = the seed week's Monday) and Sofia times. */
interface DemoBooking {
  n: number;
  resource: number;
  bookerEik: string;
  day: number;
  from: string;
  to: string;
  status: 'confirmed' | 'requested';
}

const DIGITAL = eik('20345678');
const BALKAN = eik('13127540');
const PIXEL = eik('20566391');
const VITOSHA_GAMES = eik('20281946');
const KADAR = eik('20423715');
const DATA = eik('20502916');

export const DEMO_BOOKINGS: readonly DemoBooking[] = [
  { n: 1, resource: 1, bookerEik: DIGITAL, day: 1, from: '09:00', to: '18:00', status: 'confirmed' },
  { n: 2, resource: 1, bookerEik: DATA, day: 3, from: '00:00', to: '24:00', status: 'confirmed' },
  { n: 3, resource: 1, bookerEik: DIGITAL, day: 8, from: '09:00', to: '21:00', status: 'confirmed' },
  { n: 4, resource: 2, bookerEik: VITOSHA_GAMES, day: 2, from: '10:00', to: '14:00', status: 'confirmed' },
  { n: 5, resource: 2, bookerEik: KADAR, day: 2, from: '15:00', to: '19:00', status: 'confirmed' },
  { n: 6, resource: 2, bookerEik: VITOSHA_GAMES, day: 9, from: '12:00', to: '18:00', status: 'confirmed' },
  { n: 7, resource: 3, bookerEik: PIXEL, day: 4, from: '09:00', to: '13:00', status: 'confirmed' },
  { n: 8, resource: 3, bookerEik: VITOSHA_GAMES, day: 10, from: '10:00', to: '19:00', status: 'confirmed' },
  { n: 9, resource: 4, bookerEik: BALKAN, day: 0, from: '10:00', to: '12:00', status: 'confirmed' },
  { n: 10, resource: 4, bookerEik: KADAR, day: 3, from: '14:00', to: '16:30', status: 'confirmed' },
  { n: 11, resource: 5, bookerEik: DIGITAL, day: 7, from: '14:00', to: '15:00', status: 'confirmed' },
  // Waiting for Дигитална София (the demo representative) to confirm or decline.
  { n: 12, resource: 4, bookerEik: BALKAN, day: 9, from: '09:00', to: '11:00', status: 'requested' },
];

/** Inserts the demo resources and bookings that are not there yet, around the week of `now`. */
export async function seedDemoResources(
  tx: Db,
  idOf: (eik: string) => string,
  now: Date = new Date(),
): Promise<void> {
  await tx
    .insert(sharedResources)
    .values(
      DEMO_RESOURCES.map(({ n, ownerEik, ...r }) => ({
        ...r,
        id: resourceId(n),
        organizationId: idOf(ownerEik),
      })),
    )
    .onConflictDoNothing();
  const monday = mondayOf(sofiaWallClock(now).date);
  await tx
    .insert(resourceBookings)
    .values(
      DEMO_BOOKINGS.map((b) => {
        const date = addDays(monday, b.day);
        return {
          id: bookingId(b.n),
          resourceId: resourceId(b.resource),
          organizationId: idOf(b.bookerEik),
          startsAt: new Date(sofiaInstant(date, b.from)),
          endsAt: new Date(sofiaInstant(date, b.to)),
          status: b.status,
        };
      }),
    )
    .onConflictDoNothing();
}
