import { Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { type Application, SHARING_KINDS, sizeClassFromStaff } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAreas } from '@/lib/api/areas.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { DocumentLine } from './documents.tsx';

function Part({ title, order, children }: { title: string; order: TitleOrder; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={order} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The applicant's answers to read: every section, what is not filled in said so, and the documents. */
export function ApplicationSummary({
  application,
  headingOrder = 2,
}: {
  application: Application;
  /** The summary's heading level; its parts are one level below. */
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const { organization: org, contact, offers, motivation, declarations, accession } = application.data;
  const order = (headingOrder + 1) as TitleOrder;
  const none = <Text c="dimmed">{t('apply.summary.notFilled')}</Text>;
  const areaName = (id: string) => {
    const area = areas.data?.items.find((a) => a.id === id);
    return area ? pickLocalized(area.nameBg, area.nameEn, language).text : id;
  };

  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="summary-title">
      <Stack gap="lg">
        <Title order={headingOrder} size="h3" id="summary-title">
          {t('apply.summary.title')}
        </Title>
        <Part title={t('apply.steps.organization')} order={order}>
          {org ? (
            <dl className="facts">
              <dt>{t('apply.organization.nameBg')}</dt>
              <dd lang="bg">{org.nameBg}</dd>
              <dt>{t('apply.organization.nameEn')}</dt>
              <dd lang="en">{org.nameEn}</dd>
              <dt>{t('apply.organization.eik')}</dt>
              <dd>{org.eik}</dd>
              <dt>{t('apply.organization.kind')}</dt>
              <dd>{t(`kind.${org.kind}`)}</dd>
              <dt>{t('apply.organization.employees')}</dt>
              <dd>
                {org.employees} ({t(`size.${sizeClassFromStaff(org.employees)}`)})
              </dd>
              <dt>{t('apply.organization.foundedYear')}</dt>
              <dd>{org.foundedYear}</dd>
              <dt>{t('apply.organization.city')}</dt>
              <dd>{org.city}</dd>
              <dt>{t('apply.organization.address')}</dt>
              <dd>{org.address}</dd>
              <dt>{t('apply.organization.website')}</dt>
              <dd>{org.website ?? t('apply.summary.none')}</dd>
              <dt>{t('apply.organization.naceCodes')}</dt>
              <dd>{org.naceCodes.join(', ')}</dd>
            </dl>
          ) : (
            none
          )}
        </Part>
        <Part title={t('apply.steps.contact')} order={order}>
          {contact ? (
            <dl className="facts">
              <dt>{t('apply.contact.name')}</dt>
              <dd>{contact.name}</dd>
              <dt>{t('apply.contact.position')}</dt>
              <dd>{contact.position}</dd>
              <dt>{t('apply.contact.email')}</dt>
              <dd>{contact.email}</dd>
              <dt>{t('apply.contact.phone')}</dt>
              <dd>{contact.phone}</dd>
            </dl>
          ) : (
            none
          )}
        </Part>
        <Part title={t('apply.steps.areas')} order={order}>
          {application.data.areas ? (
            <Text>{application.data.areas.areaIds.map(areaName).join(', ')}</Text>
          ) : (
            none
          )}
        </Part>
        <Part title={t('apply.steps.offers')} order={order}>
          {offers ? (
            <dl className="facts">
              {(['offers', 'seeks'] as const).flatMap((side) =>
                SHARING_KINDS.map((kind) => (
                  <Dd
                    key={`${side}.${kind}`}
                    term={`${t(`apply.offers.${side}`)}: ${t(`apply.offers.${kind}`)}`}
                  >
                    {offers[side][kind] || t('apply.summary.none')}
                  </Dd>
                )),
              )}
            </dl>
          ) : (
            none
          )}
        </Part>
        <Part title={t('apply.steps.motivation')} order={order}>
          {motivation ? (
            <dl className="facts">
              <dt>{t('apply.summary.category')}</dt>
              <dd>{t(`category.${motivation.category}`)}</dd>
              <dt>{t('apply.summary.motivation')}</dt>
              <dd className="pre-line">{motivation.motivation}</dd>
            </dl>
          ) : (
            none
          )}
        </Part>
        <Part title={t('apply.steps.declarations')} order={order}>
          {declarations ? (
            <Text>
              {t('apply.declarations.acceptedAt', { date: formatDate(declarations.acceptedAt, language) })} ·{' '}
              {t('apply.declarations.version', { version: declarations.version })}
            </Text>
          ) : (
            none
          )}
        </Part>
        {org?.kind === 'public_authority' || accession ? (
          <Part title={t('apply.steps.accession')} order={order}>
            {accession ? (
              <dl className="facts">
                <dt>{t('apply.accession.councilDecisionNumber')}</dt>
                <dd>{accession.councilDecisionNumber}</dd>
                <dt>{t('apply.accession.councilDecisionDate')}</dt>
                <dd>{formatDate(accession.councilDecisionDate, language)}</dd>
                <dt>{t('apply.accession.representativeName')}</dt>
                <dd>{accession.representativeName}</dd>
                <dt>{t('apply.accession.representativePosition')}</dt>
                <dd>{accession.representativePosition}</dd>
              </dl>
            ) : (
              none
            )}
          </Part>
        ) : null}
        <Part title={t('apply.steps.documents')} order={order}>
          {application.documents.length > 0 ? (
            <Stack component="ul" className="plain-list" gap="xs">
              {application.documents.map((d) => (
                <li key={d.id}>
                  <DocumentLine application={application} document={d} />
                </li>
              ))}
            </Stack>
          ) : (
            none
          )}
        </Part>
      </Stack>
    </Paper>
  );
}

function Dd({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className="pre-line">{children}</dd>
    </>
  );
}
