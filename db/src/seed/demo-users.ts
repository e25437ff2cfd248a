import { eik9CheckDigit, type Role } from '@portal/shared';

/**
 * Demo accounts, one per role, for trying the portal out. DEMO ONLY: the password is published in the
 * README. They exist only where the demo seed was loaded (never in production data).
 */
export const DEMO_PASSWORD = 'klaster-demo-2026';

/** argon2id (m=19456, t=2, p=1) of DEMO_PASSWORD, so the seed needs no hashing library. */
export const DEMO_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$726WlyE3lD264b0sRwZrig$avhw+2xNzki+cMWD/AdnAboI9ysX9Tj6OFhPx+WXmBE';

export interface DemoUser {
  email: string;
  displayName: string;
  language: 'bg' | 'en';
  roles: Role[];
  /** ЕИК of the organisations the user represents. */
  organizationEiks: string[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@demo.klaster.bg',
    displayName: 'Администратор (демо)',
    language: 'bg',
    roles: ['admin'],
    organizationEiks: [],
  },
  {
    email: 'predsedatel@demo.klaster.bg',
    displayName: 'Мария Петрова (демо)',
    language: 'bg',
    roles: ['committee_chair', 'committee_member'],
    organizationEiks: [],
  },
  {
    email: 'komitet@demo.klaster.bg',
    displayName: 'Георги Иванов (демо)',
    language: 'bg',
    roles: ['committee_member'],
    organizationEiks: [],
  },
  {
    email: 'predstavitel@demo.klaster.bg',
    displayName: 'Елена Димитрова (демо)',
    language: 'bg',
    roles: ['representative'],
    organizationEiks: [`20345678${eik9CheckDigit('20345678')}`],
  },
  {
    email: 'kandidat@demo.klaster.bg',
    displayName: 'Jane Applicant (demo)',
    language: 'en',
    roles: ['applicant'],
    organizationEiks: [],
  },
  {
    // A representative of „Кванта Интелект“, a candidate for membership: books the shared resources whose
    // owners open them to candidates (decision 034).
    email: 'kandidat-chlen@demo.klaster.bg',
    displayName: 'Никола Кандов (демо)',
    language: 'bg',
    roles: ['representative'],
    organizationEiks: [`20745127${eik9CheckDigit('20745127')}`],
  },
];
