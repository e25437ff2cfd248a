import { type ContactField, ORGANIZATION_KINDS, type Sharing, type Visibility } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

const kindList = ORGANIZATION_KINDS.map((k) => `'${k}'`).join(', ');

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ЕИК/БУЛСТАТ, validated by @portal/shared isValidEik before it gets here. */
    eik: text('eik').notNull(),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    employees: integer('employees'),
    /**
     * Size class per the SME Act, derived from staff in the database so it can never disagree with
     * `employees`; mirrors sizeClassFromStaff() in @portal/shared (a test holds them together).
     */
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }).generatedAlwaysAs(
      sql`case when employees is null then null when employees < 10 then 'micro' when employees < 50 then 'small' when employees < 250 then 'medium' else 'large' end`,
    ),
    foundedYear: integer('founded_year'),
    city: text('city'),
    address: text('address'),
    website: text('website'),
    publicEmail: text('public_email'),
    publicPhone: text('public_phone'),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    naceCodes: text('nace_codes').array().notNull().default(sql`'{}'::text[]`),
    /** What the member offers to and seeks from the cluster (infrastructure, information, people, projects). */
    offers: jsonb('offers').$type<Sharing>().notNull().default({}),
    seeks: jsonb('seeks').$type<Sharing>().notNull().default({}),
    /** The organisation's contact person (personal data: erasable, shown per `visibility`). */
    contactName: text('contact_name'),
    contactPosition: text('contact_position'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /**
     * Who may see each contact field: `{ "publicEmail": "members", … }`; a field not named has its default
     * (CONTACT_FIELD_DEFAULTS in @portal/shared privacy.ts).
     */
    visibility: jsonb('visibility').$type<Partial<Record<ContactField, Visibility>>>().notNull().default({}),
    /** Bumped by every logo upload (null: no logo); logo URLs carry it, so they can be cached for ever. */
    logoVersion: integer('logo_version'),
    /**
     * Whether visitors may write to the organisation through the contact form on its public page (issue 17,
     * decision 053). Off until a representative turns it on; the public profile shows only this boolean.
     */
    acceptsContact: boolean('accepts_contact').notNull().default(false),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('organizations_eik_key').on(t.eik),
    check('organizations_kind_check', sql.raw(`kind in (${kindList})`)),
    check('organizations_employees_check', sql`${t.employees} is null or ${t.employees} >= 0`),
    index('organizations_name_bg_idx').on(sql`${t.nameBg} collate portal_bg`),
    index('organizations_kind_idx').on(t.kind),
    index('organizations_size_class_idx').on(t.sizeClass),
  ],
);
