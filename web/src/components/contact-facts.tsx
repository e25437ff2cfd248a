import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import type { ContactField } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayWebsite, safeHttpUrl, telHref } from '@/lib/contact-links.ts';

/** One term and its value of a `<dl className="facts">`. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The contact fields a reader may see (a field they may not see, or one left empty, is null or absent). */
export type ContactValues = Partial<Record<ContactField, string | null>>;

/**
 * The contact fields of an organisation as facts of a `<dl className="facts">`: address, website, public
 * e-mail and phone, and the contact person (name, position, e-mail, phone) under one term. Links only where
 * safe (http(s) websites, mailto:, tel:). `note` adds a short remark to a field, e.g. who may see it.
 */
export function ContactFacts({
  values: v,
  note,
}: {
  values: ContactValues;
  note?: (field: ContactField) => string | null | undefined;
}) {
  const { t } = useTranslation();
  const remark = (...fields: ContactField[]) => {
    const text = fields.map((field) => note?.(field)).find(Boolean);
    return text ? (
      <Text component="span" size="xs" c="dimmed">
        {' '}
        ({text})
      </Text>
    ) : null;
  };
  const website = v.website ? safeHttpUrl(v.website) : undefined;
  const person = [v.contactName, v.contactPosition].filter(Boolean).join(', ');
  const hasPerson = Boolean(person || v.contactEmail || v.contactPhone);

  return (
    <>
      {v.address ? (
        <Fact label={t('profile.address')}>
          {v.address}
          {remark('address')}
        </Fact>
      ) : null}
      {v.website ? (
        <Fact label={t('profile.website')}>
          {website ? (
            <Anchor href={website} target="_blank" rel="noopener noreferrer">
              {displayWebsite(v.website)}
              <VisuallyHidden> {t('profile.websiteNewTab')}</VisuallyHidden>
            </Anchor>
          ) : (
            v.website
          )}
          {remark('website')}
        </Fact>
      ) : null}
      {v.publicEmail ? (
        <Fact label={t('profile.email')}>
          <Anchor href={`mailto:${v.publicEmail}`}>{v.publicEmail}</Anchor>
          {remark('publicEmail')}
        </Fact>
      ) : null}
      {v.publicPhone ? (
        <Fact label={t('profile.phone')}>
          <Anchor href={telHref(v.publicPhone)}>{v.publicPhone}</Anchor>
          {remark('publicPhone')}
        </Fact>
      ) : null}
      {hasPerson ? (
        <Fact label={t('profile.contactPerson')}>
          {person ? (
            <div>
              {person}
              {remark('contactName', 'contactPosition')}
            </div>
          ) : null}
          {v.contactEmail ? (
            <div>
              <Anchor href={`mailto:${v.contactEmail}`}>{v.contactEmail}</Anchor>
              {remark('contactEmail')}
            </div>
          ) : null}
          {v.contactPhone ? (
            <div>
              <Anchor href={telHref(v.contactPhone)}>{v.contactPhone}</Anchor>
              {remark('contactPhone')}
            </div>
          ) : null}
        </Fact>
      ) : null}
    </>
  );
}
